/**
 * The over-time metrics: context accuracy, customer repeats and CSAT after the handoff, each a daily
 * line with the overall figures printed beside it, drawn by one card component (`DailyLineCard`) from
 * three descriptions (`dailyCards`). The agent's own rating is shown apart from CSAT, under its plot.
 */
import { useMemo, type ReactNode } from 'react';
import type { HandoffMetrics } from '../../../../shared/handoffMetrics';
import { ChartCanvas } from './ChartCanvas';
import { ChartCard, Figure } from './ChartCard';
import { COLORS } from './chartSetup';
import { dailyLineConfig, type DailyLine } from './dailyLineConfig';
import { formatMean, formatShare } from './metricsFormat';

export interface DailyLineCardProps {
  id: string;
  title: string;
  units: string;
  /** The headline figures beside the plot, the same numbers as text. */
  figures: Array<{ testId: string; value: string; label: string; raw: number | null }>;
  line: DailyLine;
  /** What the plot shows, for a screen reader. */
  chartLabel: string;
  /** Below the plot. */
  footer?: ReactNode;
}

export function DailyLineCard({ id, title, units, figures, line, chartLabel, footer }: DailyLineCardProps) {
  const config = useMemo(() => dailyLineConfig(line), [line]);
  return (
    <ChartCard id={id} title={title} units={units}>
      <div className="metrics-figures">
        {figures.map((figure) => (
          <Figure key={figure.testId} {...figure} />
        ))}
      </div>
      <ChartCanvas config={config} label={chartLabel} testId={`chart-${id}`} />
      {footer}
    </ChartCard>
  );
}

const percent = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 1000) / 10);

/** The three over-time cards for one set of metrics; memoise on the metrics so each plot is rebuilt only when they change. */
export function dailyCards(metrics: HandoffMetrics): Record<'accuracy' | 'repeats' | 'csat', DailyLineCardProps> {
  const { daily, contextAccuracy: accuracy, repeats, csat, agentRating } = metrics;
  const days = daily.map((day) => day.day);
  return {
    accuracy: {
      id: 'context-accuracy',
      title: 'Context accuracy',
      units: 'share of package fields not contradicted in the call, %',
      figures: [
        { testId: 'figure-accuracy-mean', value: formatShare(accuracy.mean), label: 'mean', raw: accuracy.mean },
        {
          testId: 'figure-accuracy-calls',
          value: String(accuracy.callsWithPackage),
          label: 'calls with a package',
          raw: accuracy.callsWithPackage,
        },
      ],
      line: {
        days,
        values: daily.map((day) => percent(day.contextAccuracy)),
        label: 'Accuracy per day',
        color: COLORS.accuracy,
        mean: percent(accuracy.mean),
        meanLabel: 'Mean',
        y: { min: 0, max: 100, title: '%' },
        format: (value) => `${value.toFixed(1)}%`,
      },
      chartLabel: 'Line chart of context accuracy per day, with the mean',
    },
    repeats: {
      id: 'repeat-rate',
      title: 'Customer repeats',
      units: 'times the customer repeated what the package already had',
      figures: [
        { testId: 'figure-repeats-per-call', value: formatMean(repeats.perCall), label: 'repeats per call', raw: repeats.perCall },
        {
          testId: 'figure-repeats-share',
          value: formatShare(repeats.shareOfCallsWithAny),
          label: 'of calls had any',
          raw: repeats.shareOfCallsWithAny,
        },
      ],
      line: {
        days,
        values: daily.map((day) => day.repeatsPerCall),
        label: 'Repeats per call, per day',
        color: COLORS.repeats,
        mean: repeats.perCall,
        meanLabel: 'Mean',
        y: { min: 0, suggestedMax: 1, title: 'repeats per call' },
        format: (value) => value.toFixed(2),
      },
      chartLabel: 'Line chart of customer repeats per call, per day, with the mean',
    },
    csat: {
      id: 'csat',
      title: 'CSAT after the handoff',
      units: 'customer survey score, 1–5',
      figures: [
        { testId: 'figure-csat-mean', value: formatMean(csat.mean), label: 'customer CSAT mean', raw: csat.mean },
        { testId: 'figure-csat-responses', value: String(csat.responses), label: 'survey answers', raw: csat.responses },
      ],
      line: {
        days,
        values: daily.map((day) => day.csat),
        label: 'Customer CSAT per day',
        color: COLORS.csat,
        mean: csat.mean,
        meanLabel: 'Mean',
        y: { min: 1, max: 5, stepSize: 1, title: 'score (1–5)' },
        format: (value) => value.toFixed(2),
      },
      chartLabel: 'Line chart of customer CSAT per day, with the mean',
      footer: (
        <p
          className="metrics-agent-rating"
          data-testid="figure-agent-rating"
          data-value={agentRating.mean ?? ''}
          data-responses={agentRating.responses}
        >
          <span className="metrics-agent-rating-label">Agents’ own rating of the handoff</span> (not the customer’s):{' '}
          <strong>{formatMean(agentRating.mean)}</strong> / 5 from {agentRating.responses}{' '}
          {agentRating.responses === 1 ? 'rating' : 'ratings'}
        </p>
      ),
    },
  };
}
