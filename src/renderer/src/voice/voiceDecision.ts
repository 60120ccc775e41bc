/**
 * What the desk does with a Voice call that has just rung (or is still waiting): the one rule that ties
 * the phone line to the reservation the agent sees. Pure: no SDK, no React.
 *
 * - The ids match an answered desk call → accept: the agent already said yes on the ringing card.
 * - The ids match a desk call that still rings → wait: the audio is taken when the agent accepts.
 * - No desk call yet → wait: the reservation may still be on its way (TaskRouter and Voice race).
 * - The ids name another task than the ringing or answered call → reject: never the wrong customer.
 * - The ids match a call that has already ended (missed, declined, hung up) → reject.
 * - No id can be compared → ask: the agent decides, and only an answered call can take the audio.
 */
import type { CallView } from '../../../shared/callSchemas';
import { isRingingOrActive } from '../../../shared/callLifecycle';
import { matchReservation, type CallHandoff } from './handoffParams';

export interface DeskCallIds {
  callId: string;
  phase: CallView['phase'];
  taskSid?: string;
  handoffId?: string;
}

export type VoiceDecision =
  | { kind: 'accept'; matchedOn: Array<'taskSid' | 'handoffId'> }
  | { kind: 'wait'; reason: string }
  | { kind: 'reject'; reason: string }
  | { kind: 'ask'; reason: string };

/** The ids of the desk's current call: the routing's, else the package's own handoff id. */
export function deskCallIdsOf(view: CallView | null): DeskCallIds | null {
  if (!view) return null;
  const packageHandoffId = view.intake.status === 'ok' ? view.intake.package.handoffId : undefined;
  const handoffId = view.routing?.handoffId ?? packageHandoffId;
  return {
    callId: view.callId,
    phase: view.phase,
    ...(view.routing?.taskSid ? { taskSid: view.routing.taskSid } : {}),
    ...(handoffId ? { handoffId } : {}),
  };
}

export function decideVoiceCall(
  handoff: Pick<CallHandoff, 'taskSid' | 'handoffId'>,
  desk: DeskCallIds | null,
  lineBusy: boolean,
): VoiceDecision {
  if (lineBusy) return { kind: 'reject', reason: 'Another call is already on the line.' };
  if (!desk) return { kind: 'wait', reason: 'Waiting for the reservation this audio belongs to.' };
  const live = isRingingOrActive(desk.phase);
  const match = matchReservation(handoff, desk);
  if (match.kind === 'unknown') {
    return { kind: 'ask', reason: 'This call carries no escalation id the desk can check against the reservation.' };
  }
  if (match.kind === 'mismatch') {
    if (!live) return { kind: 'wait', reason: 'Waiting for the reservation this audio belongs to.' };
    return {
      kind: 'reject',
      reason: `The audio belongs to ${match.field === 'taskSid' ? 'task' : 'handoff'} ${match.call}, not to the call on the desk (${match.reservation}).`,
    };
  }
  if (desk.phase === 'active') return { kind: 'accept', matchedOn: match.on };
  if (desk.phase === 'ringing') return { kind: 'wait', reason: 'Taken when you accept the call.' };
  return { kind: 'reject', reason: `Its reservation has already ended (${desk.phase}).` };
}
