/** The daily points behind the over-time plots, as a table: every plotted number readable as text. */
import type { HandoffMetrics } from '../../../../shared/handoffMetrics';
import { formatDay, formatMean, formatMs, formatShare } from './metricsFormat';

export function DailyTable({ daily }: { daily: HandoffMetrics['daily'] }) {
  return (
    <section className="metrics-card metrics-card-wide" aria-labelledby="metrics-daily-title" data-testid="metrics-card-daily">
      <header className="metrics-card-header">
        <h2 id="metrics-daily-title" className="metrics-card-title">
          Per day
        </h2>
        <p className="metrics-card-units">UTC days; the points of the lines above</p>
      </header>
      <div className="metrics-table-scroll">
        <table className="data-table metrics-table" data-testid="daily-table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col" className="num">
                Calls
              </th>
              <th scope="col" className="num">
                Context accuracy
              </th>
              <th scope="col" className="num">
                Repeats per call
              </th>
              <th scope="col" className="num">
                Customer CSAT
              </th>
              <th scope="col" className="num">
                Trigger → package p50
              </th>
            </tr>
          </thead>
          <tbody>
            {[...daily].reverse().map((day) => (
              <tr key={day.day} data-testid="daily-row" data-day={day.day}>
                <th scope="row" className="nowrap">
                  {formatDay(day.day)}
                </th>
                <td className="num">{day.calls}</td>
                <td className="num">{formatShare(day.contextAccuracy)}</td>
                <td className="num">{formatMean(day.repeatsPerCall)}</td>
                <td className="num">{formatMean(day.csat)}</td>
                <td className="num">{formatMs(day.triggerToPackageP50Ms)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
