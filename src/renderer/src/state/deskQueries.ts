/**
 * Reads from the desk through TanStack Query: one QueryClient for the window, and a query function that
 * turns a desk method's error envelope into a thrown DeskQueryError, so `useQuery`'s `error` carries the
 * desk's message. The hooks using it (useMetrics, useHandBackDraft) show their errors in place, so the
 * calls are quiet (no notice).
 */
import { QueryClient } from '@tanstack/react-query';
import type { DeskInput, DeskMethodName, DeskOutput } from '../../../shared/ipc/deskContract';
import type { ErrorCode } from '../../../shared/ipc/envelope';
import type { DeskClient } from './deskClient';

export class DeskQueryError extends Error {
  override readonly name = 'DeskQueryError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The method's value, or a DeskQueryError with the desk's code and message. */
export async function queryDesk<M extends DeskMethodName>(client: DeskClient, method: M, input: DeskInput<M>): Promise<DeskOutput<M>> {
  const result = await client.call(method, input, { quiet: true });
  if (!result.ok) throw new DeskQueryError(result.error.code, result.error.message);
  return result.value;
}

/**
 * The desk's answers change only when the desk says so (an event) or the agent asks again, and a failed
 * read is shown at once rather than retried behind the agent's back: no retries, no refetch on focus or
 * reconnect (the bridge is local), data stale at once so each new view asks again.
 */
export function createDeskQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false, staleTime: 0 },
    },
  });
}
