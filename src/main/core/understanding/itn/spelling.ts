/**
 * Spelling said aloud: single letters, NATO words ("mike echo"), "b as in bravo", digits, "double e".
 * Used for spelled ids ("a b seven seven three" → AB773, "k as in kilo nine two" → K92) and for the
 * parts of an email address.
 */
import { isFiller } from './fillers';
import { isMultiplier, parseGroup, soundAlikeDigit, unitValue } from './numberWords';
import { meridiemAt } from './times';
import { isMeasureUnit } from './measures';
import { afterGluedHyphen, punctAt, wordAt, type Token } from './tokens';
import type { Tag } from './types';

const NATO = new Map<string, string>([
  ['alpha', 'a'],
  ['alfa', 'a'],
  ['bravo', 'b'],
  ['charlie', 'c'],
  ['delta', 'd'],
  ['echo', 'e'],
  ['foxtrot', 'f'],
  ['golf', 'g'],
  ['hotel', 'h'],
  ['india', 'i'],
  ['juliet', 'j'],
  ['juliett', 'j'],
  ['kilo', 'k'],
  ['lima', 'l'],
  ['mike', 'm'],
  ['november', 'n'],
  ['oscar', 'o'],
  ['papa', 'p'],
  ['quebec', 'q'],
  ['romeo', 'r'],
  ['sierra', 's'],
  ['tango', 't'],
  ['uniform', 'u'],
  ['victor', 'v'],
  ['whiskey', 'w'],
  ['whisky', 'w'],
  ['xray', 'x'],
  ['yankee', 'y'],
  ['zulu', 'z'],
  // Not NATO, but said the same way: the British name of the last letter.
  ['zed', 'z'],
]);

export const NATO_WORDS: readonly string[] = [...NATO.keys()];

/**
 * Letters said by their names, the way ASR writes them ("kay el nine four", "aitch", "double you").
 * Names that are everyday words too ("see", "you", "why", "be", "are", "eye", "tea") are letters only
 * inside a spelling; the others are as clear as a NATO word.
 */
const LETTER_NAMES = new Map<string, string>([
  ['ay', 'a'],
  ['bee', 'b'],
  ['be', 'b'],
  ['see', 'c'],
  ['sea', 'c'],
  ['cee', 'c'],
  ['dee', 'd'],
  ['ee', 'e'],
  ['eff', 'f'],
  ['ef', 'f'],
  ['gee', 'g'],
  ['aitch', 'h'],
  ['haitch', 'h'],
  ['eye', 'i'],
  ['jay', 'j'],
  ['kay', 'k'],
  ['el', 'l'],
  ['ell', 'l'],
  ['em', 'm'],
  ['en', 'n'],
  ['pee', 'p'],
  ['queue', 'q'],
  ['cue', 'q'],
  ['ar', 'r'],
  ['are', 'r'],
  ['ess', 's'],
  ['tee', 't'],
  ['tea', 't'],
  ['you', 'u'],
  ['vee', 'v'],
  ['ex', 'x'],
  ['why', 'y'],
  ['wye', 'y'],
  ['zee', 'z'],
]);
const EVERYDAY_LETTER_NAMES = new Set([
  'ay',
  'be',
  'bee',
  'see',
  'sea',
  'eye',
  'are',
  'you',
  'why',
  'tea',
  'queue',
  'cue',
  'ex',
  'em',
  'en',
  'el',
]);
export const LETTER_NAME_WORDS: readonly string[] = [...LETTER_NAMES.keys()];

/** The letter a word names when it is said as a letter ("kay" → k), or undefined. "Double you" is read by the caller. */
export function letterOfName(word: string): string | undefined {
  return LETTER_NAMES.get(word);
}

/** Whether a letter's name is an everyday word too ("see", "you"): a letter only beside other spelling. */
export function isEverydayLetterName(word: string): boolean {
  return EVERYDAY_LETTER_NAMES.has(word);
}
/** Besides NATO words and single letters, a spelled id can open with a digit, "oh" or "double"/"triple". */
export const SPELLING_STARTERS: readonly string[] = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'nought',
  'oh',
  'double',
  'triple',
  'xray',
  // Said before a letter: "capital r", "small m", "lower case j", "the letter o".
  'capital',
  'small',
  'big',
  'little',
  'lower',
  'upper',
  'lowercase',
  'uppercase',
  'letter',
];

/** Words before a letter that say it is one: "capital r", "lower case j", "letter o". */
const LETTER_MODIFIERS = new Set(['capital', 'small', 'big', 'little', 'lowercase', 'uppercase', 'letter']);
/** Glosses after a letter naming a word it starts: "b as in bravo", "h for hotel", "j like jam". */
const GLOSS_WORDS = new Set(['for', 'like']);
/** What may join two units of one spelling besides pauses: "then", "and then", "followed by", "the number". */
const SPELL_JOINERS = new Set(['then', 'and', 'followed', 'by', 'the', 'number', 'numbers', 'digit', 'digits', 'letters']);
/**
 * What a caller says after a unit to tell what it is, not to add to it: "zero, that's the number",
 * "o, the letter o, not zero", "zero as in the number". Skipped like a pause.
 */
const CLARIFIERS: readonly (readonly string[])[] = [
  ["that's", 'the', 'number'],
  ["that's", 'a', 'number'],
  // "six, oh, that's a zero, m…": the unit said again as what it is.
  ["that's", 'a', 'zero'],
  ["that's", 'zero'],
  ["that's", 'the', 'letter', 'o'],
  ["that's", 'an', 'o'],
  ["that's", 'a', 'letter'],
  ['as', 'in', 'the', 'number'],
  ['as', 'in', 'the', 'letter'],
  ['as', 'in', 'the', 'digit'],
  // "five the number, then s the letter": what each unit is, said after it.
  ['the', 'number'],
  ['the', 'letter'],
  ['the', 'digit'],
  ['the', 'number', 'not', 'the', 'letter'],
  ['the', 'letter', 'not', 'the', 'number'],
  ['not', 'the', 'letter', 'o'],
  ['not', 'the', 'number', 'zero'],
  ['not', 'a', 'zero'],
  ['not', 'zero'],
  ['not', 'oh'],
  ['not', 'o'],
];
function clarifierEnd(tokens: readonly Token[], i: number, limit: number): number | undefined {
  for (const phrase of CLARIFIERS) {
    if (!phrase.every((word, k) => wordAt(tokens, i + k, limit) === word)) continue;
    // It closes what it clarifies: a pause, or the end, comes after it.
    const end = i + phrase.length;
    return end >= limit || punctAt(tokens, end, limit) !== undefined ? end : undefined;
  }
  return undefined;
}
/** "golf, hotel… h as in hotel": a letter said with a NATO word and then glossed is said once. */
function dropGlossedRestatements(units: { chars: string; kind: SpellUnit['kind']; marked: boolean; asIn: boolean }[]): void {
  for (let k = 1; k < units.length; k++) {
    const before = units[k - 1]!;
    if (units[k]!.asIn && before.kind === 'letter' && before.marked && !before.asIn && before.chars === units[k]!.chars)
      units.splice(--k, 1);
  }
}

/** "e, e, e, so triple e": "so" leads on only to a unit counted out. */
function countedAfterSo(tokens: readonly Token[], i: number, limit: number): boolean {
  return wordAt(tokens, i, limit) === 'so' && isMultiplier(wordAt(tokens, i + 1, limit));
}
/** A repair inside a spelling: the unit after it replaces the one before ("b as in boy, no, d as in david"). */
const SPELL_REPAIRS = new Set(['no', 'sorry', 'wait', 'correction']);

export interface SpellUnit {
  end: number;
  /** Lower-case letters or digits written by this unit. */
  chars: string;
  kind: 'letter' | 'digit';
  /** Said with a NATO word or "as in": clearly spelling, not an ordinary word. */
  marked: boolean;
  /** Said as "b as in bravo". */
  asIn?: boolean;
  /** The letter came from the word "a" or "i", which are usually just words. */
  wordLetter: boolean;
}

export interface SpellOptions {
  /** Teens and tens count as two digits ("a b seventy seven"). */
  pairs: boolean;
}

function isLetter(word: string): boolean {
  if (word.length !== 1) return false;
  const code = word.charCodeAt(0);
  return code >= 97 && code <= 122;
}

/** One spelled letter or digit at `i`. */
export function readSpellUnit(tokens: readonly Token[], i: number, limit: number, options: SpellOptions): SpellUnit | undefined {
  const word = wordAt(tokens, i, limit);
  if (word === undefined) return writtenDigitsUnit(tokens, i, limit);
  if (word === 'x') {
    const j = afterGluedHyphen(tokens, i + 1, limit);
    if (wordAt(tokens, j, limit) === 'ray') return { end: j + 1, chars: 'x', kind: 'letter', marked: true, wordLetter: false };
  }
  const nato = NATO.get(word);
  if (nato) return { end: i + 1, chars: nato, kind: 'letter', marked: true, wordLetter: false };
  // "double you" is w, not "uu".
  if ((word === 'double' && (wordAt(tokens, i + 1, limit) === 'you' || wordAt(tokens, i + 1, limit) === 'u')) || word === 'doubleyou')
    return { end: word === 'doubleyou' ? i + 1 : i + 2, chars: 'w', kind: 'letter', marked: true, wordLetter: false };
  const named = LETTER_NAMES.get(word);
  if (named) {
    const glossed = glossEnd(tokens, i, limit, named);
    if (glossed !== undefined) return { end: glossed, chars: named, kind: 'letter', marked: true, asIn: true, wordLetter: false };
    const everyday = EVERYDAY_LETTER_NAMES.has(word);
    // "em m f four…": a letter's name said, then the letter itself, is the letter once.
    if (wordAt(tokens, i + 1, limit) === named) return { end: i + 2, chars: named, kind: 'letter', marked: true, wordLetter: false };
    return { end: i + 1, chars: named, kind: 'letter', marked: !everyday, wordLetter: everyday };
  }
  // "capital r", "lower case j", "the letter o": the word says a letter follows.
  const modifierEnd = LETTER_MODIFIERS.has(word)
    ? i + 1
    : (word === 'lower' || word === 'upper') && wordAt(tokens, i + 1, limit) === 'case'
      ? i + 2
      : undefined;
  if (modifierEnd !== undefined) {
    const letter = readSpellUnit(tokens, modifierEnd, limit, { pairs: false });
    return letter?.kind === 'letter' && letter.chars.length === 1 ? { ...letter, marked: true, wordLetter: false } : undefined;
  }
  if (isLetter(word)) {
    // "e-mails", "u-turn", "e-bike": a letter glued to a word is part of that word.
    const glued = afterGluedHyphen(tokens, i + 1, limit);
    if (glued !== i + 1 && (wordAt(tokens, glued, limit)?.length ?? 0) > 2 && !NATO.has(wordAt(tokens, glued, limit)!)) return undefined;
    const glossed = glossEnd(tokens, i, limit, word);
    if (glossed !== undefined) return { end: glossed, chars: word, kind: 'letter', marked: true, asIn: true, wordLetter: false };
    return { end: i + 1, chars: word, kind: 'letter', marked: false, wordLetter: word === 'a' || word === 'i' };
  }
  // "niner": nine, as radio and NATO spelling say it.
  const digit = word === 'oh' ? 0 : word === 'niner' ? 9 : unitValue(word);
  if (digit !== undefined) return { end: i + 1, chars: String(digit), kind: 'digit', marked: false, wordLetter: false };
  if (isMultiplier(word)) {
    // "double double …" is not a letter: no recursion down a run of multipliers.
    if (isMultiplier(wordAt(tokens, i + 1, limit))) return undefined;
    const inner = readSpellUnit(tokens, i + 1, limit, { pairs: false });
    if (!inner || inner.chars.length !== 1) return undefined;
    return { ...inner, chars: inner.chars.repeat(word === 'double' ? 2 : 3), wordLetter: false };
  }
  if (options.pairs) {
    const group = parseGroup(tokens, i, limit, false);
    if (group && group.shape === 'pair' && !group.ordinal)
      return { end: group.end, chars: group.digits, kind: 'digit', marked: false, wordLetter: false };
  }
  return undefined;
}

/** Digits the recogniser already wrote inside a spelling ("m as in mary, t as in tom, 5 5 0 9 2", "h t 9912"). */
const MAX_WRITTEN_DIGITS = 12;
function writtenDigitsUnit(tokens: readonly Token[], i: number, limit: number): SpellUnit | undefined {
  const token = i < limit ? tokens[i] : undefined;
  if (token?.type !== 'written' || token.text.length > MAX_WRITTEN_DIGITS) return undefined;
  for (let k = 0; k < token.text.length; k++) {
    const code = token.text.charCodeAt(k);
    if (code < 48 || code > 57) return undefined;
  }
  return { end: i + 1, chars: token.text, kind: 'digit', marked: false, wordLetter: false };
}

/** A single letter or digit said as a word: what a spelling goes on with. */
function isSpelledUnitWord(word: string | undefined): boolean {
  return word !== undefined && (isLetter(word) || LETTER_NAMES.has(word) || unitValue(word) !== undefined || word === 'oh');
}

/**
 * Where a gloss after the letter at `i` ends: "b as in bravo", "h for hotel", "j, as in jam", "s like
 * sugar", "d, delta" — a word that starts with the letter, said to tell which letter it is.
 */
function glossEnd(tokens: readonly Token[], i: number, limit: number, letter: string): number | undefined {
  let j = i + 1;
  if (punctAt(tokens, j, limit) === ',') j++;
  const first = wordAt(tokens, j, limit);
  const natoGloss = first !== undefined && NATO.get(first) === letter;
  if (natoGloss && letter !== 'a' && letter !== 'i') return j + 1;
  // "n, nancy, v, t": an example word of its own, between pauses, glosses the letter before it.
  if (
    j > i + 1 &&
    letter !== 'a' &&
    letter !== 'i' &&
    first !== undefined &&
    first.length >= 4 &&
    first[0] === letter &&
    !isSpelledUnitWord(first) &&
    punctAt(tokens, j + 1, limit) !== undefined &&
    (isSpelledUnitWord(wordAt(tokens, j + 2, limit)) || writtenDigitsUnit(tokens, j + 2, limit) !== undefined)
  )
    return j + 1;
  let exampleAt: number | undefined;
  if (first === 'as' && wordAt(tokens, j + 1, limit) === 'in') exampleAt = j + 2;
  else if (first !== undefined && GLOSS_WORDS.has(first)) exampleAt = j + 1;
  if (exampleAt === undefined) return undefined;
  // "w for... william": the caller looks for the word.
  while (punctAt(tokens, exampleAt, limit) === '.' || punctAt(tokens, exampleAt, limit) === '…') exampleAt++;
  const example = wordAt(tokens, exampleAt, limit);
  // "i like italy," is a gloss; "i like ice cream" and "a for effort" are words: after "a" and "i", "for" and
  // "like" gloss only a longer word that closes the unit.
  if (
    (letter === 'a' || letter === 'i') &&
    first !== 'as' &&
    (example === undefined || example.length < 4 || (exampleAt + 1 < limit && punctAt(tokens, exampleAt + 1, limit) === undefined))
  )
    return undefined;
  if (example === 'x' && letter === 'x') {
    // "x as in x-ray".
    const ray = afterGluedHyphen(tokens, exampleAt + 1, limit);
    return wordAt(tokens, ray, limit) === 'ray' ? ray + 1 : undefined;
  }
  return example !== undefined && example.length > 1 && example[0] === letter ? exampleAt + 1 : undefined;
}

/**
 * A sound-alike of a digit inside a spelling already under way ("n w ate three, oh won five, two seven for"):
 * run on with the units beside it, before another digit or closing a run of three units or more; between
 * pauses, with more spelling after it ("w, to, m") or closing such a run ("x, n, seven, for."). "w for
 * whiskey" is a gloss, read by the letter before it.
 */
function soundAlikeDigitUnit(tokens: readonly Token[], i: number, limit: number, unitsBefore: number): SpellUnit | undefined {
  const digit = soundAlikeDigit(wordAt(tokens, i, limit));
  if (digit === undefined || unitsBefore === 0) return undefined;
  const unit: SpellUnit = { end: i + 1, chars: String(digit), kind: 'digit', marked: false, wordLetter: false };
  const next = wordAt(tokens, i + 1, limit);
  const digitAt = (at: number) =>
    readSpellUnit(tokens, at, limit, { pairs: false })?.kind === 'digit' || soundAlikeDigit(wordAt(tokens, at, limit)) !== undefined;
  const closing = unitsBefore >= 3 && (i + 1 >= limit || (next === undefined && punctAt(tokens, i + 1, limit) !== ','));
  if (tokens[i - 1]?.type !== 'punct') return (next !== undefined && digitAt(i + 1)) || closing ? unit : undefined;
  if (i + 1 >= limit) return closing ? unit : undefined;
  const mark = punctAt(tokens, i + 1, limit);
  if (mark === undefined) return undefined;
  if (mark !== ',' && mark !== '…')
    return unitsBefore >= 3 && (i + 2 >= limit || wordAt(tokens, i + 2, limit) === undefined) ? unit : undefined;
  return readSpellUnit(tokens, i + 2, limit, { pairs: false }) || soundAlikeDigit(wordAt(tokens, i + 2, limit)) !== undefined
    ? unit
    : undefined;
}

export type SpelledIdResult = { tag: Tag } | { failUntil: number };

interface RunSummary {
  end: number;
  units: number;
  letters: number;
  digits: number;
  marked: number;
  asIn: boolean;
  onlyWordLetters: boolean;
}

/**
 * Walks the run of spelled units from `i`, calling `visit` for each (with whether a dash was said
 * before it). No allocation per unit beyond the reader's own result, since runs can be very long.
 */
function walkSpelled(
  tokens: readonly Token[],
  i: number,
  limit: number,
  visit?: (unit: SpellUnit, dashBefore: boolean, repairBefore: boolean, trailedBefore: boolean) => void,
): RunSummary {
  const summary: RunSummary = { end: i, units: 0, letters: 0, digits: 0, marked: 0, asIn: false, onlyWordLetters: true };
  let position = i;
  let dashBefore = false;
  let repairBefore = false;
  let trailedBefore = false;
  let previousKind: SpellUnit['kind'] | undefined;
  let previousChars: string | undefined;
  for (;;) {
    const unit =
      readSpellUnit(tokens, position, limit, { pairs: summary.letters > 0 }) ?? soundAlikeDigitUnit(tokens, position, limit, summary.units);
    if (!unit) break;
    // "seven a m" is a time and "seven o'clock" a time, not the ids 7AM and 7O.
    if (unit.kind === 'letter' && !unit.marked && previousKind === 'digit' && meridiemAt(tokens, position, limit)) break;
    if (unit.kind === 'letter' && !unit.marked && unit.chars === 'o' && wordAt(tokens, unit.end, limit) === 'clock') break;
    // "a four kilo cat", "she's six kilo": a NATO word that is also a unit, right after a digit, ending a run that spells
    // with no other NATO word, is the unit ("hotel, alpha, two, niner, five, kilo" spells).
    if (
      unit.marked &&
      !unit.asIn &&
      previousKind === 'digit' &&
      summary.marked === 0 &&
      tokens[position - 1]?.type !== 'punct' &&
      isMeasureUnit(wordAt(tokens, position, limit)) &&
      !readSpellUnit(tokens, unit.end, limit, { pairs: false })
    )
      break;
    // "…you vee, i said zero": a letter that is also a word ("i", "a", "you"), before an ordinary word, is that word.
    if (unit.wordLetter && summary.units > 0 && beforePlainWord(tokens, unit.end, limit)) break;
    visit?.(unit, dashBefore, repairBefore, trailedBefore);
    summary.units++;
    if (unit.kind === 'letter') {
      summary.letters++;
      if (unit.marked) summary.marked++;
      if (unit.asIn) summary.asIn = true;
      if (!unit.wordLetter) summary.onlyWordLetters = false;
    } else summary.digits++;
    previousKind = unit.kind;
    previousChars = unit.chars;
    position = unit.end;
    summary.end = position;
    let next = position;
    dashBefore = false;
    repairBefore = false;
    trailedBefore = false;
    for (;;) {
      const mark = punctAt(tokens, next, limit);
      const word = wordAt(tokens, next, limit);
      const denial = word === 'not' && previousKind === 'letter' ? deniedLetterEnd(tokens, next, limit, previousChars ?? '') : undefined;
      if (mark === ',' || (mark === '?' && summary.units > 0 && joinedUnitAt(tokens, next + 1, limit, summary.letters > 0, true))) next++;
      // "…, then the number nine", "and then a q": joining words, when a unit follows them.
      else if (word !== undefined && SPELL_JOINERS.has(word) && joinedUnitAt(tokens, next, limit, summary.letters > 0)) next++;
      else if (countedAfterSo(tokens, next, limit)) next++;
      else if (word === 'a' && SPELL_JOINERS.has(wordAt(tokens, next - 1, limit) ?? '') && letterAt(tokens, next + 1, limit)) next++;
      else if (word !== undefined && SPELL_REPAIRS.has(word) && joinedUnitAt(tokens, next + 1, limit, summary.letters > 0, true)) {
        repairBefore = true;
        next++;
      }
      // "p, d, q. then numbers. one one zero…": a full stop before "then" goes on with the spelling.
      else if (mark === '.' && wordAt(tokens, next + 1, limit) === 'then' && summary.units > 0) {
        next++;
        while (wordAt(tokens, next, limit) === 'then' || /^(?:numbers|letters|digits|the)$/.test(wordAt(tokens, next, limit) ?? '')) next++;
        if (punctAt(tokens, next, limit) === '.' || punctAt(tokens, next, limit) === ',') next++;
      }
      // A trailing-off pause inside a spelling ("N... two, W") is a pause, like a comma.
      else if (mark === '…' || (mark === '.' && punctAt(tokens, next + 1, limit) === '.')) {
        trailedBefore = true;
        while (punctAt(tokens, next, limit) === '.' || punctAt(tokens, next, limit) === '…') next++;
      } else if (mark === '-' || word === 'dash' || word === 'hyphen') {
        dashBefore = true;
        next++;
      } else if (word !== undefined && isFiller(word)) next++;
      else if (denial !== undefined) next = denial;
      else {
        const clarified = summary.units > 0 ? clarifierEnd(tokens, next, limit) : undefined;
        if (clarified === undefined) break;
        next = clarified;
      }
    }
    if (
      next !== position &&
      !readSpellUnit(tokens, next, limit, { pairs: summary.letters > 0 }) &&
      !soundAlikeDigitUnit(tokens, next, limit, summary.units)
    )
      break;
    position = next;
  }
  return summary;
}

/**
 * "b as in boy not d, b, e…", "g v as in victor not b, seven…": a letter told apart from the one it sounds like. The
 * letter denied is not said, and the letter it was told from, said again, is said once. Where the denial ends, or
 * undefined when no single letter follows "not".
 */
function deniedLetterEnd(tokens: readonly Token[], i: number, limit: number, told: string): number | undefined {
  const denied = readSpellUnit(tokens, i + 1, limit, { pairs: false });
  if (!denied || denied.kind !== 'letter' || denied.chars.length !== 1 || denied.chars === told) return undefined;
  let next = denied.end;
  while (punctAt(tokens, next, limit) === ',') next++;
  const again = readSpellUnit(tokens, next, limit, { pairs: false });
  return again && again.chars === told ? again.end : denied.end;
}

/** Whether a spelled unit follows `i` past joining words, pauses and fillers (without reading across a repair). */
function letterAt(tokens: readonly Token[], i: number, limit: number): boolean {
  return readSpellUnit(tokens, i, limit, { pairs: false })?.kind === 'letter';
}

function joinedUnitAt(tokens: readonly Token[], i: number, limit: number, pairs: boolean, direct = false): boolean {
  let j = i;
  for (let hops = 0; hops < 4; hops++) {
    const word = wordAt(tokens, j, limit);
    if (punctAt(tokens, j, limit) === ',' || (word !== undefined && (SPELL_JOINERS.has(word) || isFiller(word)))) j++;
    else break;
  }
  const unit = readSpellUnit(tokens, j, limit, { pairs });
  // "…b, b, and you know": after a joining word, a letter that is also a word must be followed by more spelling.
  if (unit?.wordLetter && j > i && beforePlainWord(tokens, unit.end, limit)) return false;
  return (direct || j > i) && unit !== undefined;
}

/** Whether an ordinary word (no spelling unit, no pause) comes at `i`. */
function beforePlainWord(tokens: readonly Token[], i: number, limit: number): boolean {
  const word = wordAt(tokens, i, limit);
  return (
    word !== undefined && !isFiller(word) && readSpellUnit(tokens, i, limit, { pairs: true }) === undefined && !SPELL_JOINERS.has(word)
  );
}

/** A run of spelled letters and digits starting at `i`, read as one id. On failure, no run starting before `failUntil` can succeed. */
/** An id prefix already written in capitals before a dash: "ORD dash eight eight one two three". */
function writtenPrefix(tokens: readonly Token[], i: number, limit: number): { text: string; next: number } | undefined {
  const token = tokens[i];
  if (!token || token.type !== 'word' || token.text.length < 2 || token.text.length > 5 || !/^[A-Z]+$/.test(token.text)) return undefined;
  const dash = wordAt(tokens, i + 1, limit);
  if (dash !== 'dash' && dash !== 'hyphen' && punctAt(tokens, i + 1, limit) !== '-') return undefined;
  const next = i + 2;
  return readSpellUnit(tokens, next, limit, { pairs: true })?.kind === 'digit' ? { text: token.text, next } : undefined;
}

export function tagSpelledId(tokens: readonly Token[], i: number, limit: number): SpelledIdResult {
  const prefix = writtenPrefix(tokens, i, limit);
  if (prefix) {
    const rest = walkSpelled(tokens, prefix.next, limit);
    let digits = '';
    walkSpelled(tokens, prefix.next, limit, (unit, dashBefore) => (digits += (dashBefore ? '-' : '') + unit.chars));
    const text = `${prefix.text}-${digits.toUpperCase()}`;
    return { tag: { kind: 'alnum', value: text, text, first: i, end: rest.end } };
  }
  const summary = walkSpelled(tokens, i, limit);
  const failUntil = Math.max(summary.end, i + 1);
  if (summary.units === 0 || (summary.units === 1 && !summary.asIn) || summary.letters === 0) return { failUntil };
  if (summary.digits === 0) {
    // Letters alone are an id only when clearly spelled: two NATO words, or an "as in".
    if (summary.marked < 2 && !summary.asIn) return { failUntil };
  } else if (summary.onlyWordLetters && (summary.units < 5 || summary.letters < 2)) {
    // "a five", "I two", "should be nine five…", "are two two": words, not letters (in a long run with two of them,
    // "i, six, six, six, i, two", they are).
    return { failUntil };
  }
  const said: { chars: string; kind: SpellUnit['kind']; marked: boolean; asIn: boolean; dashBefore: boolean }[] = [];
  const repairs: number[] = [];
  const pauses: number[] = [];
  walkSpelled(tokens, i, limit, (unit, dashBefore, repairBefore, trailedBefore) => {
    if (repairBefore) repairs.push(said.length);
    else if (trailedBefore) pauses.push(said.length);
    said.push({ chars: unit.chars, kind: unit.kind, marked: unit.marked, asIn: unit.asIn === true, dashBefore });
  });
  const units = putRight(said, repairs, pauses);
  dropGlossedRestatements(units);
  dropRestatedLetters(units);
  dropRestatedRepeats(units);
  zeroBetweenDigits(units);
  let text = units
    .map((unit, k) => (k > 0 && unit.dashBefore ? '-' : '') + unit.chars)
    .join('')
    .toUpperCase();
  // "seven Q, seven Q, then five M, then one. seven Q seven Q five M one": the whole id said twice is said once.
  if (text.length >= 8 && text.length % 2 === 0 && text.slice(0, text.length / 2) === text.slice(text.length / 2))
    text = text.slice(0, text.length / 2);
  return { tag: { kind: 'alnum', value: text, text, first: i, end: summary.end } };
}

/**
 * A spelling with its repairs put right. What follows a repair ("no", "sorry") restates the units it starts
 * again from ("t x eight… no, t x h": from the t; "four four one… no, four four two": from the first four) or,
 * starting with none of them, replaces the unit of its kind before it ("b as in boy, no, d as in david"). A
 * spelling begun, trailed off and begun again from its start ("h… h t n") is said once. `repairs` and
 * `pauses` are the unit counts where each repair and each trailing-off pause came.
 */
export function putRight<T extends { chars: string }>(
  units: readonly T[],
  repairs: readonly number[],
  pauses: readonly number[] = [],
): T[] {
  const same = (a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((unit, k) => unit.chars === b[k]!.chars);
  const restart = pauses.find((at) => at <= 3 && same(units.slice(at, 2 * at), units.slice(0, at)) && !repairs.some((r) => r < at));
  const from = restart ?? 0;
  let kept: T[] = [];
  let start = from;
  for (const at of [...repairs.filter((r) => r > from), units.length]) {
    let segment = units.slice(start, at);
    // "double z… no, one z": a count put right, not the digit one.
    const counted = kept.at(-1)?.chars;
    if (
      start !== from &&
      segment[0]?.chars === '1' &&
      segment[1] !== undefined &&
      counted !== undefined &&
      counted.length > 1 &&
      counted === segment[1].chars.repeat(counted.length)
    ) {
      kept.pop();
      segment = segment.slice(1);
      kept.push(...segment);
      start = at;
      continue;
    }
    if (start === from) kept = [...segment];
    else if (segment.length) {
      let best = 0;
      let bestLength = 0;
      for (let back = 1; back <= Math.min(3, kept.length); back++) {
        let length = 0;
        while (length < back && length < segment.length && kept[kept.length - back + length]!.chars === segment[length]!.chars) length++;
        if (length > 0 && length >= bestLength) {
          best = back;
          bestLength = length;
        }
      }
      const last = kept.at(-1);
      const isDigit = (unit: T) => /\d/.test(unit.chars);
      if (best) kept.splice(kept.length - best, best);
      else if (last !== undefined && isDigit(last) === isDigit(segment[0]!)) kept.pop();
      kept.push(...segment);
    }
    start = at;
  }
  return kept;
}

/**
 * "e m, e as in echo, m as in mike": letters said plainly and then again with glosses are said once.
 * A glossed letter right after the same letter said plainly restates it too ("o, the letter o").
 */
function dropRestatedLetters(units: { chars: string; kind: SpellUnit['kind']; marked: boolean }[]): void {
  for (let k = 0; k < units.length; k++) {
    let plain = 0;
    while (k + plain < units.length && units[k + plain]!.kind === 'letter' && !units[k + plain]!.marked) plain++;
    if (!plain) continue;
    let same = 0;
    while (
      same < plain &&
      k + plain + same < units.length &&
      units[k + plain + same]!.marked &&
      units[k + plain + same]!.chars === units[k + same]!.chars
    )
      same++;
    if (same === plain) units.splice(k, plain);
    else {
      // "l m n o, the letter o": the plain letters' tail said again, glossed.
      for (let tail = plain; tail > 0; tail--) {
        const from = k + plain - tail;
        let match = k + plain + tail <= units.length;
        for (let t = 0; match && t < tail; t++)
          match = units[k + plain + t]!.marked && units[k + plain + t]!.chars === units[from + t]!.chars;
        if (match) {
          units.splice(from, tail);
          break;
        }
      }
    }
    k += Math.max(0, plain - 1);
  }
}

/** "e, e, e, so triple e": a letter said one at a time and then counted is said once. */
function dropRestatedRepeats(units: { chars: string; kind: SpellUnit['kind']; marked: boolean }[]): void {
  for (let k = 1; k < units.length; k++) {
    const { chars } = units[k]!;
    if (chars.length < 2 || !/^(.)\1+$/.test(chars) || k < chars.length) continue;
    const before = units.slice(k - chars.length, k);
    if (before.every((unit) => unit.chars === chars[0])) {
      units.splice(k - chars.length, chars.length);
      k -= chars.length;
    }
  }
}

/** The letter "o" said between two digits is zero. */
function zeroBetweenDigits(units: { chars: string; kind: SpellUnit['kind']; marked: boolean }[]): void {
  for (let k = 1; k + 1 < units.length; k++) {
    const unit = units[k]!;
    if (unit.kind === 'letter' && unit.chars === 'o' && !unit.marked && units[k - 1]!.kind === 'digit' && units[k + 1]!.kind === 'digit') {
      unit.chars = '0';
      unit.kind = 'digit';
    }
  }
}
