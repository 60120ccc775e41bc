/**
 * The metrics view's filter as the agent sets it (days as YYYY-MM-DD, a trigger code or all) and as the
 * contract takes it (epoch milliseconds, half-open). Days are UTC, like the CLI's --from/--to and the
 * daily points, so the view and `cli metrics` count the same calls.
 */
import type { MetricsFilter } from '../../../../shared/handoffMetrics';

export interface FilterInput {
  from: string;
  to: string;
  /** '' = all triggers. */
  trigger: string;
}

export const NO_FILTER: FilterInput = { from: '', to: '', trigger: '' };

const DAY_MS = 86_400_000;

function dayStart(day: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const ms = Date.parse(`${day}T00:00:00Z`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The contract's filter, or an error in words when the range is backwards. */
export function toMetricsFilter(input: FilterInput): { filter: MetricsFilter } | { error: string } {
  const fromMs = dayStart(input.from);
  const toStart = dayStart(input.to);
  if (fromMs !== undefined && toStart !== undefined && toStart < fromMs) return { error: 'The “to” day is before the “from” day.' };
  const filter: MetricsFilter = {};
  if (fromMs !== undefined) filter.fromMs = fromMs;
  // "To" includes the whole day.
  if (toStart !== undefined) filter.toMs = toStart + DAY_MS;
  if (input.trigger) filter.triggerCode = input.trigger;
  return { filter };
}

/** Today as YYYY-MM-DD in local time, for the CSV file name. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
