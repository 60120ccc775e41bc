/**
 * Numbers as people say them on the phone: digit by digit ("four four oh", "double five"), as words
 * ("a hundred and twenty", "forty-five"), or in pairs ("twenty-two forty" = 2240, "fourteen ninety-nine").
 */
const DIGIT_WORDS: Record<string, number> = {
  zero: 0, oh: 0, o: 0, nought: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const TEEN_WORDS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
};
const TENS_WORDS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALE_WORDS: Record<string, number> = { hundred: 100, thousand: 1000 };

export function isNumberWord(word: string): boolean {
  const w = word.toLowerCase();
  return w in DIGIT_WORDS || w in TEEN_WORDS || w in TENS_WORDS || w in SCALE_WORDS || w === 'double' || w === 'triple' || w === 'a' || w === 'and';
}

/** Replaces digits said one at a time with numerals ("four four oh" → "4 4 0", "double five" → "5 5"). */
export function spokenDigitsToNumerals(text: string): string {
  return text.replace(/\b(double|triple)\s+(\w+)\b/gi, (whole, multiplier: string, word: string) => {
    const digit = DIGIT_WORDS[word.toLowerCase()] ?? (/^\d$/.test(word) ? Number(word) : undefined);
    if (digit === undefined) return whole;
    return Array(multiplier.toLowerCase() === 'double' ? 2 : 3).fill(String(digit)).join(' ');
  }).replace(/\b(zero|oh|o|nought|one|two|three|four|five|six|seven|eight|nine)\b/gi, (word: string, _m: string, offset: number, whole: string) => {
    // "o" and "oh" are digits only between other digits ("four four oh five"), not as interjections.
    if (/^(o|oh)$/i.test(word) && !nextToDigit(whole, offset, word.length)) return word;
    return String(DIGIT_WORDS[word.toLowerCase()]);
  });
}

function nextToDigit(text: string, offset: number, length: number): boolean {
  const before = text.slice(Math.max(0, offset - 12), offset);
  const after = text.slice(offset + length, offset + length + 12);
  const digitish = /(\d|zero|one|two|three|four|five|six|seven|eight|nine|oh)[\s,.-]*$/i;
  const digitishAfter = /^[\s,.-]*(\d|zero|one|two|three|four|five|six|seven|eight|nine|oh\b)/i;
  return digitish.test(before) || digitishAfter.test(after);
}

/** Parses a run of number words: "a hundred and twenty" → 120, "forty-five" → 45, "twenty-two forty" → 2240. */
export function wordsToNumber(phrase: string): number | undefined {
  const words = phrase.toLowerCase().replace(/-/g, ' ').split(/\s+/).filter((w) => w && w !== 'and');
  if (words.length === 0) return undefined;
  if (words.some((w) => w in SCALE_WORDS)) return scaledNumber(words);
  // "a fifty-dollar credit": the article only counts before a scale word ("a hundred").
  if (words[0] === 'a' || words[0] === 'an') words.shift();
  // Digit by digit ("one four one nine") is read as written.
  if (words.length > 1 && words.every((w) => w in DIGIT_WORDS)) return Number(words.map((w) => DIGIT_WORDS[w]).join(''));
  // Without scale words, speakers group long numbers in pairs: "eleven eighty-seven", "fourteen ninety-nine".
  const chunks = pairChunks(words);
  if (!chunks) return undefined;
  return Number(chunks.map((chunk, i) => (i === 0 ? String(chunk) : String(chunk).padStart(2, '0'))).join(''));
}

function scaledNumber(words: string[]): number | undefined {
  let total = 0;
  let current = 0;
  for (const word of words) {
    if (word === 'a') current = current || 1;
    else if (word in DIGIT_WORDS) current += DIGIT_WORDS[word]!;
    else if (word in TEEN_WORDS) current += TEEN_WORDS[word]!;
    else if (word in TENS_WORDS) current += TENS_WORDS[word]!;
    else if (word === 'hundred') current = (current || 1) * 100;
    else if (word === 'thousand') {
      total += (current || 1) * 1000;
      current = 0;
    } else return undefined;
  }
  return total + current;
}

function pairChunks(words: string[]): number[] | undefined {
  const chunks: number[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (word in TENS_WORDS) {
      const next = words[i + 1];
      const unit = next !== undefined && next in DIGIT_WORDS && DIGIT_WORDS[next]! > 0 && next !== 'oh' && next !== 'o' ? DIGIT_WORDS[next]! : 0;
      if (unit) i++;
      chunks.push(TENS_WORDS[word]! + unit);
    } else if (word in TEEN_WORDS) chunks.push(TEEN_WORDS[word]!);
    else if (word in DIGIT_WORDS) {
      // "eleven oh five" → 11, 05
      const next = words[i + 1];
      if ((word === 'oh' || word === 'o') && next !== undefined && next in DIGIT_WORDS) {
        chunks.push(DIGIT_WORDS[next]!);
        i++;
      } else chunks.push(DIGIT_WORDS[word]!);
    } else return undefined;
  }
  return chunks;
}

const PAIR_WORD = `(?:${[...Object.keys(TENS_WORDS), ...Object.keys(TEEN_WORDS), ...Object.keys(DIGIT_WORDS).filter((w) => w !== 'o')].join('|')})`;
const PAIR_SEQUENCE = new RegExp(`\\b${PAIR_WORD}(?:(?:[\\s,]+|-)${PAIR_WORD})+\\b`, 'gi');

/**
 * Long numbers said in pairs ("twenty ninety-three, seventy-one, eighty-four sixty-five") as digits.
 * Only runs of three or more chunks with at least one two-digit chunk: shorter ones are prices or
 * counts, and all-single-digit runs are read digit by digit elsewhere.
 */
export function spokenPairsToDigits(text: string): string {
  return text.replace(PAIR_SEQUENCE, (run) => {
    const words = run.toLowerCase().replace(/[,-]/g, ' ').split(/\s+/).filter(Boolean);
    if (words.every((w) => w in DIGIT_WORDS)) return run;
    const chunks = pairChunks(words);
    if (!chunks || chunks.length < 3 || chunks.every((chunk) => chunk < 10)) return run;
    return chunks.map((chunk, i) => (i === 0 ? String(chunk) : String(chunk).padStart(2, '0'))).join('');
  });
}

export interface DigitRun {
  digits: string;
  start: number;
  end: number;
}

/**
 * Digit strings in the text, with digits said as words turned into numerals first and groups joined
 * ("6029 184 417" → 6029184417). Positions refer to the numeral text.
 */
export function digitRuns(text: string): { numerals: string; runs: DigitRun[] } {
  // "4619... uh, 208, 537": a hesitation between groups does not end the number.
  const numerals = spokenDigitsToNumerals(spokenPairsToDigits(text)).replace(/(\d)\s*(?:\.\.\.|…)\s*(?:(?:uh|um|er|erm|ah)[,.]?\s*)?(?=\d)/gi, '$1 ');
  const runs: DigitRun[] = [];
  // Commas, spaces and dashes join groups ("four four oh, five five five"); a full stop and a space end the number.
  for (const match of numerals.matchAll(/\(?\d(?:[\d\s(),-]|\.(?!\s))*\d|\d/g)) {
    let raw = match[0];
    raw = raw.replace(/[\s().,-]+$/, '');
    const digits = raw.replace(/\D/g, '');
    if (!digits) continue;
    runs.push({ digits, start: match.index, end: match.index + raw.length });
  }
  return { numerals, runs };
}
