/**
 * The call view reaches the renderer twice (the method's reply and the callChanged event) over
 * separate channels, so either may arrive last. A view for the same call never moves its phase back,
 * and an older revision never replaces a newer one.
 * Parts that did not change keep their identity (structural sharing, TanStack Query's replaceEqualDeep):
 * callChanged brings a whole new CallView, parsed from JSON, on every turn, and keeping the previous
 * object for every part that did not change lets memoised views (the package, each assist section) skip
 * their render: a new suggestion re-renders the suggestions, not the guideline steps or the package.
 */
import { replaceEqualDeep } from '@tanstack/react-query';
import type { CallPhase, CallView } from '../../../shared/callSchemas';

const PHASE_RANK: Record<CallPhase, number> = { ringing: 0, active: 1, ended: 2, declined: 2, missed: 2 };

export function mergeCallView(current: CallView | null, incoming: CallView | null): CallView | null {
  if (!incoming || !current || current.callId !== incoming.callId) return incoming;
  if (PHASE_RANK[incoming.phase] < PHASE_RANK[current.phase]) return current;
  if ((incoming.revision ?? 0) < (current.revision ?? 0)) return current;
  return replaceEqualDeep(current, incoming);
}
