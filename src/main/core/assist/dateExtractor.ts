/**
 * Calendar dates in speech. A date counts only when it can be pinned to a day: "March 2nd" takes its
 * year from the call's context, "last Tuesday" needs the call date; "Sunday night" alone is not a date.
 */
const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_PATTERN = `(${MONTHS.join('|')}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\\.?`;
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
  'twenty-first': 21, 'twenty-second': 22, 'twenty-third': 23, 'twenty-fourth': 24, 'twenty-fifth': 25, 'twenty-sixth': 26,
  'twenty-seventh': 27, 'twenty-eighth': 28, 'twenty-ninth': 29, thirtieth: 30, 'thirty-first': 31,
};
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const DAY = `(\\d{1,2})(?:st|nd|rd|th)?|(${Object.keys(ORDINAL_WORDS).join('|')})`;

export interface DateReference {
  /** The call's date (YYYY-MM-DD), for "yesterday" and "last Tuesday". */
  callDate?: string;
  /** The year the call's context points at, for "March 2nd". */
  year?: number;
  /** A date the call is about (YYYY-MM-DD, e.g. the package's), for "Thursday the sixteenth". */
  anchor?: string;
}

export function extractDate(text: string, reference: DateReference = {}): { value: string; at: number } | undefined {
  const lower = text.toLowerCase();
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(lower);
  if (iso) return { value: iso[0], at: iso.index };
  const numeric = /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/.exec(lower);
  if (numeric) return { value: format(Number(numeric[3]), Number(numeric[1]), Number(numeric[2])), at: numeric.index };

  const monthFirst = new RegExp(`\\b${MONTH_PATTERN}\\s+(?:the\\s+)?(?:${DAY})\\b(?:,?\\s+(\\d{4}))?`).exec(lower);
  const dayFirst = new RegExp(`\\b(?:the\\s+)?(?:${DAY})\\s+of\\s+${MONTH_PATTERN}(?:,?\\s+(\\d{4}))?`).exec(lower);
  if (monthFirst) {
    const day = Number(monthFirst[2] ?? ORDINAL_WORDS[monthFirst[3]!]);
    return pinned(monthIndex(monthFirst[1]!), day, monthFirst[4], reference, monthFirst.index);
  }
  if (dayFirst) {
    const day = Number(dayFirst[1] ?? ORDINAL_WORDS[dayFirst[2]!]);
    return pinned(monthIndex(dayFirst[3]!), day, dayFirst[4], reference, dayFirst.index);
  }
  const anchor = reference.anchor ?? reference.callDate;
  const dayOnly = new RegExp(`\\b(?:(?:${WEEKDAYS.join('|')}),?\\s+)?the\\s+(?:${DAY})\\b`).exec(lower);
  if (dayOnly && anchor && /(?:st|nd|rd|th)\b|[a-z]$/.test(dayOnly[0])) {
    const day = Number(dayOnly[1] ?? ORDINAL_WORDS[dayOnly[2]!]);
    return pinned(Number(anchor.slice(5, 7)), day, anchor.slice(0, 4), reference, dayOnly.index);
  }
  if (!reference.callDate) return undefined;
  const today = new Date(`${reference.callDate}T12:00:00Z`);
  const relative = /\b(today|yesterday|tomorrow|the day before yesterday)\b/.exec(lower);
  if (relative) {
    const offset = { today: 0, yesterday: -1, tomorrow: 1, 'the day before yesterday': -2 }[relative[1] as 'today'];
    return { value: shift(today, offset), at: relative.index };
  }
  const weekday = new RegExp(`\\b(last|this past|next|this coming)\\s+(${WEEKDAYS.join('|')})\\b`).exec(lower);
  if (weekday) {
    const target = WEEKDAYS.indexOf(weekday[2]!);
    const current = today.getUTCDay();
    const past = weekday[1] === 'last' || weekday[1] === 'this past';
    const offset = past ? -(((current - target + 7) % 7) || 7) : ((target - current + 7) % 7) || 7;
    return { value: shift(today, offset), at: weekday.index };
  }
  const ago = /\b(\d{1,2}|a|one|two|three|four|five|six|seven|eight|nine|ten)\s+(day|week)s?\s+ago\b/.exec(lower);
  if (ago) {
    const count = /^\d+$/.test(ago[1]!) ? Number(ago[1]) : ['a', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'].indexOf(ago[1]!) || 1;
    return { value: shift(today, -count * (ago[2] === 'week' ? 7 : 1)), at: ago.index };
  }
  return undefined;
}

function pinned(month: number, day: number, yearText: string | undefined, reference: DateReference, at: number) {
  const year = yearText ? Number(yearText) : (reference.year ?? (reference.callDate ? Number(reference.callDate.slice(0, 4)) : undefined));
  if (!year || month < 1 || day < 1 || day > 31) return undefined;
  return { value: format(year, month, day), at };
}

function monthIndex(name: string): number {
  return MONTHS.findIndex((month) => month.startsWith(name.slice(0, 3))) + 1;
}

function format(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function shift(date: Date, days: number): string {
  const copy = new Date(date);
  copy.setUTCDate(copy.getUTCDate() + days);
  return copy.toISOString().slice(0, 10);
}
