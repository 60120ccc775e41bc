/**
 * The handoff metrics for one filter (a TanStack query keyed by the filter), reloaded whenever the store
 * changes (a call ended, a wrap-up or a survey score was saved: `historyChanged`) or the agent asks. The
 * last figures stay on screen while the next ones load.
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { HandoffMetrics, MetricsFilter } from '../../../shared/handoffMetrics';
import type { DeskClient } from './deskClient';
import { queryDesk } from './deskQueries';

export interface MetricsState {
  metrics: HandoffMetrics | null;
  loading: boolean;
  error: string | null;
  reload(): void;
}

const METRICS = 'metrics';

export function useMetrics(client: DeskClient, filter: MetricsFilter | null): MetricsState {
  const queryClient = useQueryClient();
  useEffect(() => client.on('historyChanged', () => void queryClient.invalidateQueries({ queryKey: [METRICS] })), [client, queryClient]);
  const query = useQuery({
    queryKey: [METRICS, filter],
    queryFn: () => queryDesk(client, 'getMetrics', filter!),
    enabled: filter !== null,
    placeholderData: keepPreviousData,
  });
  const { refetch } = query;
  return {
    metrics: query.data ?? null,
    loading: filter !== null && query.isFetching,
    error: query.error?.message ?? null,
    reload: () => void refetch(),
  };
}
