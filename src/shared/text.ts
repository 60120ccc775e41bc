/**
 * Plain-text hygiene for anything that came from outside (the AI's package, a transcript, a file).
 * Values are plain text: markup is shown as written (React escapes it), but control characters and
 * bidirectional overrides are removed because they can disguise what the agent reads.
 */

/**
 * Characters that change or hide what is read without being seen: C0/C1 controls except tab and newline,
 * the soft hyphen, the Arabic letter mark, the Mongolian vowel separator, zero-width characters and word
 * joiners, line/paragraph separators, bidi embeddings, overrides and isolates, the BOM, interlinear
 * annotation marks, Unicode tag characters (U+E0000–E007F, a known way to hide text from a person but not
 * from a language model) and lone surrogates (half a character, no meaning in any text).
 */
const UNSAFE_CHARACTERS =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028\u2029\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB\u{E0000}-\u{E007F}]|\p{Cs}/gu;

/** The sentences of a turn, cut after a full stop, question or exclamation mark ("Yes. Can it send it?"). */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.?!])\s+/);
}

/** Text to match literally inside a regular expression ("c++", "st. john"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function stripUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '');
}

export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE_CHARACTERS.lastIndex = 0;
  const found = UNSAFE_CHARACTERS.test(text);
  UNSAFE_CHARACTERS.lastIndex = 0;
  return found;
}

/**
 * Markup cannot run anywhere we render, but a value that carries tags is worth telling the agent about.
 * Linear: a tag start (`<`, optional `/`, a letter) followed by any later `>` is what `/<\s*\/?\s*[a-z][^>]*>/i`
 * matches, and that regex tried from every `<` of "<a<a<a…" with no `>` is quadratic (seconds on 512 KB).
 */
export function looksLikeMarkup(text: string): boolean {
  const lastClose = text.lastIndexOf('>');
  if (lastClose < 0) return false;
  const start = /<\s*\/?\s*[a-z]/gi;
  const match = start.exec(text);
  return match !== null && match.index + match[0].length <= lastClose;
}

/**
 * Strips tags for values that must be plain data (a fact's value), never for free text shown to the agent.
 * The same result as `text.replace(/<[^>]*>/g, '')`, in one pass: once no `>` is left, nothing after is a tag.
 */
export function stripMarkup(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<', from);
    if (open < 0) break;
    const close = text.indexOf('>', open + 1);
    if (close < 0) break;
    out += text.slice(from, open);
    from = close + 1;
  }
  return (out + text.slice(from)).trim();
}

export function plainValue(text: string): string {
  return stripMarkup(stripUnsafeCharacters(text)).replace(/\s+/g, ' ').trim();
}
