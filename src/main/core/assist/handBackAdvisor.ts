/**
 * Whether the rest of the call's work can go back to the AI voice agent, and why (the seed's
 * bidirectional handoff: only well-bounded routine tasks, never exceptions or sensitive matters).
 * It follows the call turn by turn, notices a request to hand back (by either party), names the
 * pack's task it is about, and asks the one policy table (src/shared/handBackPolicy.ts) for the
 * answer. It only advises; executing a hand-back is the agent's decision, made elsewhere.
 */
import type { HandBackAdvice } from '../../../shared/callState';
import type { HandBackTask } from '../../../shared/domainPack';
import { decideHandBack, handBackReason } from '../../../shared/handBackPolicy';
import { humanise } from '../../../shared/domainPack';
import { SensitiveTopicDetector, exceptionAsked, type TopicHit } from '../understanding/sensitiveTopics';
import { terms } from './kbText';

export interface HandBackEvidence {
  turnIndex: number;
  speaker: 'agent' | 'customer';
  text: string;
}

const AI = '(?:(?:our|the|your|that|an?)\\s+)?(?:automated\\s+(?:one|assistant|system|agent|line|service)|virtual\\s+(?:assistant|agent)|ai\\s+(?:agent|assistant)|assistant|ai|a\\.i\\.|bot|robot|computer|machine|voice\\s+(?:agent|assistant)|system|automated)';
const ACT = '(?:do|done|did|handle|handled|send|sent|text|email|finish|finished|complete|approve|approved|take care|switch|change|update|fix|reset|cancel|refund|waive|add|remove|process|sort|close|move|reschedule|book|set up|take|pay)';
const AI_NOUN = '(?:\\s+(?:lady|guy|man|woman|thing|voice|person))?';
const HAND_BACK_REQUEST = [
  new RegExp(`\\b(?:hand|pass|transfer|send|put|give|return|switch)(?:ing)?\\s+(?:you|this|it|the call|the rest|me)\\s+(?:back\\s+)?(?:over\\s+)?to\\s+${AI}`, 'i'),
  new RegExp(`\\bhave\\s+${AI}\\s+(?:just\\s+)?${ACT}`, 'i'),
  new RegExp(`\\b${AI}\\b[^.?!]*[.?!]\\s*[^.?!]*\\b(?:put|send|transfer|pass|hand|give)\\s+me\\s+back\\s+(?:over\\s+)?to\\s+(?:it|them)\\b`, 'i'),
  new RegExp(`\\bback\\s+to\\s+${AI}\\s+(?:to|so|and|for|which|who)\\b`, 'i'),
  new RegExp(`\\b${AI}\\s+(?:will|can|could|'ll|is going to|would)\\s+(?:now\\s+|then\\s+|just\\s+)?(?:send|finish|complete|take care of|handle|email|text|walk you through|process|take|book|set)`, 'i'),
  new RegExp(`\\b(?:could(?:n't)?|can(?:'t)?|why (?:didn't|couldn't|can't)|would(?:n't)?)\\s+${AI}${AI_NOUN}\\s+(?:have\\s+)?(?:just\\s+)?${ACT}`, 'i'),
  new RegExp(`\\blet\\s+${AI}${AI_NOUN}\\s+(?:just\\s+)?${ACT}`, 'i'),
];

export function handBackRequested(text: string): boolean {
  return HAND_BACK_REQUEST.some((pattern) => pattern.test(text));
}

/** How much of a task's phrasing the words carry: the best phrasing's share of content words said. */
function taskScore(task: HandBackTask, said: ReadonlySet<string>): number {
  let best = 0;
  for (const phrasing of task.phrasings) {
    const words = [...new Set(terms(phrasing))];
    if (!words.length) continue;
    const share = words.filter((word) => said.has(word)).length / words.length;
    best = Math.max(best, share * Math.min(1, 0.6 + 0.2 * words.length));
  }
  return best;
}

const TASK_THRESHOLD = 0.6;
/** Exceptions whatever they are for; "refund" or "credit" may only be what a routine task leads to. */
const EXCEPTION_BY_NATURE = /\b(?:exception|waive|override|goodwill|compensat|discount|price (?:match|adjustment)|write)/i;

export interface HandBackAdvisorOptions {
  tasks: readonly HandBackTask[];
  sensitive: SensitiveTopicDetector;
  allowList: readonly string[];
  /** The package's verification; the agent's own is added with callerVerified(). */
  callerVerified: boolean;
}

/**
 * Follows a call turn by turn (constant work per turn, however long the call) and advises on the
 * latest hand-back request: null until someone asks, then the task and the policy's answer.
 */
export class HandBackAdvisor {
  private readonly recent: HandBackEvidence[] = [];
  private sensitive?: TopicHit;
  private steering = false;
  private verified: boolean;
  private request?: HandBackEvidence;
  private advice: HandBackAdvice | null = null;

  constructor(private readonly options: HandBackAdvisorOptions) {
    this.verified = options.callerVerified;
  }

  /** The agent stated how they verified the caller. */
  callerVerified(): HandBackAdvice | null {
    this.verified = true;
    if (this.request) this.advice = this.judge(this.request);
    return this.advice;
  }

  /** Someone tried to steer the assistant: nothing goes back for the rest of the call. */
  steeringSeen(): HandBackAdvice | null {
    this.steering = true;
    if (this.request) this.advice = this.judge(this.request);
    return this.advice;
  }

  addTurn(turn: HandBackEvidence, options: { steering?: boolean } = {}): HandBackAdvice | null {
    this.recent.push(turn);
    if (this.recent.length > 6) this.recent.shift();
    this.sensitive ??= this.options.sensitive.detect(turn.text);
    if (options.steering) this.steering = true;
    // Words aimed at the assistant to make it act are an attempt to steer it, not a hand-back request.
    else if (handBackRequested(turn.text)) this.request = turn;
    // The turn right after a request often names the task ("…and email the label"), and anything
    // sensitive said later still changes the answer, so the latest request is judged again each turn.
    if (this.request) this.advice = this.judge(this.request);
    return this.advice;
  }

  get current(): HandBackAdvice | null {
    return this.advice;
  }

  private identifyTask(request: HandBackEvidence, nearby: string): { task?: HandBackTask; id: string; inRequest: boolean } {
    const requestWords = new Set(terms(request.text));
    const around = new Set(terms(nearby));
    let best: { task: HandBackTask; score: number; inRequest: boolean } | undefined;
    for (const task of this.options.tasks) {
      // The request's own words count more than the turns around it.
      const own = taskScore(task, requestWords);
      const score = Math.max(own, taskScore(task, around) * 0.9);
      if (score >= TASK_THRESHOLD && (!best || score > best.score)) best = { task, score, inRequest: own >= TASK_THRESHOLD };
    }
    return best ? { task: best.task, id: best.task.id, inRequest: best.inRequest } : { id: 'remaining_task', inRequest: false };
  }

  private judge(request: HandBackEvidence): HandBackAdvice {
    const nearby = this.recent
      .filter((turn) => turn.turnIndex >= request.turnIndex - 3 && turn.turnIndex <= request.turnIndex + 1)
      .map((turn) => turn.text)
      .join(' ');
    const { task, id, inRequest } = this.identifyTask(request, nearby);
    // An exception asked for around the request counts unless the request itself names a routine task;
    // then only an exception by nature (a waiver, goodwill) does, since "…so I get my refund" is its purpose.
    const asked = exceptionAsked(request.text) ?? exceptionAsked(nearby);
    const exception = task?.routine && inRequest ? (asked && EXCEPTION_BY_NATURE.test(asked) ? asked : undefined) : asked;
    const decision = decideHandBack({
      inCall: true,
      task,
      taskId: id,
      allowList: this.options.allowList,
      sensitiveTopic: this.sensitive?.id,
      exception,
      steering: this.steering,
      callerVerified: this.verified,
    });
    const taskLabel = task?.label ?? humanise(id);
    return {
      task: id,
      allowed: decision.allowed,
      code: decision.code,
      needsVerification: decision.needsVerification,
      ...(this.sensitive ? { topic: this.sensitive.id } : {}),
      reason: handBackReason(decision.code, { taskLabel, topic: this.sensitive?.label, exception }),
      requestedInTurn: request.turnIndex,
    };
  }
}
