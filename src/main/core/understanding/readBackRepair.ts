/**
 * A value put right in part, the way a listener hears it against the value it puts right: the agent's
 * read-back ("I have seven three oh one five five eight two one nine") or the caller's own number said a
 * moment before ("six two nine… sorry, the last one's a two not a three"). The caller says only the edit:
 * what is wrong and what is right ("v e not v l", "it's six four seven not four one six", "b, not d"),
 * where ("the last two are one two", "it ends oh six", "five six seven at the end", "the fourth number's
 * a one", "the area code's three one five"), or a word of an address ("it's outlook not gmail"). The value
 * with that edit made is what the caller means; the spans of the edit say where it was said.
 *
 * Pure: it reads the turn's written form (after ITN) and the value's characters as they were said.
 */
import { hamming, sameDigits } from './digitRepair';
import { isOh, soundAlikeDigit, unitOrdinalValue, unitValue } from './itn/numberWords';
import { letterOfName } from './itn/spelling';

/** Where in the value the edit falls, when the caller says. */
type Place = { kind: 'end' } | { kind: 'start' } | { kind: 'at'; index: number } | { kind: 'anywhere' };

export interface ValueEdit {
  /** What is right, as characters (upper case for letters). */
  right: string;
  /** What the caller names as wrong, if they do. */
  wrong?: string;
  /** How many characters the edit covers, when said ("the last two"). */
  count?: number;
  place: Place;
  /** The written text's offsets the edit spans. */
  start: number;
  end: number;
}

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

interface Atom {
  chars: string;
  first: number;
  /** One past the last token. */
  end: number;
}

/** What a count of characters is said as: "the last two", "the first three digits". */
const PLACE_NOUN = /^(?:one|digits?|numbers?|letters?|bits?|part)$/;
/** "The last two" counts two characters; "the last digit", none said. */
const countOf = (word: string): { count?: number } => {
  const value = unitValue(word);
  return value !== undefined && value > 0 ? { count: value } : {};
};
/** Words that may stand before a unit of the edit without being one: "not the letter o", "a two", "an oh". */
const LEAD = new Set(['a', 'an', 'the', 'letter', 'number', 'digit', 'capital']);
/** "It's", "its", "it is", "that's", "should be": said between the wrong part and the right one. */
const LINKS = new Set(["it's", 'its', 'it', 'is', "that's", 'thats', 'should', 'be', 'actually', 'so', 'but', 'and']);
const GLOSS = new Set(['like', 'for']);
/** Words after a number that make it a count: "two zeros", "three m's", "two times". */
const COUNTED = /^(?:zeros|zeroes|ones|twos|threes|fours|fives|sixes|sevens|eights|nines|ohs|letters|digits|numbers|times|[a-z]'s)$/;

function tokensOf(written: string): Token[] {
  return [...written.matchAll(/[\p{L}0-9']+|[.,?!…;:]/gu)].map((match) => ({
    text: match[0],
    lower: match[0].toLowerCase(),
    start: match.index,
    end: match.index + match[0].length,
  }));
}

const isPunct = (token: Token | undefined) => token !== undefined && /^[.,?!…;:]$/.test(token.text);

/** Whether a token is a unit said plainly (a digit, a letter, a digit's name): no look around it. */
function saysUnit(token: Token | undefined): boolean {
  if (!token || LEAD.has(token.lower)) return false;
  return /^(?:\d+|[a-z]|[A-Z0-9]{2,})$/i.test(token.text) || isOh(token.lower) || unitValue(token.lower) !== undefined;
}

/** One unit of a value at `i`: a digit or letter said, "double x", a run ITN already wrote ("VL76", "12"). */
function unitAt(tokens: readonly Token[], i: number): { chars: string; used: number } | undefined {
  const token = tokens[i];
  if (!token || isPunct(token)) return undefined;
  const { text, lower } = token;
  // "starts with the two zeros", "two m's": a count of units, not one.
  if (COUNTED.test(tokens[i + 1]?.lower ?? '') && (unitValue(lower) !== undefined || /^\d$/.test(text))) return undefined;
  if (/^\d+$/.test(text)) return { chars: text, used: 1 };
  // "the letter o": the letter, not the digit it looks like.
  if ((lower === 'o' || lower === 'oh') && tokens[i - 1]?.lower === 'letter') return { chars: 'O', used: 1 };
  // A run ITN spelled or wrote: capitals and digits ("VL76", "MM2", "BV3811N").
  if (/^[A-Z0-9]{2,}$/.test(text) && /[A-Z]/.test(text)) return { chars: text, used: 1 };
  if (isOh(lower)) return { chars: '0', used: 1 };
  const digit = unitValue(lower);
  if (digit !== undefined) return { chars: String(digit), used: 1 };
  if (lower === 'double' || lower === 'triple') {
    const next = unitAt(tokens, i + 1);
    if (next && next.chars.length === 1) return { chars: next.chars.repeat(lower === 'double' ? 2 : 3), used: 1 + next.used };
    return undefined;
  }
  if (/^[a-z]$/i.test(text)) {
    // "a" and "i" are words unless a unit stands just before them.
    if ((lower === 'a' || lower === 'i') && !saysUnit(tokens[i - 1])) return undefined;
    return { chars: lower.toUpperCase(), used: 1 };
  }
  const named = letterOfName(lower);
  if (named && i > 0 && /^[a-z]$/i.test(tokens[i - 1]?.text ?? '')) return { chars: named.toUpperCase(), used: 1 };
  const alike = soundAlikeDigit(lower);
  if (alike !== undefined && /^\d$/.test(tokens[i - 1]?.text ?? '') && /^\d$/.test(tokens[i + 1]?.text ?? ''))
    return { chars: String(alike), used: 1 };
  return undefined;
}

/** The units said in a row from `i` (commas between single units allowed; a gloss "e as in echo" skipped). */
function atomAt(tokens: readonly Token[], i: number): Atom | undefined {
  let j = i;
  let chars = '';
  for (;;) {
    const unit = unitAt(tokens, j);
    if (!unit) break;
    chars += unit.chars;
    j += unit.used;
    // "e as in echo", "p for peter", "s like sam": the example glosses the letter before it.
    const word = tokens[j]?.lower;
    const gloss = word === 'as' && tokens[j + 1]?.lower === 'in' ? j + 2 : word && GLOSS.has(word) ? j + 1 : -1;
    if (gloss > 0 && /^[A-Z]$/.test(unit.chars) && tokens[gloss]?.lower.startsWith(unit.chars.toLowerCase())) j = gloss + 1;
    if (tokens[j]?.text === ',' && unitAt(tokens, j + 1)?.chars.length === 1 && unit.chars.length === 1) j++;
  }
  return chars ? { chars, first: i, end: j } : undefined;
}

/** The place the words before `i` (in its clause) put the edit at. */
function placeBefore(tokens: readonly Token[], i: number): { place: Place; count?: number } | undefined {
  const words: string[] = [];
  // Its clause: back to a full stop (a comma goes on: "the area code's wrong, it's three one five").
  for (let k = i - 1; k >= 0 && k >= i - 8 && !(isPunct(tokens[k]) && tokens[k]!.text !== ','); k--)
    if (tokens[k]!.text !== ',') words.unshift(tokens[k]!.lower);
  const said = words.join(' ');
  const last = /\b(?:the )?last ([a-z]+)\b/.exec(said);
  if (last && (PLACE_NOUN.test(last[1]!) || countOf(last[1]!).count)) return { place: { kind: 'end' }, ...countOf(last[1]!) };
  if (/\bends?(?: in| with)?$|\bends?(?: in| with)? (?:an?|the)$/.test(said)) return { place: { kind: 'end' } };
  // "The fourth number's a one": a place counted from the start ("the first one" is the start, one character long).
  const nth = /\b([a-z]+) (?:number|digit|letter|one|character)(?:'s| is)?\b(?!s)/.exec(said);
  const ordinal = nth ? unitOrdinalValue(nth[1]!) : undefined;
  const first = /\b(?:the )?first ([a-z]+)\b/.exec(said);
  if (first && ordinal === undefined && (PLACE_NOUN.test(first[1]!) || countOf(first[1]!).count))
    return { place: { kind: 'start' }, ...countOf(first[1]!) };
  if (/\bstarts?(?: with)?(?: an?| the)?$/.test(said)) return { place: { kind: 'start' } };
  if (ordinal !== undefined) return { place: { kind: 'at', index: ordinal - 1 } };
  if (/\barea code(?:'s| is)?\b/.test(said)) return { place: { kind: 'start' }, count: 3 };
  return undefined;
}

/** The place the words after an atom put it at: "five six seven at the end", "k at the start". */
function placeAfter(tokens: readonly Token[], end: number): Place | undefined {
  const words = tokens
    .slice(end, end + 3)
    .map((token) => token.lower)
    .join(' ');
  if (/^at the (?:end|back)\b/.test(words)) return { kind: 'end' };
  if (/^at the (?:start|front|beginning)\b/.test(words)) return { kind: 'start' };
  return undefined;
}

/** Where an atom's words put it: before it ("the last two are…"), else after it ("…at the end"). */
function placeOf(tokens: readonly Token[], atom: Atom): { place: Place; count?: number } | undefined {
  const before = placeBefore(tokens, atom.first);
  if (before) return before;
  const after = placeAfter(tokens, atom.end);
  return after ? { place: after } : undefined;
}

/** The atom after "not" (past "the letter", "an"), if one is there. */
function atomAfterNot(tokens: readonly Token[], i: number): Atom | undefined {
  let j = i + 1;
  while (LEAD.has(tokens[j]?.lower ?? '')) j++;
  return atomAt(tokens, j);
}

/**
 * The edits a caller's turn says of some value: each "right, not wrong", "not wrong, right", "wrong is wrong,
 * it's right", and each right part said at a place ("the last two are one two", "…at the end").
 */
export function editsSaid(written: string): ValueEdit[] {
  if (written.length > 1_000) return [];
  const tokens = tokensOf(written);
  const edits: ValueEdit[] = [];
  const span = (from: Atom, to: Atom) => ({ start: tokens[from.first]!.start, end: tokens[to.end - 1]!.end });
  let previous: Atom | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const lower = tokens[i]!.lower;
    if (lower === 'not' || (lower === 'instead' && tokens[i + 1]?.lower === 'of')) {
      const at = lower === 'instead' ? i + 1 : i;
      const wrong = atomAfterNot(tokens, at);
      if (!wrong) continue;
      // "…right, not wrong": the atom just before (in its clause, a lead word or two between).
      let k = i - 1;
      while (k >= 0 && (tokens[k]!.text === ',' || LEAD.has(tokens[k]!.lower))) k--;
      const right = previous && previous.end - 1 === k ? previous : undefined;
      if (right) {
        const where = placeOf(tokens, right);
        edits.push({
          right: right.chars,
          wrong: wrong.chars,
          place: where?.place ?? { kind: 'anywhere' },
          ...(where?.count ? { count: where.count } : {}),
          ...span(right, wrong),
        });
      } else {
        // "not wrong, it's right" / "not m, n".
        let j = wrong.end;
        while (tokens[j] && (isPunct(tokens[j]) || LINKS.has(tokens[j]!.lower) || LEAD.has(tokens[j]!.lower))) j++;
        const after = atomAt(tokens, j);
        if (after && j - wrong.end <= 4)
          edits.push({ right: after.chars, wrong: wrong.chars, place: { kind: 'anywhere' }, ...span(wrong, after) });
      }
      i = wrong.end - 1;
      previous = wrong;
      continue;
    }
    // "the m n is wrong, it's m m": named wrong, then put right.
    if (lower === 'wrong' && previous && tokens[i - 1]?.lower.match(/^(?:is|are|'s)$|'s$/) !== null) {
      let j = i + 1;
      while (tokens[j] && (isPunct(tokens[j]) || LINKS.has(tokens[j]!.lower) || LEAD.has(tokens[j]!.lower))) j++;
      const after = atomAt(tokens, j);
      if (after && previous.end >= i - 2)
        edits.push({ right: after.chars, wrong: previous.chars, place: { kind: 'anywhere' }, ...span(previous, after) });
      continue;
    }
    const atom = atomAt(tokens, i);
    if (!atom) continue;
    previous = atom;
    const nextWord = tokens[atom.end]?.lower;
    if (nextWord !== 'not' && !(nextWord === ',' && tokens[atom.end + 1]?.lower === 'not')) {
      const where = placeOf(tokens, atom);
      if (where) edits.push({ right: atom.chars, place: where.place, ...(where.count ? { count: where.count } : {}), ...span(atom, atom) });
    }
    i = atom.end - 1;
  }
  return edits;
}

/** The characters `value` (as said) becomes with `edit` made, or undefined when the edit does not fit it. */
export function withEdit(value: string, edit: ValueEdit): string | undefined {
  const { right, wrong, place } = edit;
  if (!right || right.length >= value.length + (wrong ? wrong.length : 0)) return undefined;
  if (wrong) {
    if (wrong === right) return undefined;
    const places: number[] = [];
    for (let at = value.indexOf(wrong); at >= 0; at = value.indexOf(wrong, at + 1)) places.push(at);
    const fits = places.filter((at) =>
      place.kind === 'end'
        ? at + wrong.length === value.length
        : place.kind === 'start'
          ? at === 0
          : place.kind === 'at'
            ? at <= place.index && place.index < at + wrong.length
            : true,
    );
    if (fits.length !== 1) return undefined;
    const at = fits[0]!;
    return value.slice(0, at) + right + value.slice(at + wrong.length);
  }
  if (edit.count !== undefined && edit.count !== right.length) return undefined;
  // Said at a place with nothing named wrong, the right part mostly restates what it replaces: a slip or two, or the
  // same characters in another order ("the last four are oh one eight three" for …0138), not a new number.
  const replaces = (old: string) =>
    right.length < value.length && (hamming(old, right) <= Math.max(2, Math.ceil(right.length / 2)) || sameDigits(old, right));
  if (place.kind === 'end')
    return replaces(value.slice(value.length - right.length)) ? value.slice(0, value.length - right.length) + right : undefined;
  if (place.kind === 'start') return replaces(value.slice(0, right.length)) ? right + value.slice(right.length) : undefined;
  if (place.kind === 'at')
    return right.length === 1 && place.index < value.length
      ? value.slice(0, place.index) + right + value.slice(place.index + 1)
      : undefined;
  return undefined;
}

/**
 * "It's outlook not gmail", "samantha not sam, the rest is fine": a word of an email address named wrong and the
 * word that replaces it. The address with that part replaced, or undefined.
 */
export function emailWithWordPutRight(address: string, written: string): string | undefined {
  const match = /\b([a-z][a-z0-9]+)\s*,?\s+not\s+(?:the\s+)?([a-z][a-z0-9]+)\b/i.exec(written);
  if (!match) return undefined;
  const [right, wrong] = [match[1]!.toLowerCase(), match[2]!.toLowerCase()];
  if (right === wrong || ['it', 'its', "it's", 'is', 'but', 'and', 'so', 'just', 'one', 'that'].includes(right)) return undefined;
  const parts = address.split(/([.@_+-])/);
  const at = parts.map((part, k) => (part.toLowerCase() === wrong ? k : -1)).filter((k) => k >= 0);
  if (at.length !== 1) return undefined;
  parts[at[0]!] = right;
  return parts.join('');
}
