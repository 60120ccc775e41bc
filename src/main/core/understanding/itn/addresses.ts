/**
 * Email and web addresses said aloud: "j o h n dot smith at g mail dot com" → john.smith@gmail.com,
 * "w w w dot example dot com slash help" → www.example.com/help. Found before anything else, so the
 * numbers and letters inside them are not read as ids. Each "at" looks back no further than the
 * previous address or the previous "at", and forward no further than the next "at": linear overall.
 */
import { ADDRESS_JOINERS, isKnownTld, isNotAddressWord, isUrlTld } from './addressWords';
import { isNumberWord, isOh, unitValue } from './numberWords';
import { readSpellUnit } from './spelling';
import { isGluedMark, punctAt, wordAt, type Token } from './tokens';
import type { Tag } from './types';

/** Words that never name a domain ("I'm at the office dot …", "the dot com bubble"). */
const NOT_DOMAIN_WORDS = new Set([
  'the',
  'a',
  'an',
  'my',
  'your',
  'his',
  'her',
  'our',
  'their',
  'this',
  'that',
  'it',
  'is',
  'and',
  'or',
  'to',
  'of',
  'in',
  'on',
  'for',
  'with',
  'least',
  'all',
  'once',
  'first',
  'last',
  'noon',
  'night',
  'um',
  'uh',
  'so',
  'at',
  'dot',
  'slash',
]);

function isPlainWord(token: Token | undefined): boolean {
  if (!token || token.type !== 'word') return false;
  const text = token.lower;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (!((code >= 97 && code <= 122) || (code >= 48 && code <= 57))) return false;
  }
  return true;
}

/** "dot" said, or a full stop glued between two words ("gmail.com" split by the tokenizer). */
function isDot(tokens: readonly Token[], i: number, limit: number): boolean {
  return wordAt(tokens, i, limit) === 'dot' || isGluedMark(tokens, i, limit, '.');
}

/** A joiner inside an address: dash, hyphen, underscore, plus, or the glued marks - _ + . */
function joinerAt(tokens: readonly Token[], i: number, limit: number): string | undefined {
  const word = wordAt(tokens, i, limit);
  if (word !== undefined && word in ADDRESS_JOINERS && word !== 'minus') return ADDRESS_JOINERS[word];
  const token = tokens[i];
  if (token?.type !== 'punct' || (token.text !== '-' && token.text !== '_' && token.text !== '+')) return undefined;
  return isGluedMark(tokens, i, limit, token.text) ? token.text : undefined;
}

interface Label {
  text: string;
  end: number;
}

/**
 * One domain label: spelled letters and digits, and words. The first label after "at" may join a
 * letter and a word or two words ("g mail", "hot mail"); later labels are one word or one spelled run.
 */
function parseLabel(tokens: readonly Token[], i: number, limit: number, firstLabel: boolean): Label | undefined {
  let text = '';
  let position = i;
  let words = 0;
  let spelled = false;
  for (;;) {
    const token = tokens[position];
    if (position >= limit || !token) break;
    if (text && !firstLabel && words > 0) break;
    const unit = token.type === 'word' ? readSpellUnit(tokens, position, limit, { pairs: false }) : undefined;
    if (unit && !(token.lower === 'oh' && text === '')) {
      // After a spelled TLD ("e d u"), "i" and "a" start the next sentence.
      if (!firstLabel && spelled && unit.wordLetter && isKnownTld(text)) break;
      text += unit.chars;
      spelled = true;
      position = unit.end;
      continue;
    }
    if (isPlainWord(token) && !NOT_DOMAIN_WORDS.has(token.lower) && !isNumberWord(token.lower)) {
      if (words >= 2 || (!firstLabel && spelled)) break;
      text += token.lower;
      words++;
      position++;
      continue;
    }
    const joiner = joinerAt(tokens, position, limit);
    if (
      joiner === '-' &&
      text &&
      tokens[position + 1] &&
      (isPlainWord(tokens[position + 1]) || readSpellUnit(tokens, position + 1, limit, { pairs: false }))
    ) {
      text += '-';
      position++;
      continue;
    }
    break;
  }
  return text ? { text, end: position } : undefined;
}

interface Domain {
  text: string;
  end: number;
  labels: number;
}

function parseDomain(tokens: readonly Token[], i: number, limit: number): Domain | undefined {
  const token = tokens[i];
  if (token?.type === 'written' && token.written?.kind === 'url' && !token.text.includes('/'))
    return { text: token.lower, end: i + 1, labels: 2 };
  const first = parseLabel(tokens, i, limit, true);
  if (!first) return undefined;
  let text = first.text;
  let position = first.end;
  let labels = 1;
  while (isDot(tokens, position, limit)) {
    const next = tokens[position + 1];
    // "gmail dot com.", "gmail.com": a written TLD chunk after the dot.
    const label = parseLabel(tokens, position + 1, limit, false);
    if (!label) {
      if (next?.type === 'written' && next.written?.kind === 'url') {
        text += `.${next.lower}`;
        position += 2;
        labels++;
      }
      break;
    }
    text += `.${label.text}`;
    position = label.end;
    labels++;
  }
  return labels >= 2 ? { text, end: position, labels } : undefined;
}

type PieceType = 'spelled' | 'word';

/**
 * Where the local part starts, scanning back from "at": spelled runs, words and joiners. Two words
 * without a joiner do not belong together ("email is john"), nor does a word before a spelled letter.
 */
function localStart(tokens: readonly Token[], at: number, floor: number): number | undefined {
  let q = at - 1;
  let start: number | undefined;
  let right: PieceType | undefined;
  let rightStartsWithDigit = false;
  let joined = false;
  while (q >= floor) {
    if (joinerAt(tokens, q, at) !== undefined || isDot(tokens, q, at)) {
      if (start === undefined || joined) break;
      joined = true;
      q--;
      continue;
    }
    const token = tokens[q]!;
    const asInStart = wordAt(tokens, q - 1, at) === 'in' ? asInAt(tokens, q, floor, at) : undefined;
    const unitStart =
      asInStart ??
      (isSpellToken(tokens, q, at) ? (wordAt(tokens, q, at) === 'ray' && wordAt(tokens, q - 1, at) === 'x' ? q - 1 : q) : undefined);
    if (unitStart !== undefined && unitStart >= floor) {
      if (right === 'word' && !joined && !isSpellLetter(tokens, unitStart, at)) break;
      // Scanning leftwards, the unit just read is the piece's first: a word may precede it only if it is a digit ("john two three").
      rightStartsWithDigit = !isSpellLetter(tokens, unitStart, at);
      right = 'spelled';
      start = unitStart;
      joined = false;
      q = unitStart - 1;
      continue;
    }
    const plain =
      (token.type === 'word' && isPlainWord(token)) ||
      (token.type === 'written' &&
        (token.written?.kind === 'alnum' || token.written?.kind === 'digits' || token.written?.kind === 'cardinal'));
    if (plain && !isNotAddressWord(token.lower)) {
      if (right === 'word' && !joined) break;
      if (right === 'spelled' && !joined && !rightStartsWithDigit) break;
      right = 'word';
      start = q;
      joined = false;
      q--;
      continue;
    }
    break;
  }
  return start;
}

function isSpellToken(tokens: readonly Token[], q: number, limit: number): boolean {
  const word = wordAt(tokens, q, limit);
  if (word === undefined) return false;
  if (word === 'ray' && wordAt(tokens, q - 1, limit) === 'x') return true;
  if (word === 'double' || word === 'triple') return false;
  if (word === 'oh')
    return isOh(word) && (unitValue(wordAt(tokens, q - 1, limit)) !== undefined || unitValue(wordAt(tokens, q + 1, limit)) !== undefined);
  // A unit of one token, or the tens word of a pair ("seventy seven").
  return readSpellUnit(tokens, q, limit, { pairs: true }) !== undefined;
}

function isSpellLetter(tokens: readonly Token[], q: number, limit: number): boolean {
  const unit = readSpellUnit(tokens, q, limit, { pairs: true });
  return unit?.kind === 'letter';
}

/** "b as in bravo" ending at `q` (the example word): returns the letter's index. */
function asInAt(tokens: readonly Token[], q: number, floor: number, limit: number): number | undefined {
  const letterAt = q - 3;
  if (letterAt < floor) return undefined;
  const unit = readSpellUnit(tokens, letterAt, limit, { pairs: false });
  return unit?.asIn && unit.end === q + 1 ? letterAt : undefined;
}

/** The local part's written form, read forward from its start. */
function localText(tokens: readonly Token[], from: number, at: number): string {
  let text = '';
  let position = from;
  let lastDigit = false;
  while (position < at) {
    const token = tokens[position]!;
    const joiner = joinerAt(tokens, position, at);
    if (joiner !== undefined) {
      text += joiner;
      position++;
      continue;
    }
    if (isDot(tokens, position, at)) {
      text += '.';
      position++;
      continue;
    }
    if (token.type === 'word') {
      const unit = readSpellUnit(tokens, position, at, { pairs: true });
      if (
        unit &&
        !(token.lower === 'o' && !lastDigit) &&
        !(token.lower === 'oh' && !lastDigit && unitValue(wordAt(tokens, position + 1, at)) === undefined)
      ) {
        text += unit.chars;
        lastDigit = unit.kind === 'digit';
        position = unit.end;
        continue;
      }
      if (token.lower === 'o') {
        text += lastDigit && unitValue(wordAt(tokens, position + 1, at)) !== undefined ? '0' : 'o';
        position++;
        continue;
      }
    }
    text += token.lower;
    lastDigit = false;
    position++;
  }
  return text;
}

export function findEmails(tokens: readonly Token[]): Tag[] {
  const tags: Tag[] = [];
  const n = tokens.length;
  let floor = 0;
  let lastAt = -1;
  for (let k = 0; k < n; k++) {
    if (wordAt(tokens, k, n) !== 'at' || k < floor) continue;
    const previousAt = lastAt;
    lastAt = k;
    // The domain stops at the next "at" (an "at" is never a label), so each token is scanned once.
    const domain = parseDomain(tokens, k + 1, n);
    if (!domain) continue;
    const start = localStart(tokens, k, Math.max(floor, previousAt + 1));
    if (start === undefined) continue;
    const text = `${localText(tokens, start, k)}@${domain.text}`;
    tags.push({ kind: 'email', value: text, text, first: start, end: domain.end });
    floor = domain.end;
    k = domain.end - 1;
  }
  return tags;
}

/** "w w w dot example dot com slash help", "example dot co dot uk": found at each "dot" not inside an email. */
export function findUrls(tokens: readonly Token[], emails: readonly Tag[]): Tag[] {
  const tags: Tag[] = [];
  const n = tokens.length;
  let floor = 0;
  let emailIndex = 0;
  for (let k = 1; k < n; k++) {
    while (emailIndex < emails.length && emails[emailIndex]!.end <= k) {
      floor = Math.max(floor, emails[emailIndex]!.end);
      emailIndex++;
    }
    const email = emails[emailIndex];
    if (email && k >= email.first) continue;
    if (wordAt(tokens, k, n) !== 'dot' || k <= floor) continue;
    const limit = email ? email.first : n;
    const hostStart = labelStartBefore(tokens, k, floor);
    if (hostStart === undefined) continue;
    const url = parseUrlFrom(tokens, hostStart, limit);
    if (typeof url === 'number') {
      // Every later "dot" of this chain reaches the same last label, which was not a TLD.
      k = Math.max(k, url - 1);
      continue;
    }
    const scheme = schemeBefore(tokens, hostStart, floor);
    if (scheme) {
      url.first = scheme.first;
      url.text = `${scheme.text}${url.text}`;
      url.value = url.text;
    }
    tags.push(url);
    floor = url.end;
    k = url.end - 1;
  }
  return tags;
}

/** The first token of the host label just before a "dot": one word, or a run of spelled letters ("w w w"). */
function labelStartBefore(tokens: readonly Token[], dot: number, floor: number): number | undefined {
  const before = tokens[dot - 1];
  if (!before || dot - 1 < floor) return undefined;
  if (before.type === 'word' && before.lower.length === 1 && readSpellUnit(tokens, dot - 1, dot, { pairs: false })?.kind === 'letter') {
    let q = dot - 1;
    while (
      q - 1 >= floor &&
      wordAt(tokens, q - 1, dot)?.length === 1 &&
      readSpellUnit(tokens, q - 1, dot, { pairs: false })?.kind === 'letter'
    )
      q--;
    return q;
  }
  if (isPlainWord(before) && !NOT_DOMAIN_WORDS.has(before.lower) && !isNotAddressWord(before.lower)) return dot - 1;
  return undefined;
}

/** The URL from its host, or the token where the label chain ended when it is not one. */
function parseUrlFrom(tokens: readonly Token[], hostStart: number, limit: number): Tag | number {
  const labels: string[] = [];
  let position = hostStart;
  const first = parseLabel(tokens, position, limit, false);
  if (!first) return hostStart + 1;
  labels.push(first.text);
  position = first.end;
  while (isDot(tokens, position, limit)) {
    const label = parseLabel(tokens, position + 1, limit, false);
    if (!label) break;
    labels.push(label.text);
    position = label.end;
  }
  if (labels.length < 2 || !isUrlTld(labels[labels.length - 1]!)) return position;
  let text = labels.join('.');
  // A path: "slash help", "slash order status" takes one word per slash.
  while ((wordAt(tokens, position, limit) === 'slash' || punctAt(tokens, position, limit) === '/') && position + 1 < limit) {
    const segment = parseLabel(tokens, position + 1, limit, false);
    if (!segment) break;
    text += `/${segment.text}`;
    position = segment.end;
  }
  return { kind: 'url', value: text, text, first: hostStart, end: position };
}

/** "h t t p s colon slash slash" or "https colon slash slash" just before the host. */
function schemeBefore(tokens: readonly Token[], hostStart: number, floor: number): { first: number; text: string } | undefined {
  const limit = hostStart;
  if (
    wordAt(tokens, hostStart - 1, limit) !== 'slash' ||
    wordAt(tokens, hostStart - 2, limit) !== 'slash' ||
    wordAt(tokens, hostStart - 3, limit) !== 'colon'
  )
    return undefined;
  let q = hostStart - 4;
  const word = q >= floor ? wordAt(tokens, q, limit) : undefined;
  if (word === 'http' || word === 'https') return { first: q, text: `${word}://` };
  let letters = '';
  while (q >= floor && q >= hostStart - 9 && wordAt(tokens, q, limit)?.length === 1) {
    letters = wordAt(tokens, q, limit)! + letters;
    if (letters === 'http' || letters === 'https') return { first: q, text: `${letters}://` };
    q--;
  }
  return undefined;
}
