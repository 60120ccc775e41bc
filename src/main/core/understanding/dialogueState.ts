/**
 * What the conversation expects next, as a human listener keeps track of it: the facts the agent
 * just asked for (so a bare "6029 184 417." is the order number), a value the agent just read back
 * (so "yes" confirms it and "no, it's …" corrects it), and whether a customer turn is affirming,
 * denying or correcting. Pure and per call; every rule here is about dialogue, never about a business.
 */
import type { Speaker } from '../../../shared/callScenario';
import { askedKinds, asksOtherName, asksWhoseOnly, isRequest } from './agentQuestion';
import { withApostrophes } from './contractions';
import { ANY_IDENTIFIER, OTHER_IDENTIFIER as OTHER_IDENTIFIER_NAME, type FactCues } from './factCues';

export type Stance = 'affirm' | 'deny' | 'correct' | 'none';

export interface ReadBack {
  fact: string;
  value: string;
  turnIndex: number;
}

export interface StatedValue {
  fact: string;
  value: string;
  said?: string;
}

export interface TurnExpectation {
  /** Facts the agent's last turn asked for. */
  expected: string[];
  /** What the agent just read back for confirmation, if anything. */
  readBack: ReadBack[];
  /**
   * Every value the agent's last turn said: a caller echoing one of them ("Yes, the annual plan") speaks of that fact,
   * and one putting part of it right ("the last two are one two") edits it as said (`said`: the words as written).
   */
  stated: ReadonlyArray<StatedValue>;
  /** Codes the agent's last turn read out that no fact took ("I have nine eight one oh three"), as characters. */
  readAloud?: readonly string[];
  /** The digits the agent began a value with, asking for the rest ("I've got five one two, five five five, and then?"). */
  continues?: string;
}

/** "…and then?", "and the rest?", "the last four?": the agent asks for what comes after what they said. */
const ASKS_FOR_THE_REST =
  /\b(?:and then|then what|and the rest|the rest of it|what comes (?:after|next)|after that|the last (?:four|three|two|few|digits|bit|part))\s*[?.]*\s*$/i;

/** A read-back asks for a yes or no about something just said. */
const CONFIRMATION_ASK =
  /\b(?:is that (?:right|correct)|did i get that (?:right)?|correct\?|right\?|have i got that|that's (?:right|correct)\?|let me read (?:that|it) back|just to confirm|to confirm|so that's|so it's|i have|i've got|i'm showing|(?:notes?|system|screen|it) (?:says|shows)|double[- ]check|(?:let me|can i|could i|i'll|i want to|i'd like to) (?:just )?(?:check|confirm|verify))\b/i;

/**
 * "…sixty four dollars, that right", "…the twelfth, correct", "…of last year, is that": a read-back whose question mark
 * the recogniser dropped, or whose question trailed off.
 */
const ASKS_RIGHT_AT_END = /(?:(?:\bthat|\bis it|,)\s*(?:right|correct)|\bis that)\s*[?.!]*\s*$/i;

const AFFIRM =
  /^(?:(?:um+|uh+|oh|well|so)[,\s]+)*(?:yes|yeah|yep|yup|correct|that's (?:right|correct|it)|right|exactly|uh-huh|mm-hmm|sure|perfect|you got it|that is (?:right|correct))\b/i;
const DENY = /^(?:(?:um+|uh+|oh|well|so)[,\s]+)*(?:no|nope|nah|not quite|not exactly|that's (?:not|wrong)|wrong|incorrect|negative)\b/i;
/** A correction cue anywhere in the turn ("actually it's", "I meant", "not X, Y"). */
const CORRECTION =
  /\b(?:actually|i meant|i mean|sorry,? (?:it's|it is|that's)|let me correct|correction|should be|not [\w@.-]+,? (?:it's|but)|that's (?:wrong|incorrect|old|outdated|not right)|it's wrong|changed|mix-?up|mistake|typo|misheard|you have it wrong|you've got it wrong|wrong (?:one|number|address|email))\b/i;

export function stanceOf(text: string): Stance {
  const trimmed = withApostrophes(text.trim());
  if (DENY.test(trimmed)) return 'deny';
  if (CORRECTION.test(trimmed)) return 'correct';
  if (AFFIRM.test(trimmed)) return 'affirm';
  return 'none';
}

export function hasCorrectionCue(text: string): boolean {
  const said = withApostrophes(text);
  return DENY.test(said.trim()) || CORRECTION.test(said);
}

/** "Got it, 508 at the foundry. What's going on?": a question opened by a question word asks something new, not a yes or no. */
const OPEN_QUESTION = /^(?:(?:and|so|okay|ok|now|right|then)[,\s]+)*(?:what|when|where|why|how|who|which)\b/i;

function endsInYesNoQuestion(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.endsWith('?')) return false;
  const last = trimmed.split(/(?<=[.!?])\s+/).at(-1)!;
  return !OPEN_QUESTION.test(last);
}

/** "Could you read it to me?": a request whose object is a pronoun asks for what the sentence before named. */
const PRONOUN_OBJECT = /\b(?:read|give|spell|tell|confirm|repeat|say|check|send)\s+(?:me\s+|us\s+)?(?:it|that|this|them|those)\b/i;

/** The sentences of an agent's turn that ask for something ("Your username is …" is a statement). */
function requestSentences(text: string): string[] {
  const sentences = text.split(/(?<=[.!?])\s+/);
  return sentences.flatMap((sentence, i) =>
    isRequest(sentence) ? (PRONOUN_OBJECT.test(sentence) && i > 0 ? [sentences[i - 1]!, sentence] : [sentence]) : [],
  );
}

/** Facts whose cue already says which identifier is asked for ("zip code", "phone number", "email id"). */
const OWN_ID_TYPES = new Set(['id', 'postcode', 'phone', 'email']);

export class DialogueState {
  private expectation: TurnExpectation = { expected: [], readBack: [], stated: [] };

  constructor(private readonly cues: FactCues) {}

  /** What the next customer turn answers. */
  get current(): TurnExpectation {
    return this.expectation;
  }

  /**
   * After an agent turn: the facts asked for and the values read back. `values` are the facts the
   * agent's turn itself said (a read-back carries them); `written` is the turn's normalised form.
   */
  afterAgentTurn(turnIndex: number, said: string, values: readonly StatedValue[], written = said, readAloud: readonly string[] = []): void {
    const text = withApostrophes(said);
    // "Zip?", "zip code for the delivery": a turn of a few words that names a fact and states nothing asks for it.
    const bare =
      text.trim().split(/\s+/).length <= 5 && !/\b(?:is|are|was|were|has|have|had|will|i|you|we|it's|thanks|thank)\b/i.test(text);
    const sentences = bare && !isRequest(text) ? [text] : requestSentences(text);
    const expected = sentences.flatMap((sentence) => this.askedFor(sentence));
    const readBack =
      CONFIRMATION_ASK.test(text) || endsInYesNoQuestion(text) || ASKS_RIGHT_AT_END.test(text)
        ? values.map(({ fact, value }) => ({ fact, value, turnIndex }))
        : [];
    const begun = ASKS_FOR_THE_REST.test(text) ? (written.match(/\d+/g) ?? []).join('') : '';
    this.expectation = {
      expected: [...new Set([...expected, ...readBack.map((value) => value.fact)])],
      readBack,
      stated: [...values],
      ...(begun.length >= 3 && !values.length ? { continues: begun } : {}),
      ...(readAloud.length ? { readAloud } : {}),
    };
  }

  /**
   * The facts one request sentence asks for: those its words name by the pack's cues, and where it
   * names only a kind of value ("how much", "who am I speaking with", "the member id"), the pack's
   * facts of that kind.
   */
  private askedFor(sentence: string): string[] {
    const named = [...this.cues.named(sentence)];
    const schema = this.cues.facts;
    const otherName = asksOtherName(sentence) || asksWhoseOnly(sentence);
    const facts = named.filter((fact) => !fact.startsWith('__') && !(otherName && schema.spec(fact)?.type === 'name'));
    const typesNamed = new Set(facts.map((fact) => schema.spec(fact)?.type));
    for (const kind of askedKinds(sentence)) {
      if (kind === 'identifier') {
        if (!facts.some((fact) => OWN_ID_TYPES.has(schema.spec(fact)?.type ?? '')) && !named.includes(OTHER_IDENTIFIER_NAME))
          facts.push(ANY_IDENTIFIER);
        continue;
      }
      if (typesNamed.has(kind)) continue;
      facts.push(...schema.all.filter((spec) => spec.type === kind).map((spec) => spec.name));
    }
    if (named.includes(ANY_IDENTIFIER) && !facts.includes(ANY_IDENTIFIER)) facts.push(ANY_IDENTIFIER);
    return facts;
  }

  /** After a customer turn the expectation stays for facts not yet answered (a caller may answer over two turns). */
  afterCustomerTurn(answered: ReadonlySet<string>): void {
    this.expectation = { expected: this.expectation.expected.filter((fact) => !answered.has(fact)), readBack: [], stated: [] };
  }

  update(
    speaker: Speaker,
    turnIndex: number,
    text: string,
    values: readonly StatedValue[],
    answered: ReadonlySet<string>,
    written = text,
    readAloud: readonly string[] = [],
  ): void {
    if (speaker === 'agent') this.afterAgentTurn(turnIndex, text, values, written, readAloud);
    else this.afterCustomerTurn(answered);
  }
}
