/**
 * Tokens with offsets: the ITN grammar works on these, never on the raw string. A whitespace-free
 * chunk that is already written (an email, "$148", "555-0148", "3:30") stays one `written` token so
 * later passes can report it and never take it apart; everything else splits into words and single
 * punctuation marks.
 */
import { readWrittenForm, type WrittenForm } from './writtenForms';

export type TokenType = 'word' | 'punct' | 'written';

export interface Token {
  type: TokenType;
  text: string;
  lower: string;
  start: number;
  end: number;
  /** Whitespace (or the start of the text) comes right before this token. */
  gapBefore: boolean;
  /** Set on `written` tokens only (always present, so every token has one shape). */
  written: WrittenForm | undefined;
}

/** Longer chunks are never an already-written value; this also bounds the classifier's work. */
const MAX_WRITTEN_CHUNK = 120;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && isSpace(text.charCodeAt(i))) i++;
    if (i >= length) break;
    const chunkStart = i;
    while (i < length && !isSpace(text.charCodeAt(i))) i++;
    splitChunk(text, chunkStart, i, tokens);
  }
  return tokens;
}

function splitChunk(text: string, start: number, end: number, out: Token[]): void {
  let coreStart = start;
  let coreEnd = end;
  while (coreStart < coreEnd && isLeadingMark(text.charCodeAt(coreStart))) coreStart++;
  while (coreEnd > coreStart && isTrailingMark(text.charCodeAt(coreEnd - 1))) coreEnd--;
  if (coreEnd > coreStart && coreEnd - coreStart <= MAX_WRITTEN_CHUNK && mayBeWritten(text, coreStart, coreEnd)) {
    const core = text.slice(coreStart, coreEnd);
    const written = readWrittenForm(core);
    if (written) {
      splitWords(text, start, coreStart, out, true);
      out.push({
        type: 'written',
        text: core,
        lower: core.toLowerCase(),
        start: coreStart,
        end: coreEnd,
        gapBefore: coreStart === start,
        written,
      });
      splitWords(text, coreEnd, end, out, false);
      return;
    }
  }
  splitWords(text, start, end, out, true);
}

/** Words are runs of letters and digits (an apostrophe inside a word belongs to it); any other mark is a token of its own. */
function splitWords(text: string, start: number, end: number, out: Token[], gapAtStart: boolean): void {
  let i = start;
  while (i < end) {
    const tokenStart = i;
    const first = text.charCodeAt(i);
    if (isWordChar(first)) {
      // Lower-casing allocates, so it is done only for words that need it.
      let plainLower = !(first >= 65 && first <= 90) && first < 0xc0;
      i++;
      while (i < end) {
        const code = text.charCodeAt(i);
        if (isWordChar(code)) {
          if ((code >= 65 && code <= 90) || code >= 0xc0) plainLower = false;
          i++;
        } else if ((code === 39 || code === 0x2019) && i + 1 < end && isWordChar(text.charCodeAt(i + 1))) {
          if (code === 0x2019) plainLower = false;
          i += 2;
        } else break;
      }
      const word = text.slice(tokenStart, i);
      const lower = plainLower ? word : lowerWord(word);
      out.push({
        type: 'word',
        text: word,
        lower,
        start: tokenStart,
        end: i,
        gapBefore: tokenStart === start && gapAtStart,
        written: undefined,
      });
    } else {
      i++;
      const mark = text.slice(tokenStart, i);
      out.push({
        type: 'punct',
        text: mark,
        lower: mark,
        start: tokenStart,
        end: i,
        gapBefore: tokenStart === start && gapAtStart,
        written: undefined,
      });
    }
  }
}

/** ( [ { " ' “ ‘ < */
function isLeadingMark(code: number): boolean {
  return code === 40 || code === 91 || code === 123 || code === 34 || code === 39 || code === 0x201c || code === 0x2018 || code === 60;
}

/** . , ; : ! ? ) ] } " ' ” ’ … > */
function isTrailingMark(code: number): boolean {
  return (
    code === 46 ||
    code === 44 ||
    code === 59 ||
    code === 58 ||
    code === 33 ||
    code === 63 ||
    code === 41 ||
    code === 93 ||
    code === 125 ||
    code === 34 ||
    code === 39 ||
    code === 0x201d ||
    code === 0x2019 ||
    code === 0x2026 ||
    code === 62
  );
}

function isSpace(code: number): boolean {
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x2028 || code === 0x2029 || code === 0x3000 || code === 0x202f
  );
}

export function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    (code >= 0xc0 && code !== 0x2019 && !isPunctuationAbove127(code))
  );
}

function isPunctuationAbove127(code: number): boolean {
  return (code >= 0x2000 && code <= 0x206f) || code === 0xd7 || code === 0xf7 || (code >= 0x20a0 && code <= 0x20cf) || code === 0xa3;
}

/** Cheap test before the classifier: an already-written value holds a digit or one of @ $ £ € % or a dot. */
function mayBeWritten(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || c === 64 || c === 36 || c === 0xa3 || c === 0x20ac || c === 37 || c === 46) return true;
  }
  return false;
}

/** The lower-case word at `i`, or undefined for punctuation, written values and positions at or past `limit`. */
export function wordAt(tokens: readonly Token[], i: number, limit: number): string | undefined {
  if (i >= limit) return undefined;
  const token = tokens[i];
  return token && token.type === 'word' ? token.lower : undefined;
}

export function punctAt(tokens: readonly Token[], i: number, limit: number): string | undefined {
  if (i >= limit) return undefined;
  const token = tokens[i];
  return token && token.type === 'punct' ? token.text : undefined;
}

/** Skips a hyphen glued between two words ("twenty-six", "x-ray"): returns the index of the word after it. */
export function afterGluedHyphen(tokens: readonly Token[], i: number, limit: number): number {
  const token = tokens[i];
  if (i + 1 < limit && token && token.type === 'punct' && token.text === '-' && !token.gapBefore && !tokens[i + 1]!.gapBefore) return i + 1;
  return i;
}

/** A mark glued on both sides ("john.smith", "mary_jane"). */
export function isGluedMark(tokens: readonly Token[], i: number, limit: number, mark: string): boolean {
  const token = tokens[i];
  return (
    i + 1 < limit &&
    i > 0 &&
    token !== undefined &&
    token.type === 'punct' &&
    token.text === mark &&
    !token.gapBefore &&
    !tokens[i + 1]!.gapBefore
  );
}

function lowerWord(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}
