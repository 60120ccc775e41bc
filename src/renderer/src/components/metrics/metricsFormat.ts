/**
 * How the metrics read as text beside the plots. One rounding rule per kind of figure, so the text,
 * the tooltips and the tests agree: milliseconds whole, shares as percent with one decimal, means with
 * two decimals.
 */
export const NO_DATA = '—';

export function formatMs(ms: number | null): string {
  if (ms === null) return NO_DATA;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatShare(fraction: number | null): string {
  return fraction === null ? NO_DATA : `${(fraction * 100).toFixed(1)}%`;
}

export function formatMean(value: number | null): string {
  return value === null ? NO_DATA : value.toFixed(2);
}

/** Log-scale ticks: only the powers of ten, as 1 ms … 10 s. */
export function logTick(value: number | string): string {
  const ms = Number(value);
  const exponent = Math.log10(ms);
  if (Math.abs(exponent - Math.round(exponent)) > 1e-9) return '';
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

/** "2026-11-24" → "Nov 24" (days are UTC, as stored). */
export function formatDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString([], { month: 'short', day: 'numeric', timeZone: 'UTC' });
}
