/**
 * Spelling said aloud: single letters, NATO words ("mike echo"), "b as in bravo", digits, "double e".
 * Used for spelled ids ("a b seven seven three" → AB773, "k as in kilo nine two" → K92) and for the
 * parts of an email address.
 */
import { isFiller } from './fillers';
import { isMultiplier, parseGroup, unitValue } from './numberWords';
import { meridiemAt } from './times';
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
];

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
  if (word === undefined) return undefined;
  if (word === 'x') {
    const j = afterGluedHyphen(tokens, i + 1, limit);
    if (wordAt(tokens, j, limit) === 'ray') return { end: j + 1, chars: 'x', kind: 'letter', marked: true, wordLetter: false };
  }
  const nato = NATO.get(word);
  if (nato) return { end: i + 1, chars: nato, kind: 'letter', marked: true, wordLetter: false };
  if (isLetter(word)) {
    const example = wordAt(tokens, i + 3, limit);
    if (
      wordAt(tokens, i + 1, limit) === 'as' &&
      wordAt(tokens, i + 2, limit) === 'in' &&
      example !== undefined &&
      example.length > 1 &&
      example[0] === word
    ) {
      return { end: i + 4, chars: word, kind: 'letter', marked: true, asIn: true, wordLetter: false };
    }
    return { end: i + 1, chars: word, kind: 'letter', marked: false, wordLetter: word === 'a' || word === 'i' };
  }
  const digit = word === 'oh' ? 0 : unitValue(word);
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
  visit?: (unit: SpellUnit, dashBefore: boolean) => void,
): RunSummary {
  const summary: RunSummary = { end: i, units: 0, letters: 0, digits: 0, marked: 0, asIn: false, onlyWordLetters: true };
  let position = i;
  let dashBefore = false;
  let previousKind: SpellUnit['kind'] | undefined;
  for (;;) {
    const unit = readSpellUnit(tokens, position, limit, { pairs: summary.letters > 0 });
    if (!unit) break;
    // "seven a m" is a time and "seven o'clock" a time, not the ids 7AM and 7O.
    if (unit.kind === 'letter' && !unit.marked && previousKind === 'digit' && meridiemAt(tokens, position, limit)) break;
    if (unit.kind === 'letter' && !unit.marked && unit.chars === 'o' && wordAt(tokens, unit.end, limit) === 'clock') break;
    visit?.(unit, dashBefore);
    summary.units++;
    if (unit.kind === 'letter') {
      summary.letters++;
      if (unit.marked) summary.marked++;
      if (unit.asIn) summary.asIn = true;
      if (!unit.wordLetter) summary.onlyWordLetters = false;
    } else summary.digits++;
    previousKind = unit.kind;
    position = unit.end;
    summary.end = position;
    let next = position;
    dashBefore = false;
    for (;;) {
      const mark = punctAt(tokens, next, limit);
      const word = wordAt(tokens, next, limit);
      if (mark === ',') next++;
      // A trailing-off pause inside a spelling ("N... two, W") is a pause, like a comma.
      else if (mark === '…' || (mark === '.' && punctAt(tokens, next + 1, limit) === '.')) {
        while (punctAt(tokens, next, limit) === '.' || punctAt(tokens, next, limit) === '…') next++;
      } else if (mark === '-' || word === 'dash' || word === 'hyphen') {
        dashBefore = true;
        next++;
      } else if (word !== undefined && isFiller(word)) next++;
      else break;
    }
    if (next !== position && !readSpellUnit(tokens, next, limit, { pairs: summary.letters > 0 })) break;
    position = next;
  }
  return summary;
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
  } else if (summary.onlyWordLetters) {
    // "a five", "I two": the words "a" and "I", not letters.
    return { failUntil };
  }
  const units: { chars: string; kind: SpellUnit['kind']; marked: boolean; dashBefore: boolean }[] = [];
  walkSpelled(tokens, i, limit, (unit, dashBefore) => units.push({ chars: unit.chars, kind: unit.kind, marked: unit.marked, dashBefore }));
  zeroBetweenDigits(units);
  const text = units
    .map((unit, k) => (k > 0 && unit.dashBefore ? '-' : '') + unit.chars)
    .join('')
    .toUpperCase();
  return { tag: { kind: 'alnum', value: text, text, first: i, end: summary.end } };
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
