/**
 * Whether the remaining work may go back to the AI voice agent: one pure decision, read by the
 * assistant's advice during the call and by the check at confirmation, so the advice never calls
 * allowed what confirmation then refuses. Its reasons are typed codes; the words are for the screen.
 *
 * The policy answer and the caller's verification are kept apart: a routine task the pack allows is
 * "allowed" as policy, and waits at confirmation until the agent states how they verified the caller
 * (the package's verification counts too). Verification is never read from the transcript.
 */
import { z } from 'zod';
import type { HandBackTask } from './domainPack';

export const HAND_BACK_CODES = [
  'allowed',
  /** Nothing is in progress to hand back. */
  'not_in_call',
  /** Personal safety, harassment, threats, legal action, bereavement, medical, suspected fraud, or a pack's own. */
  'sensitive_topic',
  /** A refund, waiver, credit or other exception to policy: a person decides it. */
  'exception',
  /**
   * The agent said on the call that this work stays with them ("I'll keep this with me", "the assistant
   * can't do that one"). Advice only: confirming a hand-back later is the agent's newer decision.
   */
  'agent_kept_it',
  /** The pack does not mark the task routine, or does not know it. */
  'not_routine',
  /** IT's allow-list leaves it out. */
  'not_on_allow_list',
  /** Someone tried to steer the assistant during this call. */
  'steering_attempt',
  /** The task needs a verified caller and nobody has stated a verification. */
  'caller_not_verified',
] as const;
export type HandBackCode = (typeof HAND_BACK_CODES)[number];
export const HandBackCodeSchema = z.enum(HAND_BACK_CODES);

/** "*" in an allow-list stands for every task the pack marks routine. */
export const ALL_ROUTINE_TASKS = '*';

export interface HandBackFacts {
  inCall: boolean;
  /** The pack's task, when the request names one it knows. */
  task: HandBackTask | undefined;
  taskId: string;
  allowList: readonly string[];
  sensitiveTopic?: string;
  exception?: string;
  /** The agent said the work stays with them (the advice's reading of the call; confirmation passes false). */
  agentKeptIt?: boolean;
  steering: boolean;
  callerVerified: boolean;
}

/** What holds back a task the policy allows, until the agent deals with it at confirmation. */
export const HAND_BACK_BLOCKERS = ['steering_attempt', 'caller_not_verified'] as const;
export type HandBackBlocker = (typeof HAND_BACK_BLOCKERS)[number];
export const HandBackBlockerSchema = z.enum(HAND_BACK_BLOCKERS);

export interface HandBackDecision {
  /** The first reason: a refusal, a blocker, or 'allowed'. */
  code: HandBackCode;
  /** The policy allows the task (a routine, bounded task on the list, nothing sensitive or exceptional). */
  allowed: boolean;
  /** Allowed by policy but not sendable yet: someone tried to steer the assistant, or the caller is not verified. */
  blockers: HandBackBlocker[];
}

export function onAllowList(allowList: readonly string[], task: HandBackTask | undefined, taskId: string): boolean {
  if (!task?.routine) return false;
  return allowList.includes(taskId) || allowList.includes(ALL_ROUTINE_TASKS);
}

/**
 * The decision table, first match wins: sensitive, exception, the agent keeping it, not routine, allow-list. A task that
 * passes is allowed by policy; it can be sent only without blockers (an attempt to steer the
 * assistant, an unverified caller for a task that needs one).
 */
export function decideHandBack(facts: HandBackFacts): HandBackDecision {
  const refuse = (code: HandBackCode): HandBackDecision => ({ code, allowed: false, blockers: [] });
  if (!facts.inCall) return refuse('not_in_call');
  if (facts.sensitiveTopic) return refuse('sensitive_topic');
  if (facts.exception) return refuse('exception');
  if (facts.agentKeptIt) return refuse('agent_kept_it');
  if (!facts.task?.routine) return refuse('not_routine');
  if (!onAllowList(facts.allowList, facts.task, facts.taskId)) return refuse('not_on_allow_list');
  const blockers: HandBackBlocker[] = [];
  if (facts.steering) blockers.push('steering_attempt');
  if (facts.task.verifiedCaller && !facts.callerVerified) blockers.push('caller_not_verified');
  return { code: blockers[0] ?? 'allowed', allowed: true, blockers };
}

/** Whether a decision can leave now. */
export function sendable(decision: HandBackDecision): boolean {
  return decision.allowed && decision.blockers.length === 0;
}

/** The words for the screen, from the code. */
export function handBackReason(code: HandBackCode, detail: { taskLabel: string; topic?: string; exception?: string }): string {
  switch (code) {
    case 'allowed':
      return `${detail.taskLabel} is routine and bounded: the AI can finish it.`;
    case 'not_in_call':
      return 'Only a call in progress can be handed back.';
    case 'sensitive_topic':
      return `Sensitive matter in this call (${detail.topic ?? 'sensitive topic'}): keep it with a person.`;
    case 'exception':
      return `"${detail.exception ?? 'An exception'}" is an exception to policy: a person must decide it.`;
    case 'agent_kept_it':
      return `You said on the call you would keep this with you: ${detail.taskLabel} stays with a person unless you hand it back yourself.`;
    case 'not_routine':
      return `${detail.taskLabel} is not a routine task the AI may take back.`;
    case 'not_on_allow_list':
      return `${detail.taskLabel} is not on the hand-back list set by IT.`;
    case 'steering_attempt':
      return `${detail.taskLabel} is routine, but someone tried to instruct the assistant during this call: it cannot be handed back.`;
    case 'caller_not_verified':
      return `${detail.taskLabel} can go back once you confirm the caller is verified (Ctrl/Cmd+Shift+V).`;
  }
}
