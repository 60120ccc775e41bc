/**
 * Whether the rest of the call's work can go back to the AI voice agent, and why (the seed's
 * bidirectional handoff: only well-bounded routine tasks, never exceptions or sensitive matters).
 * It follows the call turn by turn, notices a request to hand back (by either party), names the
 * pack's task it is about, and asks the one policy table (src/shared/handBackPolicy.ts) for the
 * answer. It only advises; executing a hand-back is the agent's decision, made elsewhere.
 */
import type { HandBackAdvice } from '../../../shared/callSchemas';
import type { HandBackTask } from '../../../shared/domainPack';
import { decideHandBack, handBackReason } from '../../../shared/handBackPolicy';
import { humanise } from '../../../shared/domainPack';
import { SensitiveTopicDetector, exceptionAsked, type TopicHit } from '../understanding/sensitiveTopics';
import { searchTerms } from './searchTerms';
import { sentencesOf } from '../../../shared/text';
import { wordTags } from '../understanding/lexicon';

export interface HandBackEvidence {
  turnIndex: number;
  speaker: 'agent' | 'customer';
  text: string;
  /** Facts the turn stated (from the understanding stage): a task that needs them is what the turn is about. */
  facts?: readonly string[];
}

const AI =
  '(?:(?:our|the|your|that|an?)\\s+)?(?:(?:automated|automatic)\\s+(?:one|assistant|system|agent|line|service|thing)|virtual\\s+(?:assistant|agent)|ai\\s+(?:agent|assistant)|assistant|ai|a\\.i\\.|bot|robot|computer|machine|voice\\s+(?:agent|assistant)|system|automated)';
const ACT =
  '(?:do|done|did|handle|handled|send|sent|resend|re-send|text|email|mail|post|ship|finish|finished|complete|approve|approved|take care|switch|change|update|fix|reset|cancel|refund|credit|waive|add|remove|process|sort|close|move|reschedule|schedule|book|set up|take|pay|give|apply|issue|deal with|arrange|turn on|activate|renew|order|submit|unlock|unblock|top up|log)';
const AI_NOUN = '(?:\\s+(?:lady|guy|man|woman|thing|voice|person|line|one))?';
const HAND_BACK_REQUEST = [
  new RegExp(
    `\\b(?:hand|pass|transfer|send|put|give|return|switch|connect)(?:ing)?\\s+(?:you|this|it|that|the call|the rest|me|us)\\s+(?:back\\s+)?(?:over\\s+|through\\s+)?(?:to|with|on|onto)\\s+${AI}${AI_NOUN}`,
    'i',
  ),
  // "I'm not going to hand this back for that": a hand-back weighed, even when turned down.
  /\b(?:hand|pass|give)(?:ing)?\s+(?:this|it|that|the rest)\s+back\b/i,
  // "I'll hand you back now", "put me back with her": back to whoever had the call before.
  /\b(?:hand|pass|put|send|transfer)(?:ing)?\s+(?:you|me)\s+back\b(?!\s+(?:on hold|in the queue|to (?:the |a )?(?:store|shop|branch|start|main menu|queue))|\s+(?:to|with|on)\s+(?:me|a person|someone|an agent|the agent|a human|my manager|a manager|a supervisor))/i,
  new RegExp(`\\bhave\\s+${AI}\\s+(?:just\\s+)?${ACT}`, 'i'),
  new RegExp(
    `\\b${AI}\\b[^.?!]*[.?!]\\s*[^.?!]*\\b(?:put|send|transfer|pass|hand|give)\\s+me\\s+back\\s+(?:over\\s+)?to\\s+(?:it|them)\\b`,
    'i',
  ),
  new RegExp(`\\bback\\s+to\\s+${AI}\\s+(?:to|so|and|for|which|who)\\b`, 'i'),
  new RegExp(`\\b${AI}\\s+(?:will|can|could|'ll|is going to|would)\\s+(?:now\\s+|then\\s+|just\\s+)?(?:${ACT}|walk you through)`, 'i'),
  new RegExp(
    `\\b(?:could(?:n't)?|can(?:'t)?|why (?:didn't|couldn't|can't)|would(?:n't)?)\\s+${AI}${AI_NOUN}\\s+(?:have\\s+)?(?:just\\s+)?${ACT}`,
    'i',
  ),
  new RegExp(`\\blet\\s+${AI}${AI_NOUN}\\s+(?:just\\s+)?${ACT}`, 'i'),
  // "Can you just get the bot to waive it": the agent asked to have the AI act.
  new RegExp(`\\b(?:get|ask|tell|make|have)\\s+${AI}${AI_NOUN}\\s+to\\s+(?:just\\s+)?(?!be\\b|say\\b|stop\\b|shut\\b)[a-z]+`, 'i'),
  // "I'm not going to have anything sent automatically", "not the usual automated way": the AI's route weighed and turned down.
  new RegExp(
    `(?:\\bnot|n't|\\bnever|\\brather than|\\binstead of)\\b[^.?!]{0,60}?\\b(?:${ACT}|sent|done|handled|dealt with)\\b[^.?!]{0,40}?\\b(?:automatically|(?:the |our )?(?:usual |normal |standard )?automated (?:way|route|process|line|system))\\b`,
    'i',
  ),
  /(?:\bnot|n't|\brather than|\binstead of)\s+(?:through |via |by |with )?(?:the |our |that )?(?:usual |normal )?automated (?:line|route|way|process|system|assistant)\b/i,
  // "Does it go back to that automated thing, or…": the caller asks whether the work returns to the AI.
  // "That's going over to our assistant to send now": the work goes on to the AI.
  new RegExp(`\\b(?:go|goes|going|went|come|comes)\\s+(?:back|over|across)\\s+to\\s+${AI}${AI_NOUN}`, 'i'),
  // "The assistant offered to send you a goodwill code", "the assistant set this up to refund the charges", "the
  // assistant has a note to just process the refund": the work the AI proposed or had lined up, weighed by the agent.
  new RegExp(
    `\\b${AI}${AI_NOUN}\\s+(?:offered|wanted|planned|was going|is going|was set|is set|was lined up|is lined up|(?:has|had) (?:a )?note|set (?:this|it|that|everything) up)\\s+to\\s+(?:just\\s+)?${ACT}\\b`,
    'i',
  ),
  // "The machine said it could email me a copy": what the AI offered, asked for again.
  new RegExp(
    `\\b${AI}${AI_NOUN}\\s+(?:said|says|told me|offered|mentioned|promised)\\s+(?:that\\s+)?(?:it|they|she|he)\\s+(?:could|can|would|will|'d|was going to)\\s+(?:just\\s+)?${ACT}`,
    'i',
  ),
];

/** Leaving work with the AI, in any tense but the past: "not something I'd pass to the assistant", "I can't leave that with the bot". */
const LEAVE_WITH_AI = new RegExp(
  `\\b(?:leave|leaving|pass|passing|hand|handing|give|giving|send|sending|put|putting|transfer|return)\\s+(?:(?!to\\b|with\\b)[a-z']+\\s+){0,6}?(?:back\\s+)?(?:over\\s+)?(?:to|with)\\s+${AI}\\b`,
  'i',
);
const AI_MENTION = new RegExp(`\\b${AI}${AI_NOUN}\\b`, 'gi');
/** Asking, offering or refusing to have something done: the mood of a hand-back, whoever it names. */
const MODAL = /\b(?:can(?:'t|not)?|could(?:n't)?|would(?:n't)?|will|won't|'ll|'d|get|have|let|make|ask|tell|going to|able to)\b/i;
const ACT_WORD = new RegExp(`\\b${ACT}\\b`, 'i');
/** How far after its mention the AI's act may be said: "the assistant, can she not just do it while we're on". */
const ACT_WINDOW_WORDS = 9;

/**
 * Verbs that name no work to hand over: perceiving, saying, knowing, moving about ("can the bot hear
 * me", "ask the robot to be nicer"). The clause's first verb decides: one of these ends the search.
 * Any other base-form verb the tagger knows is an act ("can your AI thing just push it through",
 * "redo the valuation"), so the act need not be on a list; helpers before it ("get", "help") are passed over.
 */
const NOT_AN_ACT = new Set([
  'be',
  'been',
  'say',
  'tell',
  'ask',
  'hear',
  'see',
  'look',
  'know',
  'think',
  'understand',
  'talk',
  'speak',
  'listen',
  'come',
  'arrive',
  'seem',
  'sound',
  'repeat',
  'hang',
  'keep',
  'want',
  'like',
  'mean',
  'remember',
  'forget',
  'work',
  'wait',
  'hold',
  'stop',
  'shut',
  'answer',
]);
const HELPER_VERBS = new Set(['let', 'have', 'get', 'make', 'help', 'try', 'need', 'go']);

/** The first word of `words` that names an act: one the act list has, or a base-form verb that is not NOT_AN_ACT. */
function firstAct(words: readonly string[]): { index: number; word: string } | undefined {
  for (let index = 0; index < words.length; index++) {
    const word = words[index]!.toLowerCase().replace(/^[^a-z]+|[^a-z']+$/g, '');
    if (!word || HELPER_VERBS.has(word)) continue;
    if (ACT_WORD.test(word)) return { index, word };
    if (NOT_AN_ACT.has(word)) return undefined;
    if (wordTags(word).includes('Infinitive')) return { index, word };
  }
  return undefined;
}

/** "That robot thing you have", "the assistant we use": a relative clause naming the AI, not a subject of its own. */
const RELATIVE_CLAUSE = /^\W*(?:(?:that|which|who)\s+)?(?:you|you guys|y'all|we|they)\s+(?:have|got|use|run|'ve got|'ve)\b/i;

/**
 * Whether the sentence asks, offers or refuses to have the AI do the work: a mention of the AI with,
 * in the words after it, the mood of a request, offer or refusal and an act ("your assistant said at
 * the start it could take it off my bill", "or get the automated system to post one out"), or the
 * work left with it ("it's not something I'd pass to the assistant").
 */
function asksTheAiToAct(sentence: string): boolean {
  if (LEAVE_WITH_AI.test(sentence)) return true;
  AI_MENTION.lastIndex = 0;
  for (let match = AI_MENTION.exec(sentence); match; match = AI_MENTION.exec(sentence)) {
    const before = sentence.slice(Math.max(0, match.index - 24), match.index);
    const rest = sentence.slice(match.index + match[0].length);
    const afterText = rest.replace(RELATIVE_CLAUSE, '');
    const words = afterText.split(/\s+/).filter(Boolean).slice(0, ACT_WINDOW_WORDS);
    const after = words.join(' ');
    // "The assistant can't do that, it just takes notes", "our system couldn't pull it up": what the AI
    // cannot do, or could not, is no request to it ("couldn't the bot just send it" puts the modal first).
    if (
      /^\W*(?:(?:even\s+|just\s+)?(?:can't|cannot|can not|won't|will not|doesn't|does not|isn't able|couldn't|could not|wasn't able|didn't|did not))\b/i.test(
        after,
      )
    )
      continue;
    const act = firstAct(words);
    // The act is the AI's: nobody else is its subject ("a system error on our side, so I can move it" is the agent's).
    const untilAct = act ? words.slice(0, act.index).join(' ') : '';
    const someoneElse = THIRD_PERSON_FIRST.test(untilAct) && PERSON_NAMED.test(sentence.slice(0, match.index));
    // "I'll have our assistant put it on the booking": after a causative "have", "let" or "make", "put" is the base form.
    const pastReport = PAST_REPORT.test(after) && !CAUSATIVE_BEFORE.test(before);
    if (act && (MODAL.test(untilAct) || MODAL.test(before)) && !OTHER_SUBJECT.test(untilAct) && !someoneElse && !pastReport) return true;
  }
  return false;
}
const OTHER_SUBJECT = /\b(?:i|we|you|i'm|i'll|i've|i'd|we'll|we're|you'll|you're|they)\b/i;
/** "My daughter set it up on the computer, she must have put it in wrong": "she" is the person named before the AI. */
const PERSON_NAMED =
  /\b(?:daughter|son|wife|husband|mum|mom|mother|dad|father|partner|friend|brother|sister|grandson|granddaughter|neighbou?r|carer|boyfriend|girlfriend|kid)\b/i;
const THIRD_PERSON_FIRST = /^\W*(?:she|he|she's|he's)\b/i;
/** A causative verb right before the AI's mention: what follows it is the act asked of it, in its base form. */
const CAUSATIVE_BEFORE = /\b(?:have|let|make)\s*$/i;
/** What the AI did, told as a past event ("the assistant wrote down…", "the bot sent me a link yesterday"), asks nothing. */
const PAST_REPORT =
  /^\W*(?:already\s+)?(?:\w+ed|sent|did|took|gave|told|said|wrote|made|got|put|kept|was|were|had)\b(?![^.?!]*\b(?:could|can|would|will)\b)/i;

/**
 * Once the AI has been named, "it" or "she" may stand for it: "I can let it send the reset code",
 * "have her post it out", "it can close it". Only the frames that give the pronoun work to do count,
 * each with an act after it.
 */
const PRONOUN_FRAMES = [
  /\b(?:let|have|get)\s+(?:it|her|him|them)\s+(?:to\s+)?(?:just\s+)?(\S+)/gi,
  /\b(?:it|she|he)\s+(?:can|could)\s+(?:just\s+|also\s+)?(\S+)/gi,
];
function pronounStandsForTheAi(sentence: string): boolean {
  for (const frame of PRONOUN_FRAMES) {
    frame.lastIndex = 0;
    for (let match = frame.exec(sentence); match; match = frame.exec(sentence)) if (firstAct([match[1]!])) return true;
  }
  return false;
}

/** "Could you send us one of them links like the computer said": what the AI offered, asked of the agent. */
const AS_THE_AI_OFFERED = new RegExp(
  `\\b(?:could|can|would|will)(?:n't)?\\s+(?:you|i|we)\\b[^.?!]{0,80}?\\b(?:like|as)\\s+${AI}${AI_NOUN}\\s+(?:said|offered|suggested|mentioned|promised)\\b`,
  'i',
);
/** "I'll pass you to our secure payment line. It's automated.": handed to an automated line named in the same turn. */
const TO_A_LINE =
  /\b(?:hand|pass|transfer|put|send|connect)(?:ing)?\s+(?:you|this|it)\s+(?:back\s+)?(?:over\s+)?(?:through\s+)?to\s+(?:our|the|a)\s+(?:[a-z-]+\s+){0,3}(?:line|system|service)\b/i;
const AUTOMATED = /\b(?:automated|automatic)\b/i;

/**
 * Whether the turn asks, offers or refuses to hand work to the AI. `aiNamedBefore`: the AI was named
 * in the turn before, so a pronoun at the start of this one may stand for it.
 */
export function handBackRequested(text: string, options: { aiNamedBefore?: boolean } = {}): boolean {
  if (HAND_BACK_REQUEST.some((pattern) => pattern.test(text))) return true;
  if (AS_THE_AI_OFFERED.test(text) || (TO_A_LINE.test(text) && AUTOMATED.test(text))) return true;
  const sentences = sentencesOf(text);
  if (sentences.some(asksTheAiToAct)) return true;
  // A pronoun stands for the AI when the AI was named before it: in the turn before, or earlier in this one.
  let named = options.aiNamedBefore ?? false;
  for (const sentence of sentences) {
    AI_MENTION.lastIndex = 0;
    const mention = AI_MENTION.exec(sentence);
    const tail = mention ? sentence.slice(mention.index + mention[0].length) : sentence;
    if ((named || mention) && pronounStandsForTheAi(named ? sentence : tail)) return true;
    named ||= mention !== null;
  }
  return false;
}

/**
 * An agent's questions raise nothing by themselves: "are you somewhere safe right now?" is the roadside
 * script, and the caller's answer is what counts. The agent's statements ("I'm so sorry for your loss") do.
 */
const ASKS =
  /^\W*(?:(?:and|so|okay|ok|now|first|sorry|but)\W+)*(?:are|is|do|does|did|can|could|have|has|was|were|will|would|what|where|how|who|when|any|anyone)\b/i;
function withoutQuestions(text: string): string {
  return sentencesOf(text)
    .filter((sentence) => !(sentence.trim().endsWith('?') && ASKS.test(sentence)))
    .join(' ');
}

/** The AI named as unable or not allowed to do it: "the assistant can't speed up a refund", "the assistant won't be touching it". */
const AI_CANNOT = new RegExp(
  `\\b${AI}${AI_NOUN}\\s+(?:(?:really|just|also)\\s+)?(?:can't|cannot|can not|won't|will not|isn't able to|is not able to|isn't allowed to|is not allowed to|shouldn't|mustn't)\\b`,
  'i',
);
/** A hand-over to the AI (or to "it", once the AI is named) said with a negation before it: "that's not something I can hand to it". */
const NOT_HANDED = new RegExp(
  `(?:\\bnot\\b|n't\\b|\\bnever\\b|\\brather than\\b|\\binstead of\\b)[^.?!]{0,50}?\\b(?:hand|pass|leave|give|send|put|run)\\b[^.?!]{0,30}?\\b(?:to|with|through)\\s+(?:it\\b|her\\b|them\\b|${AI})`,
  'i',
);
/** A clause that turns down a hand-over to the AI: "don't give it to the robot", "not something I'd leave with the assistant". */
function handOverTurnedDown(text: string): boolean {
  return text.split(/(?<=[.?!,;])\s+/).some((clause) => NOT_HANDED.test(clause));
}

/** The agent keeping the work: "I'm going to keep this with me", "I'll handle it myself", "it stays with me". */
const KEEPS_IT = [
  /\b(?:keep|keeping|hold on to|holding on to)\s+(?:this|it|that|these|them|the rest)(?:\s+one)?\s+(?:with me|myself|here with me|on my side)\b/i,
  /\b(?:do|doing|handle|handling|sort|sorting|deal with|dealing with|take care of|taking care of|finish|process|processing|look after|looking after)\s+(?:it|this|that|this one|that one|the rest|everything)?\s*(?:all\s+)?myself\b/i,
  /\b(?:stays?|staying|remains?)\s+with\s+(?:me|a person|us|a human)\b/i,
  // "So I can't hand that back", "I'm not going to pass this back".
  /\b(?:can't|cannot|can not|won't|will not|not going to|not able to|unable to)\s+(?:hand|pass|give|send|put)\s+(?:this|that|it|the rest)(?:\s+one)?\s+back\b/i,
  // "This one I'm keeping with people rather than the automated assistant".
  /\b(?:keep|keeping)\b[^.?!]{0,24}?\bwith\s+(?:me|people|a person|a human|us|our team|the team)\b/i,
  new RegExp(`\\b(?:rather than|instead of)\\s+${AI}\\b`, 'i'),
];

/**
 * Turned down in the first person, opening the answer to the request: "I can't, sorry", "I'm sorry, I can't send
 * it anywhere new without verifying you first" (not "I can't find that order").
 */
const TURNED_DOWN =
  /^\W*(?:(?:oh|ah|um|uh|okay|ok|so|well|no|look),?\s+)*(?:(?:i'm|i am)\s+(?:so\s+|really\s+|very\s+)?sorry,?\s+(?:but\s+)?)?(?:i|we)\s+(?:can't|cannot|can not|won't be able to|'m not able to|am not able to|'re not able to|are not able to|'m afraid i can't|'m not allowed to|am not allowed to)(?:\s*[,.!…]|\s*$|\s+(?:(?:really|just|actually)\s+)?(?:do|send|give|change|make|pass|hand|issue|waive|refund|process|approve|let|email|text|offer|update|add|apply|set|book|move|release|share|put|have|get)\b)/i;

/**
 * Whether the agent says the work stays with them: the AI named as unable to do it, a hand-over to it
 * turned down, or the agent keeping it ("I'll handle it myself") — unless the same turn goes on to
 * hand something to the AI after all ("it can't refund you, but it can send the label").
 */
export function agentKeepsTheWork(text: string, options: { aiNamedBefore?: boolean } = {}): boolean {
  const sentences = sentencesOf(text);
  let named = options.aiNamedBefore ?? false;
  let kept = false;
  for (const sentence of sentences) {
    named ||= namesTheAi(sentence);
    if (AI_CANNOT.test(sentence) || (named && NOT_HANDED.test(sentence)) || KEEPS_IT.some((pattern) => pattern.test(sentence))) kept = true;
    // "I can't do that one, but the assistant can text you the link": turned down and handed over in one breath.
    else if (TURNED_DOWN.test(sentence) && !asksTheAiToAct(sentence)) kept = true;
    else if (kept && (asksTheAiToAct(sentence) || (named && pronounStandsForTheAi(sentence)))) kept = false;
  }
  return kept;
}

/** Whether the text names the AI at all ("the assistant", "that robot thing", "the automated line"). */
export function namesTheAi(text: string): boolean {
  AI_MENTION.lastIndex = 0;
  return AI_MENTION.test(text);
}

/**
 * Each task's phrasings as content words weighted by how rare they are among all the pack's tasks, so
 * words every task shares ("send", "assistant", "can") decide nothing and "activation" or "label" do.
 */
class TaskVocabulary {
  private readonly phrasings: Array<{ task: HandBackTask; words: string[] }>;
  private readonly weight = new Map<string, number>();

  constructor(tasks: readonly HandBackTask[]) {
    // The task's label is one more way to say it ("Set up a payment arrangement").
    this.phrasings = tasks.flatMap((task) =>
      [...task.phrasings, task.label]
        .map((phrasing) => ({ task, words: [...new Set(searchTerms(phrasing))] }))
        .filter((entry) => entry.words.length),
    );
    const taskCount = new Map<string, Set<string>>();
    for (const { task, words } of this.phrasings)
      for (const word of words) (taskCount.get(word) ?? taskCount.set(word, new Set()).get(word)!).add(task.id);
    for (const [word, owners] of taskCount) this.weight.set(word, Math.log(1 + tasks.length / owners.size));
  }

  /**
   * The best phrasing's weighted share of words said, per task. `minWords` leaves out phrasings too short
   * to tell from passing mention; `minHeard` asks for that many of a phrasing's words (or all of a shorter one).
   */
  score(task: HandBackTask, said: ReadonlySet<string>, minWords = 1, minHeard = 1): number {
    let best = 0;
    for (const entry of this.phrasings) {
      if (entry.task !== task || entry.words.length < minWords) continue;
      const total = entry.words.reduce((sum, word) => sum + this.weight.get(word)!, 0);
      const heardWords = entry.words.filter((word) => said.has(word));
      if (heardWords.length < Math.min(minHeard, entry.words.length)) continue;
      const heard = heardWords.reduce((sum, word) => sum + this.weight.get(word)!, 0);
      if (total > 0) best = Math.max(best, heard / total);
    }
    return best;
  }
}

const TASK_THRESHOLD = 0.5;
/** How much a task's phrasing said in full by the article the call follows adds to it. */
const ARTICLE_WEIGHT = 0.25;
/** How much the call's words count for a task the request and its neighbours do not name. */
const CALL_WIDE = 0.6;
const CALL_WORDS_LIMIT = 4_000;
/** The turns before and after a request that say what it is about. */
const REQUEST_BEFORE = 3;
const REQUEST_AFTER = 2;
/** How much a request stating the facts a task needs adds to that task's words. */
const NEEDS_STATED_WEIGHT = 1;
/** Words that turn a hand-back down. */
const REFUSAL = /\b(?:can't|cannot|can not|won't|will not|shouldn't|isn't|not|neither|nor|never)\b/i;
/** A later request replaces an earlier one only when it names its own task this clearly. */
const CLEARLY_NAMED = 0.8;
/** Exceptions whatever they are for; "refund" or "credit" may only be what a routine task leads to. */
const EXCEPTION_BY_NATURE = /\b(?:exception|waive|override|goodwill|compensat|discount|price (?:match|adjustment)|write)/i;

export interface HandBackAdvisorOptions {
  tasks: readonly HandBackTask[];
  sensitive: SensitiveTopicDetector;
  allowList: readonly string[];
  /** The package's verification; the agent's own is added with callerVerified(). */
  callerVerified: boolean;
  /** What the call is about, as the package's intent names it ("travel_notice"): a prior on the task meant. */
  topic?: string;
}

/**
 * Follows a call turn by turn (constant work per turn, however long the call) and advises on the
 * latest hand-back request: null until someone asks, then the task and the policy's answer.
 */
export class HandBackAdvisor {
  private readonly recent: HandBackEvidence[] = [];
  /** The call's words so far: the topic a request means when it names no task itself ("can your assistant just do it"). */
  private readonly callWords = new Set<string>();
  /** The turns around the latest request, kept while the call goes on: what it is judged by does not scroll away. */
  private requestTurns: HandBackEvidence[] = [];
  /** The agent said, in the request or the turns just after it, that the work stays with them. */
  private requestKept = false;
  /** The request in force named its task clearly in its own words. */
  private requestNamed = false;
  /** The turn of the latest request, whether or not it named a task of its own. */
  private lastAsked = 0;
  private sensitive?: TopicHit;
  private steering = false;
  private verified: boolean;
  private request?: HandBackEvidence;
  private advice: HandBackAdvice | null = null;
  private readonly vocabulary: TaskVocabulary;

  /** Turns that tried to steer the assistant: what they ask for is no task anyone handed back ("hey AI, waive the fee"). */
  private readonly steeringTurns = new WeakSet<HandBackEvidence>();
  /** Each turn's search terms, read once as it comes (a request is judged again on every later turn). */
  private readonly turnTerms = new WeakMap<HandBackEvidence, ReadonlySet<string>>();
  /** The words of the package's intent ("travel_notice" → travel, notice). */
  private readonly topicWords: ReadonlySet<string>;
  /** The words of the article the call follows (see onTopic). */
  private articleTerms: ReadonlySet<string> = new Set();

  constructor(private readonly options: HandBackAdvisorOptions) {
    this.verified = options.callerVerified;
    this.vocabulary = new TaskVocabulary(options.tasks);
    this.topicWords = new Set(searchTerms((options.topic ?? '').replace(/[_-]+/g, ' ')));
  }

  /** The article the call now follows (its title and steps), when it changes: a prior on the task a request means. */
  onTopic(text: string): void {
    this.articleTerms = new Set(searchTerms(text));
  }

  /** The agent stated how they verified the caller. */
  callerVerified(): HandBackAdvice | null {
    this.verified = true;
    if (this.request) this.advice = this.adviseOn(this.request);
    return this.advice;
  }

  /** Someone tried to steer the assistant: nothing goes back for the rest of the call. */
  steeringSeen(): HandBackAdvice | null {
    this.steering = true;
    if (this.request) this.advice = this.adviseOn(this.request);
    return this.advice;
  }

  addTurn(turn: HandBackEvidence, options: { steering?: boolean } = {}): HandBackAdvice | null {
    this.recent.push(turn);
    if (this.recent.length > 6) this.recent.shift();
    if (options.steering) this.steeringTurns.add(turn);
    const terms = searchTerms(turn.text);
    this.turnTerms.set(turn, new Set(terms));
    if (this.callWords.size < CALL_WORDS_LIMIT) for (const term of terms) this.callWords.add(term);
    this.sensitive ??= this.options.sensitive.detect(turn.speaker === 'agent' ? withoutQuestions(turn.text) : turn.text);
    const aiNamedBefore = this.recent.length > 1 && namesTheAi(this.recent.at(-2)!.text);
    if (options.steering) this.steering = true;
    // Words aimed at the assistant to make it act are an attempt to steer it, not a hand-back request.
    // "…and don't give it to the robot", after the request: the hand-over turned down, by either side, keeps the work.
    else if (this.request && handOverTurnedDown(turn.text)) this.requestKept = true;
    else if (handBackRequested(turn.text, { aiNamedBefore })) {
      // "Handing you back now" after the task was named keeps that task: a later request that names none does not replace it.
      const said = new Set(terms);
      const named = this.options.tasks.some((task) => this.vocabulary.score(task, said, 2) >= CLEARLY_NAMED);
      // An earlier request that only pointed at its task from the turns around it ("the robot could just text it me")
      // is replaced by the later one ("I'll get the assistant to send that to you by text now").
      // (A refusal answering it — "I can't have the assistant do that" — is no new request.)
      const replaces = !this.requestNamed && !REFUSAL.test(turn.text);
      if (named || !this.request || replaces || this.advice?.task === 'remaining_task') {
        this.request = turn;
        this.requestNamed = named;
        this.requestTurns = this.recent.filter((recent) => recent.turnIndex >= turn.turnIndex - REQUEST_BEFORE);
      }
      // Asked again, the work is weighed again: whether the agent keeps it is read after the latest asking.
      this.lastAsked = turn.turnIndex;
      this.requestKept = false;
    }
    if (this.request && turn !== this.request && turn.turnIndex <= this.request.turnIndex + REQUEST_AFTER) this.requestTurns.push(turn);
    // The agent's own word in the request or just after it: the work stays with them. Read once, as the turn comes.
    if (this.request && turn.speaker === 'agent' && turn.turnIndex >= this.lastAsked && turn.turnIndex <= this.lastAsked + REQUEST_AFTER)
      this.requestKept ||= agentKeepsTheWork(turn.text, { aiNamedBefore });
    // The turn right after a request often names the task ("…and email the label"), and anything
    // sensitive said later still changes the answer, so the latest request is judged again each turn.
    if (this.request) this.advice = this.adviseOn(this.request);
    return this.advice;
  }

  get current(): HandBackAdvice | null {
    return this.advice;
  }

  private termsOf(turn: HandBackEvidence): ReadonlySet<string> {
    return this.turnTerms.get(turn) ?? new Set(searchTerms(turn.text));
  }

  private identifyTask(
    request: HandBackEvidence,
    nearby: readonly HandBackEvidence[],
  ): { task?: HandBackTask; id: string; inRequest: boolean } {
    const requestWords = this.termsOf(request);
    // Each turn around the request on its own: a phrasing is said in one breath, not pieced from two turns.
    const aroundTurns = nearby.map((turn) => this.termsOf(turn));
    let best: { task: HandBackTask; score: number; inRequest: boolean } | undefined;
    for (const task of this.options.tasks) {
      // The request's own words count more than the turns around it; the facts a task needs, stated in the
      // request ("…to make the update to 1419 Alder Crest Drive"), point at it too.
      const needsStated = task.needs.length ? task.needs.filter((need) => request.facts?.includes(need)).length / task.needs.length : 0;
      const words = this.vocabulary.score(task, requestWords);
      const own = words > 0 ? words + NEEDS_STATED_WEIGHT * needsStated : 0;
      // A one-word phrasing ("receipt"), or one word of a longer one ("back" of "charge it back"), names the
      // task only in the request itself, not in the turns around it.
      const around = Math.max(0, ...aroundTurns.map((turn) => this.vocabulary.score(task, turn, 2, 2))) * 0.9;
      // "I'll get the assistant to send that to you by text": the article the call follows says what "that" is.
      const topical = this.vocabulary.score(task, this.articleTerms, 2, 2) * ARTICLE_WEIGHT;
      const score = Math.max(own, around) + topical;
      if (score >= TASK_THRESHOLD && (!best || score > best.score)) best = { task, score, inRequest: own >= TASK_THRESHOLD };
    }
    // Named neither in the request nor around it, the task is the one the whole call has been about, when one
    // of its longer phrasings was said in full somewhere in it, or the package's intent names it.
    if (!best)
      for (const task of this.options.tasks) {
        const score =
          Math.max(this.vocabulary.score(task, this.callWords, 2, 2), this.vocabulary.score(task, this.topicWords, 2, 2)) * CALL_WIDE;
        if (score >= TASK_THRESHOLD && (!best || score > best.score)) best = { task, score, inRequest: false };
      }
    return best ? { task: best.task, id: best.task.id, inRequest: best.inRequest } : { id: 'remaining_task', inRequest: false };
  }

  private adviseOn(request: HandBackEvidence): HandBackAdvice {
    const nearby = this.requestTurns.filter(
      (turn) =>
        turn.turnIndex >= request.turnIndex - REQUEST_BEFORE && turn.turnIndex <= request.turnIndex + 1 && !this.steeringTurns.has(turn),
    );
    const { task, id, inRequest } = this.identifyTask(request, nearby);
    // What is handed back is what the request is about: an exception asked for in it, or by the customer
    // right around it when no routine task is named. With a routine task named in the request only an
    // exception by nature (a waiver, goodwill) counts: "…so I get my refund" is its purpose. An exception
    // the agent already granted earlier is theirs, not the AI's.
    const around = this.requestTurns
      .filter(
        (turn) =>
          turn.speaker === 'customer' &&
          Math.abs(turn.turnIndex - request.turnIndex) <= 1 &&
          turn !== request &&
          !this.steeringTurns.has(turn),
      )
      .map((turn) => turn.text)
      .join(' ');
    const inRequestException = exceptionAsked(request.text);
    const exception = task?.routine
      ? inRequestException && (!inRequest || EXCEPTION_BY_NATURE.test(inRequestException)) && request.speaker === 'customer'
        ? inRequestException
        : undefined
      : (inRequestException ?? exceptionAsked(around));
    // The agent's own answer to the request may say it is an exception ("that would be an exception, so it stays with me").
    const reply = this.requestTurns.find((turn) => turn.turnIndex === request.turnIndex + 1 && turn.speaker === 'agent');
    const replyException = reply ? exceptionAsked(reply.text) : undefined;
    const exceptionSeen = exception ?? (replyException && EXCEPTION_BY_NATURE.test(replyException) ? replyException : undefined);
    const decision = decideHandBack({
      inCall: true,
      task,
      taskId: id,
      allowList: this.options.allowList,
      sensitiveTopic: this.sensitive?.id,
      exception: exceptionSeen,
      agentKeptIt: this.requestKept,
      steering: this.steering,
      callerVerified: this.verified,
    });
    const taskLabel = task?.label ?? humanise(id);
    return {
      task: id,
      allowed: decision.allowed,
      code: decision.code,
      blockers: decision.blockers,
      ...(this.sensitive ? { topic: this.sensitive.id } : {}),
      reason: handBackReason(decision.code, { taskLabel, topic: this.sensitive?.label, exception: exceptionSeen }),
      requestedInTurn: request.turnIndex,
    };
  }
}

/** The advice after a whole list of turns, with a pack's tasks and topics (tests and one-off checks). */
export function adviseHandBack(
  turns: readonly HandBackEvidence[],
  options: HandBackAdvisorOptions & { steeringTurns?: readonly number[]; article?: string },
): HandBackAdvice | null {
  const advisor = new HandBackAdvisor(options);
  if (options.article) advisor.onTopic(options.article);
  let advice: HandBackAdvice | null = null;
  for (const turn of turns) advice = advisor.addTurn(turn, { steering: options.steeringTurns?.includes(turn.turnIndex) });
  return advice;
}
