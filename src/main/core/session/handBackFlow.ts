/**
 * Handing a routine task back to the AI voice agent (the seed's bidirectional handoff). The agent
 * reviews a draft; only tasks on the allow-list, for a verified caller, that the assistant did not
 * advise against, may leave — and only on the human's confirmation. Every outcome is audited.
 */
import { randomUUID } from 'node:crypto';
import type { CallView, HandBackStatus, TranscriptTurn } from '../../../shared/callState';
import { HandBackMessageSchema, type HandBackMessage } from '../../../shared/handBack';
import type { HandBackConfirmation, HandBackDraft } from '../../../shared/handBackDraft';
import { FACT_LABELS } from '../../../shared/facts';
import { needsVerifiedCaller, REFUSAL, VERIFIED_IN_CALL } from '../handback/handBackPolicy';


export function draftHandBack(view: CallView, turns: readonly TranscriptTurn[], allowList: readonly string[], task?: string): HandBackDraft {
  const advice = view.assist.handBack;
  const chosen = task ?? advice?.task ?? allowList[0] ?? 'remaining_task';
  const decision = judge(view, turns, allowList, chosen);
  return {
    callId: view.callId,
    task: chosen,
    allowed: decision.allowed,
    reason: decision.reason,
    facts: view.assist.facts.map((fact) => ({ name: fact.name, value: fact.value })),
    notes: view.notes,
    doneByHuman: doneByHuman(view, turns),
    allowList: [...allowList],
  };
}

/** The same rules the draft shows, applied again at confirmation: the renderer's word is not trusted. */
export function judge(view: CallView, turns: readonly TranscriptTurn[], allowList: readonly string[], task: string): { allowed: boolean; reason: string } {
  if (view.phase !== 'active') return { allowed: false, reason: 'Only a call in progress can be handed back.' };
  // The assistant's reason (a sensitive call, an exception) says more than "not on the list", so it comes first.
  const advice = view.assist.handBack;
  if (advice && !advice.allowed && advice.task === task) return { allowed: false, reason: advice.reason };
  if (advice && !advice.allowed && /sensitive|exception/i.test(advice.reason)) return { allowed: false, reason: advice.reason };
  if (!allowList.includes(task)) return { allowed: false, reason: REFUSAL.notOnList(task) };
  if (view.assist.injectionTurns.length > 0 || view.assist.injectionFields.length > 0) {
    return { allowed: false, reason: REFUSAL.injection };
  }
  if (needsVerifiedCaller(task) && !callerVerified(view, turns)) {
    return { allowed: false, reason: REFUSAL.unverified };
  }
  return { allowed: true, reason: 'Routine, bounded task on the allow-list, for a verified caller.' };
}

function callerVerified(view: CallView, turns: readonly TranscriptTurn[]): boolean {
  if (view.intake.status === 'ok' && view.intake.package.caller.verified) return true;
  return turns.some((turn) => turn.speaker === 'agent' && VERIFIED_IN_CALL.test(turn.text));
}

/** What the human already did, from the call itself, so the AI does not redo it. */
function doneByHuman(view: CallView, turns: readonly TranscriptTurn[]): string[] {
  const done: string[] = [];
  if (turns.some((turn) => turn.speaker === 'agent' && VERIFIED_IN_CALL.test(turn.text))) done.push('Verified the caller’s identity on the call');
  for (const fact of view.assist.facts) {
    if (fact.contradictedBy !== undefined) done.push(`Corrected ${FACT_LABELS[fact.name].toLowerCase()} from ${fact.packageValue} to ${fact.value}`);
  }
  for (const lookup of view.assist.lookups) if (lookup.status === 'ok') done.push(`Looked up ${lookup.tool.replace(/^lookup_/, '')} ${Object.values(lookup.input).join(', ')}`);
  return done.slice(0, 20);
}

export function handBackMessage(view: CallView, confirmation: HandBackConfirmation, agentName: string, now: number): HandBackMessage {
  const pkg = view.intake.status === 'ok' ? view.intake.package : undefined;
  return HandBackMessageSchema.parse({
    format: 'hand-back/1',
    handBackId: `hb_${randomUUID()}`,
    callSid: pkg?.callSid ?? view.callId,
    handoffId: pkg?.handoffId,
    task: confirmation.task,
    facts: view.assist.facts.map((fact) => ({ name: fact.name, value: fact.value })),
    notes: confirmation.notes,
    doneByHuman: confirmation.doneByHuman,
    agentName,
    sentAt: new Date(now).toISOString(),
  });
}

export function refusedStatus(task: string, reason: string, now: number): HandBackStatus {
  return { task, state: 'refused', detail: reason, at: now };
}
