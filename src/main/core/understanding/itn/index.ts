/**
 * Inverse text normalisation: spoken English as a recogniser writes it → the written form, with a map
 * from each written span back to the spoken words. Shaped like a speech system's ITN (tagger, then
 * verbaliser): tokens with offsets (tokens.ts), addresses found first (addresses.ts), then one
 * left-to-right pass where each position tries a few small grammars over tokens (dates, clock words,
 * spelled ids, number runs with what follows them). Every pass looks at each token a bounded number
 * of times, so the work is linear in the input.
 */
import { findEmails, findUrls } from './addresses';
import { MONTH_WORDS, tagDayFirst, tagMonthFirst } from './dates';
import { isUnitAt, percentAt } from './measures';
import { currencyAt, localCurrency, tagArticleMoney, tagMoneyAfterRun, tagWrittenAmount } from './money';
import { findSafeCut } from './segments';
import { parseNumberRun, readRun, runDigits, runFrom, runUntil, startsNumberRun, type NumberRun } from './numberRun';
import {
  isMultiplier,
  isNumberWord,
  mayStartOrdinal,
  NUMBER_VOCABULARY,
  numberWordAsSaid,
  soundAlikeDigit,
  unitValue,
} from './numberWords';
import { LETTER_NAME_WORDS, NATO_WORDS, readSpellUnit, SPELLING_STARTERS, tagSpelledId } from './spelling';
import { isTimeCue, meridiemAt, tagClockWords, tagTimeAfterRun } from './times';
import { punctAt, tokenize, wordAt, type Token } from './tokens';
import type { Normalized, NormalizedSpan, NormalizeOptions, Tag } from './types';

export type { DateValue, MoneyValue, Normalized, NormalizedSpan, NormalizeOptions, SpanKind, TimeValue } from './types';

const YEAR_CUES = new Set([
  'in',
  'since',
  'year',
  'from',
  'until',
  'till',
  'by',
  'before',
  'after',
  'born',
  'circa',
  'around',
  'of',
  'class',
]);

/**
 * Which grammars can start at a word, looked up once per token: any other word (most of an
 * utterance) is passed over at the cost of one map look-up. Single letters can always start a
 * spelled id.
 */
const MONTH = 1;
const DAY = 2;
const CLOCK = 4;
const ARTICLE = 8;
const NUMBER = 16;
const SPELL = 32;

const ROLES = new Map<string, number>();
function addRole(words: readonly string[], role: number): void {
  for (const word of words) ROLES.set(word, (ROLES.get(word) ?? 0) | role);
}
addRole(MONTH_WORDS, MONTH);
addRole(['the', ...NUMBER_VOCABULARY.filter(mayStartOrdinal)], DAY);
addRole(['half', 'quarter', 'a'], CLOCK);
addRole(['a', 'an'], ARTICLE);
addRole([...NUMBER_VOCABULARY, 'minus', 'negative', 'plus', 'point'], NUMBER);
addRole([...NATO_WORDS, ...LETTER_NAME_WORDS, ...SPELLING_STARTERS], SPELL);

/**
 * Words whose every grammar needs a particular word next ("five dollars", "the third", "a hundred",
 * "b as in", "march third"): before an ordinary word they stay as they are, and the taggers need not
 * run. (A lone digit is a word; "twenty" alone is not, so tens and teens are not here.)
 */
const NEEDS_A_CUE_NEXT = new Set([
  'zero',
  'nought',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'oh',
  'o',
  'double',
  'triple',
  'minus',
  'negative',
  'plus',
  'point',
  'a',
  'an',
  'the',
  'half',
  'quarter',
  ...MONTH_WORDS,
  ...NATO_WORDS,
]);
/** Words with no grammar of their own that still continue one: currencies, units, am/pm, "past", "as in", fillers. */
const CONTINUES = new Set([
  'percent',
  'per',
  'pct',
  'am',
  'pm',
  "o'clock",
  'oclock',
  'clock',
  'past',
  'to',
  'after',
  'til',
  'till',
  'as',
  'for',
  'like',
  'then',
  'case',
  'ray',
  'dash',
  'hyphen',
  'slash',
  'underscore',
  'dot',
  'at',
  'of',
  'and',
  'um',
  'uh',
  'uhm',
  'umm',
  'uhh',
  'er',
  'erm',
  'ah',
  'eh',
  'hmm',
  'mm',
  'hm',
]);

/** Nothing can start at `i`: its word needs a cue next, and the next token is an ordinary word. */
function beforeOrdinaryWord(tokens: readonly Token[], i: number, limit: number): boolean {
  const next = i + 1 < limit ? tokens[i + 1] : undefined;
  if (!next || next.type !== 'word' || next.lower.length === 1 || !next.gapBefore) return false;
  const word = next.lower;
  if (rolesOf(word) !== 0 || CONTINUES.has(word) || (next.text !== word && isCapitalised(next.text))) return false;
  return !currencyAt(tokens, i + 1, limit) && !isUnitAt(tokens, i + 1, limit);
}

function rolesOf(word: string): number {
  const roles = ROLES.get(word) ?? 0;
  return word.length === 1 ? roles | SPELL : roles;
}

interface Pass {
  tokens: Token[];
  defaultCurrency: string;
  digitsExpected: boolean;
  /** Spelled ids cannot start before this token (a failed scan already covered it). */
  noSpellingBefore: number;
}

/**
 * Longer input is normalised in pieces cut between two ordinary words (see segments.ts), so its
 * tokens die young instead of filling the heap: a 512 KB input costs a fraction of the garbage
 * collection it would as one piece. A turn is far shorter than this and is never cut.
 */
const SEGMENT_CHARS = 2048;

export function normalize(text: string, options: NormalizeOptions = {}): Normalized {
  if (text.length <= SEGMENT_CHARS) return normalizeSegment(text, options);
  const spans: NormalizedSpan[] = [];
  const pieces: string[] = [];
  let written = 0;
  let from = 0;
  while (from < text.length) {
    const cut = findSafeCut(text, from + SEGMENT_CHARS, isOrdinaryWord);
    const to = cut === -1 ? text.length : cut;
    const piece = normalizeSegment(text.slice(from, to), options);
    for (const span of piece.spans) {
      span.start += written;
      span.end += written;
      span.spokenStart += from;
      span.spokenEnd += from;
      spans.push(span);
    }
    pieces.push(piece.written);
    written += piece.written.length;
    from = to;
  }
  return { spoken: text, written: pieces.join(''), spans };
}

/** A word no grammar starts at, joins or continues through: letters only, no role, not a currency, unit or joiner. */
function isOrdinaryWord(word: string): boolean {
  return (
    rolesOf(word) === 0 &&
    !currencyAt([{ type: 'word', text: word, lower: word, start: 0, end: 0, gapBefore: true, written: undefined }], 0, 1) &&
    !isUnitAt([{ type: 'word', text: word, lower: word, start: 0, end: 0, gapBefore: true, written: undefined }], 0, 1)
  );
}

/**
 * Number words as some callers say them ("two hundred and tirty", "a hunner an twenty") read as the words meant, and
 * "an" between two number words as the "and" it is: the grammar then reads them as it reads any number.
 */
function withNumberWordsAsMeant(tokens: Token[]): Token[] {
  for (const token of tokens) {
    if (token.type !== 'word') continue;
    const meant = numberWordAsSaid(token.lower);
    if (meant) token.lower = meant;
  }
  // "tirty tree", "tree hundred": a word's TH-stopped number, where a number word stands beside it.
  for (const [i, token] of tokens.entries()) {
    if (token.type !== 'word' || !(isNumberWord(tokens[i - 1]?.lower) || isNumberWord(tokens[i + 1]?.lower))) continue;
    const meant = numberWordAsSaid(token.lower, { known: true });
    if (meant) token.lower = meant;
  }
  for (const [i, token] of tokens.entries())
    if (
      token.type === 'word' &&
      token.lower === 'an' &&
      isNumberWord(tokens[i + 1]?.lower) &&
      (isNumberWord(tokens[i - 1]?.lower) || currencyAt(tokens, i - 1, i))
    )
      token.lower = 'and';
  return tokens;
}

function normalizeSegment(text: string, options: NormalizeOptions): Normalized {
  const tokens = withNumberWordsAsMeant(tokenize(text));
  const emails = findEmails(tokens);
  const claims = mergeSorted(emails, findUrls(tokens, emails));
  const pass: Pass = {
    tokens,
    defaultCurrency: options.defaultCurrency ?? 'USD',
    digitsExpected: options.digitsExpected === true,
    noSpellingBefore: 0,
  };
  const tags: Tag[] = [];
  let claim = 0;
  let i = 0;
  while (i < tokens.length) {
    const next = claims[claim];
    if (next && next.first === i) {
      tags.push(next);
      i = next.end;
      claim++;
      continue;
    }
    const tag = tagAt(pass, i, next ? next.first : tokens.length);
    if (tag) {
      tags.push(tag);
      i = tag.end;
    } else i++;
  }
  return verbalize(text, tokens, tags);
}

function mergeSorted(a: Tag[], b: Tag[]): Tag[] {
  if (b.length === 0) return a;
  return [...a, ...b].sort((x, y) => x.first - y.first);
}

function tagAt(pass: Pass, i: number, limit: number): Tag | undefined {
  const { tokens } = pass;
  const token = tokens[i]!;
  if (token.type === 'written')
    return (token.written?.kind === 'ordinal' ? tagDayFirst(tokens, i, limit) : undefined) ?? tagWritten(pass, i, limit);
  if (token.type !== 'word') return undefined;
  const word = token.lower;
  // "it was ate dollars ninety": a word that sounds like a digit, said as a sum (never "to"/"for": "for dollars" is rare,
  // "go for dollars" is not).
  const soundAlike = soundAlikeDigit(word);
  if (soundAlike !== undefined && word !== 'to' && word !== 'for') {
    const money = tagWrittenAmount(tokens, i, String(soundAlike), limit, pass.defaultCurrency);
    if (money) return money;
  }
  // Digits expected ("what's your phone number?"): "to oh six…" opens the number.
  if (soundAlike !== undefined && pass.digitsExpected) {
    const run = parseNumberRun(tokens, i, limit, { soundAlikes: true });
    if (run && runDigits(run).length >= 4) return tagNumber(pass, run, limit);
  }
  const roles = rolesOf(word);
  if (roles === 0) return token.text !== word && isCapitalised(token.text) ? trySpelling(pass, i, limit) : undefined;
  if ((word.length === 1 || NEEDS_A_CUE_NEXT.has(word)) && beforeOrdinaryWord(tokens, i, limit)) return undefined;
  if (roles & MONTH) {
    const date = tagMonthFirst(tokens, i, limit);
    if (date) return date;
  }
  if (roles & DAY) {
    const date = tagDayFirst(tokens, i, limit);
    if (date) return date;
  }
  if (roles & CLOCK) {
    const time = tagClockWords(tokens, i, limit);
    if (time) return time;
  }
  if (roles & ARTICLE) {
    const money = tagArticleMoney(tokens, i, limit, pass.defaultCurrency);
    if (money) return money;
  }
  if (roles & NUMBER && startsNumberRun(tokens, i, limit)) {
    const run = parseNumberRun(tokens, i, limit, { soundAlikes: pass.digitsExpected });
    // Digits then letters ("seven seven three a b") are one spelled id, and so is one digit said alone before a
    // spelling ("two, u as in umbrella, f…"); a run followed by no letter never is ("…zero zero one, D C" is a zip and
    // its state).
    // (The digit opens the answer: "brandt one, K B R A N D T…" ends a name with its digit and spells it again.)
    const opensAnswer = i === 0 || tokens[i - 1]?.type === 'punct' || /^(?:is|it's|its|yes|yeah)$/.test(wordAt(tokens, i - 1, limit) ?? '');
    const oneDigit = opensAnswer && run !== undefined && run.groups.length === 1 && run.groups[0]!.digits.length === 1;
    const next = oneDigit && punctAt(tokens, run.end, limit) === ',' ? run.end + 1 : (run?.end ?? i);
    if (run && !run.sign && readSpellUnit(tokens, next, limit, { pairs: false })?.kind === 'letter') {
      const spelled = trySpelling(pass, i, limit);
      if (spelled) return spelled;
    }
    return run ? tagNumber(pass, run, limit) : undefined;
  }
  return roles & SPELL ? trySpelling(pass, i, limit) : undefined;
}

/** "ORD", "ACC": a short all-capitals word may open a spelled id ("ORD dash eight eight one two three"). */
function isCapitalised(text: string): boolean {
  if (text.length < 2 || text.length > 5) return false;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 65 || code > 90) return false;
  }
  return true;
}

function trySpelling(pass: Pass, i: number, limit: number): Tag | undefined {
  if (i < pass.noSpellingBefore) return undefined;
  const spelled = tagSpelledId(pass.tokens, i, limit);
  if ('tag' in spelled) return spelled.tag;
  pass.noSpellingBefore = spelled.failUntil;
  return undefined;
}

/** Words that number a dwelling inside a building. */
const DWELLING_UNITS = new Set(['flat', 'apartment', 'apt', 'unit', 'suite', 'room']);

function tagNumber(pass: Pass, run: NumberRun, limit: number): Tag | undefined {
  const { tokens } = pass;
  const i = run.first;
  const before = wordAt(tokens, i - 1, limit);
  const percentEnd = percentAt(tokens, run.end, limit);
  if (percentEnd !== undefined) {
    const number = readRun(run, { forced: true });
    if (number && (number.kind === 'cardinal' || number.kind === 'decimal' || number.kind === 'digits')) {
      const text = `${number.text}%`;
      return { kind: 'percent', value: Number(number.text), text, first: number.first, end: percentEnd };
    }
  }
  // "flat two, forty two lark lane": the number of a flat or suite ends at the pause; the house number follows.
  if (before !== undefined && DWELLING_UNITS.has(before) && run.groups.length > 1 && run.pauseBefore[1])
    return readRun(runUntil(run, 1), { forced: true });
  // "flat nine forty one carlton vale", "flat two forty four": where a flat is numbered before the house (a British
  // address), a digit said alone is the flat's and the tens after it the house's.
  if (
    before === 'flat' &&
    run.groups.length === 2 &&
    run.groups[0]!.shape === 'unit' &&
    (run.groups[1]!.shape === 'pair' || run.groups[1]!.shape === 'composed') &&
    !run.groups[1]!.ordinal
  )
    return readRun(runUntil(run, 1), { forced: true });
  // "three fifty, three dollars and fifty cents": the sum said again in full, cents and all, after a pause is the
  // money; the number before the pause is said on its own.
  const lastPause = run.pauseBefore.lastIndexOf(true);
  // ("One thousand, two hundred and eighty dollars and fifty cents" is one sum: a round thousand, then the rest.)
  const beforePause = run.groups[lastPause - 1];
  const roundThousand = beforePause !== undefined && beforePause.value >= 1000 && beforePause.value % 1000 === 0;
  const currencyEnd = lastPause > 0 && run.fraction === undefined && !roundThousand ? currencyAt(tokens, run.end, limit)?.end : undefined;
  if (currencyEnd !== undefined) {
    const restated = tagMoneyAfterRun(tokens, runFrom(run, lastPause), limit, pass.defaultCurrency);
    if (restated && restated.end > currencyEnd) return readRun(runUntil(run, lastPause), { forced: true });
  }
  const money = tagMoneyAfterRun(tokens, run, limit, pass.defaultCurrency);
  if (money) return money;
  const restated = restatedNumber(tokens, run);
  if (restated) return restated;
  const time = tagTimeAfterRun(tokens, run, limit, isTimeCue(before));
  if (time) return time;
  return readRun(run, { forced: isUnitAt(tokens, run.end, limit), yearCue: before !== undefined && YEAR_CUES.has(before) });
}

const MAX_RESTATED_GROUPS = 8;

/**
 * "seven fifty, seven hundred fifty", "fifteen hundred, one five zero zero": a number said once more in other words
 * after a pause is that number once, not the two run together. (The same words said twice, "twelve, twelve", may be
 * digits grouped, and stay as they are.)
 */
function restatedNumber(tokens: readonly Token[], run: NumberRun): Tag | undefined {
  // A sum said twice is a few groups; a long run of digit groups is a number read out, not restated.
  if (run.groups.length > MAX_RESTATED_GROUPS) return undefined;
  for (let k = 1; k < run.groups.length; k++) {
    if (!run.pauseBefore[k] || run.slashBefore.some(Boolean)) continue;
    const before = readRun(runUntil(run, k), { forced: true });
    const after = readRun(runFrom(run, k), { forced: true });
    if (!before || !after || before.text !== after.text || before.text.length < 2) continue;
    const words = (from: number, to: number) =>
      tokens
        .slice(from, to)
        .filter((token) => token.type === 'word')
        .map((token) => token.text.toLowerCase())
        .join(' ');
    if (words(run.first, run.groups[k - 1]!.end) === words(run.groups[k]!.first, run.end)) continue;
    return { ...after, first: run.first, end: run.end };
  }
  return undefined;
}

/** An already-written value: reported as it is, or joined with the words that complete it ("148 dollars", "3:30 pm"). */
function tagWritten(pass: Pass, i: number, limit: number): Tag | undefined {
  const { tokens } = pass;
  const token = tokens[i]!;
  const form = token.written!;
  if (form.kind === 'cardinal' || form.kind === 'decimal') {
    const amount = form.kind === 'decimal' ? form.value.toFixed(2) : String(form.value);
    const money = tagWrittenAmount(tokens, i, amount, limit, pass.defaultCurrency);
    if (money) return money;
    const percentEnd = percentAt(tokens, i + 1, limit);
    if (percentEnd !== undefined) return { kind: 'percent', value: form.value, text: `${token.text}%`, first: i, end: percentEnd };
  }
  if ((form.kind === 'time' && form.value.meridiem === undefined) || (form.kind === 'cardinal' && form.value >= 1 && form.value <= 12)) {
    const meridiem = meridiemAt(tokens, i + 1, limit);
    if (meridiem) {
      const hour = form.kind === 'time' ? form.value.hour : form.value;
      const minute = form.kind === 'time' ? form.value.minute : 0;
      const span = { first: i, end: meridiem.end, kind: 'time' as const, value: { hour, minute, meridiem: meridiem.meridiem } };
      if (meridiem.written) return { ...span, text: '', passthrough: true };
      return { ...span, text: `${token.text} ${meridiem.meridiem}` };
    }
  }
  if (form.kind === 'digits' || form.kind === 'cardinal') {
    const joined = joinWrittenDigits(tokens, i, limit);
    if (joined) return joined;
    // "9 9 4 1 then e f": a few written digits that a spelling goes on from are the start of one id (a phone's
    // digits, joined above, are not: "415 555 0148 o k").
    if (readSpellUnit(tokens, i, limit, { pairs: false })?.kind === 'digit') {
      const spelled = trySpelling(pass, i, limit);
      if (spelled && /[a-z]/i.test(spelled.text)) return spelled;
    }
  }
  // "$148" on an Australian desk is Australian dollars.
  const local =
    form.kind === 'money'
      ? { ...form, value: { ...form.value, currency: localCurrency(form.value.currency, pass.defaultCurrency) } }
      : form;
  return { ...local, text: '', first: i, end: i + 1, passthrough: true };
}

const MIN_JOINED_DIGITS = 7;

/**
 * "415 555 0148" as written: groups separated by spaces, commas or dashes are one digit string when
 * long enough for a phone or an id. ASR often writes some digits and spells others ("2187 oh 4 four 3
 * 3 1", "6 o 2 5 5 8", "1 2 8 triple 0 4"): digit words, "oh", and "double"/"triple" before a digit
 * join the run too.
 */
function joinWrittenDigits(tokens: readonly Token[], i: number, limit: number): Tag | undefined {
  const groups = [tokens[i]!.text.replace(/\D/g, '')];
  let end = i + 1;
  let position = i + 1;
  let spelled = false;
  for (;;) {
    while (punctAt(tokens, position, limit) === ',' || punctAt(tokens, position, limit) === '-') position++;
    const next = tokens[position];
    if (position >= limit || !next) break;
    if (next.type === 'written' && (next.written?.kind === 'digits' || (next.written?.kind === 'cardinal' && /^\d+$/.test(next.text)))) {
      groups.push(next.text.replace(/\D/g, ''));
      position++;
    } else {
      const word = wordAt(tokens, position, limit);
      const multiplier = isMultiplier(word) ? (word === 'double' ? 2 : 3) : 1;
      const digit = digitAt(tokens, multiplier > 1 ? position + 1 : position, limit);
      if (digit === undefined) break;
      const after = position + (multiplier > 1 ? 2 : 1);
      // "555 1234 four times": a said digit that ends the run before an ordinary word is that word's number.
      const closes =
        after >= limit ||
        punctAt(tokens, after, limit) !== undefined ||
        digitAt(tokens, after, limit) !== undefined ||
        isMultiplier(wordAt(tokens, after, limit));
      if (!closes) break;
      groups.push(digit.repeat(multiplier));
      position = after;
      spelled = true;
    }
    end = position;
  }
  const digits = groups.join('');
  if (groups.length < 2 || digits.length < MIN_JOINED_DIGITS) return undefined;
  // Spelled digits among the written ones: the run is written anew, as digits.
  if (spelled) return { kind: 'digits', value: digits, groups, text: digits, first: i, end };
  return { kind: 'digits', value: digits, groups, text: '', first: i, end, passthrough: true };
}

/** One digit at `i`, written ("4") or said ("four", "oh", "o"). */
function digitAt(tokens: readonly Token[], i: number, limit: number): string | undefined {
  const token = tokens[i];
  if (i >= limit || !token) return undefined;
  if (token.type === 'written') return /^\d$/.test(token.text) ? token.text : undefined;
  const word = wordAt(tokens, i, limit);
  if (word === 'oh' || word === 'o') return '0';
  const value = unitValue(word);
  return value !== undefined && value <= 9 ? String(value) : undefined;
}

/** Builds the written text: original text between tags, each tag's text in place of its tokens. */
function verbalize(spoken: string, tokens: readonly Token[], tags: readonly Tag[]): Normalized {
  const pieces: string[] = [];
  const spans: NormalizedSpan[] = [];
  let written = 0;
  let copiedTo = 0;
  for (const tag of tags) {
    const spokenStart = tokens[tag.first]!.start;
    const spokenEnd = tokens[tag.end - 1]!.end;
    const between = spoken.slice(copiedTo, spokenStart);
    pieces.push(between);
    written += between.length;
    const text = tag.passthrough ? spoken.slice(spokenStart, spokenEnd) : tag.text;
    pieces.push(text);
    const span = {
      kind: tag.kind,
      value: tag.value,
      text,
      start: written,
      end: written + text.length,
      spokenStart,
      spokenEnd,
    } as NormalizedSpan;
    if (tag.groups) span.groups = tag.groups;
    if (tag.passthrough) span.passthrough = true;
    spans.push(span);
    written += text.length;
    copiedTo = spokenEnd;
  }
  pieces.push(spoken.slice(copiedTo));
  return { spoken, written: pieces.join(''), spans };
}
