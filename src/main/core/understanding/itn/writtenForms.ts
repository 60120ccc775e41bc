/**
 * Values the recogniser already wrote ("dvukovic305@email.com", "$148", "555-0148", "2026-03-02",
 * "ORD-88123", "3:30", "15%"). They pass through unchanged but are still reported as spans, so later
 * stages read spoken and written values the same way. Inputs are single chunks of at most 120
 * characters (see tokens.ts), so these small anchored patterns stay cheap.
 */
import { isKnownTld } from './addressWords';
import type { SpanReading } from './types';

export type WrittenForm = SpanReading;

const SYMBOL_CURRENCY: Record<string, string> = { $: 'USD', '£': 'GBP', '€': 'EUR' };

export function readWrittenForm(core: string): WrittenForm | undefined {
  const first = core[0]!;
  if (core.includes('@')) return readEmail(core);
  if (first in SYMBOL_CURRENCY) {
    const amount = readAmount(core.slice(1));
    return amount === undefined ? undefined : { kind: 'money', value: { amount, currency: SYMBOL_CURRENCY[first]! } };
  }
  if (core.endsWith('%')) {
    const amount = readAmount(core.slice(0, -1));
    return amount === undefined ? undefined : { kind: 'percent', value: Number(amount) };
  }
  const time = /^(\d{1,2})(?::(\d{2}))?\s?([ap]\.?m\.?)?$/i.exec(core);
  if (time && (time[2] !== undefined || time[3] !== undefined)) {
    const hour = Number(time[1]);
    const minute = time[2] === undefined ? 0 : Number(time[2]);
    if (hour > 24 || minute > 59) return undefined;
    const meridiem = time[3] ? (time[3][0]!.toLowerCase() === 'a' ? 'am' : 'pm') : undefined;
    return { kind: 'time', value: meridiem ? { hour, minute, meridiem } : { hour, minute } };
  }
  if (/^\d+$/.test(core)) return readInteger(core);
  if (/^\d{1,3}(?:,\d{3})+$/.test(core)) return { kind: 'cardinal', value: Number(core.replace(/,/g, '')) };
  if (/^\d{1,3}(?:,\d{3})+\.\d+$/.test(core)) return { kind: 'decimal', value: Number(core.replace(/,/g, '')) };
  const ordinal = /^(\d+)(st|nd|rd|th)$/i.exec(core);
  if (ordinal) return { kind: 'ordinal', value: Number(ordinal[1]) };
  if (/^\d*\.\d+$/.test(core)) return { kind: 'decimal', value: Number(core) };
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(core);
  if (iso) return { kind: 'date', value: { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) } };
  const slashed = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(core);
  if (slashed) return { kind: 'date', value: slashDate(slashed[1]!, slashed[2]!, slashed[3]) };
  const groups = digitGroups(core);
  if (groups) return { kind: 'digits', value: (core.startsWith('+') ? '+' : '') + groups.join(''), groups };
  if (looksLikeUrl(core)) return { kind: 'url', value: core.toLowerCase() };
  if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/i.test(core) && /\d/.test(core) && /[a-z]/i.test(core))
    return { kind: 'alnum', value: core.toUpperCase() };
  return undefined;
}

export function slashDate(month: string, day: string, year?: string): { month: number; day: number; year?: number } {
  const value: { month: number; day: number; year?: number } = { month: Number(month), day: Number(day) };
  if (year !== undefined) value.year = year.length === 2 ? 2000 + Number(year) : Number(year);
  return value;
}

/** A whole number: a count when short and without a leading zero, otherwise a digit string (ids, phones, zips). */
function readInteger(core: string): WrittenForm {
  if (core.length <= 4 && (core === '0' || core[0] !== '0')) return { kind: 'cardinal', value: Number(core) };
  return { kind: 'digits', value: core, groups: [core] };
}

function readAmount(text: string): string | undefined {
  const match = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?$/.exec(text) ?? /^()\.(\d{1,2})$/.exec(text);
  if (!match) return undefined;
  const whole = (match[1] || '0').replace(/,/g, '');
  return match[2] === undefined ? whole : `${whole}.${match[2].padEnd(2, '0')}`;
}

/** "555-0148", "415.555.0148", "+44-7911-123456": groups of digits joined by one kind of mark. */
function digitGroups(core: string): string[] | undefined {
  const body = core.startsWith('+') ? core.slice(1) : core;
  const mark = body.includes('-') ? '-' : body.includes('.') ? '.' : undefined;
  if (!mark) return undefined;
  const groups = body.split(mark);
  if (groups.length < 2 || groups.some((group) => !/^\d+$/.test(group))) return undefined;
  return groups;
}

function readEmail(core: string): WrittenForm | undefined {
  const at = core.indexOf('@');
  if (at <= 0 || at !== core.lastIndexOf('@')) return undefined;
  const local = core.slice(0, at);
  const domain = core.slice(at + 1);
  if (!/^[a-z0-9._%+-]+$/i.test(local) || !isDomain(domain)) return undefined;
  return { kind: 'email', value: core.toLowerCase() };
}

function isDomain(domain: string): boolean {
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  if (!labels.every((label) => /^[a-z0-9-]+$/i.test(label) && !label.startsWith('-'))) return false;
  return /^[a-z]{2,}$/i.test(labels[labels.length - 1]!);
}

function looksLikeUrl(core: string): boolean {
  let rest = core.toLowerCase();
  const scheme = /^https?:\/\//.exec(rest);
  if (scheme) rest = rest.slice(scheme[0].length);
  const slash = rest.indexOf('/');
  const host = slash === -1 ? rest : rest.slice(0, slash);
  if (!isDomain(host)) return false;
  const labels = host.split('.');
  return Boolean(scheme) || labels[0] === 'www' || isKnownTld(labels[labels.length - 1]!);
}
