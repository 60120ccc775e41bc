/**
 * Typed recognisers over the written form of a turn (after ITN): each value the turn states, typed
 * by what it is (an email, an amount, a digit string, a name…) and then assigned to one of the pack's
 * facts by the dialogue's help — the cue that names it ("my zip is …"), what the agent just asked for,
 * or its shape when only one fact accepts it. A value next to a code of another kind ("promo code
 * SPRING25") is no fact at all. Nothing here knows a business: the facts, cues, patterns and values
 * all come from the pack.
 */
import type { Speaker } from '../../../shared/callScenario';
import { countryNamedIn, findPackValue, nationalAbroad, isTrunkDialled, type FactSchema } from '../../../shared/facts';
import type { FactSpec, FactType, PackValue } from '../../../shared/domainPack';
import { escapeRegExp } from '../../../shared/text';
import { numericDate, resolveDates, type DateContext } from './dateResolver';
import { spokenEmail } from './spokenEmail';
import { withRepairs } from './digitRepair';
import { isCommonWord, wordTags } from './lexicon';
import { nameWordStrength, nameWordsOf } from './nameWords';
import { spelledAnswer } from './spelledAnswer';
import { editDistance, nameCase, spokenName } from './spokenName';
import { roleInText, roleOfFact } from './valueRoles';
import { isMeasureUnit } from './itn/measures';
import { currencyNamedIn } from './itn/money';
import { isNumberWord, soundAlikeDigit, unitValue } from './itn/numberWords';
import { ANY_IDENTIFIER, OTHER_IDENTIFIER, type CueHit, type FactCues } from './factCues';
import { normalize } from './itn';
import type { Normalized, NormalizedSpan } from './itn/types';

export type Evidence = 'cued' | 'expected' | 'known' | 'shape' | 'intro';

export interface Mention {
  fact: string;
  /** Normalised the pack's way. */
  value: string;
  /** Position in the written text, to order mentions (self-corrections: the later one wins). */
  at: number;
  evidence: Evidence;
  /** The words as said, for the flag. */
  said: string;
}

export interface RecognitionContext {
  speaker: Speaker;
  expected: readonly string[];
  dates: DateContext;
  /** Values the call already holds (package or heard): a value said again is the same fact. */
  known?: ReadonlyMap<string, string>;
  /** The turn as said, for readers that need the words ITN rewrote (an address said in pieces). */
  spoken?: string;
  /** Values the agent's turn just before said: the caller echoing one ("The annual plan, that's right") means that fact. */
  echoes?: ReadonlyArray<{ fact: string; value: string }>;
  /** The package's values: a near miss of one is that fact put right, even after the call changed it. */
  packaged?: ReadonlyMap<string, string>;
  /** Digits the agent began a value with, asking for the rest ("I've got five one two, five five five, and then?"). */
  continues?: string;
  /** Facts the turn before named by their cues ("my number… ends one five zero"): the fact an answer to it is about. */
  recent?: ReadonlySet<string>;
  /** The currency the agent's turn just before named ("what was the charge in euro"): the caller's sums are in it. */
  askedCurrency?: string;
  /** A country the turn names ("the UK one"): a number with its trunk 0 is dialled there. Set by recognise(). */
  country?: ReturnType<typeof countryNamedIn>;
}

const ID_TYPES: ReadonlySet<FactType> = new Set(['id', 'phone', 'postcode']);
const SELF_TYPING: ReadonlySet<FactType> = new Set(['email', 'amount', 'date', 'address']);
/** Words of a fact's label that say which of its kind it is ("mobile" of "Mobile number"), not the kind itself. */
const KIND_WORDS = new Set(['number', 'no', 'id', 'code', 'address', 'date', 'name', 'amount', 'the', 'of', 'a', 'your', 'phone', 'email']);
const labelWords = new WeakMap<FactSpec, string[]>();
function labelWordsOf(spec: FactSpec): string[] {
  let words = labelWords.get(spec);
  if (!words) {
    words = spec.label
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((word) => word.length >= 3 && !KIND_WORDS.has(word));
    labelWords.set(spec, words);
  }
  return words;
}

/** The short sentences an answer opens with, up to a dozen words, before a longer one: where a long answer puts its value. */
function openingSentences(answer: string): string | undefined {
  const kept: string[] = [];
  let words = 0;
  for (const sentence of answer.split(/(?<=[.?!])\s+/)) {
    const count = sentence.split(/\s+/).length;
    if (words + count > 12) break;
    kept.push(sentence);
    words += count;
  }
  return kept.length ? kept.join(' ') : undefined;
}

/** Of several candidates, the one alone whose label's own words ("mobile" of "Mobile line") the sentence says. */
function namedByLabel<T extends { spec: FactSpec }>(candidates: readonly T[], sentence: string): T | undefined {
  const lower = sentence.toLowerCase();
  const named = candidates.filter(({ spec }) => labelWordsOf(spec).some((word) => new RegExp(`\\b${word}\\b`).test(lower)));
  return named.length === 1 ? named[0] : undefined;
}

/** A cue that says what a sum is counted by ("a night", "per month", "each day"): it stands after the sum. */
const RATE_CUE = /^(?:a|an|per|each|every)\s+[a-z]+$/i;
/** How far before a value its cue may stand ("my order number, let me see, is 6029…"). */
const CUE_BEFORE = 48;
const CUE_AFTER = 28;
const MAX_JOIN = 5;
/** Words that start a phone extension. */
const EXTENSION = /\b(?:extension|ext|x)\b/i;
/** Words that put a value right. */
const CORRECTS = /\b(?:no|sorry|wait|i mean|actually|not|wrong|backwards|flipped|swapped)\b/i;
/** What may stand between two digit groups of one value: pauses, brackets, dashes, "then". */
const GROUP_JOINER =
  /^[\s,().-]*(?:(?:and\s+)?(?:then\b|(?:then\s+)?(?:it's|it is)\b|the (?:number|rest|last (?:four|three|two|bit|part|digits?))(?: (?:is|are))?\b)[\s,().-]*)?$/;
/** Cents a price is said with ("nine ninety nine", "four ninety five"): two groups ending so are dollars and cents. */
const PRICE_ENDINGS = new Set(['99', '98', '97', '95', '49']);
/** Words of paying, in any business: a sentence with one says price-shaped digit groups are money. */
const MONEY_TALK =
  /\b(?:extra|costs?|costing|pay|paid|paying|price|priced|fee|charged?|charging|refund(?:ed)?|credit(?:ed)?|owe|owed|total|spent|spend|bucks|dollars|pounds|quid|euros|cheaper|discount(?:ed)?|upgrade|sale)\b/i;
/** An answer to "who am I speaking with?" longer than this is more than a name: read it by its introductions. */
const MAX_NAME_ANSWER_WORDS = 30;

function sentenceBounds(text: string, at: number): { start: number; end: number } {
  let start = at;
  while (start > 0 && !/[.!?]/.test(text[start - 1]!)) start--;
  let end = at;
  while (end < text.length && !/[.!?]/.test(text[end]!)) end++;
  return { start, end };
}

/** Words that start or end a name phrase but are never part of one. */
const NOT_NAME_WORDS = new Set(
  (
    'a an the and or but so is am are was were be been i me my mine you your we our us he she they it its this that ' +
    'each every any all some per both either neither other another ' +
    'here there calling call called trying try just really very not no yes yeah yep sure okay ok hi hello hey thanks thank ' +
    'sorry please um uh er hmm well oh still also again now then today tomorrow yesterday looking wondering hoping ' +
    'having getting going gonna wanna phoning ringing about with from for to of on in at by as if because regarding ' +
    'customer agent account order number email phone name calling back there ma am sir miss missus mister mr mrs ms mx dr ' +
    'good fine great glad happy upset annoyed frustrated confused worried afraid calling following sorting checking ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december one two three four five six seven eight nine ten'
  ).split(' '),
);

/** Words that give the name to someone else: "in her name", "my husband's name is", "the account holder, his name…". */
const SOMEONE_ELSES_NAME =
  /\b(?:(?:in|under|on)\s+(?:her|his|their)\s+name|(?:her|his|their)\s+name|(?:my|our|the)\s+(?:mom|mum|mother|dad|father|wife|husband|son|daughter|partner|brother|sister|grandma|grandmother|gran|nan|grandpa|grandfather|granddaughter|grandson|aunt|uncle|boss|friend|neighbou?r|landlord|landlady|roommate|flatmate|tenant|carer|caregiver)(?:'s)?(?:\s+name)?|(?:she|he)\s+(?:is|was|'s)\s+called)\b/i;
const NAME_INTRO = /\b(?:my name is|my name's|name is|name's|this is|it's|it is|i'm|i am|speaking with|you're speaking to|you have)\s+/gi;
/**
 * The words that end a street's name, in the US (USPS suffixes), Britain and Ireland, Canada and Australia; words that
 * are as often something else ("green", "end", "side", "bank", "point", "well") are left out.
 */
const STREET_TYPES =
  'road|rd|street|st|avenue|ave|lane|ln|drive|dr|terrace|tce|court|ct|way|boulevard|blvd|place|pl|circle|cir|parkway|pkwy|highway|hwy|' +
  'trail|loop|square|sq|row|crescent|cres|close|alley|grove|gardens|mews|hill|walk|view|park|mount|mt|rise|vale|chase|croft|wynd|brae|' +
  'meadows|wharf|quay|parade|pde|esplanade|approach|broadway|circus|embankment|heights|crossing|landing|cove|glen|plaza|circuit|cct|' +
  'grange|promenade|ridge|hollow|knoll|bend|trace|pike';
/** What a number counts, said right after it: "three to five working days", "two to three weeks". */
const COUNTED_AFTER =
  /^\s*(?:(?:working|business|calendar|more|extra)\s+)?(?:days?|weeks?|months?|years?|hours?|minutes?|mins?|times?|items?|people|nights?)\b/;
/** A postcode after a street, its town (and state) between: up to four words, then the digits, the sentence going on. */
const POSTCODE_AFTER_STREET = /^[\s,]*(?:[a-z]+[\s,]+){0,4}?(\d{5})(?![\d-])/i;
/** How a dwelling inside a building is written in an address. */
const UNIT_LABELS = new Map([
  ['flat', 'Flat'],
  ['apartment', 'Apt'],
  ['apt', 'Apt'],
  ['unit', 'Unit'],
  ['suite', 'Suite'],
  ['#', 'Apt'],
]);
const UNIT_BEFORE = /\b(flat|apartment|apt|unit|suite)\.?\s+(\d{1,5}\s?[a-z]?(?:\/\d{1,3})?|[a-z])\s*,?\s*$/i;
const UNIT_AFTER = /^\s*,?\s*(flat|apartment|apt|unit|suite|#)\.?\s*(\d{1,5}(?:\s?[a-z](?![a-z]))?|[a-z](?![a-z]))/i;
/** An address without the flat, apartment or suite inside the building ("Flat 2, 42 Lark Lane" → "42 Lark Lane"). */
export function streetOf(address: string): string {
  return address.replace(/^(?:flat|apt|apartment|unit|suite)\s+\S+,\s*/i, '').replace(/,\s*(?:flat|apt|apartment|unit|suite)\s+\S+$/i, '');
}
/** "Earlsdon Avenue South": a point of the compass after the street's type is part of its name. */
const STREET_DIRECTION = String.raw`(?:\s+(?:north|south|east|west|northeast|northwest|southeast|southwest)(?!\s+(?:of|side|end|bound)\b))?`;
const STREET = new RegExp(`\\b(\\d{1,6}[a-z]?)\\s+((?:[a-z][a-z'-]+\\s+){1,4}(?:${STREET_TYPES})${STREET_DIRECTION})\\b\\.?`, 'gi');

/** Whether a list value counts said without its fact's cue: the pack says so for all its values, or names it. */
function takenBare(spec: FactSpec, value: string): boolean {
  return spec.bareValues === true || (Array.isArray(spec.bareValues) && spec.bareValues.includes(value));
}

function titleCase(words: string): string {
  return words
    .split(/\s+/)
    .map((word) => (word.length ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(' ');
}

function escapeRegex(text: string): string {
  return escapeRegExp(text).replace(/\s+/g, '[\\s-]+');
}

/** Probe strings of the shapes ids take (digits, letters and digits, handles) at lengths 4–20. */
const ID_PROBES: readonly string[] = [4, 6, 8, 9, 10, 11, 12, 14, 16, 20].flatMap((length) => [
  '7315926480'.repeat(2).slice(0, length),
  'K7Q3M9X2P5'.repeat(2).slice(0, length),
  'AB'.concat('4815162342'.repeat(2)).slice(0, length),
  'f1r3.w4ll_'.repeat(2).slice(0, length),
]);

interface ValueMatcher {
  spec: FactSpec;
  pattern: RegExp;
  values: readonly PackValue[];
  /** Forms that read differently once normalised, by their written form. */
  written: ReadonlyMap<string, PackValue>;
  /** Numbers of two digits or more that one value alone is named by ("Full Fibre 900", "the 30GB"). */
  numbers: ReadonlyMap<string, PackValue>;
}

/** The letters a fact's pattern requires its values to open with ("^KT\\d{2,4}$" → KT), two or more, or undefined. */
function letterPrefixOf(spec: FactSpec): string | undefined {
  return /^\^([A-Z]{2,})(?![A-Za-z?*{|])/.exec(spec.pattern ?? '')?.[1];
}

function startsWithOwnLetters(spec: FactSpec, value: string): boolean {
  const prefix = letterPrefixOf(spec);
  return prefix !== undefined && value.startsWith(prefix);
}

/** A digit's own name (zero … nine, "oh"), not a word that sounds like one. */
function isDigitWordItself(word: string): boolean {
  return word === 'oh' || unitValue(word) !== undefined;
}

/** The digit a word stands for beside other digits: its own name or a sound-alike. */
function digitOfWord(word: string): string | undefined {
  if (word === 'oh') return '0';
  const unit = unitValue(word);
  const alike = soundAlikeDigit(word);
  return unit !== undefined ? String(unit) : alike !== undefined ? String(alike) : undefined;
}

interface DigitGroup {
  digits: string;
  start: number;
  end: number;
  /** Named as the area code ("and the area code is…"). */
  areaCode: boolean;
  /** Said after words that put something right ("no", "sorry", "wait"). */
  corrects: boolean;
}

/**
 * The digit groups of a turn in order, as one number's pieces: a digit word left as a word beside digits
 * counts ("nine two seven zero, tree"), a group said twice or said again whole counts once, and the pieces
 * end where an extension starts.
 */
function digitGroups(written: string): DigitGroup[] {
  const groups: DigitGroup[] = [];
  const pieces = [...written.matchAll(/\d+|[a-z]+/gi)];
  let last = 0;
  for (let k = 0; k < pieces.length; k++) {
    const piece = pieces[k]!;
    let digits = /^\d/.test(piece[0]) ? piece[0] : undefined;
    if (digits === undefined) {
      const lower = piece[0].toLowerCase();
      const word = digitOfWord(lower);
      // A word stands for a digit only beside digits or digit words, with only a pause between ("…zero, tree",
      // "four, null, sorry"); a word that sounds like a digit ("tree", "for") only across a pause.
      const homophone = !isDigitWordItself(lower);
      const digitLike = (other: RegExpExecArray | RegExpMatchArray | undefined) =>
        other !== undefined && (/^\d/.test(other[0]) || digitOfWord(other[0].toLowerCase()) !== undefined);
      const gap = (from: number, to: number, paused: boolean) =>
        (paused ? /^[\s-]*[,.…][\s,.…-]*$/ : /^[\s,.…-]*$/).test(written.slice(from, to));
      const before = pieces[k - 1];
      const after = pieces[k + 1];
      const touchesBefore = (paused: boolean) => digitLike(before) && gap(before!.index! + before![0].length, piece.index!, paused);
      const touchesAfter = (paused: boolean) => digitLike(after) && gap(piece.index! + piece[0].length, after!.index!, paused);
      const counts = homophone
        ? // A sound-alike ("to", "for", "tree") is a digit between digits, across a pause from one, or opening the digits.
          (touchesBefore(false) && touchesAfter(false)) || touchesBefore(true) || touchesAfter(true) || (k === 0 && touchesAfter(false))
        : touchesBefore(false) || touchesAfter(false);
      if (word === undefined || !(counts || (before && /^\d/.test(before[0]) && k === pieces.length - 1))) continue;
      digits = word;
    }
    const start = piece.index!;
    const between = written.slice(last, start);
    // "…extension four oh nine", "x 22": what follows the number is not part of it.
    if (groups.length && EXTENSION.test(between)) break;
    last = start + piece[0].length;
    const group = {
      digits,
      start,
      end: last,
      areaCode: /\barea code\b[^\d]*$/i.test(between),
      corrects: groups.length > 0 && CORRECTS.test(between),
    };
    // "two oh six. two oh six.", "129. 0129", "01… 31. sorry, 0131": groups said again whole are said once.
    let restated = 0;
    // "…90113372, let me read the last bit again… three three seven two": the end said again confirms it.
    const previous = groups.at(-1);
    if (previous && digits.length >= 3 && previous.digits.length > digits.length && previous.digits.endsWith(digits)) continue;
    // A single digit said again is a double ("four, four").
    for (let n = 1, joined = ''; n <= Math.min(3, groups.length); n++) {
      joined = groups[groups.length - n]!.digits + joined;
      if (joined.length >= 2 && (digits === joined || (digits.length > joined.length && digits.endsWith(joined)))) restated = n;
    }
    if (restated) groups.splice(groups.length - restated, restated, { ...group, areaCode: groups[groups.length - restated]!.areaCode });
    else groups.push(group);
  }
  return groups;
}

/**
 * Whether a code spelled through a whole answer completes a value a reader found in one stretch of it: the value
 * once inside it, with letters before or after it that say nothing again — not a count ("six characters"), not the
 * value's own start or end once more ("e m, e as in echo, m as in mike"; "there's a k on the end. t r four one one k"),
 * not a name spelled before it (a few letters at most each side).
 */
function completes(code: string, value: string): boolean {
  const part = value.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const at = code.indexOf(part);
  if (!part || part.length >= code.length || at < 0 || code.indexOf(part, at + 1) >= 0) return false;
  const before = code.slice(0, at);
  const after = code.slice(at + part.length);
  if (/\d/.test(before + after) || before.length > 3 || after.length > 3) return false;
  if (after && (part.endsWith(after) || (after.length >= 2 && part.startsWith(after)))) return false;
  if (before && (part.endsWith(before) || (before.length >= 2 && part.startsWith(before)))) return false;
  return true;
}

/** One pack's recognisers, compiled once and shared by every call that uses the pack. */
export class EntityRecognizer {
  private readonly matchers: ValueMatcher[] = [];
  private readonly breadths = new Map<string, number>();
  /** Facts that share one list of values (an origin and a destination over one list of airports), by fact. */
  private readonly siblings = new Map<string, readonly FactSpec[]>();

  constructor(
    private readonly facts: FactSchema,
    private readonly cues: FactCues,
  ) {
    const lists = new Map<string, FactSpec[]>();
    for (const spec of facts.all) {
      if (spec.type !== 'enum' && spec.type !== 'catalogue') continue;
      const values = facts.valuesOf(spec);
      // Each form as said and as the turn's written form has it ("twenty gig boost" is "20 gig boost" once normalised).
      const written = new Map<string, PackValue>();
      for (const value of values)
        for (const form of [value.value, value.label ?? '', ...value.aliases]) {
          const said = form.toLowerCase().trim();
          const normalised = normalize(said).written.toLowerCase().trim();
          if (normalised !== said && normalised.length > 1 && !written.has(normalised)) written.set(normalised, value);
        }
      const forms = [
        ...new Set(
          values
            .flatMap((value) => [value.value, value.label ?? '', ...value.aliases])
            .map((form) => form.toLowerCase().trim())
            .concat([...written.keys()])
            .filter((form) => form.length > 1),
        ),
      ];
      forms.sort((a, b) => b.length - a.length);
      // The numbers each value is named by, kept where no other value has them.
      const owners = new Map<string, Set<PackValue>>();
      for (const value of values)
        for (const form of [value.value, value.label ?? '', ...value.aliases])
          for (const number of normalize(form.toLowerCase()).written.match(/\d{2,}/g) ?? [])
            (owners.get(number) ?? owners.set(number, new Set()).get(number)!).add(value);
      const numbers = new Map(
        [...owners].filter(([, of]) => of.size === 1).map(([number, of]): [string, PackValue] => [number, [...of][0]!]),
      );
      // One array per list, shared by every fact of it: each fact's siblings grow as the list gains facts.
      const list = spec.type === 'catalogue' ? `catalogue:${spec.catalogue}` : `enum:${values.map((value) => value.value).join('|')}`;
      const group = lists.get(list) ?? [];
      group.push(spec);
      lists.set(list, group);
      this.siblings.set(spec.name, group);
      if (forms.length)
        this.matchers.push({
          spec,
          values,
          written,
          numbers,
          pattern: new RegExp(`(?<![a-z0-9])(?:${forms.map(escapeRegex).join('|')})(?![a-z0-9])`, 'g'),
        });
    }
  }

  /**
   * How much an id fact's pattern takes, measured on a fixed set of probe strings: a digits-only
   * order number takes fewer than an alphanumeric account id, so is the likelier reading of digits.
   */
  breadth(spec: FactSpec): number {
    let cached = this.breadths.get(spec.name);
    if (cached === undefined) {
      cached = ID_PROBES.filter((probe) => this.facts.accepts(spec.name, this.facts.normalise(spec.name, probe))).length;
      this.breadths.set(spec.name, cached);
    }
    return cached;
  }

  private specsOfType(...types: FactType[]): FactSpec[] {
    return this.facts.all.filter((spec) => types.includes(spec.type));
  }

  /** Every fact the turn states, by type, assigned with the dialogue's help. */
  recognise(normalized: Normalized, given: RecognitionContext): Mention[] {
    const written = normalized.written;
    const context = /\d/.test(written) ? { ...given, country: countryNamedIn(written) } : given;
    const cueHits = this.cues.find(written);
    const mentions: Mention[] = [];
    const taken: Array<[number, number]> = [];
    const add = (mention: Mention | undefined, start: number, end: number) => {
      if (!mention) return;
      mentions.push(mention);
      taken.push([start, end]);
    };

    const idSpans = normalized.spans.filter(
      (span) =>
        span.kind === 'digits' || span.kind === 'alnum' || (span.kind === 'cardinal' && /^\d{3,}$/.test(span.text)) || span.kind === 'year',
    );
    // Asked for the email (or naming it), the caller's whole answer is read as one address: the question tells where it starts.
    const emailSpecs = this.specsOfType('email');
    const emailAsked = emailSpecs.some((spec) => context.expected.includes(spec.name) || cueHits.some((hit) => hit.fact === spec.name));
    // Unasked, an address ITN found is read again from the words, which see spellings ITN cannot ("l i n d, the number four").
    const itnEmail = normalized.spans.find((span) => span.kind === 'email');
    const reread = !emailAsked && itnEmail && context.spoken ? spokenEmail(context.spoken) : undefined;
    const sameDomain =
      reread &&
      itnEmail &&
      reread.value.split('@')[1] === String(itnEmail.value).toLowerCase().split('@')[1] &&
      reread.value.length > String(itnEmail.value).length;
    const whole = emailAsked && context.spoken ? spokenEmail(context.spoken) : sameDomain ? reread : undefined;
    // "within two business days, to dariush dot kamali at…": a preposition or conjunction right before the address
    // ITN found ends the talk before it; only spellings ("l i n d, the number four") reach further back.
    const talkGluedOn =
      whole !== undefined &&
      itnEmail !== undefined &&
      whole.value !== String(itnEmail.value).toLowerCase() &&
      whole.value.endsWith(String(itnEmail.value).toLowerCase()) &&
      wordTags(lastWord(context.spoken!.slice(0, itnEmail.spokenStart))).some((tag) => tag === 'Preposition' || tag === 'Conjunction');
    const answered = talkGluedOn ? undefined : whole;
    // Read from the whole answer, the address was said by the whole answer: no other words around it deny it ("…no space, m o r e n o…").
    if (answered)
      add(this.assign(emailSpecs, answered.value, { start: 0, end: written.length, text: written }, cueHits, context, written), 0, 0);
    for (const span of normalized.spans) {
      if (span.kind === 'email' && !answered)
        add(this.assign(emailSpecs, span.value.toLowerCase(), span, cueHits, context, written), span.start, span.end);
      else if (span.kind === 'money') {
        const raw = `${span.value.amount} ${span.value.currency}`;
        add(this.assign(this.specsOfType('amount'), raw, span, cueHits, context, written), span.start, span.end);
      }
    }
    // Asked how much, a bare number is the amount ("forty dollars, no sorry, forty five"; "$1200, 1240 to be exact").
    this.bareAmounts(normalized.spans, cueHits, context, written).forEach((mention) =>
      add(mention, mention.at, mention.at + mention.said.length),
    );
    // "One hundred eighty-nine with forty" (Spanish "con", Portuguese "com"): whole units, then the cents.
    for (const mention of mentions) {
      const cents = /^\s*(?:with|con|com)\s+(\d{1,2})\b(?!\s*(?:%|percent|items?|of|off))/i.exec(
        written.slice(mention.at + mention.said.length),
      );
      const [whole, currency] = mention.value.split(' ');
      if (!cents || this.facts.spec(mention.fact)?.type !== 'amount' || !/\.00$/.test(whole!)) continue;
      mention.value = `${Math.trunc(Number(whole))}.${cents[1]!.padEnd(2, '0')} ${currency}`;
      mention.said = written.slice(mention.at, mention.at + mention.said.length + cents[0].length);
    }
    // A price said in groups ("one forty nine ninety nine") where an amount is asked for or named, before any id reading of the digits.
    const prices = this.priceFromGroups(idSpans, mentions, cueHits, context, written);
    prices.forEach((mention) => add(mention, mention.at, mention.at + 1));
    const priced = new Set(prices.map((mention) => mention.at));
    this.idMentions(
      // A number put right as it was said ("…four four, sorry, four seven two…") is read as the number meant.
      withRepairs(
        idSpans.filter((span) => !priced.has(span.start)),
        written,
      ),
      cueHits,
      context,
      written,
    ).forEach((mention) => add(mention, mention.at, mention.at + mention.said.length));
    // "Seven zero three one six two eight four", asked for (or read back) the account NW70316284: the digits of an id
    // whose pattern opens with its own letters, said without them, are that id.
    if (context.speaker === 'customer')
      this.idsWithoutPrefix(idSpans, mentions, context).forEach((mention) => add(mention, mention.at, mention.at + mention.said.length));
    // The amount the call holds, said bare by the agent.
    this.knownAmounts(normalized.spans, mentions, context).forEach((mention) => add(mention, mention.at, mention.at + mention.said.length));
    const isDate = (fact: string) => this.facts.spec(fact)?.type === 'date';
    const daysExpected =
      context.speaker === 'customer' && (context.expected.some(isDate) || (context.echoes ?? []).some((said) => isDate(said.fact)));
    const dates = resolveDates(written, daysExpected ? { ...context.dates, daysExpected } : context.dates);
    // "Fourteen fifty. One four five zero.", "July thirty-first. Three, one.": an amount or a day said again digit by
    // digit is no id.
    const restated = new Set([
      ...mentions.filter((mention) => this.facts.spec(mention.fact)?.type === 'amount').map((mention) => mention.value.split(/[ .]/)[0]),
      ...dates.flatMap((found) => found.text.match(/\d+/g) ?? []),
    ]);
    for (let k = mentions.length - 1; k >= 0; k--) {
      const mention = mentions[k]!;
      const type = this.facts.spec(mention.fact)?.type ?? 'text';
      if (ID_TYPES.has(type) && type !== 'phone' && restated.has(mention.value) && mention.evidence !== 'cued') mentions.splice(k, 1);
    }
    const dateSpecs = this.specsOfType('date');
    // Asked for a date, digits alone are one ("oh six, oh nine, nineteen ninety"), read in the region's order.
    // Not when the digits already say back another value the agent just read ("…two twelve forty seven", the amount).
    const echoed = mentions.some((mention) =>
      context.echoes?.some((said) => said.fact === mention.fact && this.facts.equal(mention.fact, said.value, mention.value)),
    );
    // Beside a date said without its year ("02091991. February 9"), the digits still say the year.
    const yearless = dates.every((found) => !/\d{4}/.test(found.text));
    const numeric =
      yearless && !echoed && context.speaker === 'customer' && dateSpecs.some((spec) => context.expected.includes(spec.name))
        ? numericDate(
            dates.reduce(
              (text, found) => text.slice(0, found.start) + ' '.repeat(found.end - found.start) + text.slice(found.end),
              written,
            ),
            context.dates,
            normalized.spans,
          )
        : undefined;
    if (numeric && !dates.some((found) => found.start < numeric.end && found.end > numeric.start)) {
      for (let k = mentions.length - 1; k >= 0; k--)
        if (mentions[k]!.at >= numeric.start && mentions[k]!.at < numeric.end) mentions.splice(k, 1);
      dates.push(numeric);
    }
    // "I'll do it today", "can you send it tonight": the present moment is a date only as the answer to "when?".
    const dateAsked = dateSpecs.some((spec) => context.expected.includes(spec.name));
    for (const found of dates) {
      if (found.present && !dateAsked) continue;
      add(
        this.assign(dateSpecs, found.value, { start: found.start, end: found.end, text: found.text }, cueHits, context, written),
        found.start,
        found.end,
      );
    }
    this.handles(written, cueHits, context, taken).forEach((mention) => add(mention, mention.at, mention.at + mention.said.length));
    this.addresses(written, cueHits, context).forEach((mention) => add(mention, mention.at, mention.at + mention.said.length));
    this.enumValues(written, cueHits, context).forEach((mention) => add(mention, mention.at, mention.at + mention.said.length));
    this.knownListValues(written, context)
      .filter((mention) => !mentions.some((other) => other.fact === mention.fact))
      .forEach((mention) => add(mention, mention.at, mention.at + mention.said.length));
    // An answer read whole as an email address names nobody with its words ("ray k at sawtooth builders dot com").
    this.names(written, context, answered !== undefined).forEach((mention) => add(mention, mention.at, mention.at + mention.said.length));
    // "Six oh six one four, not six oh six one five": a value the speaker denies is not what they said it is.
    const kept = mentions.filter(
      (mention) => valueStance(written, mention.at, mention.at + mention.said.length, context.speaker) !== 'denied',
    );
    const pieced = this.valueFromPieces(written, cueHits, context, kept);
    // A code spelled through talk ("d, o, g, like the animal, dog, then five one seven three"), where nothing read it.
    const spelled = pieced ? undefined : this.spelledThroughTalk(written, cueHits, context, kept);
    if (spelled) {
      for (const part of spelled.parts) kept.splice(kept.indexOf(part), 1);
      kept.push(spelled.mention);
    }
    // The value put together from its pieces, where nothing read it whole; a phone read whole from its pieces is said
    // where its last piece is, so it wins over a piece read alone.
    if (
      pieced &&
      !kept.some(
        (mention) => mention.value === pieced.value || (mention.fact === pieced.fact && this.facts.spec(pieced.fact)?.type !== 'phone'),
      )
    )
      kept.push(pieced);
    this.inCurrencyNamed(kept, written, context);
    return kept.sort((a, b) => a.at - b.at);
  }

  /**
   * "Two hundred and fifteen dollars. Canadian.", "sixty five euros… sixty five forty", asked "what was the charge in
   * euro": sums read in the desk's currency are in the one currency the turn (or the question before it) names.
   */
  private inCurrencyNamed(mentions: Mention[], written: string, context: RecognitionContext): void {
    const desk = this.facts.source.currency ?? 'USD';
    const named = currencyNamedIn(written, desk) ?? context.askedCurrency;
    if (!named || named === desk) return;
    for (const mention of mentions)
      if (this.facts.spec(mention.fact)?.type === 'amount' && mention.value.endsWith(` ${desk}`) && mention.evidence !== 'known')
        mention.value = `${mention.value.slice(0, -desk.length)}${named}`;
  }

  /**
   * Picks the fact a value answers among the specs that could take it: the cue right before it (or
   * right after), then what the agent asked for, then — if only one fact of that type exists — that one.
   */
  private assign(
    specs: readonly FactSpec[],
    raw: string,
    span: { start: number; end: number; text: string; groups?: readonly string[] },
    cueHits: readonly CueHit[],
    context: RecognitionContext,
    written: string,
    requireCue = false,
  ): Mention | undefined {
    const abroad = specs.some((spec) => spec.type === 'phone')
      ? nationalAbroad(raw.replace(/\D/g, ''), context.country, this.facts.source.defaultRegion)
      : undefined;
    const accepting = specs
      .map((spec) => ({ spec, value: this.facts.normalise(spec.name, spec.type === 'phone' && abroad ? abroad : raw) }))
      .filter(({ spec, value }) => this.facts.accepts(spec.name, value));
    if (!accepting.length) return undefined;
    const sentence = sentenceBounds(written, span.start);
    // The nearest cue before the value, in its sentence or just before it ("…the order, right? 8815 730 246.").
    // A rate's cue ("a night", "per month", "each way") follows the sum it is the rate of: "159 a night", not "twenty
    // percent of a night… that's 31.80".
    const before = [...cueHits]
      .reverse()
      .find(
        (hit) =>
          hit.end <= span.start &&
          span.start - hit.end <= CUE_BEFORE &&
          !/\d/.test(written.slice(hit.end, span.start)) &&
          !RATE_CUE.test(written.slice(hit.start, hit.end)),
      );
    const after = cueHits.find((hit) => hit.start >= span.end && hit.start - span.end <= CUE_AFTER && hit.start <= sentence.end);
    const make = (choice: { spec: FactSpec; value: string }, evidence: Evidence): Mention => ({
      fact: choice.spec.name,
      value: choice.value,
      at: span.start,
      evidence,
      said: span.text,
    });
    // An identifier named by words the pack does not declare is the most specific id fact that takes the value.
    const anyId = accepting.filter(({ spec }) => spec.type === 'id').sort((a, b) => this.breadth(a.spec) - this.breadth(b.spec))[0];
    for (const cue of [before, after]) {
      if (!cue) continue;
      const chosen = accepting.find(({ spec }) => spec.name === cue.fact);
      if (chosen) return make(chosen, 'cued');
      if (cue.fact === ANY_IDENTIFIER && anyId) return make(anyId, 'cued');
      // The nearest cue names a code of another kind: this value is not a customer fact.
      if (cue === before && cue.fact === OTHER_IDENTIFIER) return undefined;
    }
    const expected = accepting.filter(({ spec }) => context.expected.includes(spec.name));
    if (expected.length) {
      // Asked for "the number on his phone", the caller says the mobile number the call holds: the value says which
      // fact of that kind it is.
      const held = accepting.filter(
        ({ spec, value }) =>
          spec.type === expected[0]!.spec.type &&
          !expected.some((asked) => asked.spec.name === spec.name) &&
          context.known?.get(spec.name) !== undefined &&
          this.facts.equal(spec.name, context.known.get(spec.name)!, value),
      );
      if (held.length === 1) return make(held[0]!, 'known');
      // Asked for "which number", the caller says "my mobile, …": of the facts asked for, the one its label names.
      return make(namedByLabel(expected, written.slice(sentence.start, sentence.end)) ?? expected[0]!, 'expected');
    }
    const groups = (span.groups ?? []).join(',');
    const phoneShaped =
      /^\+|\(\d{3}\)|\d{3}[-.]\d{3}[-.]\d{4}/.test(span.text) ||
      (/^(?:1,)?\d{3},\d{3},\d/.test(groups) && groups.replace(/\D/g, '').replace(/^1(?=\d{10}$)/, '').length === 10) ||
      isTrunkDialled(span.text.replace(/\D/g, ''), this.facts.source.defaultRegion);
    if (anyId && context.expected.includes(ANY_IDENTIFIER)) {
      // Said in the 3-3-4 rhythm of a phone number, an answer to "what number…" is a phone.
      const phone = phoneShaped ? accepting.find(({ spec }) => spec.type === 'phone') : undefined;
      return make(phone ?? anyId, 'expected');
    }
    const known = accepting.filter(
      ({ spec, value }) => context.known?.get(spec.name) !== undefined && this.facts.equal(spec.name, context.known.get(spec.name)!, value),
    );
    if (known.length === 1) return make(known[0]!, 'known');
    // Two digits swapped or one misheard from the one value already known of that kind: the caller puts that one right.
    const nearKnown = known.length
      ? []
      : accepting.filter(
          ({ spec, value }) =>
            spec.type !== 'amount' &&
            [context.known?.get(spec.name), context.packaged?.get(spec.name)].some(
              (held) => held !== undefined && this.facts.nearMiss(spec.name, value, held),
            ),
        );
    if (nearKnown.length === 1) return make(nearKnown[0]!, 'known');
    if (requireCue) return undefined;
    // A cue elsewhere in the same sentence for exactly one candidate.
    const sentenceCues = new Set(
      cueHits
        .filter(
          (hit) =>
            hit.start >= sentence.start &&
            hit.end <= sentence.end &&
            !(hit.end <= span.start && RATE_CUE.test(written.slice(hit.start, hit.end))),
        )
        .map((hit) => hit.fact),
    );
    const inSentence = accepting.filter(({ spec }) => sentenceCues.has(spec.name));
    if (inSentence.length === 1) return make(inSentence[0]!, 'cued');
    if (sentenceCues.has(OTHER_IDENTIFIER)) return undefined;
    // A value whose type says what it is (an email, an amount, a date) is that fact when the pack has one of its kind.
    if (accepting.length === 1 && SELF_TYPING.has(accepting[0]!.spec.type)) return make(accepting[0]!, 'shape');
    // With several of its kind ("date" and "birth_date"), the one named for the kind itself takes a value no cue
    // claims: "since the eighteenth of may" is the call's date, not a birthday.
    const kind = accepting[0]?.spec.type;
    const plain = accepting.filter(({ spec }) => spec.name === spec.type);
    if (kind && SELF_TYPING.has(kind) && accepting.every(({ spec }) => spec.type === kind) && plain.length === 1)
      return make(plain[0]!, 'shape');
    // By shape alone only where the shape says it: a phone number, an id of its own digit count, a
    // postcode closing an address ("Fairhaven, Ohio, 44109").
    const closesAddress = /[A-Za-z]{2,},\s*$/.test(written.slice(Math.max(0, span.start - 30), span.start));
    const shaped = accepting.filter(
      ({ spec, value }) =>
        (spec.type === 'phone' && phoneShaped) ||
        (spec.type === 'id' && spec.digits !== undefined && value.replace(/\D/g, '').length === spec.digits) ||
        // Letters and digits in a shape only this pattern takes ("RWH427193" for three letters and six digits, "CV6 4LB"
        // for a British postcode).
        ((spec.type === 'id' || spec.type === 'postcode') &&
          value.replace(/\s/g, '').length >= (spec.type === 'id' ? 6 : 5) &&
          /\d/.test(value) &&
          /[A-Z]/i.test(value) &&
          this.breadth(spec) === 0) ||
        // An id its pattern opens with letters of its own ("KT264" for a flight number "KT" and digits) says what it is.
        (spec.type === 'id' && /\d/.test(value) && startsWithOwnLetters(spec, value)) ||
        (spec.type === 'postcode' &&
          closesAddress &&
          (span.groups ?? [span.text]).every((group) => group.length === 1 || group.length === value.replace(/\s/g, '').length)),
    );
    if (shaped.length === 1) return make(shaped[0]!, 'shape');
    // Of several facts the shape fits, the one the turn before was about.
    const talkedOf = shaped.filter(({ spec }) => context.recent?.has(spec.name));
    if (talkedOf.length === 1) return make(talkedOf[0]!, 'shape');
    // "My mobile, oh seven seven…": of several the shape fits, the one whose label the sentence names.
    const labelled = shaped.length > 1 ? namedByLabel(shaped, written.slice(sentence.start, sentence.end)) : undefined;
    if (labelled) return make(labelled, 'shape');
    // Said in the 3-3-4 rhythm of a phone number, it is one, whatever else its digit count fits.
    const phone = phoneShaped ? shaped.find(({ spec }) => spec.type === 'phone') : undefined;
    if (phone) return make(phone, 'shape');
    return undefined;
  }

  /** Digit strings and spelled ids, with neighbouring groups joined when only the whole is a value ("S W 1 A, 1 A A"). */
  private idMentions(
    spans: readonly NormalizedSpan[],
    cueHits: readonly CueHit[],
    context: RecognitionContext,
    written: string,
  ): Mention[] {
    // Lower-case ids are handles (a username), said as words: handles() reads those.
    const specs = this.specsOfType('id', 'phone', 'postcode').filter((spec) => ID_TYPES.has(spec.type) && spec.letterCase !== 'lower');
    const found: Mention[] = [];
    for (let i = 0; i < spans.length; i++) {
      let best: { mention: Mention; used: number } | undefined;
      let joined = '';
      for (let j = i; j < Math.min(spans.length, i + MAX_JOIN); j++) {
        if (j > i && !GROUP_JOINER.test(written.slice(spans[j - 1]!.end, spans[j]!.start))) break;
        joined += (j > i ? ' ' : '') + spans[j]!.text;
        const whole = {
          start: spans[i]!.start,
          end: spans[j]!.end,
          text: written.slice(spans[i]!.start, spans[j]!.end),
          groups: spans.slice(i, j + 1).flatMap((part) => part.groups ?? [part.text]),
        };
        // "7Q7Q5M1. 7Q7Q5M1": an id said twice in a row is said once.
        const compact = joined.replace(/\s+/g, '');
        const half = compact.slice(0, compact.length / 2);
        const raw = j > i && compact.length >= 8 && compact.length % 2 === 0 && half === compact.slice(compact.length / 2) ? half : joined;
        const mention = this.assign(specs, raw, whole, cueHits, context, written);
        if (mention && (!best || j > i)) best = { mention: { ...mention, at: whole.start, said: whole.text }, used: j - i + 1 };
      }
      // "…one three five, one three five": the caller says the last digits again, and ITN runs them on.
      const restated = /^(\d+?)(\d{2,4})\2$/.exec(spans[i]!.text);
      if (!best && restated) {
        const once = restated[1]! + restated[2]!;
        const mention = this.assign(specs, once, { ...spans[i]!, text: once, groups: [once] }, cueHits, context, written);
        if (mention) best = { mention: { ...mention, at: spans[i]!.start, said: spans[i]!.text }, used: 1 };
      }
      // A postcode said with its extension ("60611, dash 2345"): the postcode is the first group.
      const groups = spans[i]!.groups;
      if (!best && groups?.length === 2 && groups[1]!.length === 4) {
        const postcodes = specs.filter((spec) => spec.type === 'postcode');
        const mention = this.assign(postcodes, groups[0]!, { ...spans[i]!, groups: [groups[0]!] }, cueHits, context, written);
        if (mention) best = { mention: { ...mention, at: spans[i]!.start, said: spans[i]!.text }, used: 1 };
      }
      // "…m for mother. G31 4HM.": a group before a full stop is not the start of a value said whole after it.
      if (best && best.used > 1 && /\./.test(written.slice(spans[i]!.end, spans[i + 1]!.start))) {
        const rest = spans.slice(i + 1, i + best.used);
        const text = written.slice(rest[0]!.start, rest.at(-1)!.end);
        const whole = { start: rest[0]!.start, end: rest.at(-1)!.end, text, groups: rest.flatMap((part) => part.groups ?? [part.text]) };
        if (this.assign(specs, rest.map((part) => part.text).join(' '), whole, cueHits, context, written)) continue;
      }
      if (best) {
        found.push(best.mention);
        i += best.used - 1;
      }
    }
    return found;
  }

  /**
   * "It was one forty nine ninety nine": digit groups said like a price, where an amount is what the
   * agent asked for or its cue is right there, are dollars and cents.
   */
  private priceFromGroups(
    spans: readonly NormalizedSpan[],
    already: readonly Mention[],
    cueHits: readonly CueHit[],
    context: RecognitionContext,
    written: string,
  ): Mention[] {
    const amountSpecs = this.specsOfType('amount');
    if (!amountSpecs.length) return [];
    const found: Mention[] = [];
    for (const span of spans) {
      if (span.kind !== 'digits' || !span.groups || span.groups.length < 2 || span.groups.length > 3) continue;
      if (already.some((mention) => mention.at === span.start)) continue;
      const cents = span.groups.at(-1)!;
      // Dollars in ones or pairs ("one forty nine | ninety nine"), or one triplet ("one oh nine | ninety five").
      const dollarGroups = span.groups.slice(0, -1);
      const dollarsOk = dollarGroups.every((group) => group.length <= 2) || (dollarGroups.length === 1 && dollarGroups[0]!.length === 3);
      if (cents.length !== 2 || !dollarsOk || span.groups[0]!.startsWith('0')) continue;
      // "One twenty nine" is a hundred and twenty-nine; "nine ninety nine" is a price in dollars and cents.
      const dollars = dollarGroups.join('');
      // "Fourteen fifty" for a rent the call holds as 1415: the groups read in the known amount's magnitude.
      const knownWhole = amountSpecs
        .map((spec) => context.known?.get(spec.name)?.split(/[ .]/)[0])
        .find((whole) => whole !== undefined && whole.length === dollars.length + 2);
      const hundreds =
        (span.groups.length === 2 && dollarGroups[0]!.length === 1 && !PRICE_ENDINGS.has(cents)) ||
        (knownWhole !== undefined && span.groups.length === 2);
      // "It's an extra thirty-nine fifty": a sentence about paying says the groups are a price.
      const sentence = sentenceBounds(written, span.start);
      const aboutMoney = MONEY_TALK.test(written.slice(sentence.start, sentence.end));
      const mention = this.assign(
        amountSpecs,
        hundreds ? `${dollars}${cents}.00` : `${dollars}.${cents}`,
        span,
        cueHits,
        context,
        written,
        !aboutMoney,
      );
      if (mention) found.push(mention);
    }
    return found;
  }

  /**
   * A number asked for and given in pieces, the way people read one out: "nine oh seven, and the rest of it
   * is five five five, oh one six eight", "five five five, oh one seven two, and the area code is five oh two",
   * "614 555 0187, no wait, 0178", "eight, null, sorry, zero two zero six", a group said twice or said again
   * whole ("…01… 31. sorry, 0131"), an extension after it; the rest of a number the agent began ("I've got
   * five one two, five five five, and then?"); the ending of a number the agent read back, put right ("no,
   * oh one seven one"). The groups are put together in order and kept only when they make a value of the
   * fact asked for.
   */
  private valueFromPieces(
    written: string,
    cueHits: readonly CueHit[],
    context: RecognitionContext,
    others: readonly Mention[],
  ): Mention | undefined {
    if (context.speaker !== 'customer') return undefined;
    const phones = this.specsOfType('phone');
    const asked = this.specsOfType('phone', 'id', 'postcode').filter(
      (spec) => context.expected.includes(spec.name) && spec.letterCase !== 'lower',
    );
    const echoed = context.echoes?.find((said) => this.facts.spec(said.fact)?.type === 'phone');
    if (!asked.length && !context.continues && !echoed) return undefined;
    // Digits another value of the turn already holds ("$189.50", "order number is 4 4 1 2…") are not its pieces.
    const groups = digitGroups(written).filter(
      (group) =>
        !others.some(
          (mention) =>
            !asked.some((spec) => spec.name === mention.fact) &&
            this.facts.spec(mention.fact)?.type !== 'phone' &&
            mention.at < group.end &&
            group.start < mention.at + mention.said.length,
        ),
    );
    if (!groups.length) return undefined;
    const end = groups.at(-1)!;
    const attempt = (specs: readonly FactSpec[], digits: string) => {
      // A zip said with its extension ("seven five two oh one four four one two"): the zip is the first five.
      const zipPlusFour = /^\d{9}$/.test(digits) && specs.some((spec) => spec.type === 'postcode') ? digits.slice(0, 5) : undefined;
      const first = groups[0]!;
      for (const raw of zipPlusFour ? [digits, zipPlusFour] : [digits]) {
        const span = { start: first.start, end: end.end, text: written.slice(first.start, end.end) };
        const mention = this.assign(specs, raw, span, cueHits, context, written);
        if (mention && specs.some((spec) => spec.name === mention.fact)) return { ...mention, at: end.start, said: end.digits };
      }
      return undefined;
    };
    const joined = (parts: readonly { digits: string }[]) => parts.map((part) => part.digits).join('');
    // The rest of the number the agent began.
    const phone = asked.find((spec) => spec.type === 'phone') ?? (phones.length === 1 ? phones[0] : undefined);
    if (context.continues && phone) {
      const value = this.facts.normalise(phone.name, context.continues + joined(groups));
      if (this.facts.accepts(phone.name, value)) return { fact: phone.name, value, at: end.start, evidence: 'expected', said: end.digits };
    }
    // The ending of the number read back, put right.
    if (echoed && groups.length === 1 && end.digits.length <= 4 && CORRECTS.test(written)) {
      const digits = echoed.value.replace(/\D/g, '');
      const fixed = this.facts.normalise(echoed.fact, `+${digits.slice(0, digits.length - end.digits.length)}${end.digits}`);
      if (fixed !== echoed.value && this.facts.accepts(echoed.fact, fixed))
        return { fact: echoed.fact, value: fixed, at: end.start, evidence: 'expected', said: end.digits };
    }
    if (!asked.length || (groups.length < 2 && !/^\d{9}$/.test(end.digits))) return undefined;
    // The area code said last goes first.
    const ordered = [...groups.filter((group) => group.areaCode), ...groups.filter((group) => !group.areaCode)];
    const whole = attempt(asked, joined(ordered));
    if (whole) return whole;
    // "…0187, no wait, 0178": a group put right replaces the last group of its length, or the group it starts
    // again from ("null, sorry, zero two zero six").
    const corrected: typeof groups = [];
    for (const group of ordered) {
      const lengths = corrected.map((kept) => kept.digits.length);
      const previous = corrected.at(-1);
      if (group.corrects && previous && group.digits.length > previous.digits.length && group.digits.startsWith(previous.digits))
        corrected[corrected.length - 1] = group;
      else if (group.corrects && lengths.includes(group.digits.length)) corrected[lengths.lastIndexOf(group.digits.length)] = group;
      else corrected.push(group);
    }
    return attempt(asked, joined(corrected));
  }

  /**
   * The code an id fact was asked for, spelled with talk between its letters, when no reader found it — or when what
   * a reader found is only a part of it, read between two pauses ("b as in bravo. d as in delta. four four seven one.
   * q. z": the readers see "BD4471"; the code is BD4471QZ). `parts` are the mentions the code replaces.
   */
  private spelledThroughTalk(
    written: string,
    cueHits: readonly CueHit[],
    context: RecognitionContext,
    others: readonly Mention[],
  ): { mention: Mention; parts: Mention[] } | undefined {
    if (context.speaker !== 'customer' || !context.spoken) return undefined;
    const idLike = others.filter((mention) => ID_TYPES.has(this.facts.spec(mention.fact)?.type ?? 'text'));
    const asked = this.specsOfType('id').filter(
      (spec) =>
        context.expected.includes(spec.name) &&
        spec.letterCase !== 'lower' &&
        !others.some((mention) => mention.fact === spec.name && !idLike.includes(mention)),
    );
    if (!asked.length) return undefined;
    const code = spelledAnswer(context.spoken);
    if (!code) return undefined;
    const parts = idLike.filter((mention) => asked.some((spec) => spec.name === mention.fact) && completes(code, mention.value));
    if (parts.length < idLike.length || (parts.length && /\b(?:no|sorry|wait|actually)\b/i.test(context.spoken))) return undefined;
    const mention = this.assign(asked, code, { start: written.length, end: written.length, text: code }, cueHits, context, written);
    return mention && asked.some((spec) => spec.name === mention.fact)
      ? { mention: { ...mention, at: written.length - 1, said: '' }, parts }
      : undefined;
  }

  /** Digit runs said for an id asked for (or read back) whose pattern opens with its own letters: that id, letters added. */
  private idsWithoutPrefix(spans: readonly NormalizedSpan[], mentions: readonly Mention[], context: RecognitionContext): Mention[] {
    const onTopic = (fact: string) => context.expected.includes(fact) || (context.echoes ?? []).some((said) => said.fact === fact);
    const found: Mention[] = [];
    for (const spec of this.specsOfType('id')) {
      const prefix = letterPrefixOf(spec);
      if (!prefix || !onTopic(spec.name) || mentions.some((mention) => mention.fact === spec.name)) continue;
      for (const span of spans) {
        const digits = span.text.replace(/[\s-]/g, '');
        if (
          !/^\d{4,}$/.test(digits) ||
          mentions.some((mention) => mention.at <= span.start && span.end <= mention.at + mention.said.length)
        )
          continue;
        const value = this.facts.normalise(spec.name, `${prefix}${digits}`);
        if (!this.facts.accepts(spec.name, value)) continue;
        found.push({ fact: spec.name, value, at: span.start, evidence: 'expected', said: span.text });
        break;
      }
    }
    return found;
  }

  /**
   * "The note says one thousand four hundred fifteen": the amount the call holds, said bare, is that amount —
   * when it is the only number left unread in the turn ("so thirty-two, not thirty-five" sets two against each other).
   */
  private knownAmounts(spans: readonly NormalizedSpan[], mentions: readonly Mention[], context: RecognitionContext): Mention[] {
    const bare = spans.filter(
      (span) =>
        (span.kind === 'cardinal' || span.kind === 'decimal') &&
        Number(span.text) >= 10 &&
        !mentions.some((mention) => mention.at <= span.start && span.end <= mention.at + mention.said.length),
    );
    if (bare.length !== 1 || mentions.some((mention) => this.facts.spec(mention.fact)?.type === 'amount')) return [];
    const span = bare[0]!;
    // "Two times ninety-nine", "the seven forty-two" (of 742.18): the sum said again, its cents left off.
    const same = (known: string) =>
      Number(known.split(' ')[0]) === Number(span.text) ||
      (context.speaker === 'customer' && /^\d+$/.test(span.text) && Math.trunc(Number(known.split(' ')[0])) === Number(span.text));
    for (const spec of this.specsOfType('amount')) {
      const known = context.known?.get(spec.name);
      if (known === undefined || !same(known)) continue;
      // The caller's "refund the sixty-four" points at the amount; only said back to the agent who just named it ("two
      // charges of ninety-nine dollars" — "Yes. Two times ninety-nine.") does it state it.
      const echoed = context.echoes?.some((said) => said.fact === spec.name && this.facts.equal(spec.name, said.value, known));
      if (context.speaker === 'customer' && !echoed) continue;
      return [{ fact: spec.name, value: known, at: span.start, evidence: 'known', said: span.text }];
    }
    return [];
  }

  private bareAmounts(
    spans: readonly NormalizedSpan[],
    cueHits: readonly CueHit[],
    context: RecognitionContext,
    written: string,
  ): Mention[] {
    const spec = this.specsOfType('amount').find((candidate) => context.expected.includes(candidate.name));
    if (!spec || context.speaker !== 'customer') return [];
    const found: Mention[] = [];
    for (const span of spans) {
      // "1,349.00" as ASR writes it: the thousands' commas are no part of the sum.
      const text = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(span.text) ? span.text.replace(/,/g, '') : span.text;
      if ((span.kind !== 'cardinal' && span.kind !== 'decimal') || !/^\d+(?:\.\d+)?$/.test(text)) continue;
      // "Put the twenty gig on": a number of units is no amount.
      if (isMeasureUnit(/^\s*([a-z]+)/i.exec(written.slice(span.end))?.[1])) continue;
      // "The promo code was save 20": a number in a code of another kind is not the amount.
      const cue = [...cueHits].reverse().find((hit) => hit.end <= span.start && span.start - hit.end <= CUE_BEFORE);
      if (cue?.fact === OTHER_IDENTIFIER && !/[.!?]/.test(written.slice(cue.end, span.start))) continue;
      // "In size twelve", "apartment 4", "order number 12": a number named by what it counts is not the amount.
      if (
        /\b(?:size|sz|number|no\.?|apartment|apt|suite|unit|room|floor|aisle|item|model|version|gate|flight|row|seat|page|step|day|days|week|weeks|year|years|minute|minutes|hour|hours)\s*$/i.test(
          written.slice(Math.max(0, span.start - 16), span.start),
        )
      )
        continue;
      // "2 items", "3 of them", "45 minutes", "30 length": a count or a dimension of something is not the amount.
      if (
        /^\s*(?:[a-z]+s\b|of\b|per\b|percent\b|%|(?:waist|length|inseam|wide|long|tall|high|deep)\b)/i.test(
          written.slice(span.end, span.end + 16),
        ) &&
        !/^\s*(?:dollars|bucks|pounds|quid|euros|cents)\b/i.test(written.slice(span.end, span.end + 16))
      )
        continue;
      const value = this.facts.normalise(spec.name, `${text} ${this.facts.source.currency ?? ''}`.trim());
      if (this.facts.accepts(spec.name, value))
        found.push({ fact: spec.name, value, at: span.start, evidence: 'expected', said: span.text });
    }
    return found;
  }

  /** Ids that are words (a username, a handle): only after their cue or as the answer to the agent's question. */
  private handles(
    written: string,
    cueHits: readonly CueHit[],
    context: RecognitionContext,
    taken: ReadonlyArray<[number, number]>,
  ): Mention[] {
    const specs = this.specsOfType('id').filter((spec) => spec.letterCase !== 'upper' || !spec.digits);
    const found: Mention[] = [];
    for (const spec of specs) {
      const starts: Array<{ at: number; evidence: Evidence }> = cueHits
        .filter((hit) => hit.fact === spec.name)
        .map((hit) => ({ at: hit.end, evidence: 'cued' as const }));
      if (context.expected.includes(spec.name) && context.speaker === 'customer') starts.push({ at: 0, evidence: 'expected' });
      for (const start of starts) {
        // "You wanted your username. It's j, p, e…": the value stated in the next sentence, after "it's".
        const across =
          start.evidence === 'cued'
            ? /^\s*[.?!]\s+(?:it's|it is|is it|that's|that is|its)[,\s]+(?:(?:um|uh|er)[,\s]+)?/i.exec(
                written.slice(start.at, start.at + 24),
              )
            : null;
        const handle = handleAfter(written, start.at + (across?.[0].length ?? 0), start.evidence === 'cued', spec.letterCase === 'lower');
        if (!handle) continue;
        // "Mail. Definitely mail.", "yes": one everyday word, unspelled, answers something else; a handle named with
        // its cue ("my username is sunshine") may be one.
        if (start.evidence === 'expected' && !handle.spelled && !/[\d._-]/.test(handle.value) && isCommonWord(handle.value)) continue;
        if (taken.some(([from, to]) => handle.at < to && handle.at + handle.said.length > from && !/[a-z]/i.test(written.slice(from, to))))
          continue;
        const value = this.facts.normalise(spec.name, handle.value);
        // An upper-case code is digits and letters, or letters spelled one by one: a word said ("correct",
        // "customer id") is not one. Handles (user names) are words.
        const wordsOnly = spec.letterCase !== 'lower' && !/\d/.test(value) && !handle.spelled;
        if (this.facts.accepts(spec.name, value) && /[a-z]/i.test(value) && !wordsOnly)
          found.push({ fact: spec.name, value, at: handle.at, evidence: start.evidence, said: handle.said });
      }
    }
    return found;
  }

  private addresses(written: string, cueHits: readonly CueHit[], context: RecognitionContext): Mention[] {
    const specs = this.specsOfType('address');
    if (!specs.length) return [];
    const found: Mention[] = [];
    STREET.lastIndex = 0;
    for (let match = STREET.exec(written); match; match = STREET.exec(written)) {
      const words = match[2]!.trim().split(/\s+/);
      // "3 more days" is no street: every word but the type must look like a name.
      if (words.slice(0, -1).some((word) => NOT_NAME_WORDS.has(word.toLowerCase()))) continue;
      // "Saint Marks Road" is written "St Marks Road".
      const street = `${match[1]!.toUpperCase()} ${titleCase(words.map((word) => (/^saint$/i.test(word) ? 'st' : word)).join(' '))}`;
      // The flat or apartment said before the house number ("flat 2, 42 lark lane") or after the street (", apt 4b").
      const before = UNIT_BEFORE.exec(written.slice(Math.max(0, match.index - 24), match.index));
      const after = before ? null : UNIT_AFTER.exec(written.slice(match.index + match[0].length));
      const unit = (found: RegExpExecArray) =>
        `${UNIT_LABELS.get(found[1]!.toLowerCase()) ?? 'Apt'} ${found[2]!.replace(/\s+/g, '').toUpperCase()}`;
      const value = before ? `${unit(before)}, ${street}` : after ? `${street}, ${unit(after)}` : street;
      const start = before ? match.index - before[0].length : match.index;
      const end = match.index + match[0].length + (after ? after[0].length : 0);
      const mention = this.assign(specs, value, { start, end, text: written.slice(start, end) }, cueHits, context, written);
      found.push(
        mention ?? {
          fact: specs[0]!.name,
          value: this.facts.normalise(specs[0]!.name, value),
          at: start,
          evidence: 'shape',
          said: written.slice(start, end),
        },
      );
      // "…4112 galvez street new orleans 70117": the postcode said after the street (and its town) is the address's.
      const code = POSTCODE_AFTER_STREET.exec(written.slice(end, end + 48));
      // The words between are a town's and a state's, not talk ("…street and my order was 55512").
      const townWords = code ? (code[0].slice(0, code[0].length - code[1]!.length).match(/[a-z]+/gi) ?? []) : [];
      const town = townWords.every((word) => !NOT_NAME_WORDS.has(word.toLowerCase()) && nameWordStrength(word) !== 'never');
      const postcodeSpec = code && town ? this.specsOfType('postcode').find((spec) => this.facts.accepts(spec.name, code[1]!)) : undefined;
      if (code && postcodeSpec) {
        const at = end + code.index + code[0].length - code[1]!.length;
        found.push({
          fact: postcodeSpec.name,
          value: this.facts.normalise(postcodeSpec.name, code[1]!),
          at,
          evidence: 'cued',
          said: code[1]!,
        });
      }
    }
    return found;
  }

  private enumValues(written: string, cueHits: readonly CueHit[], context: RecognitionContext): Mention[] {
    const found: Array<Mention & { own: boolean; eligible: boolean }> = [];
    const denied = new Map<string, string>();
    const lower = written.toLowerCase();
    for (const { spec, pattern, values, written: writtenForms } of this.matchers) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(lower); match; match = pattern.exec(lower)) {
        const value = findPackValue(values, match[0]) ?? writtenForms.get(match[0]);
        if (!value) continue;
        // "three to five working days", "2 to 3 weeks": a value said in numbers, then the thing they count, is a count.
        if (
          match[0].split(/\s+/).some((word) => /\d/.test(word) || isNumberWord(word)) &&
          COUNTED_AFTER.test(lower.slice(match.index + match[0].length, match.index + match[0].length + 24))
        )
          continue;
        const sentence = sentenceBounds(written, match.index);
        const cued = cueHits.some(
          (hit) =>
            hit.fact === spec.name &&
            hit.start >= sentence.start &&
            hit.end <= sentence.end &&
            !(hit.start <= match!.index && hit.end >= match!.index + match![0].length),
        );
        const expected = context.expected.includes(spec.name);
        const stance = valueStance(written, match.index, match.index + match[0].length, context.speaker);
        // "Not premium", "I was on basic until spring": a value denied or left behind is not the caller's.
        if (stance === 'denied') denied.set(spec.name, value.value);
        if (stance === 'denied' || stance === 'past') continue;
        const echoed =
          context.speaker === 'customer' && context.echoes?.some((said) => said.fact === spec.name && said.value === value.value);
        const eligible =
          takenBare(spec, value.value) ||
          expected ||
          stance === 'own' ||
          echoed === true ||
          (distinctive(match[0]) && !isCue(spec, match[0]));
        found.push({
          eligible,
          fact: spec.name,
          value: value.value,
          at: match.index,
          evidence: cued || stance === 'own' ? 'cued' : expected ? 'expected' : 'shape',
          said: written.slice(match.index, match.index + match[0].length),
          own: stance === 'own',
        });
      }
    }
    // Asked which plan, the caller names it by its number alone ("nine hundred", "the thirty"): the one value named so.
    for (const { spec, numbers } of this.matchers) {
      if (!context.expected.includes(spec.name) || found.some((mention) => mention.fact === spec.name) || denied.has(spec.name)) continue;
      for (const match of lower.matchAll(/(?<![\d.,:/$£€-])\b\d{2,}\b(?![.,:/%]\d|\s*(?:%|percent|dollars?|pounds?|euros?|quid|bucks))/g)) {
        const value = numbers.get(match[0]);
        if (!value) continue;
        const stance = valueStance(written, match.index, match.index + match[0].length, context.speaker);
        if (stance === 'denied' || stance === 'past') continue;
        found.push({
          eligible: true,
          fact: spec.name,
          value: value.value,
          at: match.index,
          evidence: 'expected',
          said: match[0],
          own: stance === 'own',
        });
        break;
      }
    }
    this.placeSharedValues(found, lower, cueHits, context);
    // "Not a debit card, a credit card": beside a value the caller denies, the other value of that fact is theirs.
    for (const mention of found) {
      if (context.speaker === 'customer' && denied.has(mention.fact) && denied.get(mention.fact) !== mention.value)
        Object.assign(mention, { own: true, eligible: true, evidence: 'cued' });
    }
    // A value that is not a distinct name ("premium") belongs to the caller only when said of them, or as an answer;
    // "free for premium members" is talk about the offer.
    const kept = found.filter((mention) => mention.eligible);
    // "I'm on basic and wondering how to get to premium": of several values of one fact, the caller's own wins.
    const owned = new Set(kept.filter((mention) => mention.own).map((mention) => mention.fact));
    return kept
      .filter((mention) => mention.own || !owned.has(mention.fact))
      .map(({ own: _own, eligible: _eligible, ...mention }) => mention);
  }

  /**
   * A value of a list several facts share is found once for each of them: it is kept for the one fact the
   * words place it in (valueRoles.ts), the nearest cue names, or the agent asked for, and for none when
   * nothing places it.
   */
  private placeSharedValues(
    found: Array<Mention & { own: boolean; eligible: boolean }>,
    lower: string,
    cueHits: readonly CueHit[],
    context: RecognitionContext,
  ): void {
    const byPosition = new Map<number, Array<Mention & { own: boolean; eligible: boolean }>>();
    for (const mention of found) {
      if ((this.siblings.get(mention.fact)?.length ?? 0) < 2) continue;
      byPosition.set(mention.at, [...(byPosition.get(mention.at) ?? []), mention]);
    }
    const starts = [...byPosition.keys()].sort((a, b) => a - b);
    for (const [at, mentions] of byPosition) {
      if (mentions.length < 2) continue;
      const group = this.siblings.get(mentions[0]!.fact)!;
      const names = new Set(group.map((spec) => spec.name));
      const end = at + mentions[0]!.said.length;
      const sentence = sentenceBounds(lower, at);
      // The nearest cue of one of them before the value, in its sentence, with no other value of the list between.
      const cue = cueHits.findLast(
        (hit) => names.has(hit.fact) && hit.end <= at && hit.start >= sentence.start && !starts.some((s) => s >= hit.end && s < at),
      );
      const role = roleInText(lower, at, end, starts);
      const byRole = role ? group.filter((spec) => roleOfFact(spec) === role) : [];
      const asked = group.filter((spec) => context.expected.includes(spec.name));
      const placed: { fact: string; evidence: Evidence } | undefined =
        cue && at - cue.end <= 40
          ? { fact: cue.fact, evidence: 'cued' }
          : byRole.length === 1
            ? { fact: byRole[0]!.name, evidence: 'cued' }
            : asked.length === 1
              ? { fact: asked[0]!.name, evidence: 'expected' }
              : undefined;
      for (const mention of mentions) {
        if (mention.fact === placed?.fact) Object.assign(mention, { eligible: true, evidence: placed.evidence });
        else mention.eligible = false;
      }
    }
  }

  /**
   * The part of an answer that answers for `fact` when it answers several questions at once ("Tamara
   * Novak, and the account ID is H R six…"): it ends where the caller names another fact.
   */
  private ownSlot(spoken: string, fact: string): string {
    for (const hit of this.cues.find(spoken)) {
      if (hit.fact === fact || hit.start === 0) continue;
      if (/(?:,|\band)\s*(?:(?:the|my|your|our|his|her)\s+)?$/i.test(spoken.slice(0, hit.start))) return spoken.slice(0, hit.start);
    }
    return spoken;
  }

  /** The name an agent reads back to be confirmed, when every word of it looks like part of a name. */
  private readBackName(written: string, spec: FactSpec): Mention[] {
    const match = READ_BACK_NAME.exec(written);
    if (!match) return [];
    const words = match[1]!.split(/\s+/);
    if (!words.every((word) => nameWordStrength(word) === 'strong')) return [];
    const value = words.map(nameCase).join(' ');
    return [{ fact: spec.name, value: this.facts.normalise(spec.name, value), at: match.index, evidence: 'shape', said: match[1]! }];
  }

  /**
   * "The Fairhaven ones", "la chaqueta Fairhaven", "some Fairhavin parka": the list value the call already
   * holds, named by the caller with its distinctive words alone (a misheard letter allowed in a long one), is that value.
   */
  private knownListValues(written: string, context: RecognitionContext): Mention[] {
    if (context.speaker !== 'customer' || !context.known?.size) return [];
    const said = [...written.toLowerCase().matchAll(/[\p{L}][\p{L}']*/gu)].map((match) => ({ word: match[0], at: match.index }));
    const found: Mention[] = [];
    for (const { spec, values } of this.matchers) {
      const known = context.known.get(spec.name);
      const value = known === undefined ? undefined : findPackValue(values, known);
      if (!value) continue;
      const words = distinctiveWordsOf(value.label ?? value.value);
      if (!words.length || words.join('').length < 5) continue;
      const hits = words.map((word) =>
        said.find((candidate) => candidate.word === word || (word.length >= 6 && editDistance(candidate.word, word) === 1)),
      );
      if (hits.some((hit) => hit === undefined)) continue;
      const start = Math.min(...hits.map((hit) => hit!.at));
      const end = Math.max(...hits.map((hit) => hit!.at + hit!.word.length));
      if (end - start > 40) continue;
      found.push({ fact: spec.name, value: value.value, at: start, evidence: 'known', said: written.slice(start, end) });
    }
    return found;
  }

  /** A caller's name: after an introduction ("my name is …", "this is …") or as the answer to "who am I speaking with?". */
  private names(written: string, context: RecognitionContext, answeredWithEmail: boolean): Mention[] {
    const specs = this.specsOfType('name');
    if (specs.length && context.speaker === 'agent') return this.readBackName(written, specs[0]!);
    if (!specs.length || context.speaker !== 'customer') return [];
    const spec = specs.find((candidate) => context.expected.includes(candidate.name)) ?? specs[0]!;
    const expected = context.expected.includes(spec.name);
    const lowerCaseAsr = !/[A-Z]/.test(written.replace(/\bI\b/g, ''));
    const found: Mention[] = [];
    NAME_INTRO.lastIndex = 0;
    for (let match = NAME_INTRO.exec(written); match; match = NAME_INTRO.exec(written)) {
      const cue = match[0].toLowerCase();
      // "My name is …" names a person; "this is …", "it's …", "I'm …" name one only when the words look like a
      // name (capitalised in cased text) or the agent just asked who is calling ("this is ridiculous" names nobody).
      const named = /name/.test(cue);
      const start = match.index + match[0].length;
      const name = nameAt(written, start, named || expected || lowerCaseAsr);
      if (!name) continue;
      // "It's in her name, Gloria Banks", "my mom's name is…": someone else's name, not the caller's.
      const sentence = sentenceBounds(written, match.index);
      if (SOMEONE_ELSES_NAME.test(written.slice(sentence.start, start + name.said.length + 16))) continue;
      const looksLikeName = lowerCaseAsr
        ? named || expected
        : /^[A-Z]/.test(name.said) && name.said.split(/\s+/).every((word) => /^[A-Z]/.test(word));
      if (!named && !expected && !looksLikeName) continue;
      if (!named && !expected && !name.value.includes(' ')) continue;
      found.push({
        fact: spec.name,
        value: this.facts.normalise(spec.name, name.value),
        at: match.index,
        evidence: named || expected ? 'intro' : 'shape',
        said: name.said,
      });
    }
    // Asked for the name, a short answer is read whole: spellings, fields, repairs and restatements.
    const nameAnswer = context.spoken ? this.ownSlot(context.spoken, spec.name) : undefined;
    // A long answer that spells ("gareth probert. p r o b e r t. look, i'm sorry to be a pain, but…") gives the name in
    // its opening sentences, before the story.
    const long = nameAnswer !== undefined && nameAnswer.split(/\s+/).length > MAX_NAME_ANSWER_WORDS;
    const opening = long ? (/\b[a-z](?:[\s,.]+[a-z]){2,}\b/i.test(nameAnswer) ? openingSentences(nameAnswer) : undefined) : nameAnswer;
    const answer = expected && !answeredWithEmail && opening ? spokenName(opening) : undefined;
    // An introduction found more words than the whole answer reads ("it's under william hartley") only if
    // they are a name's words when read as one.
    const words = (text: string | undefined) => (text ? text.split(' ').length : 0);
    if (answer && !found.some((mention) => words(spokenName(mention.said)) > words(answer))) {
      return [
        {
          fact: spec.name,
          value: this.facts.normalise(spec.name, answer),
          at: found[0]?.at ?? 0,
          evidence: 'expected',
          said: context.spoken!,
        },
        ...knownNames(
          written,
          specs.filter((other) => other !== spec),
          context,
        ),
      ];
    }
    if (!found.length && expected && !answeredWithEmail) {
      const bare = /^(?:(?:yes|yeah|hi|hello|sure|um|uh|so|okay|it's|it is)[,.]?\s+)*/i.exec(written)!;
      const name = nameAt(written, bare[0].length, true);
      if (name && name.value.includes(' '))
        found.push({
          fact: spec.name,
          value: this.facts.normalise(spec.name, name.value),
          at: bare[0].length,
          evidence: 'expected',
          said: name.said,
        });
    }
    return [
      ...found,
      ...knownNames(
        written,
        specs.filter((other) => !found.some((mention) => mention.fact === other.name)),
        context,
      ),
    ];
  }
}

/** An agent reading a name back for the caller to confirm: "I have ann murray, is that correct?", "it's under mr. kaur, right?" */
const READ_BACK_NAME =
  /\b(?:i have|i've got|i got|i see|i show|it says|it shows|is it|it's under|(?:the\s+)?account(?:'s|\s+is)?\s+under|under the name|and that's)\s+(?:(?:mr|mrs|ms|miss|dr)\.?\s+)?([a-z\u00c0-\u024f][a-z\u00c0-\u024f'-]*(?:\s+[a-z\u00c0-\u024f][a-z\u00c0-\u024f'-]*){0,2})(?:,?\s+(?:[a-z](?:\s+|,\s*)){2,})?\s*(?:(?:[,?]\s*)?(?:is that|that's|was that|right|correct|yes)\b|\?|,[^.?!]{0,24}\?)/i;

/** A list value's words that say which it is: not an everyday word ("Fairhaven" of "fairhaven parka"). */
function distinctiveWordsOf(form: string): string[] {
  return form
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter((word) => /^[\p{L}']{3,}$/u.test(word) && !isCommonWord(word));
}

/** The last word of a text ("" when it has none). */
function lastWord(text: string): string {
  return /([a-z']+)[^a-z']*$/i.exec(text)?.[1] ?? '';
}

/**
 * "Yes, for Mochi", "her name Tangyuan": a name the call already holds (the caller's, a pet's, a patient's), said
 * again whole by the caller, is that name — unless it is an everyday word ("Biscuit", "Rose") said in lower case.
 */
function knownNames(written: string, specs: readonly FactSpec[], context: RecognitionContext): Mention[] {
  const found: Mention[] = [];
  for (const spec of specs) {
    const value = context.known?.get(spec.name)?.trim();
    if (!value) continue;
    const words = value.split(/\s+/).map(escapeRegExp);
    const match = new RegExp(`(?<![\\p{L}'])${words.join('\\s+')}(?![\\p{L}'])`, 'iu').exec(written);
    if (!match) continue;
    if (words.length === 1 && isCommonWord(value.toLowerCase()) && match[0] === match[0].toLowerCase()) continue;
    found.push({ fact: spec.name, value, at: match.index, evidence: 'known', said: match[0] });
  }
  return found;
}

/** A value denied before it is said — "not sixty four", and the wished-for "i wish it was sixty four". */
const NEGATION_BEFORE =
  /\b(?:not|no longer|never|isn't|wasn't|aren't|ain't|(?:wish|if only)\s+(?:it|that|they|i)\s*(?:was|were|'d been|had been|had|'d))\s+(?:an?\s+|the\s+)?$/i;
const NEGATION_AFTER = /^\s*(?:[,.?]\s*)?(?:no\b|nope\b|isn't\b|is not\b|is wrong|was wrong)/i;
const PAST_BEFORE = /\b(?:was|were|used to be|used to have|had been)\s+(?:an?\s+|the\s+)?$/i;
const OWN_BEFORE =
  /\b(?:(?:i |we )?(?:paid|pay|payed|used|use|bought it|put it|charged it)(?: it)? (?:with|by|through|on|using|via)(?: my| a| the| our)?|(?:i |we )?(?:want|wanna|would like|'d like|need|have) to (?:keep|stay on|stick with|hang on to|hold on to)(?: my| the| our)?|i'm|i am|i'm an?|i am an?|i've been|i have|i've got|i got|i'm on|i am on|we're|we are|my [\w\s]{0,20}(?:is|was)|as an?|mine is|i'm with|(?:on|onto|to|of|with|using|via) (?:my|our))\s+(?:an?\s+|the\s+|uh,?\s+|um,?\s+)?$/i;
const ADDRESSED_BEFORE =
  /\b(?:you're|you are|you've got|you have|your [\w\s]{0,20}(?:is|shows)|i have you(?: down)? as|you're on|you are on|as an?|it says you're)\s+(?:an?\s+|the\s+|uh,?\s+|um,?\s+)?$/i;

/** Whether a value is said as the caller's own, denied, left in the past, or neither. */
const NUMBER_WORD =
  /^(?:\d+[a-z]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundred)$/;
const distinctiveCache = new Map<string, boolean>();

/**
 * A value's words that name it whatever the talk around it ("SafeSurf", "the Pixel 9", "World Roam Day
 * Pass", "twenty gig boost"), unlike a common word that may mean anything ("basic", "standard", "disc"): a
 * word English does not know, a number with a word, or a name of three words or more.
 */
function distinctive(form: string): boolean {
  let known = distinctiveCache.get(form);
  if (known === undefined) {
    const words = form
      .toLowerCase()
      .split(/[\s_-]+/)
      .filter((word) => word && !/^(?:the|a|an|my|our|your)$/.test(word));
    known =
      words.length >= 3 ||
      (words.length >= 2 && words.some((word) => NUMBER_WORD.test(word))) ||
      words.some((word) => /^[a-z]{4,}$/.test(word) && !isCommonWord(word));
    if (distinctiveCache.size > 5_000) distinctiveCache.clear();
    distinctiveCache.set(form, known);
  }
  return known;
}

/** Words that name the fact itself ("sim card" for a device) say nothing of which value. */
function isCue(spec: FactSpec, form: string): boolean {
  const lower = form.toLowerCase();
  return spec.cues.some((cue) => cue.toLowerCase() === lower);
}

function valueStance(text: string, start: number, end: number, speaker: Speaker): 'own' | 'denied' | 'past' | 'none' {
  const before = text
    .slice(Math.max(0, start - 40), start)
    // ASR often drops the apostrophe: "im the holder", "ive got".
    .replace(/\bim\b/gi, "i'm")
    .replace(/\bive\b/gi, "i've")
    .replace(/,\s*(?=(?:uh|um)\b)/gi, ' ')
    .replace(/\b(?:uh|um)\b,?\s*/gi, '');
  const after = text.slice(end, end + 16);
  if (NEGATION_BEFORE.test(before) || (NEGATION_AFTER.test(after) && !describedAfter(after))) return 'denied';
  if (PAST_BEFORE.test(before)) return 'past';
  if ((speaker === 'customer' ? OWN_BEFORE : ADDRESSED_BEFORE).test(before)) return 'own';
  return 'none';
}

/**
 * "…@gmail.com, no apostrophe", "12 Elm Street, no flat number": "no" before a noun says what the value
 * has not, which describes it; a denial stands alone or repairs ("…, no, sorry").
 */
function describedAfter(after: string): boolean {
  const word = /^\s*[,.]?\s*no\s+([a-z']+)/i.exec(after)?.[1]?.toLowerCase();
  if (!word) return false;
  const tags = wordTags(word);
  return tags.includes('Noun') && !tags.includes('Pronoun');
}

/** Two or three name words at `at`, with a spelled surname after them taking its place ("Okafor, O K A F O R"). */
function nameAt(text: string, at: number, anyCase: boolean): { value: string; said: string } | undefined {
  const rest = text.slice(at, at + 120);
  const words =
    /^([A-Za-z][a-z'-]*[a-z]|[A-Z][A-Za-z'-]+)(?:\s+([A-Za-z][A-Za-z'-]*[a-z]|[A-Z][A-Za-z'-]+))?(?:\s+([A-Za-z][A-Za-z'-]*[a-z]))?/.exec(
      rest,
    );
  if (!words) return undefined;
  const parts: string[] = [];
  for (const word of words.slice(1)) {
    if (!word) break;
    if (NOT_NAME_WORDS.has(word.toLowerCase()) || nameWordStrength(word) === 'never') break;
    if (!anyCase && !/^[A-Z]/.test(word)) break;
    parts.push(word);
  }
  if (!parts.length || parts.length > 3) return undefined;
  // "I'm hopeless", "it's correct": ordinary words alone name nobody, unless cased text capitalises them ("Rose Young").
  const capitalised = /[A-Z]/.test(text.replace(/\bI\b|^./g, '')) && parts.every((part) => /^[A-Z]/.test(part));
  if (!capitalised && nameWordsOf(parts).length !== parts.length) return undefined;
  let said = parts.join(' ');
  const after = rest.slice(said.length);
  const spelled = /^[,.]?\s*(?:that's|spelled|spelt)?\s*((?:[A-Za-z][\s-]){2,}[A-Za-z])\b/.exec(after);
  if (spelled) {
    const letters = spelled[1]!.replace(/[\s-]/g, '');
    const last = parts.at(-1)!;
    if (letters.toLowerCase() !== last.toLowerCase() && letters[0]!.toLowerCase() === last[0]!.toLowerCase())
      parts[parts.length - 1] = letters;
    said = `${said}${spelled[0]}`;
  }
  // Written as names are: "McAteer", "O'Neill", "Ruiz-Salazar".
  return { value: parts.map((part) => nameCase(part.toLowerCase())).join(' '), said };
}

// "what username do you use", "I have your username here": words of the talk, not of a handle.
const HANDLE_STOP =
  /^(?:and|but|so|is|it's|that's|thanks|thank|please|which|because|or|if|then|yeah|okay|i|i'm|my|the|for|on|in|do|does|did|you|your|are|can|could|would|will|here|there)$/i;

const SPELLING_PAUSE =
  /(?<=(?:^|[\s,])(?:[a-z0-9]|underscore|dot|dash|hyphen|zero|one|two|three|four|five|six|seven|eight|nine)),(?=\s+(?:[a-z0-9]|underscore|dot|dash|hyphen|zero|one|two|three|four|five|six|seven|eight|nine)(?:[\s,.]|$))/gi;

/** A handle said after its cue or as a bare answer: "t renner underscore 88" → "trenner_88", "E Y I L M A Z" → "eyilmaz". */
function handleAfter(
  text: string,
  at: number,
  cued: boolean,
  lowerCase: boolean,
): { value: string; at: number; said: string; spelled: boolean } | undefined {
  // "m c joseph five… 50": a digit begun and said again as the number it started (ITN keeps the false start as a word).
  const rest = text
    .slice(at, at + 200)
    .replace(/\b(one|two|three|four|five|six|seven|eight|nine)\s*(?:\.{2,}|…)\s*(?=(\d))/gi, (run, word: string, digit: string) =>
      String(unitValue(word.toLowerCase())) === digit ? ' '.repeat(run.length) : run,
    );
  const lead =
    /^\s*(?:(?:is|was|it's|its|it is|is it|would be|should be|still|now|currently|:|um|uh|oh|ah|er|erm|well|right|hmm|sure|yeah|yes|okay|ok|so|probably|actually|really|just|basically|simply|i think|that's|thats|it should be)[,\s]+)*/i.exec(
      rest,
    )![0];
  // "r, o, b, b, y, underscore, one, nine": the pauses of a spelling are not its end.
  const body = rest.slice(lead.length).replace(SPELLING_PAUSE, ' ');
  // A pause inside a spelled handle ("d clarke, underscore, runs") does not end it.
  const end = body.search(
    /[;!?]|(?<!\b(?:underscore|dot|dash|hyphen|period))[.,](?:\s|$)(?!\s*(?:underscore|under score|dot|dash|hyphen|period)\b)/i,
  );
  const phrase = (end < 0 ? body : body.slice(0, end)).trim();
  if (!phrase) return undefined;
  const tokens: string[] = [];
  for (const token of phrase.split(/[\s,]+/)) {
    // Inside a spelling, "I" is a letter.
    const spelling = token.length === 1 && tokens.length > 0 && tokens.every((part) => part.length === 1);
    if (spelling) {
      tokens.push(token);
      continue;
    }
    if (HANDLE_STOP.test(token) && tokens.length) break;
    if (HANDLE_STOP.test(token)) return undefined;
    tokens.push(token);
    if (tokens.length > 40) return undefined;
  }
  // Spelled letter by letter, a handle may be long; said as words it is a few of them.
  const spelled = tokens.filter((token) => token.length === 1 || /^\d+$/.test(token)).length >= Math.max(3, tokens.length - 1);
  if (!spelled && tokens.length > (cued ? 8 : 4)) return undefined;
  // "m hollis one", "d whitlock underscore two": a digit said as a word inside a user name is its digit (an
  // upper-case code's digits are ITN's to read, and "one second" is no code).
  const joined = tokens
    .map((token) => (lowerCase && tokens.length > 1 ? String(unitValue(token.toLowerCase()) ?? token) : token))
    .join(' ')
    .replace(/\s*\b(?:underscore|under score)\b\s*/gi, '_')
    .replace(/\s*\b(?:dot|period)\b\s*/gi, '.')
    .replace(/\s*\b(?:dash|hyphen)\b\s*/gi, '-')
    .replace(/\s+/g, '');
  if (!/^[a-z0-9][a-z0-9._-]{1,40}$/i.test(joined)) return undefined;
  return { value: joined.toLowerCase(), at: at + lead.length, said: tokens.join(' '), spelled };
}
