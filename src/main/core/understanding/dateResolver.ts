/**
 * Calendar dates in the written form of a turn, found by chrono-node and pinned to a day. A date
 * counts only when it names a day: "July 25, 2012" as said; "March 3" takes its year from the call's
 * context; "yesterday" and "last Tuesday" need the call's own date; "Sunday night" alone is no date.
 */
import * as chrono from 'chrono-node';

export interface DateContext {
  /** The call's date (YYYY-MM-DD), for "yesterday" and "last Tuesday"; absent for replayed recordings. */
  callDate?: string;
  /** The year the call's context points at (the package's dates), for "March 3". */
  year?: number;
  /** A date the call is about (YYYY-MM-DD, the package's), for "the 21st". */
  anchor?: string;
}

export interface FoundDate {
  value: string;
  start: number;
  end: number;
  text: string;
}

const RELATIVE_WEEKDAY = /\b(?:last|next|this past|this coming|coming|past)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const RELATIVE_DAY = /\b(?:today|tonight|yesterday|tomorrow|ago|in \d+ (?:days?|weeks?))\b/i;
const DAY_ONLY = /\bthe (\d{1,2})(?:st|nd|rd|th)\b(?!\s+(?:of|floor|time|century|row|place|grade|item|one))/gi;

const casual = chrono.casual;
/** An absolute date names its month (in words or digits); "in a minute" has a certain day to chrono, not to us. */
const NAMES_A_MONTH = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b/i;

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function resolveDates(written: string, context: DateContext): FoundDate[] {
  // Cheap guard: most turns name no date at all.
  if (!/\d|day|tomorrow|tonight|ago|week|month|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i.test(written)) return [];
  const reference = context.callDate ?? context.anchor ?? (context.year ? `${context.year}-06-15` : undefined);
  const instant = reference ? new Date(`${reference}T12:00:00Z`) : new Date(Date.UTC(2000, 5, 15, 12));
  const found: FoundDate[] = [];
  for (const result of casual.parse(written.slice(0, 2_000), { instant, timezone: 0 }, { forwardDate: false })) {
    const start = result.start;
    const text = result.text;
    const absolute = start.isCertain('day') && start.isCertain('month') && !RELATIVE_DAY.test(text) && NAMES_A_MONTH.test(text);
    let value: string | undefined;
    if (absolute) {
      const year = start.isCertain('year') ? start.get('year')! : (context.year ?? (context.callDate ? Number(context.callDate.slice(0, 4)) : undefined));
      if (year === undefined) continue;
      value = iso(year, start.get('month')!, start.get('day')!);
    } else if (context.callDate && (RELATIVE_DAY.test(text) || RELATIVE_WEEKDAY.test(text))) {
      value = iso(start.get('year')!, start.get('month')!, start.get('day')!);
    }
    if (value) found.push({ value, start: result.index, end: result.index + text.length, text });
  }
  const anchor = context.anchor ?? context.callDate;
  if (anchor) {
    DAY_ONLY.lastIndex = 0;
    for (let match = DAY_ONLY.exec(written); match; match = DAY_ONLY.exec(written)) {
      if (found.some((date) => match!.index >= date.start && match!.index < date.end)) continue;
      const value = iso(Number(anchor.slice(0, 4)), Number(anchor.slice(5, 7)), Number(match[1]));
      if (value) found.push({ value, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
