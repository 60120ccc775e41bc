/**
 * The handoff metrics for one filter, reloaded whenever the store changes (a call ended, a wrap-up or
 * a survey score was saved). The last figures stay on screen while the next ones load.
 */
import { useEffect, useState } from 'react';
import type { HandoffMetrics, MetricsFilter } from '../../../shared/handoffMetrics';
import type { DeskClient } from './deskClient';

export interface MetricsState {
  metrics: HandoffMetrics | null;
  loading: boolean;
  error: string | null;
  reload(): void;
}

export function useMetrics(client: DeskClient, filter: MetricsFilter | null): MetricsState {
  const [metrics, setMetrics] = useState<HandoffMetrics | null>(null);
  const [answered, setAnswered] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const key = filter ? JSON.stringify(filter) : null;
  const request = `${key}#${version}`;

  useEffect(() => client.on('historyChanged', () => setVersion((n) => n + 1)), [client]);

  useEffect(() => {
    if (key === null) return;
    let cancelled = false;
    void client.call('getMetrics', JSON.parse(key) as MetricsFilter, { quiet: true }).then((result) => {
      if (cancelled) return;
      setAnswered(request);
      if (result.ok) {
        setMetrics(result.value);
        setError(null);
      } else {
        setError(result.error.message);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [client, key, request]);

  return { metrics, loading: key !== null && answered !== request, error, reload: () => setVersion((n) => n + 1) };
}
