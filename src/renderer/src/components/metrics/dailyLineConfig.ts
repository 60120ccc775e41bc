/** The over-time plots share one shape: a daily line and, dashed across the plot, the mean over the whole filter. */
import type { ChartConfiguration } from 'chart.js';
import { COLORS } from './chartSetup';
import { formatDay } from './metricsFormat';

export type LineConfig = ChartConfiguration<'line', (number | null)[], string>;

export interface DailyLine {
  days: readonly string[];
  values: readonly (number | null)[];
  label: string;
  color: string;
  /** The overall figure, drawn as a dashed line across every day. */
  mean: number | null;
  meanLabel: string;
  y: { title: string; min?: number; max?: number; suggestedMax?: number; stepSize?: number };
  format(value: number): string;
}

export function dailyLineConfig({ days, values, label, color, mean, meanLabel, y, format }: DailyLine): LineConfig {
  return {
    type: 'line',
    data: {
      labels: days.map(formatDay),
      datasets: [{ label, data: [...values], borderColor: color, backgroundColor: color, pointRadius: 4, borderWidth: 2, spanGaps: true }],
    },
    options: {
      scales: {
        y: {
          type: 'linear',
          min: y.min,
          max: y.max,
          suggestedMax: y.suggestedMax,
          ticks: { stepSize: y.stepSize },
          title: { display: true, text: y.title },
        },
        // Offset: a single day sits in the middle, not on the axis.
        x: { offset: true, grid: { display: false } },
      },
      plugins: {
        legend: { display: false },
        referenceLines: { lines: [{ value: mean, label: mean === null ? '' : `${meanLabel} ${format(mean)}`, color: COLORS.mean }] },
        tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.parsed.y === null ? '—' : format(item.parsed.y)}` } },
      },
    },
  };
}
