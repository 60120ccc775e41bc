/**
 * At start: every call the store still has as ringing or active was cut off by a crash or a kill. Each is
 * closed by the lifecycle's `interrupted` event (ringing → missed, active → ended) at its last known
 * moment, marked interrupted, and given its post-call record, so history and metrics count it.
 */
import type { CallView } from '../../../shared/callSchemas';
import { isRingingOrActive, transition } from '../../../shared/callLifecycle';
import type { DeskContext } from './deskContext';
import { buildPostCallRecord, draftWrapUp } from './postCallRecordBuilder';

/** Returns the ids recovered. */
export async function recoverInterruptedCalls(desk: DeskContext): Promise<string[]> {
  const { options, current, writes } = desk;
  const recovered: string[] = [];
  for (const callId of await options.store.listUnfinishedCallIds()) {
    if (current.get(callId)) continue;
    const stored = await options.store.getStoredCall(callId);
    if (!stored) continue;
    const { call, turns } = stored;
    const step = transition(call.phase, 'interrupted');
    if (!step.ok || !isRingingOrActive(call.phase)) continue;
    // The last wall-clock moment the store knows of (turn times are on the call clock, not the wall clock).
    const endedAt = Math.max(call.ringingAt, call.acceptedAt ?? 0, call.notesSavedAt ?? 0);
    const closed: CallView = {
      ...call,
      phase: step.to,
      endedAt,
      interrupted: { lastPhase: call.phase, recoveredAt: options.clock.now() },
      timings: { ...call.timings, talkMs: call.acceptedAt !== undefined ? endedAt - call.acceptedAt : undefined },
      revision: (call.revision ?? 0) + 1,
    };
    const view: CallView = { ...closed, wrapUp: call.wrapUp ?? draftWrapUp(closed) };
    const saved = await writes.persist(() => options.store.saveCall(view));
    if (!saved.ok) continue;
    await writes.persist(() => options.store.saveCallRecord(buildPostCallRecord(view, turns)));
    recovered.push(callId);
  }
  if (recovered.length) options.emit('historyChanged', {});
  return recovered;
}
