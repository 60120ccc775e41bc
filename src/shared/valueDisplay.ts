/**
 * Values as a person writes them, for every screen and the wrap-up draft: the pack's display names for
 * its catalogue and enums ("paypal" → "PayPal"), phones formatted for reading (national for the pack's
 * region, international otherwise), names in name case, amounts in the currency's form. The stored
 * and compared value stays the canonical one (facts.ts); this is only how it reads.
 */
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import type { PackSummary } from './domainPack';

/** What display needs of a pack; every field is optional so a screen without a pack still reads well. */
export type DisplayPack = Partial<Pick<PackSummary, 'facts' | 'values' | 'defaultRegion' | 'currency'>>;

/** "+16085550136" → "(608) 555-0136" in the pack's region, "+44 20 7946 0958" elsewhere; anything else as given. */
export function phoneForReading(raw: string, region = 'US'): string {
  const trimmed = raw.trim();
  const parsed = parsePhoneNumberFromString(trimmed, region as CountryCode);
  if (!parsed?.isValid()) return trimmed;
  return parsed.country === region ? parsed.formatNational() : parsed.formatInternational();
}

/** "blue cotton scarf" → "Blue Cotton Scarf": text in one case only gets each word capitalised; mixed case is the writer's. */
export function displayCase(value: string): string {
  const hasLower = /\p{Ll}/u.test(value);
  const hasUpper = /\p{Lu}/u.test(value);
  if (hasLower && hasUpper) return value;
  return value.toLowerCase().replace(/(^|[\s\-'’])(\p{Ll})/gu, (_match, before: string, letter: string) => before + letter.toUpperCase());
}

/** "94.00 USD" → "$94.00". */
function amountForReading(value: string): string {
  const match = /^(-?\d+(?:\.\d+)?)\s+([A-Z]{3})$/.exec(value.trim());
  if (!match) return value;
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency: match[2] }).format(Number(match[1]));
  } catch {
    return value;
  }
}

/** A fact's value as a person writes it, by the type the pack gives the fact. */
export function displayFactValue(pack: DisplayPack | undefined, name: string, value: string): string {
  const type = pack?.facts?.find((fact) => fact.name === name)?.type;
  const label = pack?.values?.[value.trim().toLowerCase()];
  switch (type) {
    case 'phone':
      return phoneForReading(value, pack?.defaultRegion);
    case 'enum':
    case 'catalogue':
      return label ?? displayCase(value);
    case 'name':
      return displayCase(value);
    case 'amount':
      return amountForReading(value);
    default:
      return value;
  }
}

/** "a", "a and b", "a, b and c". */
export function joinWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/** A label inside a sentence: "Order ID" → "order ID", "Email" → "email"; acronyms keep their capitals. */
export function inSentence(label: string): string {
  return label.replace(/^\p{Lu}(?=\p{Ll}|\s|$)/u, (letter) => letter.toLowerCase());
}

/**
 * How the AI verified the caller, in words: the package's "account id+order id" → "account ID and order ID",
 * each part named by the pack's fact label where it matches one.
 */
export function verificationMethodWords(raw: string, pack: DisplayPack | undefined): string {
  const parts = raw
    .split(/\s*(?:\+|,|&|\/|\band\b)\s*/i)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length === 0) return '';
  const key = (text: string) => text.toLowerCase().replace(/[\s_-]+/g, '');
  const words = parts.map((part) => {
    const fact = pack?.facts?.find((candidate) => key(candidate.name) === key(part) || key(candidate.label) === key(part));
    return fact ? inSentence(fact.label) : part.toLowerCase();
  });
  return joinWords(words);
}
