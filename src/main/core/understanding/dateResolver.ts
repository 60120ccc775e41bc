/**
 * Calendar dates in the written form of a turn, found by chrono-node and pinned to a day. A date
 * counts only when it names a day: "July 25, 2012" as said; "March 3" takes its year from the call's
 * context; "yesterday" and "last Tuesday" need the call's own date; "Sunday night" alone is no date.
 */
import * as chrono from 'chrono-node';
import { unitOrdinalValue } from './itn/numberWords';
import { wordTags } from './lexicon';

/** A day of the month as ITN writes it: "28th", or the ordinal words first … ninth it leaves as words. */
const DAY_ORDINAL = String.raw`(\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)`;
function dayValue(said: string): number {
  return unitOrdinalValue(said) ?? Number.parseInt(said, 10);
}

export interface DateContext {
  /** The call's date (YYYY-MM-DD), for "yesterday" and "last Tuesday"; absent for replayed recordings. */
  callDate?: string;
  /** The year the call's context points at (the package's dates), for "March 3". */
  year?: number;
  /** A date the call is about (YYYY-MM-DD, the package's), for "the 21st". */
  anchor?: string;
  /** Numeric dates put the day first ("03/04/2026" is 3 April), as everywhere but a few regions. */
  dayFirst?: boolean;
  /** A date was just asked for or read back: a day number said without its ordinal ending ("the 19") is a day. */
  daysExpected?: boolean;
}

/** Regions that write the month first. */
const MONTH_FIRST_REGIONS = new Set(['US', 'PH', 'FM', 'MH', 'PW', 'GU', 'AS', 'MP', 'PR', 'VI', 'UM']);
export function dayFirstIn(region: string | undefined): boolean {
  return region !== undefined && !MONTH_FIRST_REGIONS.has(region.toUpperCase());
}

/** Hesitations inside a date ("august, um, eighth") blanked to spaces, so positions hold. */
const MONTH_WORD = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const YEAR_THEN_MONTH = new RegExp(String.raw`\b(1[89]\d\d|20\d\d),?\s+(?=${MONTH_WORD}\b)`, 'gi');
const MONTH_PAUSE_DAY = new RegExp(
  String.raw`\b${MONTH_WORD},?\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b`,
  'gi',
);
const HESITATION = /\b(?:um+|uh+|er+|erm|uhm|hmm+)\b,?/gi;
const RELATIVE_YEAR_AFTER = /^\s*,?\s*(?:of\s+|in\s+)?(last|next|this)\s+year\b/i;
const YEAR_BEFORE = /\b(1[89]\d\d|20\d\d),?\s*(?:on\s+)?(?:the\s+)?$/;
const YEAR_AFTER = /^(?:\s*,?\s*(?:of\s+)?(?:last year|this year|that year))?\s*[,.]?\s*(?:(?:in|of)\s+)?(1[89]\d\d|20\d\d)\b/;

/** "The year is ninety four", "year of birth was 1961": the year named later in the sentence. */
const YEAR_NAMED_AFTER = /^[^.?!]{0,48}?\b(?:the\s+)?year(?:\s+of\s+birth)?\s+(?:is|was|'s)?\s*,?\s*(\d{4}|\d{2})\b/i;
/**
 * "July 25, 2000, no, sorry, 1972", "June 7 92 no wait 93", "January 29, 2025, no, 26": the year put right after the
 * date, in full or by its last two digits; "May 22, no sorry, 28th": the day. Each repair is read from where the
 * one before ended, so the last word stands ("2000, no, 19, sorry, 1972").
 */
const DATE_REPAIRED = new RegExp(
  String.raw`^(?:(?!${MONTH_WORD}\b)[^?!\d]){0,24}?\b(?:no|sorry|i mean|i meant|actually|wait|correction|rather)\b(?:(?!${MONTH_WORD}\b)[^?!\d]){0,24}?\b(?:(1[89]\d\d|20\d\d)|(\d\d)(?![\d:%.,]\d|\s*(?:st|nd|rd|th|dollars?|pounds?|percent|o'clock|am|pm)\b)|(\d{1,2})(?:st|nd|rd|th))\b`,
  'i',
);

/** The repairs said after a date, in order: the year or day each puts right, and where the last one ends in `rest`. */
function repairsAfter(
  rest: string,
  year: number | undefined,
  day: number,
): { year: number | undefined; day: number; length: number } | undefined {
  let at = 0;
  let repaired: { year: number | undefined; day: number; length: number } | undefined;
  for (;;) {
    const match = DATE_REPAIRED.exec(rest.slice(at));
    if (!match) return repaired;
    const [full, whole, lastTwo, ordinal] = match;
    const current = repaired ?? { year, day, length: 0 };
    at += match.index + full.length;
    // Only a date said with its year has a year to put right.
    if (whole && current.year !== undefined) repaired = { ...current, year: Number(whole), length: at };
    else if (lastTwo && current.year !== undefined)
      repaired = { ...current, year: Math.floor(current.year / 100) * 100 + Number(lastTwo), length: at };
    else if (ordinal && Number(ordinal) >= 1 && Number(ordinal) <= 31) repaired = { ...current, day: Number(ordinal), length: at };
    else return repaired;
  }
}
/** "This coming Saturday", "this Friday": the next such day from the call's date (today for "this" on the day itself). */
const FORWARD_WEEKDAY = /\b(this coming|coming|upcoming|this)\s+(mon|tues|wednes|thurs|fri|satur|sun)day\b/gi;
const WEEKDAYS = ['sun', 'mon', 'tues', 'wednes', 'thurs', 'fri', 'satur'];
/** A count of days or weeks from the call's date, said with "today" or "now" to anchor it. */
const COUNTED = /\b(\d+|a|an|one|two|three|four|five|six)\s+(day|week|month)s?\s+(ago\s+today|ago\s+now|from\s+today|from\s+now)\b/gi;
/**
 * A span counted from a day said by name: "a week from tuesday", "two days after yesterday", "a week earlier
 * than last friday", "the friday before that"…: the count, its unit, its direction, then the day it counts from.
 */
const COUNTED_FROM = new RegExp(
  String.raw`\b(\d+|a|an|one|two|three|four|five|six)\s+(day|week)s?\s+(from|after|later than|before|earlier than|prior to)\s+(today|tomorrow|yesterday|(?:(?:last|next|this|this coming|this past|coming)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b`,
  'gi',
);
/** "The second Monday in July", "the last Friday of the month": the nth weekday of a month. */
const NTH_WEEKDAY = new RegExp(
  String.raw`\b(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last)\s+(mon|tues|wednes|thurs|fri|satur|sun)day\s+(?:in|of)\s+(${MONTH_WORD}|(?:this|next|last|the)\s+month)\b`,
  'gi',
);
/** "The last day of last month", "the first of the month". */
const MONTH_END = /\bthe\s+(last|first)\s+day\s+of\s+(this|next|last|the)\s+month\b/gi;
const NTH_WORDS: Record<string, number> = {
  first: 1,
  '1st': 1,
  second: 2,
  '2nd': 2,
  third: 3,
  '3rd': 3,
  fourth: 4,
  '4th': 4,
  fifth: 5,
  '5th': 5,
  last: -1,
};
const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const COUNT_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6 };

/** "The 1st of next month", "the 20th of last month": a day of a month counted from the call's. */
const OF_RELATIVE_MONTH = new RegExp(
  String.raw`\b(?:the\s+)?${DAY_ORDINAL}\s+of\s+(next|last|this|the)\s+(?:coming\s+|following\s+|previous\s+)?month\b`,
  'gi',
);
/** A weekday said beside a bare day: "Tuesday the 2nd", "the 9th. It was a Tuesday". */
const WEEKDAY_WORD = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i;

/**
 * Holidays callers date things by, as the calendar defines them: a fixed day, or the nth (or last)
 * weekday of a month. Easter, which moves by the moon, is left out.
 */
const HOLIDAYS: Array<{ pattern: RegExp; month: number; day?: number; weekday?: number; nth?: number }> = [
  { pattern: /\bnew year'?s(?: day)?\b(?! eve)/i, month: 1, day: 1 },
  { pattern: /\b(?:martin luther king|mlk)(?: jr\.?)? day\b/i, month: 1, weekday: 1, nth: 3 },
  { pattern: /\bvalentine'?s(?: day)?\b/i, month: 2, day: 14 },
  { pattern: /\bpresidents'? day\b/i, month: 2, weekday: 1, nth: 3 },
  { pattern: /\bst\.? patrick'?s(?: day)?\b/i, month: 3, day: 17 },
  { pattern: /\bmother'?s day\b/i, month: 5, weekday: 0, nth: 2 },
  { pattern: /\bmemorial day\b/i, month: 5, weekday: 1, nth: -1 },
  { pattern: /\bjuneteenth\b/i, month: 6, day: 19 },
  { pattern: /\bfather'?s day\b/i, month: 6, weekday: 0, nth: 3 },
  { pattern: /\b(?:independence day|(?:the )?fourth of july|july (?:the )?fourth)\b/i, month: 7, day: 4 },
  { pattern: /\blabou?r day\b/i, month: 9, weekday: 1, nth: 1 },
  { pattern: /\bcolumbus day\b|\bindigenous peoples'? day\b/i, month: 10, weekday: 1, nth: 2 },
  { pattern: /\bhalloween\b/i, month: 10, day: 31 },
  { pattern: /\bveterans'? day\b|\bremembrance day\b/i, month: 11, day: 11 },
  { pattern: /\bthanksgiving\b/i, month: 11, weekday: 4, nth: 4 },
  { pattern: /\bchristmas eve\b/i, month: 12, day: 24 },
  { pattern: /\bchristmas(?: day)?\b|\bxmas\b/i, month: 12, day: 25 },
  { pattern: /\bboxing day\b/i, month: 12, day: 26 },
  { pattern: /\bnew year'?s eve\b/i, month: 12, day: 31 },
];

function holidayIn(year: number, holiday: (typeof HOLIDAYS)[number]): string | undefined {
  if (holiday.day !== undefined) return iso(year, holiday.month, holiday.day);
  const days = new Date(Date.UTC(year, holiday.month, 0)).getUTCDate();
  const matching: number[] = [];
  for (let day = 1; day <= days; day++)
    if (new Date(Date.UTC(year, holiday.month - 1, day)).getUTCDay() === holiday.weekday) matching.push(day);
  const day = holiday.nth! < 0 ? matching.at(-1) : matching[holiday.nth! - 1];
  return day === undefined ? undefined : iso(year, holiday.month, day);
}

/** The day-th of the month nearest `anchor` (this one first, then one back, one on…) that falls on `weekday`. */
function monthWithWeekday(anchor: string, day: number, weekday: number): string | undefined {
  const year = Number(anchor.slice(0, 4));
  const month = Number(anchor.slice(5, 7)) - 1;
  for (const shift of [0, -1, 1, -2, 2, -3, 3]) {
    const candidate = new Date(Date.UTC(year, month + shift, day));
    if (candidate.getUTCDate() === day && candidate.getUTCDay() === weekday) return candidate.toISOString().slice(0, 10);
  }
  return undefined;
}

/** Of several YYYY-MM-DD dates, the one nearest `date`. */
function nearest(date: string, candidates: ReadonlyArray<string | undefined>): string | undefined {
  const at = Date.parse(date);
  let best: string | undefined;
  for (const candidate of candidates)
    if (candidate && (!best || Math.abs(Date.parse(candidate) - at) < Math.abs(Date.parse(best) - at))) best = candidate;
  return best;
}

/** The day `days` after (or, negative, before) a YYYY-MM-DD date. */
function daysAfter(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The same day `months` months after (or, negative, before) a YYYY-MM-DD date, if that month has it. */
function monthsAfter(date: string, months: number): string | undefined {
  const month = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1 + months, 1));
  return iso(month.getUTCFullYear(), month.getUTCMonth() + 1, Number(date.slice(8, 10)));
}

/**
 * A day said by name, from the call's date: today, tomorrow, yesterday, a weekday ("tuesday" and "next
 * tuesday" the coming one, "last tuesday" the one before, "this tuesday" this week's).
 */
function namedDay(said: string, callDate: string): string | undefined {
  const lower = said.toLowerCase().replace(/\s+/g, ' ');
  if (lower === 'today') return callDate;
  if (lower === 'tomorrow') return daysAfter(callDate, 1);
  if (lower === 'yesterday') return daysAfter(callDate, -1);
  const day = /(mon|tues|wednes|thurs|fri|satur|sun)day$/.exec(lower)?.[1];
  if (!day) return undefined;
  const today = new Date(`${callDate}T12:00:00Z`).getUTCDay();
  const target = WEEKDAYS.indexOf(day);
  if (/^(?:last|this past)\b/.test(lower)) return daysAfter(callDate, -((today - target + 7) % 7 || 7));
  if (/^this\b(?! coming)/.test(lower)) return daysAfter(callDate, (target - today + 7) % 7);
  return daysAfter(callDate, (target - today + 7) % 7 || 7);
}

/** The year and month a month is named by: "july" (the nearest, this year's), "next month", "the month" (the call's). */
function monthNamed(said: string, callDate: string): [number, number] {
  const year = Number(callDate.slice(0, 4));
  const month = Number(callDate.slice(5, 7));
  const named = MONTH_NAMES.indexOf(said.toLowerCase().slice(0, 3));
  if (named >= 0) return [year, named + 1];
  const shift = /^next\b/i.test(said) ? 1 : /^last\b/i.test(said) ? -1 : 0;
  const first = new Date(Date.UTC(year, month - 1 + shift, 1));
  return [first.getUTCFullYear(), first.getUTCMonth() + 1];
}

/** A two-digit year in the century the call's date makes likelier ("ninety" → 1990, "oh one" → 2001). */
function fullYear(text: string, callDate: string | undefined): number {
  if (text.length === 4) return Number(text);
  const pivot = callDate ? Number(callDate.slice(2, 4)) : 30;
  return Number(text) + (Number(text) > pivot ? 1900 : 2000);
}

export interface FoundDate {
  value: string;
  start: number;
  end: number;
  text: string;
  /** Said as the present moment ("today", "tonight", "this morning"): the day of the call, not a date given as a value. */
  present?: boolean;
}

const PRESENT = /^(?:today|tonight|now|this (?:morning|afternoon|evening))$/i;

/** A count of days, weeks or months from now ("two weeks ago", "in 3 days"), which a hedge makes a guess. */
const COUNTED_SPAN =
  /\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a couple of|a few|couple of|few)\s+(?:days?|weeks?|months?)\b/i;
const HEDGE_BEFORE = /\b(?:like|about|around|roughly|maybe|almost|nearly|over|more than|less than|at least|probably|i think|or)\s*,?\s*$/i;
const HEDGE_OPENS = /^(?:about|around|roughly|almost|nearly|over|maybe|like)\b/i;
const HEDGE_AFTER = /^\s*,?\s*(?:or so|or something|or more|or less|or thereabouts|ish)\b/i;
const RELATIVE_WEEKDAY = /\b(?:last|next|this past|this coming|coming|past)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const RELATIVE_DAY = /\b(?:today|tonight|yesterday|tomorrow|ago|in \d+ (?:days?|weeks?))\b/i;
/** A day said alone: "the 19th", "on the 3rd", or opening a sentence ("19th is good"). */
const DAY_ONLY = new RegExp(
  String.raw`(?:\bthe |\bon |^|[.,!?]\s+)${DAY_ORDINAL}\b(?!\s+(?:of|floor|time|century|row|place|grade|item|one|attempt|try|call|birthday|anniversary))`,
  'gi',
);
/** "The 19 to the 21", "on the 3, or the 4": a day number without its ordinal ending, before a pause, a range word or the end. */
const BARE_DAY =
  /\b(?:the|on)\s+(\d{1,2})\b(?!\s*(?:st|nd|rd|th)\b|[.,:]\d)(?=\s*(?:[.,;?!]|$|to\b|through\b|till\b|until\b|and\b|or\b|-))/gi;

/** Tags of words that start a new clause or phrase after a day ("the ninth and…", "the ninth when we…"), not a noun it counts. */
const AFTER_A_DAY = new Set(['Conjunction', 'Preposition', 'Pronoun', 'QuestionWord']);
const WEEKDAY_BEFORE = new RegExp(`${WEEKDAY_WORD.source},?\\s+$`, 'i');

/**
 * An ordinal word is a day only after "the" or "on", and then before a pause or the end ("the ninth."), after a weekday
 * ("tuesday the ninth and…"), or before a word that opens another phrase ("the ninth and there's still money") — not
 * "the second order", "the third time".
 */
function isDayWord(match: RegExpExecArray, written: string): boolean {
  if (/^\d/.test(match[1]!)) return true;
  if (!/^(?:the|on)\s/i.test(match[0].replace(/^[.,!?]\s+/, ''))) return false;
  const after = written.slice(match.index + match[0].length);
  if (/^\s*(?:[.,;!?]|$)/.test(after)) return true;
  if (WEEKDAY_BEFORE.test(written.slice(Math.max(0, match.index - 16), match.index))) return true;
  const next = /^\s+([a-z']+)/i.exec(after)?.[1];
  return next !== undefined && wordTags(next).some((tag) => AFTER_A_DAY.has(tag));
}

const casual = chrono.casual;
/** An absolute date names its month (in words or digits); "in a minute" has a certain day to chrono, not to us. */
const NAMES_A_MONTH =
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?\b|\b\d{4}-\d{2}-\d{2}\b/i;

function iso(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** What a turn that dates anything says: a digit or a calendar word (chrono reads these), or a bare ordinal or a holiday. */
const CALENDAR_WORDS = /\d|day|tomorrow|tonight|ago|week|month|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/i;
const ORDINAL_OR_HOLIDAY =
  /\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b|christmas|xmas|halloween|thanksgiving|juneteenth|new year/i;

export function resolveDates(written: string, context: DateContext): FoundDate[] {
  // Cheap guard: most turns name no date at all.
  const calendarWords = CALENDAR_WORDS.test(written);
  if (!calendarWords && !ORDINAL_OR_HOLIDAY.test(written)) return [];
  const reference = context.callDate ?? context.anchor ?? (context.year ? `${context.year}-06-15` : undefined);
  const instant = reference ? new Date(`${reference}T12:00:00Z`) : new Date(Date.UTC(2000, 5, 15, 12));
  const found: FoundDate[] = [];
  const text = written
    .slice(0, 2_000)
    .replace(HESITATION, (word) => ' '.repeat(word.length))
    // "june, the 12th": chrono reads "june 12th" only; the pause and "the" are blanked (same length, so positions hold).
    .replace(MONTH_PAUSE_DAY, (match) => match.replace(/,|\bthe\b/gi, (part) => ' '.repeat(part.length)));
  // "2023, june the 12th": a year said before the month is read beside the day below; chrono would take "2023, june" for a month.
  const beforeText = text;
  const chronoText = text.replace(YEAR_THEN_MONTH, (match, year: string) => match.replace(year, ' '.repeat(year.length)));
  const yearSaid: boolean[] = [];
  const parser = context.dayFirst ? chrono.en.GB : casual;
  // chrono reads only what has a calendar word or digit; a bare ordinal word ("the ninth") is read below.
  for (const result of calendarWords ? parser.parse(chronoText, { instant, timezone: 0 }, { forwardDate: false }) : []) {
    const start = result.start;
    const said = result.text;
    let saidLength = said.length;
    const absolute = start.isCertain('day') && start.isCertain('month') && !RELATIVE_DAY.test(said) && NAMES_A_MONTH.test(said);
    let value: string | undefined;
    if (absolute) {
      // A year said just before or after the day ("1991, March 26"; "7 July last year, 2025") is its year.
      const rest = text.slice(result.index + said.length, result.index + said.length + 64);
      const beside =
        YEAR_BEFORE.exec(beforeText.slice(Math.max(0, result.index - 24), result.index))?.[1] ??
        YEAR_AFTER.exec(rest.slice(0, 32))?.[1] ??
        YEAR_NAMED_AFTER.exec(rest)?.[1];
      // "…twenty twenty-five... no, twenty twenty-four": a trailing-off pause is no sentence's end.
      const repaired = repairsAfter(
        rest.replace(/\.{2,}|…/g, ','),
        start.isCertain('year') ? start.get('year')! : undefined,
        start.get('day')!,
      );
      // "May 28 of last year", "the 3rd of March next year": the year counted from the call's.
      const counted = RELATIVE_YEAR_AFTER.exec(rest)?.[1]?.toLowerCase();
      const callYear = context.callDate ? Number(context.callDate.slice(0, 4)) : undefined;
      const year = repaired?.year
        ? repaired.year
        : start.isCertain('year')
          ? start.get('year')!
          : beside
            ? fullYear(beside, context.callDate)
            : counted && callYear !== undefined
              ? callYear + (counted === 'last' ? -1 : counted === 'next' ? 1 : 0)
              : (context.year ?? callYear);
      if (year === undefined) continue;
      value = iso(year, start.get('month')!, repaired?.day ?? start.get('day')!);
      // The date and its repairs are one saying of it ("…2000, no, sorry, 1972").
      if (repaired) saidLength = said.length + repaired.length;
    } else if (context.callDate && (RELATIVE_DAY.test(said) || RELATIVE_WEEKDAY.test(said))) {
      // "Like two weeks ago", "about a month ago", "three days ago or so": a span guessed at pins no day.
      const hedged =
        COUNTED_SPAN.test(said) &&
        (HEDGE_BEFORE.test(text.slice(Math.max(0, result.index - 24), result.index)) ||
          HEDGE_OPENS.test(said) ||
          HEDGE_AFTER.test(text.slice(result.index + said.length, result.index + said.length + 16)));
      if (!hedged) value = iso(start.get('year')!, start.get('month')!, start.get('day')!);
    }
    // "10/02/2025, that's October 2": the day said again without its year is the same day.
    if (value && absolute && !start.isCertain('year')) {
      const restated = found.find((date, k) => yearSaid[k] && date.value.slice(5) === value!.slice(5));
      if (restated) value = restated.value;
    }
    if (value) yearSaid.push(start.isCertain('year'));
    if (value)
      found.push({
        value,
        start: result.index,
        end: result.index + saidLength,
        text: written.slice(result.index, result.index + saidLength),
        ...(PRESENT.test(said.trim()) ? { present: true } : {}),
      });
  }
  if (context.callDate) {
    // "Two weeks ago today", "a week from today", "three days from now": counted from the call's date.
    const callDate = context.callDate;
    // What these phrases say replaces what chrono read of the same words.
    const put = (value: string, match: RegExpExecArray) => replaceFound(found, written, value, match.index, match.index + match[0].length);
    COUNTED.lastIndex = 0;
    for (let match = COUNTED.exec(written); match; match = COUNTED.exec(written)) {
      const count = countOf(match[1]!) * (/^ago/i.test(match[3]!) ? -1 : 1);
      const unit = match[2]!.toLowerCase();
      const value = unit === 'month' ? monthsAfter(callDate, count) : daysAfter(callDate, count * (unit === 'week' ? 7 : 1));
      if (value) put(value, match);
    }
    COUNTED_FROM.lastIndex = 0;
    for (let match = COUNTED_FROM.exec(written); match; match = COUNTED_FROM.exec(written)) {
      const from = namedDay(match[4]!, callDate);
      if (!from) continue;
      const back = /^(?:before|earlier than|prior to)$/i.test(match[3]!) ? -1 : 1;
      put(daysAfter(from, back * countOf(match[1]!) * (match[2]!.toLowerCase() === 'week' ? 7 : 1)), match);
    }
    NTH_WEEKDAY.lastIndex = 0;
    for (let match = NTH_WEEKDAY.exec(written); match; match = NTH_WEEKDAY.exec(written)) {
      const [year, month] = monthNamed(match[3]!, callDate);
      const value = holidayIn(year, {
        pattern: NTH_WEEKDAY,
        month,
        weekday: WEEKDAYS.indexOf(match[2]!.toLowerCase()),
        nth: NTH_WORDS[match[1]!.toLowerCase()]!,
      });
      if (value) put(value, match);
    }
    MONTH_END.lastIndex = 0;
    for (let match = MONTH_END.exec(written); match; match = MONTH_END.exec(written)) {
      const [year, month] = monthNamed(`${match[2]!} month`, callDate);
      const value =
        match[1]!.toLowerCase() === 'first' ? iso(year, month, 1) : iso(year, month, new Date(Date.UTC(year, month, 0)).getUTCDate());
      if (value) put(value, match);
    }
    FORWARD_WEEKDAY.lastIndex = 0;
    const weekday = new Date(`${callDate}T12:00:00Z`).getUTCDay();
    for (let match = FORWARD_WEEKDAY.exec(written); match; match = FORWARD_WEEKDAY.exec(written))
      put(
        daysAfter(callDate, (WEEKDAYS.indexOf(match[2]!.toLowerCase()) - weekday + 7) % 7 || (match[1]!.toLowerCase() === 'this' ? 0 : 7)),
        match,
      );
    OF_RELATIVE_MONTH.lastIndex = 0;
    for (let match = OF_RELATIVE_MONTH.exec(written); match; match = OF_RELATIVE_MONTH.exec(written)) {
      const shift = /^next$/i.test(match[2]!) ? 1 : /^last$/i.test(match[2]!) ? -1 : 0;
      const month = new Date(Date.UTC(Number(callDate.slice(0, 4)), Number(callDate.slice(5, 7)) - 1 + shift, 1));
      const value = iso(month.getUTCFullYear(), month.getUTCMonth() + 1, dayValue(match[1]!));
      if (value) put(value, match);
    }
    // A holiday: the last one on or before the call's date, or the coming one when the sentence looks ahead.
    // Beside a date said in full ("December 31st, 1999, New Year's Eve") it only glosses that date.
    // Said with digits or a month's name, the date is those; the holiday is a gloss ("twelve twenty five eighty, christmas baby").
    // A year said on its own ("christmas eve. last christmas, so twenty twenty-five") is the holiday's year.
    const yearOnly = /^(?:[^\d]*\b(1[89]\d\d|20\d\d)\b)+[^\d]*$/.exec(written)?.[1];
    const otherDigits = /\d/.test(written) && !yearOnly;
    for (const holiday of found.length || otherDigits || NAMES_A_MONTH.test(written) ? [] : HOLIDAYS) {
      // "Christmas eve" is not Christmas too; of the other times it is named, the last: "the day after thanksgiving,
      // no, on thanksgiving".
      const first = holiday.pattern.exec(written);
      if (!first || found.some((date) => date.start <= first.index && first.index < date.end)) continue;
      const match = lastMatch(holiday.pattern, written, (at) => !found.some((date) => date.start <= at && at < date.end)) ?? first;
      if (yearOnly) {
        const value = holidayIn(Number(yearOnly), holiday);
        if (value) found.push({ value, start: match.index, end: match.index + match[0].length, text: match[0] });
        continue;
      }
      const year = Number(callDate.slice(0, 4));
      const lead = written.slice(Math.max(0, match.index - 40), match.index);
      // "A week before Memorial Day", "the Monday before Labor Day": the count or weekday says nothing of which
      // year's; the nearest is meant.
      const counted = COUNTED_BESIDE.test(lead) || WEEKDAY_BESIDE.test(lead);
      const ahead = /\b(?:next|coming|until|till|before|by|will|'ll|going to)\b/i.test(
        lead.replace(COUNTED_BESIDE, '').replace(WEEKDAY_BESIDE, ''),
      );
      const thisYear = holidayIn(year, holiday);
      const value = !thisYear
        ? undefined
        : counted && !ahead
          ? nearest(callDate, [holidayIn(year - 1, holiday), thisYear, holidayIn(year + 1, holiday)])
          : ahead
            ? thisYear >= callDate
              ? thisYear
              : holidayIn(year + 1, holiday)
            : thisYear <= callDate
              ? thisYear
              : holidayIn(year - 1, holiday);
      if (value) found.push({ value, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
  }
  if (context.callDate) weekdaysAround(written, found, context.callDate);
  const anchor = context.anchor ?? context.callDate;
  if (anchor) {
    WEEKDAY_THE_DAY.lastIndex = 0;
    for (let match = WEEKDAY_THE_DAY.exec(written); match; match = WEEKDAY_THE_DAY.exec(written)) {
      if (found.some((date) => date.start < match!.index + match![0].length && date.end > match!.index)) continue;
      const value = monthWithWeekday(anchor, Number(match[2]), WEEKDAYS.indexOf(match[1]!.toLowerCase()));
      if (value) found.push({ value, start: match.index, end: match.index + match[0].length, text: match[0] });
    }
    DAY_THEN_WEEKDAY.lastIndex = 0;
    for (let match = DAY_THEN_WEEKDAY.exec(written); match; match = DAY_THEN_WEEKDAY.exec(written)) {
      const day = Number(match[1]);
      // "For the 14, yesterday": the day beside a day said by name is that day, when the numbers agree.
      const named = match[3] && context.callDate ? namedDay(match[3], context.callDate) : undefined;
      const value = match[2]
        ? monthWithWeekday(anchor, day, WEEKDAYS.indexOf(match[2].toLowerCase()))
        : named && Number(named.slice(8, 10)) === day
          ? named
          : undefined;
      if (value) replaceFound(found, written, value, match.index, match.index + match[0].length);
    }
    // A date just asked for or read back: "the 19 to the 21" are days, said without their ordinal ending.
    const dayPatterns = context.daysExpected ? [DAY_ONLY, BARE_DAY] : [DAY_ONLY];
    for (const pattern of dayPatterns) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(written); match; match = pattern.exec(written)) {
        if (found.some((date) => match!.index >= date.start && match!.index < date.end)) continue;
        if (!isDayWord(match, written) || dayValue(match[1]!) > 31 || dayValue(match[1]!) < 1) continue;
        // "May 20th, and it didn't show up till the 26th": a day said after a date of the turn is in that date's month.
        const month: string = [...found].filter((date) => date.end <= match!.index).sort((a, b) => b.end - a.end)[0]?.value ?? anchor;
        let value = iso(Number(month.slice(0, 4)), Number(month.slice(5, 7)), dayValue(match[1]!));
        // "Tuesday the 2nd", "the 9th. It was a Tuesday": the month nearest the call's in which that day is that weekday.
        const aroundStart = Math.max(0, match.index - 24);
        const around = written.slice(aroundStart, match.index + match[0].length + 32);
        const weekdayAt = WEEKDAY_WORD.exec(around);
        // "The 18th, no, the 19th, Friday": a weekday with another day number between is that one's.
        const weekdayStart = weekdayAt ? aroundStart + weekdayAt.index : -1;
        const between = weekdayAt
          ? weekdayStart > match.index
            ? written.slice(match.index + match[0].length, weekdayStart)
            : written.slice(weekdayStart + weekdayAt[0].length, match.index)
          : '';
        const weekday = weekdayAt && !/\d/.test(between) ? weekdayAt[1]!.toLowerCase() : undefined;
        if (value && weekday && context.callDate && month === anchor)
          value = monthWithWeekday(anchor, dayValue(match[1]!), WEEKDAYS.indexOf(weekday)) ?? value;
        const lead = /^[.,!?]?\s*/.exec(match[0])![0].length;
        if (value) found.push({ value, start: match.index + lead, end: match.index + match[0].length, text: match[0].slice(lead) });
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

const WEEKDAY_NAME = String.raw`(mon|tues|wednes|thurs|fri|satur|sun)day`;
/** "Friday, the 12": a weekday and a bare day number — the day of the month nearest the call's that is that weekday. */
const WEEKDAY_THE_DAY = new RegExp(String.raw`\b${WEEKDAY_NAME},?\s+the\s+(\d{1,2})\b(?!\s*(?:st|nd|rd|th|%|:|\.\d))`, 'gi');
/** "The 17, Wednesday", "for the 14, yesterday": a bare day number, then the weekday or the day by name it is. */
const DAY_THEN_WEEKDAY = new RegExp(
  String.raw`\bthe\s+(\d{1,2})\b(?!\s*(?:st|nd|rd|th|%|:|\.\d)),?\s+(?:the\s+|on\s+)?(?:${WEEKDAY_NAME}|(yesterday|today|tomorrow))\b`,
  'gi',
);
/** "Tuesday of last week", "next week thursday": a weekday of a week counted from the call's (weeks start on Monday). */
const WEEKDAY_OF_WEEK = new RegExp(
  String.raw`\b${WEEKDAY_NAME}\s+(?:of\s+|in\s+)?(last|next|this)\s+week\b|\b(last|next|this)\s+week,?\s+(?:on\s+)?${WEEKDAY_NAME}\b`,
  'gi',
);
/** "The Wednesday after next", "the Saturday before last": one week past the coming (or the last) one. */
const WEEKDAY_AFTER_NEXT = new RegExp(String.raw`\b(?:the\s+)?${WEEKDAY_NAME}\s+(after next|before last)\b`, 'gi');
/** "The Friday after the fourth of July", "the Monday before Labor Day": a weekday counted from a date said right after. */
const WEEKDAY_BESIDE = new RegExp(String.raw`\b(?:the\s+)?${WEEKDAY_NAME}\s+(after|following|before|preceding)\s+(?:the\s+)?$`, 'i');

/** "Two days after", "a week before", "the day after", "day before": a count of days or weeks before a date said next. */
const COUNTED_BESIDE =
  /(?:\b(\d+|a|an|one|two|three|four|five|six|the)\s+)?\b(day|week)s?\s+(after|before|later than|earlier than|prior to)\s+(?:the\s+)?$/i;

function lastMatch(pattern: RegExp, text: string, keep: (at: number) => boolean): RegExpExecArray | null {
  const every = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  let last: RegExpExecArray | null = null;
  for (let match = every.exec(text); match; match = every.exec(text)) if (keep(match.index)) last = match;
  return last;
}

/** A date read of some words, in place of whatever else was read of any of them. */
function replaceFound(found: FoundDate[], written: string, value: string, start: number, end: number): void {
  for (let k = found.length - 1; k >= 0; k--) if (found[k]!.start < end && found[k]!.end > start) found.splice(k, 1);
  found.push({ value, start, end, text: written.slice(start, end) });
}

/** A count said as digits or a word ("3", "a", "two"). */
function countOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (COUNT_WORDS[word.toLowerCase()] ?? 1);
}

/** Weekdays said against a week or a date the turn names; each replaces what was read of the same words. */
function weekdaysAround(written: string, found: FoundDate[], callDate: string): void {
  const put = (value: string, start: number, end: number) => replaceFound(found, written, value, start, end);
  const today = new Date(`${callDate}T12:00:00Z`).getUTCDay();
  WEEKDAY_OF_WEEK.lastIndex = 0;
  for (let match = WEEKDAY_OF_WEEK.exec(written); match; match = WEEKDAY_OF_WEEK.exec(written)) {
    const day = WEEKDAYS.indexOf((match[1] ?? match[4]!).toLowerCase());
    const week = (match[2] ?? match[3]!).toLowerCase();
    const monday = daysAfter(callDate, -((today + 6) % 7) + (week === 'next' ? 7 : week === 'last' ? -7 : 0));
    put(daysAfter(monday, (day + 6) % 7), match.index, match.index + match[0].length);
  }
  WEEKDAY_AFTER_NEXT.lastIndex = 0;
  for (let match = WEEKDAY_AFTER_NEXT.exec(written); match; match = WEEKDAY_AFTER_NEXT.exec(written)) {
    const later = match[2]!.toLowerCase() === 'after next';
    const value = namedDay(`${later ? 'next' : 'last'} ${match[1]}day`, callDate);
    if (value) put(daysAfter(value, later ? 7 : -7), match.index, match.index + match[0].length);
  }
  for (const date of [...found]) {
    const lead = written.slice(Math.max(0, date.start - 32), date.start);
    // "Two days after the 4th of July", "a week before Labor Day": counted from the date said right after.
    const counted = COUNTED_BESIDE.exec(lead);
    if (counted) {
      const count = counted[1] === undefined || counted[1].toLowerCase() === 'the' ? 1 : countOf(counted[1]);
      const back = /^(?:before|earlier than|prior to)$/i.test(counted[3]!) ? -1 : 1;
      put(daysAfter(date.value, back * count * (counted[2]!.toLowerCase() === 'week' ? 7 : 1)), date.start - counted[0].length, date.end);
      continue;
    }
    const before = WEEKDAY_BESIDE.exec(lead);
    if (!before) continue;
    const day = WEEKDAYS.indexOf(before[1]!.toLowerCase());
    const forward = /^(?:after|following)$/i.test(before[2]!);
    const weekday = new Date(`${date.value}T12:00:00Z`).getUTCDay();
    const shift = forward ? (day - weekday + 7) % 7 || 7 : -((weekday - day + 7) % 7 || 7);
    put(daysAfter(date.value, shift), date.start - before[0].length, date.end);
  }
}

/**
 * A date said as digits, as the answer to "date of birth?": "oh six, oh nine, nineteen ninety" →
 * 06 09 1990; "twelve three ninety eight" → 12 3 98. Read only where a date is what was asked.
 */
export function numericDate(
  written: string,
  context: DateContext,
  spans: ReadonlyArray<{ start: number; groups?: readonly string[] }> = [],
): FoundDate | undefined {
  const text = written.replace(/\boh\b(?=[\s,]*\d)/gi, '0');
  const groups = [...text.matchAll(/\d+/g)];
  if (!groups.length || groups.length > 4) return undefined;
  const digits = groups.map((group) => group[0]).join('');
  // "One, twenty seven, seventy seven": ITN wrote one digit string, but its spoken groups are the parts.
  const said = groups.length === 1 ? spans.find((span) => span.start === groups[0]!.index)?.groups : undefined;
  let parts: [string, string, string] | undefined;
  if (said?.length === 3) parts = [said[0]!, said[1]!, said[2]!];
  else if (groups.length === 3) parts = [groups[0]![0], groups[1]![0], groups[2]![0]];
  else if (digits.length === 8) parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)];
  else if (digits.length === 6) parts = [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)];
  if (!parts) return undefined;
  const [first, second, yearText] = parts;
  if (first.length > 2 || second.length > 2 || (yearText.length !== 2 && yearText.length !== 4)) return undefined;
  const year = fullYear(yearText, context.callDate);
  const [month, day] = context.dayFirst ? [Number(second), Number(first)] : [Number(first), Number(second)];
  const value = iso(year, month, day);
  if (!value) return undefined;
  const start = groups[0]!.index;
  const end = groups.at(-1)!.index + groups.at(-1)![0].length;
  return { value, start, end, text: written.slice(start, end) };
}
