/**
 * Where a long input may be cut into pieces normalised one by one: at the start of an ordinary word
 * whose neighbours are ordinary words too, so no span (a number run, an email's "hot mail", a
 * date's "in the morning") can reach across. Works on characters, before any tokens exist.
 */

/** Words that join a span to its neighbours even though no grammar starts at them. */
const JOINING_WORDS = new Set([
  'at',
  'dot',
  'slash',
  'dash',
  'hyphen',
  'underscore',
  'plus',
  'colon',
  'as',
  'in',
  'and',
  'of',
  'to',
  'past',
  'after',
  'till',
  'til',
  'per',
  'cent',
  'percent',
  'pct',
  'clock',
  "o'clock",
  'oclock',
  'am',
  'pm',
  'ray',
  'morning',
  'afternoon',
  'evening',
  'night',
  'tonight',
  'today',
  'tomorrow',
  'even',
]);

const MAX_SCAN_CHARS = 8192;

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0;
}

function isPlainLowerWord(word: string): boolean {
  if (word.length < 3) return false;
  for (let k = 0; k < word.length; k++) {
    const code = word.charCodeAt(k);
    if (code < 97 || code > 122) return false;
  }
  return !JOINING_WORDS.has(word);
}

/**
 * The index of a word start at or after `from` where cutting is safe, or -1 when none comes within
 * a few KB (then the caller keeps one piece, which is only slower).
 */
export function findSafeCut(text: string, from: number, isOrdinary: (word: string) => boolean): number {
  const n = text.length;
  let p = from;
  while (p < n && !isSpace(text.charCodeAt(p))) p++;
  let before = '';
  let beforeOk = false;
  const stop = Math.min(n, from + MAX_SCAN_CHARS);
  while (p < stop) {
    while (p < n && isSpace(text.charCodeAt(p))) p++;
    const start = p;
    while (p < n && !isSpace(text.charCodeAt(p))) p++;
    if (start >= n) return -1;
    const word = text.slice(start, p).toLowerCase();
    const ok = isPlainLowerWord(word) && isOrdinary(word);
    if (ok && beforeOk && before !== '') {
      // The word after the cut's word must not pull it into a span either ("hot | mail dot com").
      let q = p;
      while (q < n && isSpace(text.charCodeAt(q))) q++;
      const nextStart = q;
      while (q < n && !isSpace(text.charCodeAt(q))) q++;
      const next = text.slice(nextStart, q).toLowerCase();
      if (nextStart >= n || (!JOINING_WORDS.has(next) && next.length > 1)) return start;
    }
    before = word;
    beforeOk = ok;
  }
  return -1;
}
