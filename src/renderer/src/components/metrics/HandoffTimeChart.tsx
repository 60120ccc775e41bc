/**
 * Handoff time per phase: p50 and p95 bars on a log scale (phases run from milliseconds to tens of
 * seconds), with the seed's targets as red marks, and the same figures in a table.
 */
import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { HANDOFF_TARGETS_MS, type HandoffMetrics } from '../../../../shared/handoffMetrics';
import { ChartCanvas } from './ChartCanvas';
import { ChartCard } from './ChartCard';
import { COLORS } from './chartSetup';
import { formatMs, logTick } from './metricsFormat';

type Phase = keyof HandoffMetrics['handoffTime'];

const PHASES: { key: Phase; from: string; to: string; targetMs?: number }[] = [
  { key: 'triggerToPackageMs', from: 'Trigger', to: 'package', targetMs: HANDOFF_TARGETS_MS.triggerToPackage },
  { key: 'packageToRingMs', from: 'Package', to: 'ring' },
  { key: 'ringToPickupMs', from: 'Ring', to: 'pickup', targetMs: HANDOFF_TARGETS_MS.routingToPickup },
  { key: 'pickupToGreetingMs', from: 'Pickup', to: 'greeting', targetMs: HANDOFF_TARGETS_MS.pickupToGreeting },
];

/** Targets are round numbers: "500 ms", "30 s", "5 s". */
function targetWords(ms: number): string {
  return ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`;
}

/** A log axis cannot show 0 ms; anything under 1 ms is drawn at 1 ms (the table keeps the real value). */
const FLOOR_MS = 1;
const onLog = (ms: number | null) => (ms === null ? null : Math.max(FLOOR_MS, ms));

type Config = ChartConfiguration<'bar' | 'line', (number | null)[], string[]>;

export function HandoffTimeChart({ handoffTime }: { handoffTime: HandoffMetrics['handoffTime'] }) {
  const config = useMemo<Config>(
    () => ({
      type: 'bar',
      data: {
        // Two-line labels, so the four phases fit side by side without tilting.
        labels: PHASES.map((phase) => [`${phase.from} →`, phase.to]),
        datasets: [
          { type: 'bar', label: 'p50', data: PHASES.map((phase) => onLog(handoffTime[phase.key].p50)), backgroundColor: COLORS.p50 },
          { type: 'bar', label: 'p95', data: PHASES.map((phase) => onLog(handoffTime[phase.key].p95)), backgroundColor: COLORS.p95 },
          {
            // A horizontal mark across each phase's bars at its target; no line between phases.
            type: 'line',
            label: 'Target',
            data: PHASES.map((phase) => phase.targetMs ?? null),
            showLine: false,
            pointStyle: 'line',
            pointRadius: 34,
            pointHoverRadius: 34,
            pointBorderWidth: 3,
            borderColor: COLORS.target,
            backgroundColor: COLORS.target,
          },
        ],
      },
      options: {
        scales: {
          y: { type: 'logarithmic', min: FLOOR_MS, title: { display: true, text: 'ms (log scale)' }, ticks: { callback: logTick } },
          x: { grid: { display: false } },
        },
        plugins: {
          legend: { position: 'bottom' },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${formatMs(item.parsed.y)}` } },
        },
      },
    }),
    [handoffTime],
  );

  return (
    <ChartCard
      id="handoff-time"
      title="Handoff time per phase"
      units="p50 and p95, milliseconds; red marks are the targets"
      className="metrics-card-wide"
    >
      <div className="metrics-card-split">
        <ChartCanvas
          config={config}
          label="Bar chart of handoff time per phase, p50 and p95, against the targets"
          testId="chart-handoff-time"
        />
        <table className="data-table metrics-table metrics-table-figures" data-testid="handoff-time-table">
          <thead>
            <tr>
              <th scope="col">Phase</th>
              <th scope="col" className="num">
                Calls
              </th>
              <th scope="col" className="num">
                p50
              </th>
              <th scope="col" className="num">
                p95
              </th>
              <th scope="col" className="num">
                Target
              </th>
            </tr>
          </thead>
          <tbody>
            {PHASES.map(({ key, from, to, targetMs }) => {
              const { n, p50, p95 } = handoffTime[key];
              const over = targetMs !== undefined && p95 !== null && p95 > targetMs;
              return (
                <tr key={key} data-testid="handoff-row" data-phase={key}>
                  <th scope="row">
                    {from} → {to}
                  </th>
                  <td className="num" data-testid="n">
                    {n}
                  </td>
                  <td className="num" data-testid="p50" data-value={p50 ?? ''}>
                    {formatMs(p50)}
                  </td>
                  <td className={over ? 'num metrics-over' : 'num'} data-testid="p95" data-value={p95 ?? ''}>
                    {formatMs(p95)}
                    {over && <span className="visually-hidden"> (over target)</span>}
                  </td>
                  <td className="num muted">{targetMs === undefined ? '—' : targetWords(targetMs)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}
