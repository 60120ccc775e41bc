/**
 * The over-time metrics: context accuracy, customer repeats and CSAT after the handoff, each a daily
 * line with the overall figures printed beside it. The agent's own rating is shown apart from CSAT.
 */
import { useMemo } from 'react';
import type { HandoffMetrics } from '../../../../shared/handoffMetrics';
import { ChartCanvas } from './ChartCanvas';
import { ChartCard, Figure } from './ChartCard';
import { COLORS } from './chartSetup';
import { dailyLineConfig } from './dailyLineConfig';
import { formatMean, formatShare } from './metricsFormat';

type Daily = HandoffMetrics['daily'];

const percent = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 1000) / 10);

export function ContextAccuracyChart({ daily, accuracy }: { daily: Daily; accuracy: HandoffMetrics['contextAccuracy'] }) {
  const config = useMemo(
    () =>
      dailyLineConfig({
        days: daily.map((day) => day.day),
        values: daily.map((day) => percent(day.contextAccuracy)),
        label: 'Accuracy per day',
        color: COLORS.accuracy,
        mean: percent(accuracy.mean),
        meanLabel: 'Mean',
        y: { min: 0, max: 100, title: '%' },
        format: (value) => `${value.toFixed(1)}%`,
      }),
    [daily, accuracy.mean],
  );
  return (
    <ChartCard id="context-accuracy" title="Context accuracy" units="share of package fields not contradicted in the call, %">
      <div className="metrics-figures">
        <Figure testId="figure-accuracy-mean" value={formatShare(accuracy.mean)} label="mean" raw={accuracy.mean} />
        <Figure
          testId="figure-accuracy-calls"
          value={String(accuracy.callsWithPackage)}
          label="calls with a package"
          raw={accuracy.callsWithPackage}
        />
      </div>
      <ChartCanvas config={config} label="Line chart of context accuracy per day, with the mean" testId="chart-context-accuracy" />
    </ChartCard>
  );
}

export function RepeatRateChart({ daily, repeats }: { daily: Daily; repeats: HandoffMetrics['repeats'] }) {
  const config = useMemo(
    () =>
      dailyLineConfig({
        days: daily.map((day) => day.day),
        values: daily.map((day) => day.repeatsPerCall),
        label: 'Repeats per call, per day',
        color: COLORS.repeats,
        mean: repeats.perCall,
        meanLabel: 'Mean',
        y: { min: 0, suggestedMax: 1, title: 'repeats per call' },
        format: (value) => value.toFixed(2),
      }),
    [daily, repeats.perCall],
  );
  return (
    <ChartCard id="repeat-rate" title="Customer repeats" units="times the customer repeated what the package already had">
      <div className="metrics-figures">
        <Figure testId="figure-repeats-per-call" value={formatMean(repeats.perCall)} label="repeats per call" raw={repeats.perCall} />
        <Figure
          testId="figure-repeats-share"
          value={formatShare(repeats.shareOfCallsWithAny)}
          label="of calls had any"
          raw={repeats.shareOfCallsWithAny}
        />
      </div>
      <ChartCanvas config={config} label="Line chart of customer repeats per call, per day, with the mean" testId="chart-repeat-rate" />
    </ChartCard>
  );
}

interface CsatChartProps {
  daily: Daily;
  csat: HandoffMetrics['csat'];
  agentRating: HandoffMetrics['agentRating'];
}

export function CsatChart({ daily, csat, agentRating }: CsatChartProps) {
  const config = useMemo(
    () =>
      dailyLineConfig({
        days: daily.map((day) => day.day),
        values: daily.map((day) => day.csat),
        label: 'Customer CSAT per day',
        color: COLORS.csat,
        mean: csat.mean,
        meanLabel: 'Mean',
        y: { min: 1, max: 5, stepSize: 1, title: 'score (1–5)' },
        format: (value) => value.toFixed(2),
      }),
    [daily, csat.mean],
  );
  return (
    <ChartCard id="csat" title="CSAT after the handoff" units="customer survey score, 1–5">
      <div className="metrics-figures">
        <Figure testId="figure-csat-mean" value={formatMean(csat.mean)} label="customer CSAT mean" raw={csat.mean} />
        <Figure testId="figure-csat-responses" value={String(csat.responses)} label="survey answers" raw={csat.responses} />
      </div>
      <ChartCanvas config={config} label="Line chart of customer CSAT per day, with the mean" testId="chart-csat" />
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
    </ChartCard>
  );
}
