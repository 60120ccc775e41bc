/**
 * Times of day: "three thirty p m" → 3:30 pm, "seven a m" → 7 am, "ten o'clock" → 10:00,
 * "half past two" → 2:30, "quarter to five" → 4:45. Without am/pm, o'clock or a cue ("at ten
 * thirty") hour-minute groups stay a digit string; "noon" and "midnight" stay words.
 */
import { parseNumberRun, type NumberRun } from './numberRun';
import { punctAt, wordAt, type Token } from './tokens';
import type { Tag, TimeValue } from './types';

export interface Meridiem {
  meridiem: 'am' | 'pm';
  end: number;
  /** Already written as a word ("pm", "p.m."), not spelled out as letters ("p m"). */
  written: boolean;
}

/** "am", "pm", "a m", "p m", "a.m.", "p.m." at `i`. */
export function meridiemAt(tokens: readonly Token[], i: number, limit: number): Meridiem | undefined {
  const word = wordAt(tokens, i, limit);
  if (word === 'am' || word === 'pm') return { meridiem: word, end: i + 1, written: true };
  if (word !== 'a' && word !== 'p') return undefined;
  const meridiem = word === 'a' ? 'am' : 'pm';
  if (
    punctAt(tokens, i + 1, limit) === '.' &&
    !tokens[i + 1]!.gapBefore &&
    wordAt(tokens, i + 2, limit) === 'm' &&
    !tokens[i + 2]!.gapBefore
  ) {
    const dotted = punctAt(tokens, i + 3, limit) === '.' && !tokens[i + 3]!.gapBefore;
    return { meridiem, end: dotted ? i + 4 : i + 3, written: true };
  }
  // "p m." ends a sentence: the full stop stays outside the time.
  if (wordAt(tokens, i + 1, limit) === 'm') return { meridiem, end: i + 2, written: false };
  return undefined;
}

/** "o'clock", "oclock", "o clock". */
export function oClockAt(tokens: readonly Token[], i: number, limit: number): number | undefined {
  const word = wordAt(tokens, i, limit);
  if (word === "o'clock" || word === 'oclock') return i + 1;
  if (word === 'o' && wordAt(tokens, i + 1, limit) === 'clock') return i + 2;
  return undefined;
}

const TIME_CUES = new Set(['at', 'around', 'by', 'until', 'till', 'til', 'before', 'after', 'from', 'about']);
const DAY_PARTS = new Set(['morning', 'afternoon', 'evening', 'night']);

/** A word before the run that says a clock time follows ("at ten thirty"). */
export function isTimeCue(word: string | undefined): boolean {
  return word !== undefined && TIME_CUES.has(word);
}

/** "in the morning" / "tonight" after the run. */
function dayPartAfter(tokens: readonly Token[], i: number, limit: number): boolean {
  const word = wordAt(tokens, i, limit);
  if (word === 'tonight' || word === 'tomorrow' || word === 'today') return true;
  return (word === 'in' || word === 'at') && wordAt(tokens, i + 1, limit) === 'the' && DAY_PARTS.has(wordAt(tokens, i + 2, limit) ?? '');
}

interface ClockReading {
  hour: number;
  minute: number;
  saidMinutes: boolean;
}

/**
 * Hours and minutes: one group for the hour ("seven"), then a pair for the minutes ("three thirty",
 * "eleven forty five") or "oh" and a digit ("seven oh five"). Digits said one by one ("five five
 * five") are never a time.
 */
function clockFromRun(run: NumberRun): ClockReading | undefined {
  if (run.sign || run.fraction !== undefined || run.slashBefore.some(Boolean)) return undefined;
  const [hour, minutes, unit] = run.groups;
  if (!hour || hour.ordinal || (hour.shape !== 'unit' && hour.shape !== 'pair') || hour.value > 24) return undefined;
  if (run.groups.length === 1) return { hour: hour.value, minute: 0, saidMinutes: false };
  if (run.groups.length === 2 && minutes!.shape === 'pair' && !minutes!.ordinal && minutes!.value >= 10) {
    return { hour: hour.value, minute: minutes!.value, saidMinutes: true };
  }
  if (run.groups.length === 3 && minutes!.digits === '0' && minutes!.shape === 'unit' && unit!.shape === 'unit' && !unit!.ordinal) {
    return { hour: hour.value, minute: unit!.value, saidMinutes: true };
  }
  return undefined;
}

function format(clock: ClockReading, meridiem?: 'am' | 'pm', forceMinutes = false): string {
  const base = clock.saidMinutes || forceMinutes ? `${clock.hour}:${String(clock.minute).padStart(2, '0')}` : String(clock.hour);
  return meridiem ? `${base} ${meridiem}` : base;
}

function timeTag(clock: ClockReading, first: number, end: number, meridiem?: 'am' | 'pm', forceMinutes = false): Tag {
  const value: TimeValue = { hour: clock.hour, minute: clock.minute };
  if (meridiem) value.meridiem = meridiem;
  return { kind: 'time', value, text: format(clock, meridiem, forceMinutes), first, end };
}

/** A run followed by am/pm or o'clock, or said after a time cue. */
export function tagTimeAfterRun(tokens: readonly Token[], run: NumberRun, limit: number, cueBefore: boolean): Tag | undefined {
  const clock = clockFromRun(run);
  if (!clock) return relativeTime(tokens, run, limit);
  const meridiem = meridiemAt(tokens, run.end, limit);
  if (meridiem) {
    if (clock.hour < 1 || clock.hour > 12 || clock.minute > 59) return undefined;
    return timeTag(clock, run.first, meridiem.end, meridiem.meridiem);
  }
  const oClock = oClockAt(tokens, run.end, limit);
  if (oClock !== undefined) {
    if (clock.saidMinutes || clock.hour < 1 || clock.hour > 12) return undefined;
    const after = meridiemAt(tokens, oClock, limit);
    return timeTag(clock, run.first, after ? after.end : oClock, after?.meridiem, true);
  }
  if (
    clock.saidMinutes &&
    run.groups.length >= 2 &&
    clock.hour >= 1 &&
    clock.hour <= 12 &&
    clock.minute <= 59 &&
    (cueBefore || dayPartAfter(tokens, run.end, limit))
  ) {
    return timeTag(clock, run.first, run.end);
  }
  return relativeTime(tokens, run, limit);
}

/** "ten past four p m", "twenty to six o'clock": minutes past or to an hour. */
function relativeTime(tokens: readonly Token[], run: NumberRun, limit: number): Tag | undefined {
  const relation = wordAt(tokens, run.end, limit);
  if (relation !== 'past' && relation !== 'to' && relation !== 'after') return undefined;
  if (run.groups.length !== 1 || run.sign || run.fraction !== undefined) return undefined;
  const minutes = run.groups[0]!;
  if (minutes.ordinal || minutes.shape === 'repeat' || minutes.value < 1 || minutes.value > 30) return undefined;
  // "nine to five" is a range: numeric minutes need am/pm or o'clock to be a time.
  return clockPhrase(tokens, minutes.value, relation === 'to' ? -1 : 1, run.first, run.end + 1, limit, false);
}

/** "half past two", "a quarter to five", "quarter past three p m". */
export function tagClockWords(tokens: readonly Token[], i: number, limit: number): Tag | undefined {
  let position = i;
  if (wordAt(tokens, position, limit) === 'a') position++;
  const word = wordAt(tokens, position, limit);
  const minutes = word === 'half' ? 30 : word === 'quarter' ? 15 : undefined;
  if (minutes === undefined) return undefined;
  const relation = wordAt(tokens, position + 1, limit);
  if (relation !== 'past' && relation !== 'to' && relation !== 'after' && relation !== 'til' && relation !== 'till') return undefined;
  if (minutes === 30 && relation !== 'past' && relation !== 'after') return undefined;
  return clockPhrase(tokens, minutes, relation === 'past' || relation === 'after' ? 1 : -1, i, position + 2, limit, true);
}

function clockPhrase(
  tokens: readonly Token[],
  minutes: number,
  direction: 1 | -1,
  first: number,
  hourAt: number,
  limit: number,
  sure: boolean,
): Tag | undefined {
  const hourRun = parseNumberRun(tokens, hourAt, limit);
  const hour = hourRun?.groups[0];
  if (
    !hourRun ||
    !hour ||
    hourRun.groups.length !== 1 ||
    hourRun.sign ||
    hourRun.fraction !== undefined ||
    hour.ordinal ||
    hour.value < 1 ||
    hour.value > 12
  )
    return undefined;
  let end = hourRun.end;
  const oClock = oClockAt(tokens, end, limit);
  if (oClock !== undefined) end = oClock;
  const meridiem = meridiemAt(tokens, end, limit);
  if (!sure && !meridiem && oClock === undefined) return undefined;
  if (meridiem) end = meridiem.end;
  let clockHour = hour.value;
  let minute = minutes;
  if (direction < 0) {
    clockHour = hour.value === 1 ? 12 : hour.value - 1;
    minute = 60 - minutes;
  }
  return timeTag({ hour: clockHour, minute, saidMinutes: true }, first, end, meridiem?.meridiem);
}
