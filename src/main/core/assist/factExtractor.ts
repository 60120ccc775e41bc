/**
 * Finds the facts stated in one transcript turn, normalised like package facts. The patterns follow
 * how people say each kind of value on the phone (digits in groups or as words, spelled emails,
 * letter-by-letter IDs), helped by what the agent just asked for. Later mentions in a turn win, so a
 * self-correction ("4417, no sorry, 4471") keeps the corrected value.
 */
import { normaliseFactValue, type FactName } from '../../../shared/facts';
import type { Speaker } from '../../../shared/callScenario';
import { extractDate, type DateReference } from './dateExtractor';
import { digitRuns, isNumberWord, spokenDigitsToNumerals, wordsToNumber } from './spokenNumbers';

export interface ExtractedFact {
  name: FactName;
  value: string;
  /** Where in the turn it was said, to order several mentions. */
  at: number;
}

export interface TurnContext {
  speaker: Speaker;
  /** Facts the agent's previous question asked for. */
  expected: FactName[];
  /** What pins dates said without a year or relatively; without it such dates are left out. */
  dates: DateReference;
  /** Product catalogue (brand + type), lower case. */
  products: readonly string[];
}

export const DEFAULT_PRODUCTS = ['calvin klein', 'tommy hilfiger', 'michael kors', 'guess'].flatMap((brand) =>
  ['boots', 'jacket', 'jeans', 'shirt'].map((type) => `${brand} ${type}`),
);
const MEMBERSHIP_LEVELS = ['guest', 'bronze', 'silver', 'gold'];
const PAYMENT_METHODS: Array<[string, RegExp]> = [
  ['credit card', /\bcredit ?card\b|\bvisa\b|\bmastercard\b|\bamex\b|\bamerican express\b/i],
  ['debit card', /\bdebit ?card\b/i],
  ['paypal', /\bpay ?pal\b/i],
];
const STREET_TYPES = 'Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Terrace|Court|Ct|Way|Boulevard|Blvd|Place|Pl|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Trail|Loop|Square|Row|Crescent|Close|Alley';
const NUMBER_WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)';

export function extractFacts(text: string, context: TurnContext): ExtractedFact[] {
  const facts: ExtractedFact[] = [];
  const add = (name: FactName, value: string | undefined, at: number) => {
    if (value) facts.push({ name, value: normaliseFactValue(name, value), at });
  };
  const emails = findEmails(text);
  emails.forEach((email) => add('email', email.value, email.at));
  findStreetAddresses(text).forEach((street) => add('street_address', street.value, street.at));
  findNumbers(text, context, emails.length > 0).forEach((fact) => add(fact.name, fact.value, fact.at));
  findAmounts(text).forEach((amount) => add('amount', amount.value, amount.at));
  findPairPrices(text).forEach((amount) => add('amount', amount.value, amount.at));
  findAccountIds(text).forEach((id) => add('account_id', id.value, id.at));
  const username = findUsername(text, context);
  if (username) add('username', username.value, username.at);
  const level = findMembership(text, context);
  if (level) add('membership_level', level.value, level.at);
  for (const [method, pattern] of PAYMENT_METHODS) {
    const match = pattern.exec(text);
    if (match && !/\bgift card\b/i.test(text.slice(Math.max(0, match.index - 5), match.index + 12))) add('payment_method', method, match.index);
  }
  const lower = text.toLowerCase();
  for (const product of context.products) {
    const index = lower.indexOf(product);
    if (index >= 0) add('product', product, index);
  }
  const name = findCustomerName(text, context);
  if (name) add('customer_name', name.value, name.at);
  const date = extractDate(text, context.dates);
  if (date) add('date', date.value, date.at);
  return facts.sort((a, b) => a.at - b.at);
}

/** Latest mention of each fact name in the turn (self-corrections win). */
export function latestByName(facts: ExtractedFact[]): Map<FactName, ExtractedFact> {
  const latest = new Map<FactName, ExtractedFact>();
  for (const fact of facts) latest.set(fact.name, fact);
  return latest;
}

// Words that end the local part of a spoken email when reading backwards from "at".
const EMAIL_STOP_WORDS = new Set(
  "is it's its was email email's e-mail mail address to at have has i i'm me my the your send sent it and or yeah yes sure okay ok um uh on under use using that's thats so as of from for with".split(' '),
);

function findEmails(text: string): Array<{ value: string; at: number }> {
  const found: Array<{ value: string; at: number }> = [];
  for (const match of text.matchAll(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g)) found.push({ value: match[0], at: match.index });
  if (found.length) return found;
  const numerals = spokenDigitsToNumerals(resolveSpelling(text));
  for (const match of numerals.matchAll(/\s+at\s+([a-z0-9-]+(?:\s+dot\s+[a-z0-9-]+)+)/gi)) {
    const tokens = numerals.slice(0, match.index).split(/\s+/);
    const local: string[] = [];
    for (let i = tokens.length - 1; i >= 0 && local.length < 8; i--) {
      const raw = tokens[i]!;
      const token = raw.replace(/[,;:!?"]/g, '');
      // "I," before a spelling is the letter i; a bare "I" is the speaker.
      const letterI = token === 'I' && /,$/.test(raw);
      if (!token || (!letterI && (EMAIL_STOP_WORDS.has(token.toLowerCase()) || token === 'I')) || /[.]$/.test(raw)) break;
      local.unshift(token);
    }
    const localPart = local
      .join(' ')
      .replace(/\s*\b(?:dot|period)\b\s*/gi, '.')
      .replace(/\s*\bunderscore\b\s*/gi, '_')
      .replace(/\s*\b(?:dash|hyphen)\b\s*/gi, '-')
      .replace(/\s+/g, '')
      .toLowerCase();
    const domain = match[1]!.replace(/\s+dot\s+/gi, '.').toLowerCase();
    if (/^[a-z0-9][a-z0-9._+-]*$/.test(localPart)) found.push({ value: `${localPart}@${domain}`, at: match.index });
  }
  return found;
}

/** "Word" or "word": street names are capitalised, the words around them need not be. */
function eitherCase(words: string): string {
  return words
    .split('|')
    .map((word) => `[${word[0]!.toUpperCase()}${word[0]!.toLowerCase()}]${word.slice(1)}`)
    .join('|');
}

const HOUSE_NUMBER = `\\d{1,6}|(?:${eitherCase(NUMBER_WORD.slice(3, -1))})(?:[\\s-]+(?:${eitherCase(NUMBER_WORD.slice(3, -1))}))*`;
const STREET = new RegExp(`\\b(${HOUSE_NUMBER})\\s+((?:[A-Z][a-z]+\\s+){1,4}(?:${eitherCase(STREET_TYPES)}))\\b`, 'g');

/**
 * Spelled letters in an email: after a word they confirm it ("rasmus dot eklund, that's E-K-L-U-N-D,"),
 * so they are dropped; on their own they are the address ("I, A-C-H-T-E-R-B-E-R-G, at email dot com").
 */
function resolveSpelling(text: string): string {
  return text.replace(/(,?\s*)((?:that's|that is|spelled|spelt)\s+)?\b((?:[A-Za-z]-){2,}[A-Za-z])\b,?/g, (_whole, lead: string, cue: string | undefined, group: string, offset: number) => {
    if (cue) return ' ';
    const before = text.slice(0, offset).trim().split(/\s+/).at(-1) ?? '';
    const word = before.replace(/[,;:.!?"]/g, '');
    const confirmsWord = word.length > 1 && !EMAIL_STOP_WORDS.has(word.toLowerCase()) && !/^(?:no|an?|with|it's)$/i.test(word);
    return confirmsWord ? ' ' : `${lead.includes(',') ? ',' : ''} ${group.replace(/-/g, '')} `;
  });
}

function findStreetAddresses(text: string): Array<{ value: string; at: number }> {
  const found: Array<{ value: string; at: number }> = [];
  for (const match of text.matchAll(STREET)) {
    const number = /^\d+$/.test(match[1]!) ? match[1]! : wordsToNumber(match[1]!);
    if (number === undefined) continue;
    const street = match[2]!.replace(/\s+/g, ' ');
    found.push({ value: `${number} ${street.charAt(0).toUpperCase()}${street.slice(1)}`, at: match.index });
  }
  return found;
}

const ORDER_CUE = /\border\b|\bpurchase\b|\bconfirmation\b|\btracking\b/i;
const PHONE_CUE = /\bphone\b|\bcalling from\b|\b(?:new|old) number\b|\b(?:this|that|my|the|best|same|contact|callback) number\b|\bnumber to reach\b|\bcall(?:back| me| you)\b|\bcell\b|\bmobile\b|\breach (?:me|you)\b|\btext (?:me|you)\b|\bthe one i'?m on\b/i;
/** (312) 555-0148, 504-555-0113, 503.555.0186: written the way phone numbers are, not order numbers. */
const PHONE_SHAPE = /^(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}$/;

function findNumbers(text: string, context: TurnContext, hasEmail: boolean): Array<{ name: FactName; value: string; at: number }> {
  const found: Array<{ name: FactName; value: string; at: number }> = [];
  const { runs, numerals } = digitRuns(text);
  // Cues are read in the words as said ("the one I'm on") as well as near the number.
  const phoneInTurn = PHONE_CUE.test(text);
  const zipInTurn = /\bzip|\bpostal|\bpostcode/i.test(text);
  for (const run of runs) {
    const before = numerals.slice(Math.max(0, run.start - 40), run.start);
    const around = numerals.slice(Math.max(0, run.start - 40), run.end + 20);
    const isMoney = /[$€£]\s*$/.test(before) || /^\s*(?:dollars|bucks|usd)\b/i.test(numerals.slice(run.end, run.end + 10));
    if (isMoney) continue;
    if (run.digits.length === 10 || (run.digits.length === 11 && run.digits.startsWith('1'))) {
      const written = numerals.slice(run.start, run.end);
      const orderNear = ORDER_CUE.test(around) || context.expected.includes('order_id');
      const phoneShaped = /[-().]/.test(written) && PHONE_SHAPE.test(written);
      const phone =
        phoneShaped || run.digits.length === 11 || PHONE_CUE.test(around) || context.expected.includes('phone') || (phoneInTurn && !orderNear);
      if (phone && !ORDER_CUE.test(before.slice(-20))) found.push({ name: 'phone', value: run.digits, at: run.start });
      else if (orderNear || !hasEmail) found.push({ name: 'order_id', value: run.digits, at: run.start });
    } else if (run.digits.length === 5) {
      const zipContext = zipInTurn || context.expected.includes('zip_code') || /[A-Za-z]+,\s*$/.test(before);
      if (zipContext) found.push({ name: 'zip_code', value: run.digits, at: run.start });
    } else if (run.digits.length >= 8 && run.digits.length <= 12 && (ORDER_CUE.test(around) || context.expected.includes('order_id'))) {
      found.push({ name: 'order_id', value: run.digits, at: run.start });
    }
  }
  return found;
}

const TENS_OR_TEENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const AMOUNT_WORDS = `(?:a |an )?${NUMBER_WORD}(?:[\\s-]+(?:and\\s+)?${NUMBER_WORD})*`;

function findAmounts(text: string): Array<{ value: string; at: number }> {
  const found: Array<{ value: string; at: number }> = [];
  for (const match of text.matchAll(/([$€£])\s?(\d[\d,]*(?:\.\d{1,2})?)\b|\b(\d[\d,]*(?:\.\d{1,2})?)\s*(dollars?|bucks|usd|euros?|pounds?)\b/gi)) {
    const currency = match[1] ?? match[4]!;
    const value = (match[2] ?? match[3]!).replace(/,/g, '');
    found.push({ value: `${Number(value).toFixed(2)} ${currencyCode(currency)}`, at: match.index });
  }
  const words = new RegExp(`\\b(${AMOUNT_WORDS})[\\s-]+(dollars?|bucks|euros?|pounds?)(?:\\s+and\\s+(${AMOUNT_WORDS})\\s+cents?)?`, 'gi');
  for (const match of text.matchAll(words)) {
    const whole = wordsToNumber(match[1]!.replace(/^an? /i, 'a '));
    if (whole === undefined) continue;
    const cents = match[3] ? wordsToNumber(match[3]) ?? 0 : 0;
    found.push({ value: `${(whole + cents / 100).toFixed(2)} ${currencyCode(match[2]!)}`, at: match.index });
  }
  return found;
}

const PAIR_PRICE = new RegExp(
  `\\b(?:was|were|is|it's|cost|costs|priced at|price is|charged|paid|pay|outstanding is|owed|owe|due is|balance is|total is|came to|comes to)\\s+(?:the\\s+|a\\s+|only\\s+|just\\s+|about\\s+)?` +
    `((?:${TENS_OR_TEENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)[\\s-]+((?:${TENS_OR_TEENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|oh[\\s-](?:one|two|three|four|five|six|seven|eight|nine))\\b(?!\\s*(?:dollars?|bucks|cents|percent|days|weeks|months|years|minutes|hours))`,
  'gi',
);

/** "It was seventy-four fifty": dollars and cents said as two pairs after a price word. */
function findPairPrices(text: string): Array<{ value: string; at: number }> {
  const found: Array<{ value: string; at: number }> = [];
  for (const match of text.matchAll(PAIR_PRICE)) {
    const dollars = wordsToNumber(match[1]!);
    const cents = wordsToNumber(match[2]!.replace(/^oh[\s-]/i, ''));
    if (dollars === undefined || cents === undefined || cents > 99) continue;
    found.push({ value: `${(dollars + cents / 100).toFixed(2)} USD`, at: match.index });
  }
  return found;
}

function currencyCode(word: string): string {
  const w = word.toLowerCase();
  if (w === '€' || w.startsWith('euro')) return 'EUR';
  if (w === '£' || w.startsWith('pound')) return 'GBP';
  return 'USD';
}

/** Account IDs are mixed letters and digits, said letter by letter ("L M 3 X W 7 Q R 5 B") or written whole. */
function findAccountIds(text: string): Array<{ value: string; at: number }> {
  const found: Array<{ value: string; at: number }> = [];
  const numerals = spokenDigitsToNumerals(text);
  for (const match of numerals.matchAll(/\b(?:[A-Za-z0-9][\s,-]+){5,15}[A-Za-z0-9]\b/g)) {
    const chars = match[0].replace(/[\s,-]+/g, '');
    // Letters and digits mixed through the ID; a spelled name followed by digits (M-A-H-L-A-N-G-U 8 4) is a username.
    const interleaved = /\d.*[A-Za-z]/.test(chars) && /[A-Za-z].*\d/.test(chars);
    if (interleaved && /(?:[A-Za-z].*){2}/.test(chars) && /(?:\d.*){2}/.test(chars) && match[0].split(/[\s,-]+/).every((part) => part.length === 1)) {
      found.push({ value: chars.toUpperCase(), at: match.index });
    }
  }
  for (const match of text.matchAll(/\b(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{8,12}\b/g)) found.push({ value: match[0], at: match.index });
  return found;
}

const NOT_AN_ANSWER = /^(?:no|nope|not sure|i don't|i do not|i never|i have no|no idea|dunno|i can't|i forget|i forgot)\b/i;

function findUsername(text: string, context: TurnContext): { value: string; at: number } | undefined {
  const cued = /\buser ?name(?:'s|\s+is|:)\s+(?:the letter\s+)?([^.,;!?]+)/i.exec(text);
  if (cued) return handleFrom(cued[1]!, cued.index, true);
  if (!context.expected.includes('username')) return undefined;
  // An answer may correct itself ("t renner underscore 88. No, sorry, no underscore. T renner 88."): the last handle wins.
  let last: { value: string; at: number } | undefined;
  let offset = 0;
  for (const sentence of text.split(/(?<=[.!?])\s+/)) {
    const at = text.indexOf(sentence, offset);
    offset = at + sentence.length;
    if (NOT_AN_ANSWER.test(sentence.trim()) || /^that's\b/i.test(sentence.trim())) continue;
    const body = /^(?:(?:it's|it is|sure|yeah|yes|uh|um|okay|so)[,\s]+)*([^,;!?]+?)\.?$/i.exec(sentence.trim());
    const handle = body ? handleFrom(body[1]!, at, false) : undefined;
    if (handle) last = handle;
  }
  return last;
}

function handleFrom(phrase: string, at: number, cued: boolean): { value: string; at: number } | undefined {
  const tokens = handleTokens(phrase);
  if (tokens.length === 0 || tokens.length > 5) return undefined;
  const value = tokens.join('').toLowerCase().replace(/[^a-z0-9._-]/g, '');
  // A bare answer must look like a handle (digits or several spelled pieces), not a word like "huh".
  const looksLikeHandle = cued || /\d/.test(value) || tokens.length > 1;
  return looksLikeHandle && value.length >= 3 && /[a-z]/.test(value) ? { value, at } : undefined;
}

function digitsAsSaid(words: string[]): string | undefined {
  const digits = spokenDigitsToNumerals(words.join(' ')).replace(/\s+/g, '');
  return /^\d+$/.test(digits) ? digits : undefined;
}

/** "p mahlangu eighty-four" → ["p", "mahlangu", "84"]; filler words dropped. */
function handleTokens(phrase: string): string[] {
  const tokens: string[] = [];
  let numberWords: string[] = [];
  const flush = () => {
    // "zero seven" keeps its leading zero: digits said one by one are written as said.
    if (numberWords.length) tokens.push(digitsAsSaid(numberWords) ?? String(wordsToNumber(numberWords.join(' ')) ?? numberWords.join('')));
    numberWords = [];
  };
  for (const token of phrase.trim().split(/\s+/)) {
    if (/^(?:the|letter|then|number|and)$/i.test(token)) continue;
    if (/^underscore$/i.test(token)) {
      flush();
      tokens.push('_');
      continue;
    }
    if (token.split('-').every((part) => isNumberWord(part) && part.toLowerCase() !== 'a')) numberWords.push(token);
    else {
      flush();
      tokens.push(token);
    }
  }
  flush();
  return tokens;
}

/**
 * Membership is the customer's own ("I'm silver", "my gold membership") or said to them ("you're a
 * gold member"); policy talk ("silver members can return…") and negated or past levels do not count.
 */
function findMembership(text: string, context: TurnContext): { value: string; at: number } | undefined {
  const lower = text.toLowerCase();
  let best: { value: string; at: number } | undefined;
  for (const level of MEMBERSHIP_LEVELS) {
    for (const match of lower.matchAll(new RegExp(`\\b${level}\\b`, 'g'))) {
      const before = lower.slice(Math.max(0, match.index - 80), match.index);
      const after = lower.slice(match.index + level.length, match.index + level.length + 30);
      if (/\b(?:not|no longer|wasn't|isn't|never)\s+(?:a\s+|an\s+)?$/.test(before) || /^\s*,?\s*no\b/.test(after) || /^[^.]*\buntil\b/.test(after) || /\bwas\s+$/.test(before)) continue;
      const own = context.speaker === 'customer' && /\b(?:i'm|i am|i'm,? uh,?|i think i'm|i'm a|i'm an|my|we're|i have|i've got|i think)\b[^.?!]*$/.test(before);
      const ownAnswer =
        context.speaker === 'customer' && ((context.expected.includes('membership_level') && match.index < 40) || /^\W*(?:\w+\W+)?$/.test(before));
      const toThem = context.speaker === 'agent' && /\b(?:you're|you are|your account is|your account's|i have you (?:down )?as|you're now|your)\b[^.?!]*$/.test(before) && !/\bcan\b|\bmembers\b/.test(after.slice(0, 12));
      if (own || ownAnswer || toThem) {
        if (!best || match.index >= best.at) best = { value: level, at: match.index };
      }
    }
  }
  return best;
}

const NAME_WORD = "[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?";
/** Capitalised pairs that are not people: brands, days, months, greetings. */
const NOT_A_NAME = /^(?:Calvin Klein|Tommy Hilfiger|Michael Kors|Guess)\b|\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Hello|Hi|Thanks|Thank|Sorry|Okay|Yes|Yeah|Good|Great|Customer|Care)\b/;

function findCustomerName(text: string, context: TurnContext): { value: string; at: number } | undefined {
  if (context.speaker !== 'customer') return undefined;
  const intro = new RegExp(`\\b(?:[Mm]y name is|[Mm]y name's|[Tt]his is|[Nn]ame is|[Ii]t's|I'm|I am)\\s+(${NAME_WORD}(?:\\s+${NAME_WORD}){1,2})\\b`).exec(text);
  if (intro && !NOT_A_NAME.test(intro[1]!)) return { value: intro[1]!, at: intro.index };
  if (context.expected.includes('customer_name')) {
    const bare = new RegExp(`^(?:(?:yes|yeah|hi|hello|sure|um|uh)[,.]?\\s+)*(?:it's\\s+)?(${NAME_WORD}(?:\\s+${NAME_WORD}){1,2})\\b`).exec(text.trim());
    if (bare && !NOT_A_NAME.test(bare[1]!)) return { value: bare[1]!, at: 0 };
  }
  return undefined;
}
