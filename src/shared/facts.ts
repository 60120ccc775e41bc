/** Fact names and value normalisation shared by the package intake, the extractors and the UI. */
import { plainValue } from './text';

export const FACT_NAMES = [
  'customer_name',
  'account_id',
  'username',
  'email',
  'phone',
  'order_id',
  'zip_code',
  'street_address',
  'amount',
  'date',
  'membership_level',
  'payment_method',
  'product',
] as const;

export type FactName = (typeof FACT_NAMES)[number];

export const FACT_LABELS: Record<FactName, string> = {
  customer_name: 'Name',
  account_id: 'Account ID',
  username: 'Username',
  email: 'Email',
  phone: 'Phone',
  order_id: 'Order ID',
  zip_code: 'Zip code',
  street_address: 'Street address',
  amount: 'Amount',
  date: 'Date',
  membership_level: 'Membership',
  payment_method: 'Payment method',
  product: 'Product',
};

export function isFactName(name: string): name is FactName {
  return (FACT_NAMES as readonly string[]).includes(name);
}

/** US numbers are the default market: ten digits get +1, eleven starting with 1 get +. */
export function normalisePhone(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+') && digits.length >= 8) return `+${digits}`;
  if (digits.length === 10) return `+1${digits}`;
  if (digits.length === 11 && digits.startsWith('1')) return `+${digits}`;
  return trimmed;
}

const CURRENCY_WORDS: Record<string, string> = { $: 'USD', usd: 'USD', dollars: 'USD', dollar: 'USD', '€': 'EUR', eur: 'EUR', '£': 'GBP', gbp: 'GBP' };

export function normaliseAmount(raw: string): string {
  const match = /([$€£])?\s*(\d[\d,]*(?:\.\d+)?)\s*([a-z$€£]+)?/i.exec(raw.trim());
  if (!match) return raw.trim();
  const value = Number(match[2]!.replace(/,/g, ''));
  if (!Number.isFinite(value)) return raw.trim();
  const currency = CURRENCY_WORDS[(match[1] ?? match[3] ?? 'USD').toLowerCase()] ?? (match[3] ?? 'USD').toUpperCase();
  return `${value.toFixed(2)} ${currency}`;
}

export function normaliseDate(raw: string): string {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(raw.trim());
  if (iso) return `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`;
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  if (us) return `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}`;
  return raw.trim();
}

/** One canonical spelling per fact so that package values and spoken values compare equal. */
export function normaliseFactValue(name: FactName, raw: string): string {
  const value = plainValue(raw);
  switch (name) {
    case 'phone':
      return normalisePhone(value);
    case 'amount':
      return normaliseAmount(value);
    case 'date':
      return normaliseDate(value);
    case 'email':
      return value.toLowerCase().replace(/\s+/g, '');
    case 'username':
      return value.toLowerCase().replace(/\s+/g, '');
    case 'order_id':
    case 'zip_code':
      return /^[\d\s-]+$/.test(value) ? value.replace(/[\s-]/g, '') : value;
    case 'account_id':
      return value.toUpperCase().replace(/\s+/g, '');
    case 'membership_level':
    case 'payment_method':
    case 'product':
      return value.toLowerCase();
    default:
      return value;
  }
}
