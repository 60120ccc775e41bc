/**
 * The handoff metrics (the seed's four plus the trigger mix) for a range of days and a trigger, as
 * plots with their numbers beside them, and the call records behind them as a CSV file.
 */
import { useMemo, useState } from 'react';
import { useDeskClient } from '../../state/deskClient';
import { pushNotice } from '../../state/noticeStore';
import { useMetrics } from '../../state/useMetrics';
import { downloadCsv } from './csvDownload';
import { dailyCards, DailyLineCard } from './DailyCharts';
import { DailyTable } from './DailyTable';
import { HandoffTimeChart } from './HandoffTimeChart';
import { MetricsFilters } from './MetricsFilters';
import { NO_FILTER, toMetricsFilter, type FilterInput } from './metricsFilter';
import { TriggerMixChart } from './TriggerMixChart';

export function MetricsView() {
  const client = useDeskClient();
  const [input, setInput] = useState<FilterInput>(NO_FILTER);
  const parsed = useMemo(() => toMetricsFilter(input), [input]);
  const filter = 'filter' in parsed ? parsed.filter : null;
  const { metrics, loading, error, reload } = useMetrics(client, filter);
  const cards = useMemo(() => (metrics ? dailyCards(metrics) : null), [metrics]);
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);

  const exportCsv = async () => {
    if (!filter) return;
    setExporting(true);
    const result = await client.call('exportCallRecordsCsv', filter);
    setExporting(false);
    if (!result.ok) return;
    const fileName = downloadCsv(result.value.csv);
    const words = `${result.value.rows} ${result.value.rows === 1 ? 'call' : 'calls'} exported to ${fileName}`;
    setExported(words);
    pushNotice('info', words);
  };

  const calls = metrics?.calls ?? 0;
  const state = !metrics ? 'loading' : calls === 0 ? 'empty' : 'ready';
  return (
    <div
      className="metrics-view"
      data-testid="metrics-view"
      data-state={state}
      data-calls={metrics?.calls ?? ''}
      data-loading={loading}
      aria-labelledby="metrics-heading"
    >
      <div className="metrics-toolbar">
        <h1 id="metrics-heading" className="page-title">
          Handoff metrics
        </h1>
        <MetricsFilters value={input} error={'error' in parsed ? parsed.error : null} onChange={setInput} />
        <div className="metrics-actions">
          <button type="button" className="btn" onClick={reload} disabled={!filter}>
            Refresh
          </button>
          <button
            type="button"
            className="btn btn-primary"
            data-testid="metrics-export"
            disabled={!filter || exporting || calls === 0}
            onClick={() => void exportCsv()}
          >
            {exporting ? 'Exporting…' : 'Export CSV'}
          </button>
        </div>
      </div>
      <p className="metrics-summary" aria-live="polite">
        {metrics ? (
          <>
            <strong data-testid="metrics-calls">{calls}</strong> {calls === 1 ? 'call' : 'calls'}
            {input.trigger || input.from || input.to ? ' match the filters' : ' stored'}
            {loading && <span className="muted"> · updating…</span>}
            {exported && (
              <span className="muted" data-testid="metrics-exported">
                {' '}
                · {exported}
              </span>
            )}
          </>
        ) : (
          <span className="muted">{error ? `The metrics could not be loaded: ${error}` : 'Loading the metrics…'}</span>
        )}
      </p>
      {metrics && calls === 0 && (
        <p className="metrics-empty muted" data-testid="metrics-empty">
          No calls {input.trigger || input.from || input.to ? 'match these filters' : 'stored yet'}. Metrics appear once calls end; in demo
          mode, ring a few demo calls.
        </p>
      )}
      {metrics && cards && calls > 0 && (
        <div className="metrics-grid">
          {/* Three columns: each wide card (plot and table side by side) beside one over-time plot. */}
          <HandoffTimeChart handoffTime={metrics.handoffTime} />
          <DailyLineCard {...cards.accuracy} />
          <TriggerMixChart mix={metrics.triggerMix} />
          <DailyLineCard {...cards.repeats} />
          <DailyLineCard {...cards.csat} />
          <DailyTable daily={metrics.daily} />
        </div>
      )}
    </div>
  );
}
