/**
 * Finds facts in one spoken turn and normalises them like package facts. Deliberately general:
 * patterns follow how people say each kind of value, not any one call's wording.
 */
import { normaliseFactValue, type FactName } from '../../../shared/facts';
import { digitRuns, spokenDigitsToNumerals } from './spokenNumbers';

export interface ExtractedFact {
  name: FactName;
  value: string;
}

const BRANDS = ['calvin klein', 'tommy hilfiger', 'michael kors', 'guess'];
const PRODUCT_TYPES = ['boots', 'jacket', 'jeans', 'shirt'];
const MEMBERSHIP_LEVELS = ['guest', 'bronze', 'silver', 'gold'];

export function extractFacts(text: string): ExtractedFact[] {
  const facts: ExtractedFact[] = [];
  const lower = text.toLowerCase();
  const add = (name: FactName, value: string) => facts.push({ name, value: normaliseFactValue(name, value) });

  const email = spokenEmail(text);
  if (email) add('email', email);

  for (const run of digitRuns(text)) {
    if (run.length === 10 && !/phone|number to reach|call me|reach you/.test(lower)) add('order_id', run);
    else if (run.length === 10 || (run.length === 11 && run.startsWith('1'))) add('phone', run);
    else if (run.length === 5 && /\bzip|postal|\b[a-z]+,?\s*\d{5}\b/.test(lower)) add('zip_code', run);
  }

  const amount = /\$\s?(\d[\d,]*(?:\.\d{1,2})?)|\b(\d[\d,]*(?:\.\d{1,2})?)\s*(?:dollars|bucks|usd)\b/i.exec(text);
  if (amount) add('amount', `${amount[1] ?? amount[2]} USD`);

  const level = MEMBERSHIP_LEVELS.find((name) => new RegExp(`\\b${name}\\b`).test(lower));
  if (level && /member|level|status|tier|account|\bi'?m\b|think/.test(lower)) add('membership_level', level);

  for (const brand of BRANDS) {
    const match = new RegExp(`\\b${brand}\\s+(${PRODUCT_TYPES.join('|')})\\b`).exec(lower);
    if (match) add('product', `${brand} ${match[1]}`);
  }

  const street = /\b(\d{2,6}\s+(?:[A-Z][a-z]+\s+){1,4}(?:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Drive|Dr|Terrace|Court|Ct|Way|Boulevard|Blvd|Place|Pl))\b/.exec(text);
  if (street) add('street_address', street[1]!);
  return facts;
}

/** "d attah two one four at email dot com" → "dattah214@email.com"; also plain written addresses. */
function spokenEmail(text: string): string | undefined {
  const written = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(text);
  if (written) return written[0];
  const spoken = /((?:[\w']+\s+){0,6}?[\w']+)\s+at\s+([\w]+(?:\s+dot\s+[\w]+)+)/i.exec(spokenDigitsToNumerals(text));
  if (!spoken) return undefined;
  const local = spoken[1]!
    .replace(/^.*?\b(?:email(?:'s| is)?|it's|is)\s+/i, '')
    .replace(/\s+dot\s+/gi, '.')
    .replace(/\s+underscore\s+/gi, '_')
    .replace(/\s+/g, '');
  const domain = spoken[2]!.replace(/\s+dot\s+/gi, '.').replace(/\s+/g, '');
  return local ? `${local}@${domain}` : undefined;
}
