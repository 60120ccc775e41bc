/**
 * After the call: the agent's wrap-up and the customer's survey score (CSAT), for the call on the desk
 * or a stored one; each updates the post-call record. Read-modify-writes of a stored call run one at a
 * time, so a wrap-up and a late CSAT never lose each other's change.
 */
import type { CallView, WrapUp } from '../../../shared/callSchemas';
import { isRingingOrActive } from '../../../shared/callLifecycle';
import { DeskError } from '../../../shared/ipc/envelope';
import type { CallHistory } from './callHistory';
import type { DeskContext } from './deskContext';
import { buildPostCallRecord } from './postCallRecordBuilder';

export class WrapUpService {
  private storedEdits: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly desk: DeskContext,
    private readonly history: CallHistory,
  ) {}

  /** The agent's wrap-up for the current (ended) call or a stored one; updates the post-call record. */
  saveWrapUp(callId: string, wrapUp: WrapUp): Promise<CallView> {
    return this.oneAtATime(() => this.applyWrapUp(callId, wrapUp));
  }

  /** The customer's survey score arrives after the call (from the IVR survey or the demo simulator). */
  csat(callId: string, score: number): Promise<void> {
    return this.oneAtATime(() => this.applyCsat(callId, score));
  }

  private async applyWrapUp(callId: string, wrapUp: WrapUp): Promise<CallView> {
    const { current, options, writes } = this.desk;
    const savedAt = options.clock.now();
    const call = current.get(callId);
    if (call && isRingingOrActive(call.view.phase)) throw new DeskError('wrong_state', 'Wrap up after the call ends.');
    const stored = call ? { call: call.view, turns: call.turns } : await this.history.getStoredCall(callId);
    const view: CallView = { ...stored.call, wrapUp: { ...wrapUp, savedAt } };
    if (call) current.update(call, { wrapUp: view.wrapUp });
    else await writes.persist(() => options.store.saveCall(view));
    await writes.persist(() => options.store.saveCallRecord(buildPostCallRecord(view, stored.turns, options.packs.current.summary)));
    options.emit('historyChanged', {});
    return view;
  }

  private async applyCsat(callId: string, score: number): Promise<void> {
    if (!(score >= 1 && score <= 5)) return;
    const { current, options, writes } = this.desk;
    const call = current.get(callId);
    if (call) current.update(call, { csat: score });
    await writes.settled();
    const stored = call ? { call: call.view, turns: call.turns } : await options.store.getStoredCall(callId);
    if (!stored) return;
    const view = { ...stored.call, csat: score };
    if (!call) await writes.persist(() => options.store.saveCall(view));
    if (!isRingingOrActive(view.phase))
      await writes.persist(() => options.store.saveCallRecord(buildPostCallRecord(view, stored.turns, options.packs.current.summary)));
    options.emit('historyChanged', {});
  }

  private oneAtATime<T>(edit: () => Promise<T>): Promise<T> {
    const next = this.storedEdits.then(edit, edit);
    this.storedEdits = next.catch(() => undefined);
    return next;
  }
}
