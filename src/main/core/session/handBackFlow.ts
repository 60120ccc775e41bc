/**
 * Handing a routine task back to the AI voice agent (the seed's bidirectional handoff). The agent
 * reviews a draft; only the pack's routine tasks on IT's allow-list, for a caller the package or the
 * agent verified, that the assistant did not advise against, may leave — and only on the human's
 * confirmation. The decision is the one table in src/shared/handBackPolicy.ts. Every outcome is audited.
 */
import { randomUUID } from 'node:crypto';
import type { CallView, HandBackStatus } from '../../../shared/callSchemas';
import { humanise } from '../../../shared/domainPack';
import { factLabel } from '../../../shared/facts';
import { HandBackMessageSchema, type HandBackMessage } from '../../../shared/handBack';
import type { HandBackConfirmation, HandBackDraft } from '../../../shared/handBackDraft';
import { decideHandBack, handBackReason, onAllowList, sendable, type HandBackCode } from '../../../shared/handBackPolicy';
import type { LoadedPack } from '../pack/packInUse';

/** The tasks that may be chosen: the pack's routine tasks on the allow-list. */
export function choosableTasks(loaded: LoadedPack, allowList: readonly string[]): string[] {
  return loaded.pack.manifest.handBack.tasks.filter((task) => onAllowList(allowList, task, task.id)).map((task) => task.id);
}

export function draftHandBack(view: CallView, loaded: LoadedPack, allowList: readonly string[], task?: string): HandBackDraft {
  const advice = view.assist.handBack;
  const choices = choosableTasks(loaded, allowList);
  // Nothing is pre-selected unless the assistant proposed it.
  const chosen = task ?? advice?.task ?? 'remaining_task';
  const decision = decideConfirmation(view, loaded, allowList, chosen);
  const labels = Object.fromEntries(loaded.pack.manifest.handBack.tasks.map((candidate) => [candidate.id, candidate.label]));
  return {
    callId: view.callId,
    task: chosen,
    allowed: decision.allowed,
    code: decision.code,
    reason: decision.reason,
    facts: view.assist.facts.map((fact) => ({ name: fact.name, value: fact.value })),
    notes: view.notes,
    doneByHuman: doneByHuman(view, loaded),
    allowList: choices,
    taskLabels: labels,
  };
}

/** The same table the advice uses, applied again at confirmation with the call's own state: the renderer's word is not trusted. */
export function decideConfirmation(
  view: CallView,
  loaded: LoadedPack,
  allowList: readonly string[],
  taskId: string,
): { allowed: boolean; code: HandBackCode; reason: string } {
  const task = loaded.pack.manifest.handBack.tasks.find((candidate) => candidate.id === taskId);
  const advice = view.assist.handBack;
  // A sensitive matter or an exception the assistant found holds for any task the agent picks.
  const adviceRefusal =
    advice && !advice.allowed && (advice.code === 'sensitive_topic' || advice.code === 'exception') ? advice : undefined;
  const decision = decideHandBack({
    inCall: view.phase === 'active',
    task,
    taskId,
    allowList,
    sensitiveTopic: adviceRefusal?.code === 'sensitive_topic' ? (advice?.topic ?? 'sensitive') : undefined,
    exception: adviceRefusal?.code === 'exception' ? taskId : undefined,
    steering: view.assist.injectionTurns.length > 0 || view.assist.injectionFields.length > 0,
    callerVerified: view.verification !== undefined,
  });
  const reason = adviceRefusal ? adviceRefusal.reason : handBackReason(decision.code, { taskLabel: task?.label ?? humanise(taskId) });
  return { allowed: sendable(decision), code: decision.code, reason };
}

/** What the human already did, from the call itself, so the AI does not redo it. */
function doneByHuman(view: CallView, loaded: LoadedPack): string[] {
  const done: string[] = [];
  if (view.verification?.by === 'agent')
    done.push(`Verified the caller’s identity on the call (${view.verification.method.replace(/_/g, ' ')})`);
  for (const fact of view.assist.facts) {
    if (fact.contradictedBy !== undefined)
      done.push(`Corrected ${factLabel(loaded.summary, fact.name).toLowerCase()} from ${fact.packageValue} to ${fact.value}`);
  }
  for (const lookup of view.assist.lookups)
    if (lookup.status === 'ok') done.push(`Looked up ${lookup.tool.replace(/^lookup_/, '')} ${Object.values(lookup.input).join(', ')}`);
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
