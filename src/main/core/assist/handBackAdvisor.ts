/**
 * Whether the rest of the call's work can go back to the AI voice agent, and why (the seed's
 * bidirectional handoff: only well-bounded routine tasks, never exceptions or sensitive matters).
 * It only advises; executing a hand-back is the agent's decision, made elsewhere.
 */
import type { HandBackAdvice } from '../../../shared/callState';
import { REFUSAL, ROUTINE_TASKS, VERIFIED_IN_CALL } from '../handback/handBackPolicy';

export interface HandBackEvidence {
  turnIndex: number;
  speaker: 'agent' | 'customer';
  text: string;
}

const AI = '(?:(?:our|the|your)\\s+)?(?:automated\\s+(?:one|assistant|system|agent|line)|virtual\\s+assistant|assistant|ai|a\\.i\\.|bot|robot|computer|machine|voice\\s+agent|system)';
const ACT = '(?:do|done|did|handle|handled|send|sent|text|email|finish|finished|complete|approve|approved|take care|switch|change|update|fix|reset|cancel|refund|waive|add|remove|process|sort|close|move|reschedule)';
/** "the computer lady", "the bot thing": a word people put after the AI's name. */
const AI_NOUN = '(?:\\s+(?:lady|guy|man|woman|thing|voice|person))?';
const HAND_BACK_REQUEST = [
  new RegExp(`\\b(?:hand|pass|transfer|send|put|give|return)(?:ing)?\\s+(?:you|this|it|the call|the rest|me)\\s+(?:back\\s+)?(?:over\\s+)?to\\s+${AI}`, 'i'),
  new RegExp(`\\bhave\\s+${AI}\\s+(?:just\\s+)?${ACT}`, 'i'),
  // "The automated one said it could. Can't you put me back to it?"
  new RegExp(`\\b${AI}\\b[^.?!]*[.?!]\\s*[^.?!]*\\b(?:put|send|transfer|pass|hand|give)\\s+me\\s+back\\s+(?:over\\s+)?to\\s+(?:it|them)\\b`, 'i'),
  new RegExp(`\\bback\\s+to\\s+${AI}\\s+(?:to|so|and|for|which|who)\\b`, 'i'),
  new RegExp(`\\b${AI}\\s+(?:will|can|could|'ll|is going to|would)\\s+(?:now\\s+|then\\s+|just\\s+)?(?:send|finish|complete|take care of|handle|email|text|walk you through|process)`, 'i'),
  new RegExp(`\\b(?:could(?:n't)?|can(?:'t)?|why (?:didn't|couldn't|can't)|would(?:n't)?)\\s+${AI}${AI_NOUN}\\s+(?:have\\s+)?(?:just\\s+)?${ACT}`, 'i'),
  new RegExp(`\\blet\\s+${AI}${AI_NOUN}\\s+(?:just\\s+)?${ACT}`, 'i'),
];

const EXCEPTIONS = /\b(?:exception|extension|more time|waive|approve|override|compensat\w*|refund|credit|discount|price (?:match|adjustment)|reimburse\w*|cancel\w* (?:the|my) (?:subscription|account)|goodwill)\b/i;
const SENSITIVE = /\b(?:hospital\w*|medical|surgery|illness|sick|disabilit\w*|passed away|died|death|funeral|bereave\w*|widow\w*|lawyer|attorney|legal|lawsuit|sue|court|complaint|fraud\w*|stolen|identity theft|harass\w*|threat\w*|abuse|police)\b/i;

export function handBackRequested(text: string): boolean {
  return HAND_BACK_REQUEST.some((pattern) => pattern.test(text));
}

/**
 * Follows a call turn by turn (constant work per turn, however long the call) and advises on the
 * latest hand-back request: null until someone asks, then the task and whether it may go back.
 */
export class HandBackAdvisor {
  private readonly recent: HandBackEvidence[] = [];
  private sensitive?: string;
  private verifiedInCall = false;
  private request?: HandBackEvidence;
  private advice: HandBackAdvice | null = null;

  constructor(
    private readonly callerVerified: boolean,
    private readonly allowList?: readonly string[],
  ) {}

  addTurn(turn: HandBackEvidence): HandBackAdvice | null {
    this.recent.push(turn);
    if (this.recent.length > 6) this.recent.shift();
    this.sensitive ??= SENSITIVE.exec(turn.text)?.[0];
    if (turn.speaker === 'agent' && VERIFIED_IN_CALL.test(turn.text)) this.verifiedInCall = true;
    if (handBackRequested(turn.text)) this.request = turn;
    // The turn right after a request often names the task ("…and email the label"), and anything sensitive
    // said later still changes the answer, so the latest request is re-judged on each turn.
    if (this.request) this.advice = this.judge(this.request);
    return this.advice;
  }

  private judge(request: HandBackEvidence): HandBackAdvice {
    const nearbyText = this.recent
      .filter((turn) => turn.turnIndex >= request.turnIndex - 3 && turn.turnIndex <= request.turnIndex + 1)
      .map((turn) => turn.text)
      .join(' ');
    const exception = EXCEPTIONS.exec(request.text) ?? EXCEPTIONS.exec(nearbyText);
    const routine = ROUTINE_TASKS.find((candidate) => candidate.cue.test(request.text)) ?? ROUTINE_TASKS.find((candidate) => candidate.cue.test(nearbyText));
    const base = { requestedInTurn: request.turnIndex };
    if (exception && !(routine && routine.cue.test(request.text) && !EXCEPTIONS.test(request.text))) {
      return { ...base, task: `${slug(exception[0])}_exception`, allowed: false, reason: `"${exception[0]}" is an exception to policy: a person must decide it.` };
    }
    if (this.sensitive) {
      return { ...base, task: routine?.task ?? 'remaining_task', allowed: false, reason: `Sensitive matter in this call ("${this.sensitive}"): keep it with a person.` };
    }
    if (!routine) {
      return { ...base, task: 'remaining_task', allowed: false, reason: 'The remaining work is not on the routine hand-back list.' };
    }
    if (this.allowList && !this.allowList.includes(routine.task)) {
      return { ...base, task: routine.task, allowed: false, reason: REFUSAL.notOnList(routine.task) };
    }
    if (routine.needsVerifiedCaller && !(this.callerVerified || this.verifiedInCall)) {
      return { ...base, task: routine.task, allowed: false, reason: REFUSAL.unverified };
    }
    return { ...base, task: routine.task, allowed: true, reason: 'Routine, bounded task for a verified caller.' };
  }
}

/** The advice after a whole list of turns (for tests and one-off checks). */
export function adviseHandBack(turns: HandBackEvidence[], options: { callerVerified: boolean; allowList?: readonly string[] }): HandBackAdvice | null {
  const advisor = new HandBackAdvisor(options.callerVerified, options.allowList);
  let advice: HandBackAdvice | null = null;
  for (const turn of turns) advice = advisor.addTurn(turn);
  return advice;
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}
