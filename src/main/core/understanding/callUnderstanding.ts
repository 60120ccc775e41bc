/**
 * One call's understanding of what was said, turn by turn, in the order a speech system works:
 * normalise the spoken forms (ITN), recognise typed values with the dialogue's help, then compare
 * each with the package by type. It keeps the facts heard, flags a customer restating what the
 * package already had, and flags a package value the call shows to be wrong — a customer's
 * correction, a read-back the customer denies, the agent putting it right — with both values and
 * the turn. A read-back the customer confirms is a confirmation, not a contradiction.
 */
import type { HeardFact, TranscriptTurn } from '../../../shared/callSchemas';
import type { FactType } from '../../../shared/domainPack';
import { addressKey, type FactSchema } from '../../../shared/facts';
import type { HandoffPackage } from '../../../shared/handoffPackage';
import { escapeRegExp, sentencesOf } from '../../../shared/text';
import { DialogueState, hasCorrectionCue, stanceOf, type ReadBack, type Stance, type TurnExpectation } from './dialogueState';
import { dayFirstIn, type DateContext } from './dateResolver';
import { EntityRecognizer, streetOf, type Mention } from './entityRecognizer';
import { FactCues } from './factCues';
import { withApostrophes } from './contractions';
import { normalize, type NormalizedSpan } from './itn';
import { currencyNamedIn } from './itn/money';
import { correctedName } from './nameCorrection';
import { restatedInPart } from './partialRestatement';
import { editsSaid, emailWithWordPutRight, withEdit } from './readBackRepair';

export interface Repeat {
  turnIndex: number;
  factName: string;
}

/** What a pack's recognisers cost to build is paid once per pack, not per call. */
const compiled = new WeakMap<FactSchema, { cues: FactCues; recognizer: EntityRecognizer }>();
export function recognizersFor(facts: FactSchema): { cues: FactCues; recognizer: EntityRecognizer } {
  let entry = compiled.get(facts);
  if (!entry) {
    const cues = new FactCues(facts);
    entry = { cues, recognizer: new EntityRecognizer(facts, cues) };
    compiled.set(facts, entry);
  }
  return entry;
}

type Comparison = 'equal' | 'partial' | 'different';

/** Fact types whose value a caller may put right a few characters at a time. */
const ID_LIKE: ReadonlySet<string> = new Set(['id', 'phone', 'postcode']);

/**
 * Codes an agent's turn read out (digits, letters and digits) that none of its mentions took: whole codes, five
 * characters or more ("was that b n six two?" reads out part of an address, not a code).
 */
function readAloudUnclaimed(spans: readonly NormalizedSpan[], mentions: readonly Mention[]): string[] {
  return spans
    .filter((span) => (span.kind === 'digits' || span.kind === 'alnum') && span.text.replace(/\W/g, '').length >= 5)
    .filter((span) => !mentions.some((mention) => mention.at < span.end && mention.at + mention.said.length > span.start))
    .map((span) => span.text.replace(/\W/g, '').toUpperCase());
}

/**
 * A phone number (E.164) whose digits as said (`said`: "4155550132", "07700900561") were edited to `edited`: the country
 * code kept, the national digits replaced.
 */
function phoneWithDigits(value: string, said: string, edited: string): string {
  const digits = value.replace(/\D/g, '');
  let shared = 0;
  while (shared < said.length && shared < digits.length && said[said.length - 1 - shared] === digits[digits.length - 1 - shared]) shared++;
  return `+${digits.slice(0, digits.length - shared)}${edited.slice(said.length - shared)}`;
}

/**
 * One value per fact from a turn. Said again, the later value is the caller's correction ("4417, no sorry, 4471") — except for
 * amounts, where a turn names other sums beside the one it answers with ("two twelve fifty, and I never
 * bought anything for two hundred"; "nine ninety nine for shipping on a forty dollar order"): there the
 * first stands unless the later one comes after a repair ("no, sorry", "I mean") or "to be exact".
 */
function chosenByFact(mentions: readonly Mention[], written: string, typeOf: (fact: string) => FactType | undefined): Map<string, Mention> {
  const chosen = new Map<string, Mention>();
  const isAmount = (fact: string) => typeOf(fact) === 'amount';
  for (const mention of mentions) {
    const earlier = chosen.get(mention.fact);
    // "Oh two, oh nine, nineteen ninety one. February ninth": the day said with its year and again without it is the
    // day with that year, whichever the recogniser read first.
    if (
      earlier &&
      typeOf(mention.fact) === 'date' &&
      earlier.value !== mention.value &&
      earlier.value.slice(4) === mention.value.slice(4)
    ) {
      const yearSaid = (said: string) => /\d{4}|'\d\d\b/.test(said);
      if (yearSaid(earlier.said) && !yearSaid(mention.said)) continue;
      if (yearSaid(mention.said) && !yearSaid(earlier.said)) {
        chosen.set(mention.fact, mention);
        continue;
      }
    }
    if (earlier && isAmount(mention.fact)) {
      // "Two hundred and forty nine dollars. And ninety nine cents": the cents said after the dollars are theirs.
      const [dollars, currency] = earlier.value.split(' ');
      const [cents, centsCurrency] = mention.value.split(' ');
      const between = written.slice(earlier.at + earlier.said.length, mention.at);
      if (
        /\.00$/.test(dollars!) &&
        Number(cents) > 0 &&
        Number(cents) < 1 &&
        currency === centsCurrency &&
        /^[\s,.…]*(?:and)?[\s,.…]*$/i.test(between)
      ) {
        chosen.set(mention.fact, { ...mention, value: `${(Number(dollars) + Number(cents)).toFixed(2)} ${currency}`, at: earlier.at });
        continue;
      }
      const after = written.slice(mention.at + mention.said.length, mention.at + mention.said.length + 24);
      const digits = (value: string) => value.replace(/\D/g, '').replace(/0+$/, '');
      const refines =
        AMOUNT_REPAIR.test(between) ||
        AMOUNT_REFINED.test(between) ||
        /^\W*(?:to be exact|exactly|precisely|actually)\b/i.test(after) ||
        // "forty nine … forty nine eighty seven"; "six fifty … six dollars fifty cents": the same sum said more exactly.
        earlier.value.split('.')[0] === mention.value.split('.')[0] ||
        digits(earlier.value) === digits(mention.value) ||
        // Said once more at the end ("one twenty nine … a fifteen dollar fee … the order itself was one twenty nine").
        mentions.some(
          (other) => other !== earlier && other.fact === mention.fact && other.at < mention.at && other.value === mention.value,
        );
      if (!refines) continue;
    }
    // "It come on the 17, Wednesday… I have the surgery one week ago": after the value the call holds, another said by its
    // shape alone, with nothing putting the first right or setting the two apart ("…but my letter says…"), is about
    // something else.
    if (earlier?.evidence === 'known' && mention.evidence === 'shape') {
      // What sets them apart is said in the later value's own sentence.
      const between = written.slice(earlier.at + earlier.said.length, mention.at);
      const ownSentence = between.slice(between.search(/[^.!?]*$/));
      if (!AMOUNT_REPAIR.test(ownSentence) && !CONTRAST.test(ownSentence)) continue;
    }
    chosen.set(mention.fact, mention);
  }
  return chosen;
}

const AMOUNT_REPAIR = /\b(?:no|nope|sorry|actually|i mean|i meant|wait|correction|rather|make that|or rather|scratch that|well)\b/i;
/** Words that lead from a rough or partial sum to the one that counts: "sixty something…", "so the total was…", "it says…". */
const AMOUNT_REFINED =
  /\b(?:something|and change|about|around|roughly|i think|want to say|or so|so|total|totals|altogether|all together|came to|comes to|it says|it said|says here|receipt|statement|the card says|go with|in the end|which means|that's|exact|exactly|precisely|to the penny|to the cent)\b/i;

const STRONG = new Set<Mention['evidence']>(['cued', 'expected', 'intro']);

/** Whether the sentence that holds the value is a question ("four one five, five five five, oh two six six?"). */
function askedBack(written: string, value: string): boolean {
  const digits = value.replace(/\D/g, '');
  const sentences = sentencesOf(written);
  const holding = sentences.find((sentence) => digits.length > 0 && sentence.replace(/\D/g, '').includes(digits.slice(-4)));
  return (holding ?? written).trim().endsWith('?');
}

/** Words that set one value against another: "it kept saying sixty-four", "told me the fifteenth, but…". */
const CONTRAST =
  /\b(?:but|not|wrong|actually|instead|rather|kept saying|keeps saying|said|says|told me|thinks?|has it as|had it as|shows?|showing)\b/i;

/** The agent siding with the caller's value: "you're right", "it was muddled", "my mistake". */
const AGENT_AGREES =
  /\b(?:you're right|you are right|that's right|quite right|correct|muddled|mixed up|misheard|got (?:it|that) wrong|had (?:it|that) wrong|wrong|mistake|my bad|apologi[sz]e|sorry about that|should be|fixed|updated|corrected|different from what (?:we|i) (?:have|had)|not what (?:we|i) (?:have|had)|(?:doesn't|does not|don't|do not) match (?:what|our|the))\b/i;

const AGENT_FIXES_PACKAGE = /\b(?:but|actually|wrong|should be|swapped|mistake|not right|incorrect|outdated|old one)\b/i;

export class CallUnderstanding {
  private readonly facts = new Map<string, HeardFact>();
  private readonly packageValues = new Map<string, string>();
  private readonly repeats: Repeat[] = [];
  private readonly dialogue: DialogueState;
  private readonly recognizer: EntityRecognizer;
  private readonly cues: FactCues;
  private lastCustomer?: { index: number; text: string; stance: Stance; said: ReadonlyMap<string, string> };
  private readonly dates: DateContext;
  /** Facts the last turn named by their cues. */
  private lastNamed: ReadonlySet<string> = new Set();
  /** The written form of the agent's latest turn: a part of a value said there may be denied in the caller's answer. */
  private lastAgentWritten = '';
  /** The agent's turn just before the one being read (its written form), or '' when the caller spoke last. */
  private agentBefore = '';

  constructor(
    private readonly schema: FactSchema,
    pkg: HandoffPackage | undefined,
    context: { callDate?: string; year?: number },
  ) {
    const { cues, recognizer } = recognizersFor(schema);
    this.recognizer = recognizer;
    this.cues = cues;
    this.dialogue = new DialogueState(cues);
    const dateFacts = new Set(schema.all.filter((spec) => spec.type === 'date').map((spec) => spec.name));
    const anchor = pkg?.facts.find((fact) => dateFacts.has(fact.name))?.value;
    this.dates = {
      dayFirst: dayFirstIn(schema.source.defaultRegion),
      callDate: context.callDate,
      year: context.callDate ? Number(context.callDate.slice(0, 4)) : (yearFromPackage(pkg, anchor) ?? context.year),
      anchor,
    };
    if (pkg) this.takePackage(pkg);
  }

  private takePackage(pkg: HandoffPackage): void {
    const nameFact = this.schema.all.find((spec) => spec.type === 'name')?.name;
    const phoneFact = this.schema.all.find((spec) => spec.type === 'phone')?.name;
    const known: Array<[string, string]> = [
      ...(nameFact && pkg.caller.name.trim() ? [[nameFact, pkg.caller.name.trim()] as [string, string]] : []),
      ...(phoneFact && pkg.caller.phone ? [[phoneFact, pkg.caller.phone] as [string, string]] : []),
      ...pkg.facts.map((fact): [string, string] => [fact.name, fact.value]),
    ];
    for (const [name, value] of known) {
      if (!value) continue;
      this.facts.set(name, { name, value, source: 'package' });
      this.packageValues.set(name, value);
    }
  }

  get heard(): HeardFact[] {
    return [...this.facts.values()];
  }

  get repeated(): Repeat[] {
    return [...this.repeats];
  }

  /** Facts the agent's last question asked for (for suggestions: what is still to ask). */
  get expected(): readonly string[] {
    return this.dialogue.current.expected.filter((fact) => !fact.startsWith('__'));
  }

  onTurn(turn: TranscriptTurn): Mention[] {
    const expectation = this.dialogue.current;
    // Asked for a phone number, the caller reads digits out: "to oh six…" is 2 0 6 (see NormalizeOptions.digitsExpected).
    const digitsExpected = turn.speaker === 'customer' && expectation.expected.some((fact) => this.schema.spec(fact)?.type === 'phone');
    const normalized = normalize(turn.text, { defaultCurrency: this.schema.source.currency, digitsExpected });
    const mentions = this.recognizer.recognise(normalized, {
      speaker: turn.speaker,
      expected: turn.speaker === 'customer' ? expectation.expected : [],
      dates: this.dates,
      known: new Map([...this.facts.values()].map((fact) => [fact.name, fact.value])),
      spoken: turn.text,
      echoes: turn.speaker === 'customer' ? expectation.stated : [],
      recent: this.lastNamed,
      ...(turn.speaker === 'customer' ? { askedCurrency: currencyNamedIn(this.lastAgentWritten, this.schema.source.currency) } : {}),
      ...(turn.speaker === 'customer' && expectation.continues ? { continues: expectation.continues } : {}),
      packaged: this.packageValues,
    });
    this.lastNamed = this.cues.named(normalized.written);
    this.agentBefore = this.lastAgentWritten;
    this.lastAgentWritten = turn.speaker === 'agent' ? normalized.written : '';
    const said = chosenByFact(mentions, normalized.written, (fact) => this.schema.spec(fact)?.type);
    const stance = turn.speaker === 'customer' ? stanceOf(turn.text) : 'none';
    if (turn.speaker === 'customer') this.editsOfValues(normalized.written, expectation, said);
    if (turn.speaker === 'customer' && stance !== 'affirm') this.partialCorrections(normalized.written, expectation.readBack, said);
    if (turn.speaker === 'customer') this.noteRestatedNames(turn, said);
    if (turn.speaker === 'customer') this.noteNameCorrected(turn, said);
    if (turn.speaker === 'customer' && stance !== 'deny') this.noteRestatedInPart(turn.index, normalized.written, expectation, said);
    // Facts whose package value the turn also says ("the assistant told me July fifteenth, but … the twenty-fifth").
    const packageSaid = new Set(
      mentions
        .filter(
          (mention) =>
            this.packageValues.has(mention.fact) && this.schema.equal(mention.fact, mention.value, this.packageValues.get(mention.fact)!),
        )
        .map((mention) => mention.fact),
    );
    for (const mention of said.values()) {
      if (turn.speaker === 'agent' && this.agentCorrectsPackage(turn, mentions, mention)) continue;
      this.merge(
        turn,
        normalized.written,
        mention,
        stance,
        expectation.readBack.find((readBack) => readBack.fact === mention.fact),
        packageSaid.has(mention.fact),
      );
    }
    // A denied read-back of the package's own value, with the right value said in the next breath.
    if (turn.speaker === 'customer')
      this.lastCustomer = {
        index: turn.index,
        text: turn.text,
        stance,
        said: new Map([...said.values()].map((mention) => [mention.fact, mention.value])),
      };
    this.dialogue.update(
      turn.speaker,
      turn.index,
      turn.text,
      [...said.values()].map((mention) => ({ fact: mention.fact, value: mention.value, said: mention.said })),
      new Set(said.keys()),
      normalized.written,
      turn.speaker === 'agent' ? readAloudUnclaimed(normalized.spans, mentions) : [],
    );
    return mentions;
  }

  /**
   * "The last two are one two, not oh three", "it's six four seven not four one six", "six two nine… sorry, the last
   * one's a two not a three", "it's outlook not gmail": the caller edits a value the agent just said, or one they said
   * themselves earlier in the turn (readBackRepair.ts). The value with the edit made is what the caller means — over
   * a mention the edit's own words made, not over a whole other value said elsewhere in the turn.
   */
  private editsOfValues(written: string, expectation: TurnExpectation, said: Map<string, Mention>): void {
    const edits = editsSaid(written);
    const emailEdit = /\bnot\b/i.test(written);
    if (!edits.length && !emailEdit) return;
    const bases = [
      ...expectation.stated.map((value) => ({ ...value, said: value.said ?? value.value, own: false, at: -1 })),
      ...[...said.values()].map((mention) => ({ ...mention, own: true })),
    ];
    const done = new Set<string>();
    const put = (fact: string, value: string, start: number, end: number, own: boolean) => {
      // A whole value said elsewhere in the turn, away from the edit, stands.
      const current = said.get(fact);
      if (!own && current && (current.at + current.said.length <= start || current.at >= end)) return;
      said.set(fact, { fact, value, at: start, evidence: 'expected', said: written.slice(start, end) });
      done.add(fact);
    };
    for (const base of bases) {
      const type = this.schema.spec(base.fact)?.type;
      if (done.has(base.fact) || !type) continue;
      const fits = (value: string) => this.schema.accepts(base.fact, value) && !this.schema.equal(base.fact, value, base.value);
      if (type === 'email') {
        const edited = emailWithWordPutRight(base.value, base.own ? written.slice(base.at + base.said.length) : written);
        if (edited && fits(edited)) put(base.fact, edited, base.own ? base.at : 0, written.length, base.own);
        continue;
      }
      if (!ID_LIKE.has(type)) continue;
      const chars = type === 'phone' ? base.said.replace(/\D/g, '') : base.value.toUpperCase();
      for (const edit of edits) {
        if (base.own && edit.start < base.at + base.said.length) continue;
        const edited = withEdit(chars, edit);
        const value = edited && (type === 'phone' ? phoneWithDigits(base.value, chars, edited) : this.schema.normalise(base.fact, edited));
        if (value && fits(value)) {
          put(base.fact, value, edit.start, edit.end, base.own);
          break;
        }
      }
    }
    // A code the agent read out that no fact took: the edited code is the one fact (asked for, or of all the pack's
    // codes) that takes both it and the code read out.
    for (const chars of expectation.readAloud ?? []) {
      const candidates = this.schema.all.filter((spec) => ID_LIKE.has(spec.type) && !done.has(spec.name) && !said.has(spec.name));
      for (const edit of edits) {
        const edited = withEdit(chars, edit);
        if (!edited) continue;
        const taking = (pool: typeof candidates) =>
          pool.filter(
            (spec) =>
              this.schema.accepts(spec.name, this.schema.normalise(spec.name, edited)) &&
              this.schema.accepts(spec.name, this.schema.normalise(spec.name, chars)),
          );
        const asked = taking(candidates.filter((spec) => expectation.expected.includes(spec.name)));
        // Of several, the one whose pattern takes least (a zip code before a username that takes digits too).
        const pool = asked.length ? asked : taking(candidates);
        const narrowest = Math.min(...pool.map((spec) => this.recognizer.breadth(spec)));
        const choice = pool.filter((spec) => this.recognizer.breadth(spec) === narrowest);
        if (choice.length !== 1) continue;
        put(choice[0]!.name, this.schema.normalise(choice[0]!.name, edited), edit.start, edit.end, false);
        break;
      }
    }
  }

  /**
   * "No. Eight eight, not eight six": the caller corrects one part of what the agent read back (or of the ending of a
   * package value the agent just said). The value with that part replaced is what the caller means.
   */
  private partialCorrections(written: string, readBacks: readonly ReadBack[], said: Map<string, Mention>): void {
    const correction = /\b(?:not|instead of)\s+([a-z0-9]{1,6})\b/i.exec(written);
    if (!correction) return;
    const wrong = correction[1]!.toLowerCase();
    const right = written
      .replace(correction[0], ' ')
      .split(/[^a-z0-9]+/i)
      .find((part) => part.length === wrong.length && part.toLowerCase() !== wrong && /\d/.test(part) === /\d/.test(wrong));
    if (!right) return;
    // "…on the line ending five six two" / "five two six, not five six two, the whole number is …": the ending of a
    // package value the agent just said, denied, puts that value right — with the whole value when the caller says it.
    if (wrong.length >= 3 && new RegExp(`\\b${wrong}\\b`, 'i').test(this.agentBefore)) {
      // (What an agent says of a value in part is its ending: "the line ending…", "the card ending…".)
      const held = [...this.packageValues].filter(
        ([fact, value]) => ID_LIKE.has(this.schema.spec(fact)?.type ?? 'text') && value.toLowerCase().endsWith(wrong),
      );
      if (held.length === 1) {
        const [fact, value] = held[0]!;
        const type = this.schema.spec(fact)!.type;
        const whole = [...said.values()].find((mention) => mention.fact !== fact && this.schema.spec(mention.fact)?.type === type);
        const corrected = whole?.value.toLowerCase().includes(right.toLowerCase())
          ? whole.value
          : this.schema.normalise(fact, value.slice(0, value.length - wrong.length) + right);
        if (!said.has(fact) && !this.schema.equal(fact, corrected, value))
          said.set(fact, { fact, value: corrected, at: correction.index, evidence: 'expected', said: correction[0] });
        return;
      }
    }
    for (const readBack of readBacks) {
      if (said.has(readBack.fact)) continue;
      const value = readBack.value;
      const lower = value.toLowerCase();
      const at = lower.indexOf(wrong);
      if (at < 0 || lower.indexOf(wrong, at + 1) >= 0) continue;
      const corrected = this.schema.normalise(readBack.fact, `${value.slice(0, at)}${right}${value.slice(at + wrong.length)}`);
      said.set(readBack.fact, { fact: readBack.fact, value: corrected, at: correction.index, evidence: 'expected', said: correction[0] });
    }
  }

  /**
   * A value recognised as one fact that is a near miss of another fact's package value of the same type
   * ("phone" heard, the package's "mobile_number" one digit off) is about that fact.
   */
  private nearMissOf(mention: Mention): string | undefined {
    const own = this.packageValues.get(mention.fact);
    if (
      own !== undefined &&
      (this.schema.equal(mention.fact, mention.value, own) || this.schema.nearMiss(mention.fact, mention.value, own))
    )
      return undefined;
    const type = this.schema.spec(mention.fact)?.type;
    for (const [fact, packageValue] of this.packageValues)
      if (this.schema.spec(fact)?.type === type && this.schema.nearMiss(fact, mention.value, packageValue)) return fact;
    return undefined;
  }

  private compare(name: string, a: string, b: string): Comparison {
    if (this.schema.equal(name, a, b)) return 'equal';
    const type = this.schema.spec(name)?.type;
    if (type === 'name') {
      // "Dana" for "Dana Okafor", or a middle name left out: the same person, said in part.
      const left = a.toLowerCase().split(/\s+/);
      const right = b.toLowerCase().split(/\s+/);
      const [short, long] = left.length <= right.length ? [left, right] : [right, left];
      if (short.every((word) => long.includes(word))) return 'partial';
    }
    // "Flat 2, 42 Lark Lane" for "42 Lark Lane": the same street, with or without the flat; "41 Rothbury Terrace" for
    // "41 Rothbury Terrace, Heaton": with or without the district or town after it.
    if (type === 'address') {
      if (this.schema.equal(name, streetOf(a), streetOf(b))) return 'partial';
      const [left, right] = [addressKey(streetOf(a)), addressKey(streetOf(b))];
      const [short, long] = left.length <= right.length ? [left, right] : [right, left];
      if (/^\d/.test(short) && short.includes(' ') && long.startsWith(`${short} `)) return 'partial';
    }
    return 'different';
  }

  /** The package's full name (or any multi-word value) said by the customer is a restatement even when no one asked. */
  private noteRestatedNames(turn: TranscriptTurn, said: Map<string, Mention>): void {
    const lower = turn.text.toLowerCase();
    for (const spec of this.schema.all) {
      if (spec.type !== 'name' || said.has(spec.name)) continue;
      const value = this.packageValues.get(spec.name);
      if (!value?.includes(' ')) continue;
      const at = lower.indexOf(value.toLowerCase());
      if (at >= 0) said.set(spec.name, { fact: spec.name, value, at, evidence: 'intro', said: value });
    }
  }

  /** "It's Kaitlyn, spelled with a K": one word of the package's name put right is the name corrected. */
  private noteNameCorrected(turn: TranscriptTurn, said: Map<string, Mention>): void {
    for (const spec of this.schema.all) {
      if (spec.type !== 'name' || said.has(spec.name)) continue;
      const packageValue = this.packageValues.get(spec.name);
      const known = this.facts.get(spec.name);
      if (!packageValue || known?.value !== packageValue || known.contradictedBy !== undefined) continue;
      const corrected = correctedName(turn.text, packageValue);
      if (corrected)
        this.facts.set(spec.name, { name: spec.name, value: corrected, source: turn.index, contradictedBy: turn.index, packageValue });
    }
  }

  /** A package value said again in part ("yes, four five one" to a read-back of the whole number): a restatement. */
  private noteRestatedInPart(turnIndex: number, written: string, expectation: TurnExpectation, said: Map<string, Mention>): void {
    const about = {
      readBack: new Set([...expectation.readBack.map((readBack) => readBack.fact), ...expectation.stated.map((stated) => stated.fact)]),
      named: new Set([...expectation.expected, ...this.cues.named(written)]),
    };
    const unsaid = new Map([...this.packageValues].filter(([fact, value]) => !said.has(fact) && this.facts.get(fact)?.value === value));
    for (const fact of restatedInPart(written, unsaid, this.schema, about)) this.flagRepeat(turnIndex, fact);
  }

  private merge(
    turn: TranscriptTurn,
    written: string,
    mention: Mention,
    stance: Stance,
    readBack: ReadBack | undefined,
    packageSaid: boolean,
  ): void {
    const readBackAnswer = readBack !== undefined;
    const name = this.nearMissOf(mention) ?? mention.fact;
    const value = mention.value;
    const known = this.facts.get(name);
    const packageValue = this.packageValues.get(name);
    const spec = this.schema.spec(name);
    const strong = STRONG.has(mention.evidence);
    // Two digits swapped, one misheard: the package's value put right, by the caller or by the agent
    // stating it (an agent's read-back question, "…oh two six six?", may be their own slip).
    if (
      packageValue !== undefined &&
      known?.contradictedBy === undefined &&
      this.schema.nearMiss(name, value, packageValue) &&
      (turn.speaker === 'customer' || !askedBack(written, value))
    ) {
      this.facts.set(name, { name, value, source: turn.index, contradictedBy: turn.index, packageValue });
      return;
    }
    if (packageValue === undefined) {
      if (!known || known.value !== value) this.facts.set(name, { ...known, name, value, source: turn.index });
      return;
    }
    const comparison = this.compare(name, value, packageValue);
    if (known?.contradictedBy !== undefined) {
      // Already put right: a second correction updates the value; the package's value said again does not undo it.
      if (comparison === 'different' && known.value !== value && (turn.speaker === 'agent' || strong))
        this.facts.set(name, { ...known, value, source: turn.index });
      return;
    }
    if (comparison !== 'different') {
      // "No, six oh": putting right the agent's misread read-back is not saying the package's value again.
      const misreadPutRight = stance === 'deny' && readBack !== undefined && !this.schema.equal(name, readBack.value, packageValue);
      // The street said again without the district after it is the address said again.
      const restated = comparison === 'equal' || (comparison === 'partial' && spec?.type === 'address');
      if (turn.speaker === 'customer' && restated && !misreadPutRight) this.flagRepeat(turn.index, name);
      // The address said with the flat the package left out: the fuller address, nothing wrong with the package's.
      if (comparison === 'partial' && spec?.type === 'address' && value.length > (known?.value ?? packageValue).length)
        this.facts.set(name, { name, value, source: turn.index });
      return;
    }
    if (turn.speaker === 'customer') {
      // "Forty-six dollars. Your robot kept saying sixty-four": the package's value said beside the caller's own is put right.
      // A value whose shape says what it is (an amount, a date) needs no cue when the package's own is set against it.
      const contrasted =
        (strong || mention.evidence === 'shape') &&
        CONTRAST.test(turn.text) &&
        (packageSaid || this.saysValue(written, name, packageValue));
      const correcting = stance === 'deny' || stance === 'correct' || hasCorrectionCue(turn.text);
      // "It's the monthly pass, is that right?" — "No, it's not monthly, it's the yearly one": the read-back denied and
      // another value of it given puts the fact right, however the value was recognised.
      const readBackDenied =
        correcting && mention.evidence === 'shape' && (readBackAnswer || this.saysValue(this.agentBefore, name, packageValue));
      const contradicts = contrasted || readBackDenied || (strong && (spec?.identity === true || correcting || readBackAnswer));
      if (contradicts) {
        this.facts.set(name, { name, value, source: turn.index, contradictedBy: turn.index, packageValue });
        return;
      }
      // A different value said in passing (another order, another amount) is kept, not flagged.
      if (strong && !spec?.identity) this.facts.set(name, { name, value, source: turn.index });
      return;
    }
    const last = this.lastCustomer?.index === turn.index - 1 ? this.lastCustomer : undefined;
    // "Yep, you're right, it's fifty two pounds forty, the assistant had it muddled": the agent agrees with the
    // value the caller just gave instead of the package's.
    const callerSaid = last?.said.get(name);
    if (callerSaid !== undefined && this.schema.equal(name, callerSaid, value) && AGENT_AGREES.test(withApostrophes(turn.text))) {
      this.facts.set(name, { name, value, source: turn.index, contradictedBy: last!.index, packageValue });
      return;
    }
    // The agent repeating back what the customer just corrected ("No, there's a dot." → "L dot washington…").
    if (last && (last.stance === 'deny' || last.stance === 'correct' || hasCorrectionCue(last.text))) {
      this.facts.set(name, { name, value, source: turn.index, contradictedBy: last.index, packageValue });
      return;
    }
    if (strong && !spec?.identity) this.facts.set(name, { name, value, source: turn.index });
  }

  /**
   * "Our notes say ninety-nine dollars, but what's outstanding is forty-nine fifty": the agent reads the
   * package's value and puts it right in the same breath.
   */
  private agentCorrectsPackage(turn: TranscriptTurn, mentions: readonly Mention[], mention: Mention): boolean {
    const packageValue = this.packageValues.get(mention.fact);
    const known = this.facts.get(mention.fact);
    if (
      packageValue === undefined ||
      known?.contradictedBy !== undefined ||
      this.compare(mention.fact, mention.value, packageValue) !== 'different'
    )
      return false;
    const readPackageFirst = mentions.some(
      (other) => other.fact === mention.fact && other.at < mention.at && this.schema.equal(mention.fact, other.value, packageValue),
    );
    if (!readPackageFirst || !AGENT_FIXES_PACKAGE.test(turn.text)) return false;
    this.facts.set(mention.fact, {
      name: mention.fact,
      value: mention.value,
      source: turn.index,
      contradictedBy: turn.index,
      packageValue,
    });
    return true;
  }

  /** Whether the turn's written form (ITN's, already made for the turn) also says this value, however it was put. */
  private saysValue(written: string, name: string, value: string): boolean {
    const type = this.schema.spec(name)?.type;
    if (type === 'amount') {
      const number = Number(value.split(' ')[0]);
      return [...written.matchAll(/\d+(?:\.\d+)?/g)].some((match) => Number(match[0]) === number);
    }
    // "The bot kept insisting I have a Nest": a list value named by its first distinctive word.
    if (type === 'enum' || type === 'catalogue') {
      const head = value.split(/[_\s-]+/).find((word) => word.length >= 3 && !/\d/.test(word));
      return head !== undefined && new RegExp(`\\b${escapeRegExp(head)}\\b`, 'i').test(written);
    }
    const compact = (part: string) => part.toLowerCase().replace(/[^a-z0-9@.]/g, '');
    return compact(value).length >= 4 && compact(written).includes(compact(value));
  }

  private flagRepeat(turnIndex: number, factName: string): void {
    if (!this.repeats.some((repeat) => repeat.turnIndex === turnIndex && repeat.factName === factName))
      this.repeats.push({ turnIndex, factName });
  }
}

/** "March 2nd" in a call about a package dated 2026-03-02 means 2026. */
function yearFromPackage(pkg: HandoffPackage | undefined, anchor: string | undefined): number | undefined {
  if (!pkg) return undefined;
  const dated = anchor ?? /\b(20\d\d)-\d\d-\d\d\b/.exec(`${pkg.summary} ${pkg.aiAttempts.map((attempt) => attempt.result).join(' ')}`)?.[0];
  return dated && /^\d{4}/.test(dated) ? Number(dated.slice(0, 4)) : undefined;
}
