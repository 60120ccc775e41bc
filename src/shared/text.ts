/**
 * Plain-text hygiene for anything that came from outside (the AI's package, a transcript, a file).
 * Values are plain text: markup is shown as written (React escapes it), but control characters and
 * bidirectional overrides are removed because they can disguise what the agent reads.
 */

// C0/C1 controls except tab/newline, plus the bidi embedding/override/isolate marks.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g;

export function stripUnsafeCharacters(text: string): string {
  return text.replace(UNSAFE_CHARACTERS, '');
}

export function hasUnsafeCharacters(text: string): boolean {
  UNSAFE_CHARACTERS.lastIndex = 0;
  const found = UNSAFE_CHARACTERS.test(text);
  UNSAFE_CHARACTERS.lastIndex = 0;
  return found;
}

/** Markup cannot run anywhere we render, but a value that carries tags is worth telling the agent about. */
export function looksLikeMarkup(text: string): boolean {
  return /<\s*\/?\s*[a-z][^>]*>/i.test(text);
}

/** Strips tags for values that must be plain data (a fact's value), never for free text shown to the agent. */
export function stripMarkup(text: string): string {
  return text.replace(/<[^>]*>/g, '').trim();
}

export function plainValue(text: string): string {
  return stripMarkup(stripUnsafeCharacters(text)).replace(/\s+/g, ' ').trim();
}
