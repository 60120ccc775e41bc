/**
 * Facts as a pack declares them: one canonical spelling per fact type, so a package value and a spoken
 * value compare equal however each was written or said, and one label lookup for the screen. Which
 * facts exist is the domain pack's business (src/shared/domainPack.ts); this module only knows types.
 */
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { humanise, type FactSpec, type PackManifest, type PackSummary, type PackValue } from './domainPack';
import { escapeRegExp, plainValue } from './text';

/** Top-level domains callers say; a word the recogniser glued on after one ("….co.ukcheers") is cut off. */
const COMMON_TOP_LEVEL = [
  'com',
  'net',
  'org',
  'edu',
  'gov',
  'co',
  'uk',
  'us',
  'ca',
  'au',
  'nz',
  'ie',
  'in',
  'de',
  'fr',
  'io',
  'info',
  'biz',
  'me',
];
const GLUED_TOP_LEVEL = new RegExp(`\\.(${COMMON_TOP_LEVEL.join('|')})([a-z]{3,})$`);

/** "dana@gmail.comships" → "dana@gmail.com": an ASR engine glued the next word onto the address. */
export function ungluedEmail(email: string): string {
  const match = GLUED_TOP_LEVEL.exec(email);
  if (!match) return email;
  const label = match[1]! + match[2]!;
  // A real top-level domain that happens to start so ("company", "info", "com.au" is two labels) stays.
  return COMMON_TOP_LEVEL.includes(label) || KEPT_LONG_TOP_LEVEL.has(label) ? email : email.slice(0, email.length - match[2]!.length);
}
const KEPT_LONG_TOP_LEVEL = new Set([
  'company',
  'community',
  'computer',
  'network',
  'codes',
  'coffee',
  'info',
  'media',
  'online',
  'organic',
  'education',
  'cooking',
  'coach',
  'contractors',
]);

/** A fact's name as a pack declares it (snake_case). */
export type FactName = string;

/** What normalisation and comparison need of a pack. */
export type FactSchemaSource = Pick<PackManifest, 'facts' | 'catalogue' | 'defaultRegion' | 'currency'>;

const CURRENCY_WORDS: Record<string, string> = {
  $: 'USD',
  usd: 'USD',
  dollars: 'USD',
  dollar: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  pound: 'GBP',
  pounds: 'GBP',
};

/** A name as it sounds: its letters only, lower case, without accents ("Ji-ho O'Brien" and "ji ho obrien" are one). */
export function nameAsSaid(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, '');
}

/** E.164 when the number parses for the region (or carries its own country code); otherwise as given. */
export function normalisePhone(raw: string, defaultRegion = 'US'): string {
  const trimmed = raw.trim();
  if (!trimmed) return trimmed;
  const parsed = parsePhoneNumberFromString(trimmed, defaultRegion as CountryCode);
  // A North American number never opens its area code with 0 or 1: "0491 000 572" is not one.
  if (parsed?.isPossible() && !(parsed.countryCallingCode === '1' && /^[01]/.test(parsed.nationalNumber))) return parsed.number;
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+') && digits.length >= 8) return `+${digits}`;
  return trimmed;
}

/** Names a caller gives a country by, besides its English name: "the UK one", "back home in the States". */
const COUNTRY_ALIASES: Record<string, string> = {
  uk: 'GB',
  britain: 'GB',
  'great britain': 'GB',
  england: 'GB',
  scotland: 'GB',
  wales: 'GB',
  'northern ireland': 'GB',
  usa: 'US',
  america: 'US',
  'the states': 'US',
  holland: 'NL',
  'the netherlands': 'NL',
  'the philippines': 'PH',
};
let countryNames: { pattern: RegExp; codes: Map<string, string> } | undefined;
/** Every country libphonenumber knows, by its English name (Intl's), in one pattern: longest names first. */
function countryNamePattern(): { pattern: RegExp; codes: Map<string, string> } {
  if (!countryNames) {
    const display = new Intl.DisplayNames(['en'], { type: 'region' });
    const codes = new Map<string, string>(Object.entries(COUNTRY_ALIASES));
    for (const code of getCountries()) {
      const name = display.of(code);
      if (name && name !== code) codes.set(name.toLowerCase(), code);
    }
    const names = [...codes.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    countryNames = { pattern: new RegExp(`\\b(?:${names.join('|')})\\b`, 'i'), codes };
  }
  return countryNames;
}

/** The country a caller names beside a number ("it's the UK one", "South Africa, so plus two seven"), as ISO 3166. */
export function countryNamedIn(text: string): CountryCode | undefined {
  if (text.length > 2_000) return undefined;
  // "US" only in capitals: "us" is a word.
  if (/\bUS\b/.test(text)) return 'US';
  const { pattern, codes } = countryNamePattern();
  const named = pattern.exec(text)?.[0];
  return named ? (codes.get(named.toLowerCase()) as CountryCode | undefined) : undefined;
}

/**
 * The English-speaking countries that dial with a trunk 0, in the order a desk hears them most: where a
 * caller says a number the national way ("oh four nine one…", "oh two oh seven nine four six…") and names
 * no country, the first of them whose numbering plan the number is valid in, else the first it is
 * possible in, is where it is dialled.
 */
const TRUNK_ZERO_COUNTRIES: readonly CountryCode[] = ['GB', 'AU', 'IE', 'NZ'];

/**
 * A number said the national way, in another country than the pack's: "oh eight two…, South Africa" is
 * +2782…. Only a number with its trunk 0 that the pack's region cannot dial. In the country the caller
 * names, when it is possible there; with no country named, and only where the region can never dial a 0
 * (the North American plan), in the first of TRUNK_ZERO_COUNTRIES that takes it.
 */
export function nationalAbroad(digits: string, country: CountryCode | undefined, defaultRegion = 'US'): string | undefined {
  if (country === defaultRegion || !/^0\d{6,12}$/.test(digits)) return undefined;
  // Where the number is one of the pack's own region (a 0 number in GB beside "Jordan"), the region stands.
  // (A NANP number never opens with 0.)
  const nanp = getCountryCallingCode(defaultRegion as CountryCode) === '1';
  if (!nanp && parsePhoneNumberFromString(digits, defaultRegion as CountryCode)?.isPossible()) return undefined;
  const dialled = (code: CountryCode, test: 'isValid' | 'isPossible') => {
    const parsed = parsePhoneNumberFromString(digits, code);
    return parsed?.[test]() ? `+${getCountryCallingCode(code)}${parsed.nationalNumber}` : undefined;
  };
  if (country) return dialled(country, 'isPossible');
  if (!nanp || !/^0\d{8,10}$/.test(digits)) return undefined;
  for (const test of ['isValid', 'isPossible'] as const)
    for (const code of TRUNK_ZERO_COUNTRIES) {
      const number = dialled(code, test);
      if (number) return number;
    }
  return undefined;
}

/**
 * A number dialled the national way, with its trunk prefix ("07700 900579" in GB, "082 555 0123" in
 * ZA): a possible number of the region that opens with the 0 an id would not. Said so, it is a phone
 * number. (Possible, not valid: the ranges kept for drama and tests, 07700 900xxx, are not valid.)
 */
export function isTrunkDialled(digits: string, defaultRegion = 'US'): boolean {
  if (!/^0\d{8,11}$/.test(digits)) return false;
  return parsePhoneNumberFromString(digits, defaultRegion as CountryCode)?.isPossible() === true;
}

/** "94", "$94.00", "94 dollars", "94.00 USD" → "94.00 USD". */
export function normaliseAmount(raw: string, defaultCurrency = 'USD'): string {
  const trimmed = raw.trim();
  const match = /([$€£])?\s*(-?\d[\d,]{0,20}(?:\.\d{1,6})?)\s*([a-z$€£]{1,10})?/i.exec(trimmed.slice(0, 200));
  if (!match) return trimmed;
  const value = Number(match[2]!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return trimmed;
  const word = (match[1] ?? match[3] ?? '').toLowerCase();
  const currency = CURRENCY_WORDS[word] ?? (/^[a-z]{3}$/.test(word) ? word.toUpperCase() : defaultCurrency);
  return `${value.toFixed(2)} ${currency}`;
}

export function normaliseDate(raw: string): string {
  const trimmed = raw.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(trimmed);
  if (iso) return `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  return trimmed;
}

function matchesPattern(spec: FactSpec, value: string): boolean {
  return spec.pattern === undefined || new RegExp(spec.pattern).test(value);
}

/** An enum or catalogue value said any of the ways the pack lists ("Pay Pal", "paypal") → its stored value. */
export function findPackValue(values: readonly PackValue[], raw: string): PackValue | undefined {
  const wanted = raw
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .trim();
  return values.find((item) =>
    [item.value, item.label ?? '', ...item.aliases].some(
      (form) =>
        form
          .toLowerCase()
          .replace(/[\s_-]+/g, ' ')
          .trim() === wanted,
    ),
  );
}

/**
 * The fact schema of one pack: each fact's type, how its values are written canonically and compared.
 * Values a pack does not declare are kept as plain text.
 */
export class FactSchema {
  private readonly specs: Map<string, FactSpec>;

  constructor(readonly source: FactSchemaSource) {
    this.specs = new Map(source.facts.map((spec) => [spec.name, spec]));
  }

  spec(name: FactName): FactSpec | undefined {
    return this.specs.get(name);
  }

  get names(): FactName[] {
    return [...this.specs.keys()];
  }

  get all(): readonly FactSpec[] {
    return this.source.facts;
  }

  /** The values an enum or catalogue fact can take. */
  valuesOf(spec: FactSpec): readonly PackValue[] {
    if (spec.type === 'enum') return spec.values ?? [];
    if (spec.type === 'catalogue' && spec.catalogue) return this.source.catalogue[spec.catalogue] ?? [];
    return [];
  }

  /** One canonical spelling per fact so that package values and spoken values compare equal. */
  normalise(name: FactName, raw: string): string {
    const value = plainValue(raw);
    const spec = this.specs.get(name);
    if (!spec) return value;
    switch (spec.type) {
      case 'phone':
        return normalisePhone(value, this.source.defaultRegion);
      case 'amount':
        return normaliseAmount(value, this.source.currency);
      case 'date':
        return normaliseDate(value);
      case 'email':
        return ungluedEmail(value.toLowerCase().replace(/\s+/g, ''));
      case 'id': {
        const compact = value.replace(/\s+/g, '');
        const cased =
          spec.letterCase === 'lower' ? compact.toLowerCase() : spec.letterCase === 'preserve' ? compact : compact.toUpperCase();
        const undashed = cased.replace(/-/g, '');
        return !matchesPattern(spec, cased) && matchesPattern(spec, undashed) ? undashed : /^[\d-]+$/.test(cased) ? undashed : cased;
      }
      case 'postcode': {
        const upper = value.toUpperCase().replace(/\s+/g, ' ').trim();
        const compact = upper.replace(/\s+/g, '');
        if (matchesPattern(spec, compact) && !/\s/.test(spec.pattern ?? '')) return compact;
        // A pattern with a space in it writes the code with one, where the pattern takes it: before the UK's last
        // three ("SW1A 1AA"), Ireland's last four ("H91 K7Y4"), or wherever else the pattern puts it.
        for (const tail of [3, 4, 2, 5, 6]) {
          const spaced = compact.length > tail ? `${compact.slice(0, -tail)} ${compact.slice(-tail)}` : compact;
          if (spaced !== compact && matchesPattern(spec, spaced)) return spaced;
        }
        return matchesPattern(spec, compact) ? compact : upper;
      }
      case 'enum':
      case 'catalogue':
        return findPackValue(this.valuesOf(spec), value)?.value ?? value.toLowerCase();
      case 'name':
      case 'address':
        return value.replace(/\s+/g, ' ').trim();
      default:
        return value;
    }
  }

  /**
   * Equal however said: normalised values compare; names as they sound, so without regard to case, accents, hyphens,
   * apostrophes or spaces ("Ji Ho Park" heard is the package's "Ji-ho Park", "Rene O Sullivan" its "René O'Sullivan").
   */
  equal(name: FactName, a: string, b: string): boolean {
    const left = this.normalise(name, a);
    const right = this.normalise(name, b);
    if (left === right) return true;
    const type = this.specs.get(name)?.type;
    if (type === 'address') return addressKey(left) === addressKey(right);
    if (type === 'name') return nameAsSaid(left) === nameAsSaid(right);
    if (type === 'text') return left.toLowerCase() === right.toLowerCase();
    return false;
  }

  /**
   * Whether two different values of the fact are one value misheard or mistyped: the same length, with
   * two neighbouring characters swapped ("…7465" for "…7456", 124.60 for 142.60) or, for ids, phones and
   * postcodes of five characters or more, one character different. Said in a call about the package's
   * value, such a value is that value put right, not another one.
   */
  nearMiss(name: FactName, a: string, b: string): boolean {
    const type = this.specs.get(name)?.type;
    if (type !== 'id' && type !== 'phone' && type !== 'postcode' && type !== 'amount') return false;
    const left = this.normalise(name, a).replace(/[^\p{L}\p{N}]/gu, '');
    const right = this.normalise(name, b).replace(/[^\p{L}\p{N}]/gu, '');
    if (left === right || left.length !== right.length || left.length < 4) return false;
    const differ: number[] = [];
    for (let i = 0; i < left.length && differ.length <= 2; i++) if (left[i] !== right[i]) differ.push(i);
    const swapped =
      differ.length === 2 &&
      differ[1] === differ[0]! + 1 &&
      left[differ[0]!] === right[differ[1]!] &&
      left[differ[1]!] === right[differ[0]!];
    return swapped || (differ.length === 1 && type !== 'amount' && left.length >= 5);
  }

  /** Whether a normalised value is a well-formed value of the fact (an id that matches its pattern). */
  accepts(name: FactName, normalised: string): boolean {
    const spec = this.specs.get(name);
    if (!spec) return true;
    if (spec.type === 'id' || spec.type === 'postcode') return matchesPattern(spec, normalised);
    if (spec.type === 'phone') return /^\+\d{8,15}$/.test(normalised);
    if (spec.type === 'email') return /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(normalised);
    return normalised.length > 0;
  }
}

/** The label a pack gives a fact, or its name in words. */
export function factLabel(pack: Pick<PackSummary, 'facts'> | undefined, name: FactName): string {
  return pack?.facts.find((fact) => fact.name === name)?.label ?? humanise(name);
}

/** The short form of each word an address may spell out or abbreviate ("Road"/"Rd", "Saint"/"St", "Apartment"/"Apt"). */
const ADDRESS_ABBREVIATIONS: Readonly<Record<string, string>> = {
  street: 'st',
  saint: 'st',
  road: 'rd',
  avenue: 'ave',
  av: 'ave',
  lane: 'ln',
  drive: 'dr',
  court: 'ct',
  place: 'pl',
  boulevard: 'blvd',
  terrace: 'tce',
  crescent: 'cres',
  square: 'sq',
  highway: 'hwy',
  parkway: 'pkwy',
  circle: 'cir',
  mount: 'mt',
  apartment: 'apt',
  '#': 'apt',
  north: 'n',
  south: 's',
  east: 'e',
  west: 'w',
};

/** An address as compared: case, punctuation and the long or short form of its words aside ("38 Saint Marks Road" = "38 St. Marks Rd"). */
export function addressKey(address: string): string {
  return address
    .toLowerCase()
    .replace(/#/g, ' # ')
    .replace(/[.,;:]/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => ADDRESS_ABBREVIATIONS[word] ?? word)
    .join(' ');
}
