/**
 * The call view reaches the renderer twice (the method's reply and the callChanged event) over
 * separate channels, so either may arrive last. A view for the same call never moves its phase back,
 * and an older revision never replaces a newer one.
 * Parts that did not change keep their identity (structural sharing), so memoised views stay put.
 */
import type { CallPhase, CallView } from '../../../shared/callState';
import { replaceEqualDeep } from './structuralSharing';

const PHASE_RANK: Record<CallPhase, number> = { ringing: 0, active: 1, ended: 2, declined: 2, missed: 2 };

export function mergeCallView(current: CallView | null, incoming: CallView | null): CallView | null {
  if (!incoming || !current || current.callId !== incoming.callId) return incoming;
  if (PHASE_RANK[incoming.phase] < PHASE_RANK[current.phase]) return current;
  if ((incoming.revision ?? 0) < (current.revision ?? 0)) return current;
  return replaceEqualDeep(current, incoming);
}
