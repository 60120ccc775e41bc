/**
 * Dates keep the speaker's order, drop "the" and "of", and capitalise the month:
 * "july twenty fifth two thousand twelve" → "July 25, 2012", "the third of march, twenty twenty-six"
 * → "3 March 2026", "march third" → "March 3", "march twenty twenty six" → "March 2026".
 */
import { isLoneDigit, parseNumberRun, readYear, type NumberRun } from './numberRun';
import { parseGroup } from './numberWords';
import { punctAt, wordAt, type Token } from './tokens';
import type { DateValue, Tag } from './types';

const MONTHS = new Map<string, number>([
  ['january', 1],
  ['february', 2],
  ['march', 3],
  ['april', 4],
  ['may', 5],
  ['june', 6],
  ['july', 7],
  ['august', 8],
  ['september', 9],
  ['sept', 9],
  ['october', 10],
  ['november', 11],
  ['december', 12],
]);
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const MONTH_WORDS: readonly string[] = [...MONTHS.keys()];

/** Months that are also everyday words ("you may", "march on"): a lone digit after them is not a day. */
const WORDLIKE_MONTHS = new Set(['may', 'march']);

export function monthAt(tokens: readonly Token[], i: number, limit: number): number | undefined {
  const word = wordAt(tokens, i, limit);
  return word === undefined ? undefined : MONTHS.get(word);
}

function dayOf(run: NumberRun | undefined, ordinalOnly: boolean): number | undefined {
  const group = run?.groups[0];
  if (!run || !group || run.sign || run.fraction !== undefined || run.slashBefore.some(Boolean)) return undefined;
  if (ordinalOnly && !group.ordinal) return undefined;
  if (group.shape === 'repeat' || group.value < 1 || group.value > 31) return undefined;
  return group.value;
}

/** A day already written as digits: "3rd", "25". */
function writtenDayAt(tokens: readonly Token[], i: number, limit: number, ordinalOnly: boolean): number | undefined {
  const form = i < limit ? tokens[i]?.written : undefined;
  if (!form || (form.kind !== 'ordinal' && (ordinalOnly || form.kind !== 'cardinal'))) return undefined;
  return form.value >= 1 && form.value <= 31 ? form.value : undefined;
}

/** A year after a day: "two thousand twelve", "twenty twenty six", "oh nine", "2026". Skips one comma. */
function yearAfter(tokens: readonly Token[], i: number, limit: number): { year: number; end: number } | undefined {
  const at = punctAt(tokens, i, limit) === ',' ? i + 1 : i;
  const form = at < limit ? tokens[at]?.written : undefined;
  if (form?.kind === 'cardinal' && form.value >= 1000 && form.value <= 2999) return { year: form.value, end: at + 1 };
  const run = parseNumberRun(tokens, at, limit, { leadingOh: true });
  if (!run || run.sign || run.fraction !== undefined) return undefined;
  const year = readYear(run.groups, true);
  return year === undefined ? undefined : { year, end: run.end };
}

function dateTag(value: DateValue, text: string, first: number, end: number): Tag {
  return { kind: 'date', value, text, first, end };
}

/** "july twenty fifth", "march the third, twenty twenty six", "march twenty twenty six". */
export function tagMonthFirst(tokens: readonly Token[], i: number, limit: number): Tag | undefined {
  const month = monthAt(tokens, i, limit)!;
  const name = MONTH_NAMES[month - 1]!;
  const saidThe = wordAt(tokens, i + 1, limit) === 'the';
  const dayAt = saidThe ? i + 2 : i + 1;
  const writtenDay = writtenDayAt(tokens, dayAt, limit, false);
  if (writtenDay !== undefined) {
    const year = yearAfter(tokens, dayAt + 1, limit);
    if (year) return dateTag({ year: year.year, month, day: writtenDay }, `${name} ${writtenDay}, ${year.year}`, i, year.end);
    return dateTag({ month, day: writtenDay }, `${name} ${writtenDay}`, i, dayAt + 1);
  }
  const run = parseNumberRun(tokens, dayAt, limit);
  const first = run?.groups[0];
  if (!run || !first) return undefined;
  if (first.ordinal) {
    const day = dayOf(run, true);
    if (day === undefined) return undefined;
    const year = yearAfter(tokens, run.end, limit);
    if (year) return dateTag({ year: year.year, month, day }, `${name} ${day}, ${year.year}`, i, year.end);
    return dateTag({ month, day }, `${name} ${day}`, i, run.end);
  }
  if (saidThe || run.sign || run.fraction !== undefined || run.slashBefore.some(Boolean)) return undefined;
  const wholeYear = readYear(run.groups);
  if (wholeYear !== undefined && run.groups.length > 1) return dateTag({ year: wholeYear, month }, `${name} ${wholeYear}`, i, run.end);
  const day = dayOf(run, false);
  if (day === undefined || first.shape === 'composed') {
    if (wholeYear !== undefined) return dateTag({ year: wholeYear, month }, `${name} ${wholeYear}`, i, run.end);
    return undefined;
  }
  if (run.groups.length === 1) {
    if (WORDLIKE_MONTHS.has(wordAt(tokens, i, limit)!) && isLoneDigit(run)) return undefined;
    const year = yearAfter(tokens, run.end, limit);
    if (year) return dateTag({ year: year.year, month, day }, `${name} ${day}, ${year.year}`, i, year.end);
    return dateTag({ month, day }, `${name} ${day}`, i, run.end);
  }
  const year = readYear(run.groups.slice(1), true);
  if (year === undefined) return undefined;
  return dateTag({ year, month, day }, `${name} ${day}, ${year}`, i, run.end);
}

/** "the third of march", "twenty first of may, twenty twenty six" → "3 March", "21 May 2026". */
export function tagDayFirst(tokens: readonly Token[], i: number, limit: number): Tag | undefined {
  const saidThe = wordAt(tokens, i, limit) === 'the';
  // One group is enough here: a day is one ordinal, and reading a whole run would repeat work the number pass does.
  const dayAt = saidThe ? i + 1 : i;
  const writtenDay = writtenDayAt(tokens, dayAt, limit, true);
  const group = writtenDay === undefined ? parseGroup(tokens, dayAt, limit, false) : undefined;
  const day = writtenDay ?? (group?.ordinal ? group.value : undefined);
  if (day === undefined || day < 1 || day > 31) return undefined;
  const run = { end: group ? group.end : dayAt + 1 };
  if (wordAt(tokens, run.end, limit) !== 'of') return undefined;
  const named = monthAt(tokens, run.end + 1, limit);
  // "the fourteenth of the fifth": the month by its number, said as an ordinal after "the".
  const numbered = named === undefined ? monthByNumberAt(tokens, run.end + 1, limit) : undefined;
  const month = named ?? numbered?.month;
  if (month === undefined) return undefined;
  const monthEnd = numbered ? numbered.end : run.end + 2;
  const name = MONTH_NAMES[month - 1]!;
  const year = yearAfter(tokens, monthEnd, limit);
  if (year) return dateTag({ year: year.year, month, day }, `${day} ${name} ${year.year}`, i, year.end);
  return dateTag({ month, day }, `${day} ${name}`, i, monthEnd);
}

/** "the fifth", "the 12th" after a day and "of": a month by its number (1–12). */
function monthByNumberAt(tokens: readonly Token[], i: number, limit: number): { month: number; end: number } | undefined {
  if (wordAt(tokens, i, limit) !== 'the') return undefined;
  const written = writtenDayAt(tokens, i + 1, limit, true);
  if (written !== undefined) return written <= 12 ? { month: written, end: i + 2 } : undefined;
  const group = parseGroup(tokens, i + 1, limit, false);
  return group?.ordinal && group.value >= 1 && group.value <= 12 ? { month: group.value, end: group.end } : undefined;
}
