/**
 * A code spelled out as the answer to "what is your account id?", read through the talk around it, the way
 * a listener writes it down: letters said plainly, by name ("dee", "zed") or with a gloss ("q like queen",
 * "m as in mary", "d, o, g, like the animal"), digits in words or already written, "double", a letter said
 * again glossed ("f, f like frank") said once, a unit put right after "no"/"sorry" ("y... no, it's a v"),
 * and everything else — "then", "the digits", "those are zeros", a word in the caller's own language — left
 * out. ITN spells an id only while the units run on; an answer interrupted by talk needs this reading.
 */
import { isEverydayLetterName, letterOfName, NATO_WORDS, putRight } from './itn/spelling';
import { soundAlikeDigit, unitValue } from './itn/numberWords';

const NATO = new Set(NATO_WORDS);
const GLOSS_WORDS = new Set(['like', 'for']);
const REPAIR = new Set(['no', 'sorry', 'actually', 'wait']);
/** Words that may stand before a unit without being one: "the number two", "a k at the end", "then m". */
const LEAD = new Set(['the', 'number', 'letter', 'then', 'and', 'a', 'an', 'capital', 'small', 'lowercase', 'uppercase']);

interface Unit {
  chars: string;
  glossed: boolean;
}

/** Words after a number that make it a count, not a unit of the code ("all one word", "two times"). */
const COUNTED = new Set(['word', 'words', 'letter', 'letters', 'time', 'times', 'digit', 'digits', 'more', 'of']);
const isPause = (token: string | undefined) => token === undefined || /^(?:,|[.?!…]+)$/.test(token);

function unitAt(words: readonly string[], i: number): { chars: string; used: number } | undefined {
  const word = words[i]!;
  if (COUNTED.has(words[i + 1] ?? '')) return undefined;
  // Between other single units, "a" and "i" and everyday letter names ("see", "are") spell too.
  const single = (token: string | undefined) => token !== undefined && (/^[a-z0-9]$/.test(token) || isPause(token));
  const amongUnits = single(words[i - 1]) && single(words[i + 1]);
  if (/^\d+$/.test(word)) return { chars: word, used: 1 };
  if (word === 'oh') return { chars: '0', used: 1 };
  const digit = unitValue(word);
  if (digit !== undefined) return { chars: String(digit), used: 1 };
  // "nine nine too, r as in robert", "w, to, m": a digit's sound-alike between units.
  const alike = soundAlikeDigit(word);
  if (alike !== undefined && i > 0 && amongUnits) return { chars: String(alike), used: 1 };
  if (word === 'double' || word === 'triple') {
    const inner = words[i + 1] === undefined ? undefined : unitAt(words, i + 1);
    if (inner && inner.chars.length === 1) return { chars: inner.chars.repeat(word === 'double' ? 2 : 3), used: 1 + inner.used };
    return undefined;
  }
  // "a" and "i" are letters only among other units; other single letters always are.
  if (/^[a-z]$/.test(word)) return (word === 'a' || word === 'i') && !amongUnits ? undefined : { chars: word, used: 1 };
  const named = letterOfName(word);
  if (named && word !== 'oh' && (!isEverydayLetterName(word) || amongUnits)) return { chars: named, used: 1 };
  return undefined;
}

/** The code spelled in `spoken`, upper-cased, or undefined when fewer than four units were spelled. */
export function spelledAnswer(spoken: string): string | undefined {
  const tokens = spoken.toLowerCase().match(/[\p{L}0-9']+|[.?!…]+|,/gu) ?? [];
  const units: Unit[] = [];
  /** Where each repair began ("… no, four four two"), to align what follows with what it restates. */
  const repairs: number[] = [];
  let repairing = false;
  let started = false;
  /** Unit counts at each trailing-off pause ("h… h t n"). */
  const pauses: number[] = [];
  /** Unit counts at every pause, short or long. */
  const stops: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = tokens[i]!;
    if (/^(?:,|[.?!…]+)$/.test(word) && units.length && stops.at(-1) !== units.length) stops.push(units.length);
    if (/^[.?!…]+$/.test(word)) {
      if ((word === '…' || word.length > 1) && units.length) pauses.push(units.length);
      // A sentence of talk after the code ("k. the oh is a zero") ends it.
      if (started && units.length >= 2 && /^[.?!]$/.test(word) && tokens[i + 1] !== undefined && !unitAt(tokens, i + 1)) {
        const next = tokens[i + 1]!;
        if (!LEAD.has(next) || next === 'the') break;
      }
      continue;
    }
    if (word === ',') continue;
    // "the account i d is…": the word ID, said after a word that spells nothing, is no letters of the code.
    if (word === 'i' && tokens[i + 1] === 'd' && i > 0 && /^[a-z']{2,}$/.test(tokens[i - 1]!) && !unitAt(tokens, i - 1)) {
      i++;
      continue;
    }
    const last = units.at(-1);
    // "q like queen", "m as in mary", "w as in, eh, water": the example glosses the letter before it.
    if (last && /[a-z]/.test(last.chars) && (GLOSS_WORDS.has(word) || (word === 'as' && tokens[i + 1] === 'in'))) {
      let j = word === 'as' ? i + 2 : i + 1;
      while (j < tokens.length && (tokens[j] === ',' || tokens[j] === 'eh' || tokens[j] === 'uh' || tokens[j] === 'um')) j++;
      if (tokens[j]?.[0] === last.chars) {
        last.glossed = true;
        i = j;
        continue;
      }
      // "x, for, n": no example follows, so "for" may be the digit it sounds like.
      if (!unitAt(tokens, i)) continue;
    }
    if (REPAIR.has(word)) {
      repairing = started;
      continue;
    }
    // "p as in peter, not b, p", "zero, not the letter o, zero": the unit denied is not said, and the unit it
    // was told apart from, said again, is said once.
    if (word === 'not' && last) {
      let j = i + 1;
      while (LEAD.has(tokens[j] ?? '')) j++;
      const denied = tokens[j] !== undefined ? unitAt(tokens, j) : undefined;
      if (denied && denied.chars.length === 1) {
        i = j + denied.used - 1;
        let k = i + 1;
        while (tokens[k] === ',' || tokens[k] === '…' || /^\.+$/.test(tokens[k] ?? '')) k++;
        const again = tokens[k] !== undefined ? unitAt(tokens, k) : undefined;
        if (again && again.chars === last.chars) i = k + again.used - 1;
        continue;
      }
    }
    // NATO words spell only when the answer spells with more than one of them.
    if (NATO.has(word)) {
      if (tokens.filter((token) => NATO.has(token)).length >= 2) units.push({ chars: word[0]!, glossed: true });
      started = true;
      continue;
    }
    const unit = unitAt(tokens, i);
    if (!unit) continue;
    i += unit.used - 1;
    started = true;
    // "f, f like frank": a letter said again, glossed, is said once.
    const glossedNext = GLOSS_WORDS.has(tokens[i + 1] ?? '') || tokens[i + 1] === 'as';
    if (last && last.chars === unit.chars && unit.chars.length === 1 && !last.glossed && glossedNext && /[a-z]/.test(unit.chars)) continue;
    if (repairing) repairs.push(units.length);
    repairing = false;
    units.push({ chars: unit.chars, glossed: false });
  }
  // An answer that spells: its units are a good part of what was said, not a few letters in a speech.
  const said = tokens.filter((token) => /^[\p{L}0-9']+$/u.test(token)).length;
  if (units.length < said * 0.2) return undefined;
  const code = putRight(repairs.length ? units : withoutGlossedAgain(units, stops), repairs, pauses)
    .map((unit) => unit.chars)
    .join('');
  return code.length >= 4 && /[a-z]/.test(code) ? code.toUpperCase() : undefined;
}

/**
 * "p t. p as in paul, t as in tom", "o b a. o for orange": letters said plainly, then again with their glosses after a
 * pause, are said once — the glossed run restates the start of the run before it.
 */
function withoutGlossedAgain(units: readonly Unit[], stops: readonly number[]): Unit[] {
  const drop = new Set<number>();
  for (const [k, stop] of stops.entries()) {
    const before = units.slice(stops[k - 1] ?? 0, stop);
    let end = stop;
    while (end < units.length && units[end]!.glossed) end++;
    const glossed = units.slice(stop, end);
    if (
      glossed.length &&
      glossed.length <= before.length &&
      before.every((unit) => !unit.glossed && /^[a-z]$/.test(unit.chars)) &&
      glossed.every((unit, j) => unit.chars === before[j]!.chars)
    )
      for (let j = stop; j < end; j++) drop.add(j);
  }
  return units.filter((_, j) => !drop.has(j));
}
