/**
 * Money: "twenty five dollars" → $25, "seventy five dollars and sixty three cents" → $75.63,
 * "a buck fifty" → $1.50, "fifty cents" → $0.50, "a hundred forty nine ninety nine dollars" → $149.99.
 */
import { parseNumberRun, runDigits, saidGroups, type NumberRun } from './numberRun';
import { isFiller } from './fillers';
import { wordAt, type Token } from './tokens';
import type { Tag } from './types';

interface CurrencyWord {
  /** ISO code, or undefined for "cents", whose currency is the default one. */
  currency?: string;
  minor: boolean;
  /** "Two grand": the number counts thousands of the default currency. */
  scale?: number;
}

const CURRENCY_WORDS = new Map<string, CurrencyWord>([
  ['dollar', { currency: 'USD', minor: false }],
  ['dollars', { currency: 'USD', minor: false }],
  ['buck', { currency: 'USD', minor: false }],
  ['bucks', { currency: 'USD', minor: false }],
  ['pound', { currency: 'GBP', minor: false }],
  ['pounds', { currency: 'GBP', minor: false }],
  ['quid', { currency: 'GBP', minor: false }],
  ['euro', { currency: 'EUR', minor: false }],
  ['euros', { currency: 'EUR', minor: false }],
  ['yen', { currency: 'JPY', minor: false }],
  ['grand', { minor: false, scale: 1000 }],
  ['cent', { minor: true }],
  ['cents', { minor: true }],
  ['penny', { currency: 'GBP', minor: true }],
  ['pence', { currency: 'GBP', minor: true }],
  ['pennies', { currency: 'GBP', minor: true }],
]);

const SYMBOLS: Record<string, string> = { USD: '$', GBP: '£', EUR: '€', JPY: '¥' };

export interface CurrencyAt extends CurrencyWord {
  /** The ISO code meant where the call is, always known once read (see localCurrency). */
  currency: string;
  end: number;
}

/**
 * A currency word at `i`, its currency read where the call is: "dollars" on an Australian desk are
 * Australian dollars (see localCurrency). "pounds of" is a weight, not money.
 */
export function currencyAt(tokens: readonly Token[], i: number, limit: number, defaultCurrency = 'USD'): CurrencyAt | undefined {
  const word = wordAt(tokens, i, limit);
  // "fifty us dollars" on a Canadian desk: the country said names the currency.
  if (word === 'us' || word === 'american') {
    const named = currencyAt(tokens, i + 1, limit);
    return named?.currency === 'USD' && !named.minor ? named : undefined;
  }
  const found = word === undefined ? undefined : CURRENCY_WORDS.get(word);
  if (!found) return undefined;
  if ((word === 'pound' || word === 'pounds') && wordAt(tokens, i + 1, limit) === 'of') return undefined;
  const currency = found.currency === undefined ? defaultCurrency : localCurrency(found.currency, defaultCurrency);
  return { ...found, currency, end: i + 1 };
}

const currencyNames = new Intl.DisplayNames(['en'], { type: 'currency' });
const FAMILIES = new Map<string, string | undefined>();

/** "Australian Dollar" → "dollar": the unit a currency's English name ends in (ICU's names, through Intl). */
function familyOf(code: string): string | undefined {
  if (!FAMILIES.has(code)) {
    let name: string | undefined;
    try {
      name = currencyNames.of(code);
    } catch {
      name = undefined;
    }
    FAMILIES.set(code, name && name !== code ? name.split(' ').pop()!.toLowerCase() : undefined);
  }
  return FAMILIES.get(code);
}

/**
 * The currency a word or symbol means where the call is: "dollars" and "$" name the desk's own
 * currency when it is a dollar (AUD, CAD, NZD…), "pounds" when it is a pound; otherwise the
 * currency they name on their own (USD, GBP).
 */
export function localCurrency(named: string, defaultCurrency: string): string {
  if (named === defaultCurrency) return named;
  const family = familyOf(named);
  return family !== undefined && family === familyOf(defaultCurrency) ? defaultCurrency : named;
}

/** Slang for a currency's country, beside the names ICU gives ("Australian Dollar"). */
const NATION_SLANG: Record<string, string> = { aussie: 'AUD', kiwi: 'NZD', yankee: 'USD' };
let nations: Map<string, string> | undefined;

/**
 * "Canadian", "Australian", "Swiss": the first word of a currency's English name (ICU's, through Intl), when it names
 * one currency only, and "us"/"american" for the US dollar.
 */
function nationWords(): Map<string, string> {
  if (!nations) {
    const seen = new Map<string, string | null>();
    for (const code of Intl.supportedValuesOf('currency')) {
      const name = currencyNames.of(code)?.toLowerCase();
      const words = name?.split(' ') ?? [];
      if (words.length !== 2 || name === code.toLowerCase() || /\(|\d/.test(name!)) continue;
      seen.set(words[0]!, seen.has(words[0]!) && seen.get(words[0]!) !== code ? null : code);
    }
    nations = new Map([...seen].filter((entry): entry is [string, string] => entry[1] !== null));
    for (const [word, code] of Object.entries(NATION_SLANG)) nations.set(word, code);
    nations.set('us', 'USD').set('american', 'USD');
  }
  return nations;
}

/** Currency codes callers read out as words ("two hundred cad"). */
const ISO_CODE_SAID = /^(?:usd|cad|aud|nzd|gbp|eur|jpy|inr|chf|sgd|hkd|mxn)$/;
const SYMBOL_CURRENCY: Record<string, string> = Object.fromEntries(Object.entries(SYMBOLS).map(([code, symbol]) => [symbol, code]));

/**
 * The one currency a stretch of talk names, read where the call is: "two hundred and fifteen dollars. canadian" is
 * CAD, "sixty five euros… sixty five forty" EUR, "eighteen seventy five, aussie dollars" AUD; undefined when it names
 * none, or two ("fifty dollars, about thirty pounds"). A country's word qualifies the dollars (or pounds) said with it.
 */
export function currencyNamedIn(text: string, defaultCurrency = 'USD'): string | undefined {
  const tokens =
    text
      .slice(0, 2_000)
      .toLowerCase()
      .match(/[$£€¥]?\d[\d.,]*|[$£€¥]|[a-z]+|[.?!,;]/g) ?? [];
  /** The currency a money token names where the call is: a symbol, a currency word, a code said as a word. */
  const unitOf = (token: string | undefined): string | undefined => {
    if (token === undefined) return undefined;
    const named = SYMBOL_CURRENCY[token[0]!] ?? CURRENCY_WORDS.get(token)?.currency;
    if (named) return localCurrency(named, defaultCurrency);
    return ISO_CODE_SAID.test(token) ? token.toUpperCase() : undefined;
  };
  const units = tokens.map(unitOf).filter((unit): unit is string => unit !== undefined);
  // A country's word names a currency beside money ("canadian dollars", "$45 canadian", "forty quid sterling") or said
  // alone between pauses ("…dollars. canadian."); "the canadian office" names none.
  const isMoney = (token: string | undefined) => unitOf(token) !== undefined;
  const isPause = (token: string | undefined) => token === undefined || /^[.?!,;]$/.test(token);
  const nation = new Set<string>();
  for (const [i, token] of tokens.entries()) {
    const code = nationWords().get(token);
    if (code === undefined || (token === 'us' && !isMoney(tokens[i + 1]))) continue;
    if (
      familyOf(code) === tokens[i + 1]?.replace(/s$/, '') ||
      isMoney(tokens[i + 1]) ||
      isMoney(tokens[i - 1]) ||
      /^[$£€¥]?\d/.test(tokens[i - 1] ?? '') ||
      (isPause(tokens[i - 1]) && isPause(tokens[i + 1]))
    )
      nation.add(code);
  }
  if (nation.size > 1) return undefined;
  const [country] = nation;
  const family = country === undefined ? undefined : familyOf(country);
  const resolved = new Set(units.map((unit) => (country !== undefined && familyOf(unit) === family ? country : unit)));
  if (country !== undefined) resolved.add(country);
  return resolved.size === 1 ? [...resolved][0] : undefined;
}

export function formatMoney(currency: string, amount: string): string {
  const symbol = SYMBOLS[currency];
  return symbol ? `${symbol}${amount}` : `${currency} ${amount}`;
}

/** Money whose number was a run of spoken groups. */
export function tagMoneyAfterRun(tokens: readonly Token[], run: NumberRun, limit: number, defaultCurrency: string): Tag | undefined {
  // "twelve and a half dollars", "two and a quarter million" is no money.
  const fraction =
    wordAt(tokens, run.end, limit) === 'and' && wordAt(tokens, run.end + 1, limit) === 'a'
      ? FRACTION_CENTS.get(wordAt(tokens, run.end + 2, limit) ?? '')
      : undefined;
  if (fraction !== undefined && run.groups.length === 1 && run.fraction === undefined && !run.sign && !run.groups[0]!.ordinal) {
    const named = currencyAt(tokens, run.end + 3, limit, defaultCurrency);
    if (named && !named.minor && !named.scale) return moneyTag(named.currency, `${run.groups[0]!.value}.${fraction}`, run.first, named.end);
  }
  const currency = currencyAt(tokens, run.end, limit, defaultCurrency);
  if (!currency || run.sign || run.slashBefore.some(Boolean) || run.groups.some((group) => group.ordinal)) return undefined;
  const first = run.first;
  if (currency.minor) {
    if (run.fraction !== undefined || run.groups.length !== 1 || run.groups[0]!.value > 99) return undefined;
    const amount = `0.${String(run.groups[0]!.value).padStart(2, '0')}`;
    return moneyTag(currency.currency, amount, first, currency.end);
  }
  const code = currency.currency;
  if (currency.scale) {
    if (run.groups.length !== 1) return undefined;
    const value = Number(`${runDigits(run)}${run.fraction !== undefined ? `.${run.fraction}` : ''}`) * currency.scale;
    return moneyTag(code, Number.isInteger(value) ? String(value) : value.toFixed(2), first, currency.end);
  }
  if (run.fraction !== undefined) {
    const whole = run.groups.length ? runDigits(run) : '0';
    return moneyTag(code, `${whole}.${run.fraction.padEnd(2, '0')}`, first, currency.end);
  }
  const groups = run.groups;
  const last = groups[groups.length - 1]!;
  // "eighty six, eighty six dollars": the amount said again, not dollars and cents.
  const pauseBetween = groups.length === 2 && tokens.slice(groups[0]!.end, last.first).some((token) => token.type === 'punct');
  if (groups.length === 2 && pauseBetween && groups[0]!.value === last.value && groups[0]!.shape !== 'unit')
    return withCents(tokens, code, last.digits, first, currency.end, limit);
  // "one thousand, two hundred and eighty dollars": a round thousand, then the rest of the number after a pause.
  if (groups.length === 2 && groups[0]!.value >= 1000 && groups[0]!.value % 1000 === 0 && last.value < 1000 && last.shape === 'composed')
    return withCents(tokens, code, String(groups[0]!.value + last.value), first, currency.end, limit);
  // "one forty nine ninety nine dollars": the last pair is the cents.
  if (groups.length >= 2 && last.shape === 'pair' && last.value >= 10) {
    return { ...moneyTag(code, `${runDigits(run, 0, groups.length - 1)}.${last.digits}`, first, currency.end), groups: saidGroups(run) };
  }
  return withCents(tokens, code, runDigits(run), first, currency.end, limit, groups.length > 1 ? saidGroups(run) : undefined);
}

/** "a buck fifty", "a dollar", "an euro": the article is one. */
export function tagArticleMoney(tokens: readonly Token[], i: number, limit: number, defaultCurrency: string): Tag | undefined {
  const currency = currencyAt(tokens, i + 1, limit, defaultCurrency);
  if (!currency || currency.minor) return undefined;
  return withCents(tokens, currency.currency, '1', i, currency.end, limit);
}

/** An amount already written as digits, then a currency word: "148 dollars" → $148. */
export function tagWrittenAmount(
  tokens: readonly Token[],
  i: number,
  amount: string,
  limit: number,
  defaultCurrency: string,
): Tag | undefined {
  const currency = currencyAt(tokens, i + 1, limit, defaultCurrency);
  if (!currency || currency.minor) return undefined;
  return withCents(tokens, currency.currency, amount, i, currency.end, limit);
}

/** After the currency word: "and sixty three cents", "sixty three", "fifty". */
function withCents(
  tokens: readonly Token[],
  code: string,
  whole: string,
  first: number,
  afterCurrency: number,
  limit: number,
  groups?: string[],
): Tag {
  let position = afterCurrency;
  // "fifty eight dollars, and, seventy cents", "three hundred dollar and eh six cent": pauses and hesitations around
  // the "and" (or "with": "eighty nine dollars with ninety nine cents") still join the cents on.
  const skipPauses = (at: number) => {
    for (;;) {
      const token = at < limit ? tokens[at] : undefined;
      if (token?.type === 'punct' && (token.text === ',' || token.text === '…')) at++;
      else if (token?.type === 'word' && isFiller(token.lower)) at++;
      else return at;
    }
  };
  const andAt = skipPauses(position);
  const joiner = wordAt(tokens, andAt, limit);
  const saidAnd = joiner === 'and' || joiner === 'with';
  if (saidAnd) position = skipPauses(andAt + 1);
  // "six dollars and a quarter", "twelve pounds and a half".
  const fraction =
    saidAnd && wordAt(tokens, position, limit) === 'a' ? FRACTION_CENTS.get(wordAt(tokens, position + 1, limit) ?? '') : undefined;
  if (fraction !== undefined) return withGroups(moneyTag(code, `${whole}.${fraction}`, first, position + 2), groups);
  // "four dollars, twenty nine cents": after a pause with no "and", the cents must be named.
  const paused = !saidAnd && andAt > position ? andAt : undefined;
  if (paused !== undefined) {
    const cents = parseNumberRun(tokens, paused, limit);
    const minor = cents && cents.groups.length === 1 && cents.groups[0]!.value <= 99 ? currencyAt(tokens, cents.end, limit) : undefined;
    if (cents && minor?.minor && !cents.sign && cents.fraction === undefined && !cents.groups[0]!.ordinal)
      return withGroups(moneyTag(code, `${whole}.${String(cents.groups[0]!.value).padStart(2, '0')}`, first, minor.end), groups);
  }
  // "79 dollars and 49 cents", "two hundred and fourteen pound 80": the cents already written as digits — a pair of
  // them needs no "cents" after it, as a pair said in words needs none.
  const written = tokens[position]?.type === 'written' ? /^\d{1,2}$/.exec(tokens[position]!.text)?.[0] : undefined;
  if (written !== undefined && position < limit) {
    const minor = currencyAt(tokens, position + 1, limit);
    if (minor?.minor && saidAnd) return withGroups(moneyTag(code, `${whole}.${written.padStart(2, '0')}`, first, minor.end), groups);
    const after = wordAt(tokens, position + 1, limit);
    if (!minor && written.length === 2 && Number(written) >= 10 && !isMeasureWord(after))
      return withGroups(moneyTag(code, `${whole}.${written}`, first, position + 1), groups);
  }
  const cents = parseNumberRun(tokens, position, limit);
  const group = cents?.groups[0];
  if (
    cents &&
    group &&
    cents.groups.length === 1 &&
    !cents.sign &&
    cents.fraction === undefined &&
    !group.ordinal &&
    group.value >= 1 &&
    group.value <= 99
  ) {
    const minor = currencyAt(tokens, cents.end, limit);
    const amount = `${whole}.${String(group.value).padStart(2, '0')}`;
    if (minor?.minor) return withGroups(moneyTag(code, amount, first, minor.end), groups);
    // Without "cents", only a pair reads as cents ("twelve euros fifty", "fifteen dollars and forty"), never a lone
    // digit ("five dollars two times").
    if (!minor && (group.shape === 'pair' || (saidAnd && group.shape !== 'unit')) && group.value >= 10)
      return withGroups(moneyTag(code, amount, first, cents.end), groups);
  }
  return withGroups(moneyTag(code, whole, first, afterCurrency), groups);
}

/** The cents of "and a quarter", "and a half". */
const FRACTION_CENTS = new Map([
  ['quarter', '25'],
  ['half', '50'],
]);

/** Words that make a number after a sum something else: "ten dollars 20 times", "5 pounds 10 minutes later". */
function isMeasureWord(word: string | undefined): boolean {
  return word !== undefined && /^(?:times?|minutes?|mins?|hours?|days?|weeks?|months?|years?|percent|items?|of|off|each|per|a)$/.test(word);
}

function withGroups(tag: Tag, groups: string[] | undefined): Tag {
  return groups ? { ...tag, groups } : tag;
}

function moneyTag(currency: string, amount: string, first: number, end: number): Tag {
  return { kind: 'money', value: { amount, currency }, text: formatMoney(currency, amount), first, end };
}
