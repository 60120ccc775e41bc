/**
 * Hand-back at the desk: drafts what the agent reviews, checks the rules again at confirmation (the
 * renderer's word is not trusted), sends it through the configured transport and audits every outcome.
 * A hand-back the AI took ends the human's part of the call. The rules are in handBackFlow.ts.
 */
import type { CallView } from '../../../shared/callSchemas';
import type { HandBackConfirmation, HandBackDraft } from '../../../shared/handBackDraft';
import { DeskError } from '../../../shared/ipc/envelope';
import type { CallSession } from './callSession';
import type { DeskContext } from './deskContext';
import { draftHandBack, handBackMessage, decideConfirmation, refusedStatus } from './handBackFlow';

export class HandBackService {
  constructor(
    private readonly desk: DeskContext,
    private readonly session: CallSession,
  ) {}

  prepare(callId: string, task?: string): HandBackDraft {
    const call = this.desk.current.require(callId, 'active');
    return draftHandBack(call.view, call.pack, this.desk.options.settings.current.handBackAllowList, task);
  }

  /** Sends a hand-back the agent confirmed — after checking the rules again — and audits the outcome. */
  async confirm(confirmation: HandBackConfirmation): Promise<CallView> {
    const { current, options, audit } = this.desk;
    const call = current.require(confirmation.callId, 'active');
    if (call.view.handBack && call.view.handBack.state !== 'refused' && call.view.handBack.state !== 'failed') {
      throw new DeskError('wrong_state', 'This call has already been handed back.');
    }
    const now = options.clock.now();
    const decision = decideConfirmation(call.view, call.pack, options.settings.current.handBackAllowList, confirmation.task);
    if (!decision.allowed) {
      current.update(call, { handBack: refusedStatus(confirmation.task, decision.reason, now) });
      audit.record(call.view.callId, 'hand_back_refused', { task: confirmation.task, code: decision.code, reason: decision.reason });
      return call.view;
    }
    const transport = await options.handBackTransport?.();
    if (!transport) throw new DeskError('wrong_state', 'No hand-back destination is configured.');
    const message = handBackMessage(call.view, confirmation, options.settings.current.agentName, now);
    current.update(call, {
      notes: confirmation.notes,
      handBack: { task: message.task, state: 'sending', detail: `Sending to the AI (${transport.name})…`, at: now },
    });
    audit.record(call.view.callId, 'hand_back_sent', { task: message.task, handBackId: message.handBackId, transport: transport.name });
    const delivery = await transport.deliver(message);
    const at = options.clock.now();
    const state =
      delivery.state === 'failed'
        ? 'failed'
        : delivery.receiverStatus === 'completed'
          ? 'completed'
          : delivery.receiverStatus === 'failed'
            ? 'failed'
            : 'delivered';
    current.update(call, { handBack: { task: message.task, state, detail: delivery.detail, at, attempts: delivery.attempts } });
    audit.record(call.view.callId, `hand_back_${state}`, {
      task: message.task,
      handBackId: message.handBackId,
      attempts: delivery.attempts,
      detail: delivery.detail,
    });
    // The AI has the customer now: the human's part of the call is over (unless the call ended meanwhile).
    if (state === 'delivered' || state === 'completed') {
      await options.telephony.hangUp(call.view.callId);
      this.session.finish(call, 'hang_up');
    }
    return call.view;
  }
}
