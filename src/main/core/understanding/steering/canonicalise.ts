/**
 * One canonical spelling of a text before the steering rules and classifier read it, so that
 * "I.G.N.O.R.E", "i g n o r e", "1gn0r3", "ｉｇｎｏｒｅ", Cyrillic look-alikes and words cut by
 * zero-width or tag characters all read as "ignore". Every step is a single pass (linear time).
 */

// Format characters (zero-width space/joiners, bidi marks, soft hyphen, BOM, the tag block
// U+E0000–E007F, \p{Cf} covers them) and Hangul fillers: invisible, so they carry nothing a listener
// hears. Variation selectors and the grapheme joiner are combining marks, removed with the accents.
const INVISIBLES = /[\p{Cf}\u115F\u1160\u180E\u3164\uFFA0]/gu;
const NOT_PLAIN_ASCII = /[^\t\n\r\x20-\x7E]/;
const COMBINING_MARKS = /\p{Mn}+/gu;

// Letters that look Latin but are not (after lower-casing); NFKC leaves them alone.
const HOMOGLYPHS: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  г: 'r',
  һ: 'h',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  п: 'n',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  ɑ: 'a',
  ı: 'i',
  ȷ: 'j',
  α: 'a',
  β: 'b',
  γ: 'y',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
  ς: 's',
  ϲ: 'c',
  ℓ: 'l',
};
const UPPER_HOMOGLYPHS: Record<string, string> = {
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  А: 'A',
  В: 'B',
  Е: 'E',
  К: 'K',
  М: 'M',
  Н: 'H',
  О: 'O',
  Р: 'P',
  С: 'C',
  Т: 'T',
  У: 'Y',
  Х: 'X',
  Ѕ: 'S',
  І: 'I',
  Ј: 'J',
};
const UPPER_HOMOGLYPH_PATTERN = new RegExp(`[${Object.keys(UPPER_HOMOGLYPHS).join('')}]`, 'gu');
const HOMOGLYPH_PATTERN = new RegExp(`[${Object.keys(HOMOGLYPHS).join('')}]`, 'gu');

const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
};
// A token that mixes letters with leet digits/symbols ("1gn0r3", "pr0mpt", "@dmin", "$ystem").
const LEET_TOKEN = /(?<![\p{L}0-9@$!|])(?=[\p{L}0-9@$!|]*[0-9@$!|])[\p{L}0-9@$!|]+/gu;
// Amounts, times, ordinals, sizes and codes keep their digits.
const KEEP_DIGITS = /^(?:\d+(?:st|nd|rd|th|am|pm|s|k|m|g|gb|mb|kg|lb|lbs|x|h|hr|hrs|min|mins|d|yr|yrs)|.*\d{3,}.*)$/;

// Single letters split by spaces ("i g n o r e") or by punctuation ("i-g-n-o-r-e", "I.G.N.O.R.E").
// One separator throughout the run, so "p-o-l-i-c-y a-s-s-i-s-t-a-n-t" stays two words.
const SPACED_LETTERS = /(?<![\p{L}\p{N}])\p{L}( |[ ]?[-._*·•|~+:,/][ ]?)\p{L}(?:\1\p{L}){1,}(?![\p{L}\p{N}])/gu;
const SPACED_AI = /(?<![\p{L}\p{N}])a[ .]i(?![\p{L}\p{N}])\.?/gu;
const DOTTED_PAIR = /(?<![\p{L}\p{N}])(\p{L})[.](\p{L})[.]?(?![\p{L}\p{N}])/gu;
// Punctuation inside a word ("ig.nore", "sys_tem", "in*struc*tions").
const INNER_PUNCTUATION = /(\p{L})[._*·•|~]+(?=\p{L})/gu;
const HYPHEN_INSIDE = /(\p{L})-(?=\p{L})/gu;

export interface CanonicalText {
  /** Lower-case, NFKC, invisibles removed, look-alikes and leetspeak undone, split words joined. */
  text: string;
  /** Only the letters of `text`, for stems hidden by extra spaces ("ig nore your in struc tions"). */
  squashed: string;
}

/** A run that could be base64: 16 or more of its characters, padded or not, standing alone. */
const BASE64_RUN = /(?<![A-Za-z0-9+/=])(?=[A-Za-z0-9+/]*[0-9+/A-Z])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])/g;

/**
 * Text hidden as base64 is read as what it says: a run that decodes to words (printable ASCII with
 * spaces, mostly letters) is followed by its decoding, as a sentence of its own. Ids and keys decode
 * to bytes that are not words, and stay as they were.
 */
function withDecodedBase64(text: string): string {
  return text.replace(BASE64_RUN, (run) => {
    if (run.replace(/=+$/, '').length % 4 === 1) return run;
    let decoded: string;
    try {
      decoded = atob(run.length % 4 === 0 ? run : run + '='.repeat(4 - (run.length % 4)));
    } catch {
      return run;
    }
    if (!/^[\x20-\x7E]+$/.test(decoded) || !decoded.includes(' ')) return run;
    const letters = decoded.replace(/[^A-Za-z ]/g, '').length;
    return letters >= 0.85 * decoded.length ? `${run}. ${decoded}.` : run;
  });
}

export function canonicalise(input: string): CanonicalText {
  let text = withDecodedBase64(input);
  // Plain ASCII has nothing to normalise, hide or disguise: skip the Unicode passes.
  if (NOT_PLAIN_ASCII.test(text)) {
    text = text.normalize('NFKC').replace(INVISIBLES, '');
    // Accents are stripped after a decomposition so "ïgnörë" and "ignore" meet.
    text = text.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
    // Capitals first: Greek Ν and Η read as N and H, though their small letters look like v and n.
    text = text.replace(UPPER_HOMOGLYPH_PATTERN, (ch) => UPPER_HOMOGLYPHS[ch] ?? ch);
    text = text.toLowerCase().replace(HOMOGLYPH_PATTERN, (ch) => HOMOGLYPHS[ch] ?? ch);
    text = text
      .replace(/[\u2018\u2019\u02BC´]/g, "'")
      .replace(/[\u201C\u201D«»]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-');
  }
  text = text.toLowerCase().replace(/`/g, "'");
  text = text.replace(LEET_TOKEN, undoLeet);
  text = text.replace(SPACED_LETTERS, (run) => run.replace(/[^\p{L}]/gu, ''));
  text = text.replace(DOTTED_PAIR, '$1$2').replace(SPACED_AI, 'ai');
  text = text.replace(INNER_PUNCTUATION, '$1').replace(HYPHEN_INSIDE, '$1');
  // Spoken fillers carry nothing and split phrases ("your, um, administrator").
  text = text.replace(/(?<![\p{L}'])(?:um+|uh+|erm+|uhm+|hmm+|er|ah)(?![\p{L}'])[,.]?/gu, ' ');
  text = text
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  return { text, squashed: text.replace(/[^\p{L}]+/gu, '') };
}

function undoLeet(token: string): string {
  if (!/[0-9@$!|]/.test(token) || !/\p{L}/u.test(token) || KEEP_DIGITS.test(token)) return token;
  const letters = token.replace(/[^\p{L}]/gu, '').length;
  if (letters < 2 || letters < token.length - letters) return token;
  // A trailing "!" is punctuation, not an "i".
  const tail = /[!|]+$/.exec(token)?.[0] ?? '';
  const body = token.slice(0, token.length - tail.length);
  return body.replace(/[0-9@$!|]/g, (ch) => LEET[ch] ?? ch) + tail;
}
