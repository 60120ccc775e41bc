/**
 * A run of number groups said together, and what it is when nothing around it says more:
 * "twenty three" (cardinal 23), "four one five" (digits 415), "one forty nine ninety nine" (digits
 * 14999 with groups 1, 49, 99), "three point one four" (3.14), "oh three slash twelve" (03/12).
 * Groups separated only by spaces, commas, dashes or a filler are one number; a full stop ends it.
 */
import { isFiller } from './fillers';
import { isMultiplier, isOh, ordinalSuffix, parseGroup, soundAlikeDigit, startsGroup, unitValue, type NumberGroup } from './numberWords';
import { punctAt, wordAt, type Token } from './tokens';
import type { Tag } from './types';

export interface NumberRun {
  /** First token, including a sign word. */
  first: number;
  end: number;
  sign?: '-' | '+';
  groups: NumberGroup[];
  /** A pause (comma, dash, filler) was said before groups[k]. */
  pauseBefore: boolean[];
  /** "slash" was said before groups[k]. */
  slashBefore: boolean[];
  /** Digits said after "point". */
  fraction?: string;
}

export interface RunOptions {
  /** "oh" may open the run ("oh nine" as a year after a date). */
  leadingOh?: boolean;
  /**
   * The dialogue expects digits read out (a phone number was asked for): a word that sounds like a digit ("to", "for",
   * "ate") beside digits said one by one is that digit wherever it stands, first and last too ("to oh six…oh one to to").
   */
  soundAlikes?: boolean;
}

const MAX_SLASHES = 2;
/** Scale words: what is said after one adds to the number it ends. */
const SCALES = new Map([
  ['hundred', 100],
  ['thousand', 1000],
]);

function isJoinerWord(word: string): boolean {
  return word === 'slash' || word === 'dash' || word === 'hyphen' || isFiller(word);
}

/** Whether the group before a full stop and the one after it are each a single digit word, and the one after ends at a full stop too (or the text). */
function oneDigitEach(before: NumberGroup, tokens: readonly Token[], at: number, limit: number): boolean {
  if (before.digits.length !== 1 || before.end - before.first !== 1) return false;
  const after = parseGroup(tokens, at, limit, true);
  if (!after || after.ordinal || after.digits.length !== 1 || after.end - after.first !== 1) return false;
  const mark = punctAt(tokens, after.end, limit);
  return mark === '.' || after.end >= limit;
}

export function startsNumberRun(tokens: readonly Token[], i: number, limit: number): boolean {
  const word = wordAt(tokens, i, limit);
  if (word === undefined) return false;
  if (word === 'minus' || word === 'negative' || word === 'plus')
    return startsGroup(tokens, i + 1, limit, false) || isPointFraction(tokens, i + 1, limit);
  if (word === 'point') return isPointFraction(tokens, i, limit);
  if (isOh(word)) return leadingOhIsDigit(tokens, i, limit);
  // "That's the one, oh seven seven…": "one" after a determiner and before a pause is a pronoun.
  // So is "one" after a determiner and its adjective ("it's a long one, two oh two six…").
  if (
    word === 'one' &&
    punctAt(tokens, i + 1, limit) !== undefined &&
    (PRONOUN_ONE_BEFORE.has(wordAt(tokens, i - 1, i) ?? '') ||
      (ARTICLES.has(wordAt(tokens, i - 2, i) ?? '') && !isDigitWord(wordAt(tokens, i - 1, i)) && wordAt(tokens, i - 1, i) !== undefined))
  )
    return false;
  return startsGroup(tokens, i, limit, false);
}

/** Articles that open a noun phrase: "a long one" is a thing, not a number. */
const ARTICLES = new Set(['a', 'an', 'the', 'this', 'that', 'my', 'your', 'our', 'their', 'his', 'her']);

const PRONOUN_ONE_BEFORE = new Set([
  'the',
  'that',
  'this',
  'which',
  'each',
  'every',
  'no',
  'any',
  'another',
  'same',
  'other',
  'right',
  'wrong',
  'new',
  'old',
]);

function isDigitWord(word: string | undefined): boolean {
  return unitValue(word) !== undefined || isOh(word) || isMultiplier(word);
}

function isPointFraction(tokens: readonly Token[], i: number, limit: number): boolean {
  if (wordAt(tokens, i, limit) !== 'point') return false;
  const next = wordAt(tokens, i + 1, limit);
  return unitValue(next) !== undefined || isOh(next);
}

/** "oh" opens a number only before two more digits or a digit and "slash" ("oh two one three nine", "oh three slash twelve"). */
function leadingOhIsDigit(tokens: readonly Token[], i: number, limit: number): boolean {
  if (!isDigitWord(wordAt(tokens, i + 1, limit))) return false;
  const after = wordAt(tokens, i + 2, limit);
  // "…and then oh one, nine nine": the digits go on after a pause.
  const afterPause = punctAt(tokens, i + 2, limit) === ',' && isDigitWord(wordAt(tokens, i + 3, limit));
  return isDigitWord(after) || afterPause || after === 'slash' || punctAt(tokens, i + 2, limit) === '/';
}

export function parseNumberRun(tokens: readonly Token[], i: number, limit: number, options: RunOptions = {}): NumberRun | undefined {
  let position = i;
  let sign: '-' | '+' | undefined;
  const first = wordAt(tokens, i, limit);
  if (first === 'minus' || first === 'negative') sign = '-';
  else if (first === 'plus') sign = '+';
  if (sign) position++;
  const run: NumberRun = { first: i, end: position, groups: [], pauseBefore: [], slashBefore: [] };
  if (sign) run.sign = sign;
  if (isPointFraction(tokens, position, limit)) return readFraction(tokens, position, limit, run);
  const openingOh = options.leadingOh === true || leadingOhIsDigit(tokens, position, limit);
  const group =
    parseGroup(tokens, position, limit, openingOh) ?? (options.soundAlikes ? openingSoundAlike(tokens, position, limit) : undefined);
  if (!group) return undefined;
  run.groups.push(group);
  run.pauseBefore.push(false);
  run.slashBefore.push(false);
  position = group.end;
  let slashes = 0;
  while (!group.ordinal) {
    if (slashes === 0 && isPointFraction(tokens, position, limit)) return readFraction(tokens, position, limit, run);
    let next = position;
    let pause = false;
    let slash = false;
    let marked = false;
    let trailedOff = false;
    for (;;) {
      const token = next < limit ? tokens[next] : undefined;
      if (!token || token.type === 'written') break;
      const mark = token.type === 'punct' ? token.text : undefined;
      const word = token.type === 'word' ? token.lower : undefined;
      if (word !== undefined && !isJoinerWord(word)) break;
      if (mark !== undefined) marked = true;
      if (mark === ',' || mark === '-' || mark === '–' || mark === '…') {
        next++;
        pause = true;
        if (mark === '…') trailedOff = true;
      } else if (mark === '.' && punctAt(tokens, next + 1, limit) === '.') {
        // An ellipsis is a pause; a single full stop ends the number.
        while (punctAt(tokens, next, limit) === '.') next++;
        pause = true;
        trailedOff = true;
      } else if (mark === '.' && oneDigitEach(run.groups.at(-1)!, tokens, next + 1, limit)) {
        // "seven. one. nine. four.": digits read out one at a time, each its own sentence, are one number.
        next++;
        pause = true;
      } else if (word !== undefined && (isFiller(word) || word === 'dash' || word === 'hyphen')) {
        next++;
        pause = true;
      } else if ((word === 'slash' || mark === '/') && !slash && slashes < MAX_SLASHES) {
        next++;
        slash = true;
      } else break;
    }
    const word = wordAt(tokens, next, limit);
    if (isOh(word) && wordAt(tokens, next + 1, limit) === 'clock') break;
    const following =
      parseGroup(tokens, next, limit, true) ??
      (options.soundAlikes ? expectedSoundAlike(run, tokens, next, limit, pause) : soundAlikeGroup(run, tokens, next, limit, pause));
    // An ordinal after other groups starts a number of its own ("four one, third").
    if (!following || following.ordinal) break;
    // "thirty four... thirty four fifty": what was said before trailing off, said again, was a false start.
    if (trailedOff && !slash && restartsAt(run, tokens, next, limit)) break;
    // "two hundred, eh, fifteen", "eight hundred... seventy... two": a hesitation after a scale word, or after the
    // tens of a number being built, does not end the number it was building.
    const previous = run.groups.at(-1)!;
    const scale = SCALES.get(wordAt(tokens, previous.end - 1, limit) ?? '');
    const hesitated = pause && !slash && (!marked || trailedOff);
    const tensBuilt =
      (previous.shape === 'composed' || (previous.shape === 'pair' && previous.value >= 20)) &&
      previous.value % 100 !== 0 &&
      previous.value % 10 === 0 &&
      following.value < 10;
    if (hesitated && ((scale !== undefined && following.value < scale && previous.value % scale === 0) || (tensBuilt && trailedOff))) {
      const value = previous.value + following.value;
      run.groups[run.groups.length - 1] = { ...previous, value, digits: String(value), end: following.end, shape: 'composed' };
      position = following.end;
      continue;
    }
    // "nineteen eighty… eighty seven": the last group begun and said again, longer, after trailing off, is that group.
    if (trailedOff && !slash && previous.shape !== 'unit' && groupSaidAgain(tokens, previous, following, limit)) {
      run.groups[run.groups.length - 1] = { ...following, first: previous.first };
      position = following.end;
      continue;
    }
    run.groups.push(following);
    run.pauseBefore.push(pause);
    run.slashBefore.push(slash);
    if (slash) slashes++;
    position = following.end;
  }
  run.end = position;
  return run;
}

/** Whether the words of `later` begin with all the words of `earlier` and go on past them. */
function groupSaidAgain(tokens: readonly Token[], earlier: NumberGroup, later: NumberGroup, limit: number): boolean {
  const wordsOf = (group: NumberGroup) => {
    const words: string[] = [];
    for (let k = group.first; k < group.end; k++) {
      const word = wordAt(tokens, k, limit);
      if (word !== undefined && !isFiller(word)) words.push(word);
    }
    return words;
  };
  const said = wordsOf(earlier);
  const again = wordsOf(later);
  return said.length > 0 && again.length > said.length && said.every((word, k) => again[k] === word);
}

/** The teen and the tens a digit's name begins: "five" → fifteen, fifty. */
const SAME_STEM: Readonly<Record<string, readonly string[]>> = {
  two: ['twelve', 'twenty'],
  three: ['thirteen', 'thirty'],
  four: ['fourteen', 'forty'],
  five: ['fifteen', 'fifty'],
  six: ['sixteen', 'sixty'],
  seven: ['seventeen', 'seventy'],
  eight: ['eighteen', 'eighty'],
  nine: ['nineteen', 'ninety'],
};

/**
 * Whether the words said from `at` begin with the number's words so far again ("thirty four... thirty four
 * fifty", "forty... forty five", "one forty... one forty nine ninety nine"), when those are more than digits
 * said one by one ("five five five... five five five oh one" goes on as one number).
 */
function restartsAt(run: NumberRun, tokens: readonly Token[], at: number, limit: number): boolean {
  const said: string[] = [];
  for (let k = run.first; k < run.groups.at(-1)!.end; k++) {
    const word = wordAt(tokens, k, limit);
    if (word !== undefined && !isFiller(word)) said.push(word);
  }
  if (said.length === 1 && SAME_STEM[said[0]!]) {
    // "five… fifty", "six… sixteen": a digit begun and said again as the number it started.
    let next = at;
    while (isFiller(wordAt(tokens, next, limit) ?? '')) next++;
    if (SAME_STEM[said[0]!]!.includes(wordAt(tokens, next, limit) ?? '')) return true;
  }
  if (said.length > 6 || said.every((word) => isDigitWord(word) || isMultiplier(word))) return false;
  let position = at;
  for (const word of said) {
    while (isFiller(wordAt(tokens, position, limit) ?? '')) position++;
    if (wordAt(tokens, position, limit) !== word) return false;
    position++;
  }
  return true;
}

/**
 * A digit the recogniser wrote as the word it sounds like, in digits read one by one and with no pause:
 * "nine oh two to four five", "seven one ate five five five", "…oh one for too", "…six one ate". A word
 * that is no preposition ("ate", "tree", "won", "too") is a digit after a digit said singly, before another
 * digit or closing a number of three digits or more; "to" and "for" only in a number of three digits or
 * more that goes on past the next digit ("…four to five" may be a range) or ends in another sound-alike.
 */
function soundAlikeGroup(run: NumberRun, tokens: readonly Token[], at: number, limit: number, pause: boolean): NumberGroup | undefined {
  const word = wordAt(tokens, at, limit);
  const digit = soundAlikeDigit(word);
  if (digit === undefined || pause) return undefined;
  const singles = run.groups.every((group) => group.shape === 'unit' || group.shape === 'repeat');
  if (!singles) return undefined;
  const said = runDigits(run).length;
  const next = wordAt(tokens, at + 1, limit);
  const digitLike = (candidate: string | undefined) => isDigitWord(candidate) || soundAlikeDigit(candidate) !== undefined;
  const preposition = word === 'to' || word === 'for';
  const found = digitGroup(at, digit);
  if (!preposition) return (digitLike(next) && said >= 1) || (next === undefined && said >= 3) ? found : undefined;
  if (said < 3 || !digitLike(next)) return undefined;
  const after = wordAt(tokens, at + 2, limit);
  const nextIsSoundAlike = !isDigitWord(next) && next !== 'to' && next !== 'for';
  return digitLike(after) || (nextIsSoundAlike && after === undefined) ? found : undefined;
}

/** One digit said as one word at `at`. */
function digitGroup(at: number, digit: number): NumberGroup {
  return { first: at, end: at + 1, value: digit, digits: String(digit), shape: 'unit', ordinal: false };
}

/** A sound-alike opening a run where digits are expected: before a digit said singly ("to oh six…", "for one oh"). */
function openingSoundAlike(tokens: readonly Token[], at: number, limit: number): NumberGroup | undefined {
  const digit = soundAlikeDigit(wordAt(tokens, at, limit));
  if (digit === undefined) return undefined;
  const next = wordAt(tokens, at + 1, limit);
  if (!(unitValue(next) !== undefined || isOh(next)) || punctAt(tokens, at + 1, limit) !== undefined) return undefined;
  return digitGroup(at, digit);
}

/** A sound-alike inside or closing a run of single digits where digits are expected, after a pause too ("…one, for one for"). */
function expectedSoundAlike(run: NumberRun, tokens: readonly Token[], at: number, limit: number, pause: boolean): NumberGroup | undefined {
  const digit = soundAlikeDigit(wordAt(tokens, at, limit));
  if (digit === undefined) return undefined;
  const singles = run.groups.every((group) => group.shape === 'unit' || group.shape === 'repeat');
  if (!singles) return soundAlikeGroup(run, tokens, at, limit, pause);
  const said = runDigits(run).length;
  const next = wordAt(tokens, at + 1, limit);
  const digitNext = unitValue(next) !== undefined || isOh(next) || soundAlikeDigit(next) !== undefined;
  // Inside a number of two digits or more, before another digit; or closing one of six or more ("…oh one to to").
  const closing = said >= 6 && (next === undefined || punctAt(tokens, at + 1, limit) !== undefined);
  if (!((said >= 2 && digitNext) || closing)) return undefined;
  return digitGroup(at, digit);
}

/** The groups from `from` on, as a run of their own (what was said after a pause). */
export function runFrom(run: NumberRun, from: number): NumberRun {
  return {
    first: run.groups[from]!.first,
    end: run.end,
    groups: run.groups.slice(from),
    pauseBefore: [false, ...run.pauseBefore.slice(from + 1)],
    slashBefore: [false, ...run.slashBefore.slice(from + 1)],
    ...(run.fraction !== undefined ? { fraction: run.fraction } : {}),
  };
}

/** The groups before `to`, as a run of their own (what was said before a pause). */
export function runUntil(run: NumberRun, to: number): NumberRun {
  return {
    first: run.first,
    end: run.groups[to - 1]!.end,
    groups: run.groups.slice(0, to),
    pauseBefore: run.pauseBefore.slice(0, to),
    slashBefore: run.slashBefore.slice(0, to),
    ...(run.sign ? { sign: run.sign } : {}),
  };
}

function readFraction(tokens: readonly Token[], pointAt: number, limit: number, run: NumberRun): NumberRun {
  let digits = '';
  let position = pointAt + 1;
  for (;;) {
    const word = wordAt(tokens, position, limit);
    const value = isOh(word) ? 0 : unitValue(word);
    if (value === undefined) break;
    digits += String(value);
    position++;
  }
  run.fraction = digits;
  run.end = position;
  return run;
}

/** The digits of groups as said: consecutive single digits merge ("six oh two" → "602"), pairs and composed numbers stand alone. */
export function saidGroups(run: NumberRun, from = 0, to = run.groups.length): string[] {
  const said: string[] = [];
  let merging = false;
  for (let k = from; k < to; k++) {
    const group = run.groups[k]!;
    const single = group.shape === 'unit' || group.shape === 'repeat';
    if (single && merging && !run.pauseBefore[k] && !run.slashBefore[k]) said[said.length - 1] += group.digits;
    else said.push(group.digits);
    merging = single;
  }
  return said;
}

export function runDigits(run: NumberRun, from = 0, to = run.groups.length): string {
  let digits = '';
  for (let k = from; k < to; k++) digits += run.groups[k]!.digits;
  return digits;
}

/** The run is exactly one single digit word ("two", "zero"): a word unless a unit, currency or percent follows. */
export function isLoneDigit(run: NumberRun): boolean {
  const group = run.groups[0];
  return (
    run.groups.length === 1 && run.fraction === undefined && group !== undefined && group.shape === 'unit' && group.end - group.first === 1
  );
}

/**
 * Year said as pairs or as a cardinal: "twenty twenty six", "nineteen eighty four", "twenty oh nine",
 * "two thousand and nine". Undefined when the groups cannot be a year.
 */
export function readYear(groups: readonly NumberGroup[], leadingOh = false): number | undefined {
  if (groups.length === 1) {
    const only = groups[0]!;
    if (only.shape === 'composed' && !only.ordinal && only.value >= 1000 && only.value <= 2999) return only.value;
    return undefined;
  }
  if (leadingOh && groups.length === 2 && groups[0]!.digits === '0' && groups[1]!.shape === 'unit') return 2000 + groups[1]!.value;
  const century = groups[0]!;
  if (century.shape !== 'pair' || century.ordinal || century.value < 10 || century.value > 29) return undefined;
  const rest = groups.slice(1);
  if (rest.length === 1 && rest[0]!.shape === 'pair' && !rest[0]!.ordinal && rest[0]!.value >= 10)
    return century.value * 100 + rest[0]!.value;
  // "twenty oh nine": oh, then one digit.
  if (rest.length === 2 && rest[0]!.digits === '0' && rest[0]!.shape === 'unit' && rest[1]!.shape === 'unit')
    return century.value * 100 + rest[1]!.value;
  return undefined;
}

export interface RunContext {
  /** A unit, currency or percent word follows, so even a lone digit is written as a number. */
  forced?: boolean;
  /** A word before the run says a year is meant ("in", "since", "year"). */
  yearCue?: boolean;
}

/** The written form of a run with no currency, percent, time or date around it; undefined leaves the words. */
export function readRun(run: NumberRun, context: RunContext = {}): Tag | undefined {
  const groups = run.groups;
  const firstWithoutSign = run.sign ? run.first + 1 : run.first;
  if (run.slashBefore.some(Boolean)) return readSlashed(run) ?? readRun(untilFirstSlash(run), context);
  if (run.fraction !== undefined) {
    const whole = groups.length ? runDigits(run) : '0';
    const text = `${run.sign === '-' ? '-' : ''}${whole}.${run.fraction}`;
    return { kind: 'decimal', value: Number(text), text, first: run.first, end: run.end };
  }
  if (groups.length === 1) {
    const group = groups[0]!;
    if (group.ordinal) {
      if (group.value < 10 && !context.forced) return undefined;
      return {
        kind: 'ordinal',
        value: group.value,
        text: `${group.value}${ordinalSuffix(group.value)}`,
        first: firstWithoutSign,
        end: run.end,
      };
    }
    if (group.shape === 'repeat')
      return { kind: 'digits', value: group.digits, groups: [group.digits], text: group.digits, first: firstWithoutSign, end: run.end };
    if (isLoneDigit(run) && !context.forced && run.sign !== '-') return undefined;
    if (context.yearCue && readYear(groups) !== undefined)
      return { kind: 'year', value: group.value, text: group.digits, first: firstWithoutSign, end: run.end };
    const negative = run.sign === '-';
    const text = `${negative ? '-' : ''}${group.digits}`;
    return { kind: 'cardinal', value: Number(text), text, first: negative ? run.first : firstWithoutSign, end: run.end };
  }
  const digits = runDigits(run);
  const year = readYear(groups);
  if (year !== undefined && (context.yearCue || groups[0]!.value === 20)) {
    return { kind: 'year', value: year, text: String(year), first: firstWithoutSign, end: run.end, groups: saidGroups(run) };
  }
  // A leading "plus" is a country code ("plus forty four seven nine one one …") only on a phone-length number.
  const plus = run.sign === '+' && digits.length >= 7;
  const text = plus ? `+${digits}` : digits;
  return { kind: 'digits', value: text, groups: saidGroups(run), text, first: plus ? run.first : firstWithoutSign, end: run.end };
}

/** "oh three slash twelve" → 03/12, "twelve slash twenty five slash twenty twenty four" → 12/25/2024. */
function readSlashed(run: NumberRun): Tag | undefined {
  if (run.fraction !== undefined) return undefined;
  const parts: string[] = [];
  let from = 0;
  for (let k = 1; k <= run.groups.length; k++) {
    if (k === run.groups.length || run.slashBefore[k]) {
      parts.push(runDigits(run, from, k));
      from = k;
    }
  }
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => part.length > 4)) return undefined;
  const [month, day, year] = parts.map(Number) as [number, number, number | undefined];
  const value: { month?: number; day?: number; year?: number } = {};
  if (month >= 1 && month <= 12) value.month = month;
  if (day >= 1 && day <= 31) value.day = day;
  if (year !== undefined) value.year = parts[2]!.length === 2 ? 2000 + year : year;
  return { kind: 'date', value, text: parts.join('/'), first: run.sign ? run.first + 1 : run.first, end: run.end, groups: parts };
}

function untilFirstSlash(run: NumberRun): NumberRun {
  const cut = run.slashBefore.indexOf(true);
  const groups = run.groups.slice(0, cut);
  return {
    ...run,
    groups,
    pauseBefore: run.pauseBefore.slice(0, cut),
    slashBefore: run.slashBefore.slice(0, cut),
    end: groups[groups.length - 1]!.end,
  };
}
