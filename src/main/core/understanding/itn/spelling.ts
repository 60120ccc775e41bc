/**
 * Spelling said aloud: single letters, NATO words ("mike echo"), "b as in bravo", digits, "double e".
 * Used for spelled ids ("a b seven seven three" → AB773, "k as in kilo nine two" → K92) and for the
 * parts of an email address.
 */
import { isFiller } from './fillers';
import { isMultiplier, isOh, parseGroup, unitValue } from './numberWords';
import { afterGluedHyphen, punctAt, wordAt, type Token } from './tokens';
import type { Tag } from './types';

const NATO = new Map<string, string>([
  ['alpha', 'a'], ['alfa', 'a'], ['bravo', 'b'], ['charlie', 'c'], ['delta', 'd'], ['echo', 'e'], ['foxtrot', 'f'], ['golf', 'g'],
  ['hotel', 'h'], ['india', 'i'], ['juliet', 'j'], ['juliett', 'j'], ['kilo', 'k'], ['lima', 'l'], ['mike', 'm'], ['november', 'n'],
  ['oscar', 'o'], ['papa', 'p'], ['quebec', 'q'], ['romeo', 'r'], ['sierra', 's'], ['tango', 't'], ['uniform', 'u'], ['victor', 'v'],
  ['whiskey', 'w'], ['whisky', 'w'], ['xray', 'x'], ['yankee', 'y'], ['zulu', 'z'],
]);

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
    if (wordAt(tokens, i + 1, limit) === 'as' && wordAt(tokens, i + 2, limit) === 'in' && example !== undefined && example.length > 1 && example[0] === word) {
      return { end: i + 4, chars: word, kind: 'letter', marked: true, asIn: true, wordLetter: false };
    }
    return { end: i + 1, chars: word, kind: 'letter', marked: false, wordLetter: word === 'a' || word === 'i' };
  }
  const digit = word === 'oh' ? 0 : unitValue(word);
  if (digit !== undefined) return { end: i + 1, chars: String(digit), kind: 'digit', marked: false, wordLetter: false };
  if (isMultiplier(word)) {
    const inner = readSpellUnit(tokens, i + 1, limit, { pairs: false });
    if (!inner || inner.chars.length !== 1) return undefined;
    return { ...inner, chars: inner.chars.repeat(word === 'double' ? 2 : 3), wordLetter: false };
  }
  if (options.pairs) {
    const group = parseGroup(tokens, i, limit, false);
    if (group && group.shape === 'pair' && !group.ordinal) return { end: group.end, chars: group.digits, kind: 'digit', marked: false, wordLetter: false };
  }
  return undefined;
}

export type SpelledIdResult = { tag: Tag } | { failUntil: number };

interface PlacedUnit extends SpellUnit {
  dashBefore: boolean;
}

/** The letter "o" said between two digits is zero. */
function zeroBetweenDigits(units: PlacedUnit[]): void {
  for (let k = 1; k + 1 < units.length; k++) {
    const unit = units[k]!;
    if (unit.kind === 'letter' && unit.chars === 'o' && !unit.marked && units[k - 1]!.kind === 'digit' && units[k + 1]!.kind === 'digit') {
      units[k] = { ...unit, chars: '0', kind: 'digit' };
    }
  }
}

/** A run of spelled letters and digits starting at `i`, read as one id. On failure, no run starting before `failUntil` can succeed. */
export function tagSpelledId(tokens: readonly Token[], i: number, limit: number): SpelledIdResult {
  const units: PlacedUnit[] = [];
  let position = i;
  let dashBefore = false;
  let hasLetter = false;
  for (;;) {
    const unit = readSpellUnit(tokens, position, limit, { pairs: hasLetter });
    if (!unit) break;
    // "seven a m" is a time, not the id 7AM.
    const previous = units[units.length - 1];
    if (unit.kind === 'letter' && !unit.marked && (unit.chars === 'a' || unit.chars === 'p') && previous?.kind === 'digit' && wordAt(tokens, unit.end, limit) === 'm') break;
    if (unit.kind === 'letter' && !unit.marked && unit.chars === 'o' && wordAt(tokens, unit.end, limit) === 'clock') break;
    units.push({ ...unit, dashBefore });
    if (unit.kind === 'letter') hasLetter = true;
    position = unit.end;
    let next = position;
    dashBefore = false;
    for (;;) {
      const mark = punctAt(tokens, next, limit);
      const word = wordAt(tokens, next, limit);
      if (mark === ',') next++;
      else if (mark === '-' || word === 'dash' || word === 'hyphen') {
        dashBefore = true;
        next++;
      } else if (word !== undefined && isFiller(word)) next++;
      else break;
    }
    if (next === position || !readSpellUnit(tokens, next, limit, { pairs: hasLetter })) {
      if (next !== position) break;
      continue;
    }
    position = next;
  }
  const failUntil = Math.max(position, i + 1);
  if (units.length === 0 || (units.length === 1 && !units[0]!.asIn)) return { failUntil };
  zeroBetweenDigits(units);
  const letters = units.filter((unit) => unit.kind === 'letter');
  const digits = units.length - letters.length;
  if (letters.length === 0) return { failUntil };
  if (digits === 0) {
    // Letters alone are an id only when clearly spelled: two NATO words, or an "as in".
    if (letters.filter((unit) => unit.marked).length < 2 && !letters.some((unit) => unit.asIn)) return { failUntil };
  } else if (letters.every((unit) => unit.wordLetter)) {
    return { failUntil };
  }
  const text = units.map((unit, k) => (k > 0 && unit.dashBefore ? '-' : '') + unit.chars).join('').toUpperCase();
  return { tag: { kind: 'alnum', value: text, text, first: i, end: units[units.length - 1]!.end } };
}
