/** Trigger mix: calls per escalation trigger, stacked by how they ended (the wrap-up disposition). */
import { useMemo } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { CallOutcomeValues } from '../../../../shared/callSchemas';
import type { HandoffMetrics } from '../../../../shared/handoffMetrics';
import { triggerWordsOf } from '../../../../shared/triggers';
import { dispositionWords } from '../wrapup/dispositionWords';
import { ChartCanvas } from './ChartCanvas';
import { ChartCard } from './ChartCard';
import { DISPOSITION_COLORS } from './chartSetup';

type Mix = HandoffMetrics['triggerMix'];

/** Calls with no package have no trigger; the store files them under "none". */
export function triggerWords(code: string): string {
  return code === 'none' ? 'No package' : triggerWordsOf(code);
}

/** Dispositions in the wrap-up's order, then any the app does not know yet. */
function dispositionsIn(mix: Mix): string[] {
  const present = new Set(mix.flatMap((row) => Object.keys(row.byDisposition)));
  const known = CallOutcomeValues.filter((value) => present.has(value));
  return [...known, ...[...present].filter((value) => !(CallOutcomeValues as readonly string[]).includes(value)).sort()];
}

export function TriggerMixChart({ mix }: { mix: Mix }) {
  const dispositions = useMemo(() => dispositionsIn(mix), [mix]);
  const config = useMemo<ChartConfiguration<'bar', number[], string>>(
    () => ({
      type: 'bar',
      data: {
        labels: mix.map((row) => triggerWords(row.triggerCode)),
        datasets: dispositions.map((disposition) => ({
          label: dispositionWords(disposition),
          data: mix.map((row) => row.byDisposition[disposition] ?? 0),
          backgroundColor: DISPOSITION_COLORS[disposition] ?? '#8691a0',
        })),
      },
      options: {
        indexAxis: 'y',
        scales: {
          x: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'calls' } },
          // Trigger names are sentences ("AI could not complete the task"): wrapped, never cut at the axis.
          y: {
            stacked: true,
            grid: { display: false },
            ticks: {
              callback(value) {
                return wrapWords(this.getLabelForValue(Number(value)), 18);
              },
            },
          },
        },
        plugins: { legend: { position: 'bottom' } },
      },
    }),
    [mix, dispositions],
  );

  return (
    <ChartCard
      id="trigger-mix"
      title="Trigger mix"
      units="calls per escalation trigger, by outcome (wrap-up disposition)"
      className="metrics-card-wide"
    >
      <div className="metrics-card-split">
        <ChartCanvas config={config} label="Stacked bar chart of calls per trigger, by disposition" testId="chart-trigger-mix" />
        <table className="data-table metrics-table" data-testid="trigger-mix-table">
          <thead>
            <tr>
              <th scope="col">Trigger</th>
              <th scope="col" className="num">
                Calls
              </th>
              <th scope="col">Outcomes</th>
            </tr>
          </thead>
          <tbody>
            {mix.map((row) => (
              <tr key={row.triggerCode} data-testid="trigger-row" data-trigger={row.triggerCode}>
                <th scope="row">{triggerWords(row.triggerCode)}</th>
                <td className="num" data-testid="calls">
                  {row.calls}
                </td>
                <td className="metrics-outcomes">
                  {dispositions
                    .filter((disposition) => row.byDisposition[disposition])
                    .map((disposition) => `${dispositionWords(disposition)} ${row.byDisposition[disposition]}`)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}

/** "AI could not complete the task" → ["AI could not", "complete the task"]: lines of at most `width` characters. */
function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}
