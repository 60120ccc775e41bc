/** The metrics view's filters: a range of UTC days and one trigger (or all). Applied as they change. */
import { TRIGGER_CODES, TRIGGER_WORDS } from '../../../../shared/triggers';
import { triggerWordsOf } from '../../../../shared/triggers';
import { NO_FILTER, type FilterInput } from './metricsFilter';

interface MetricsFiltersProps {
  value: FilterInput;
  error: string | null;
  onChange(value: FilterInput): void;
}

export function MetricsFilters({ value, error, onChange }: MetricsFiltersProps) {
  const set = (patch: Partial<FilterInput>) => onChange({ ...value, ...patch });
  const filtered = value.from !== '' || value.to !== '' || value.trigger !== '';
  return (
    <fieldset className="metrics-filters" data-testid="metrics-filters">
      <legend className="visually-hidden">Filter the metrics</legend>
      <label className="metrics-filter">
        From <span className="muted">(UTC day)</span>
        <input
          type="date"
          data-testid="metrics-from"
          value={value.from}
          max={value.to || undefined}
          onChange={(event) => set({ from: event.target.value })}
        />
      </label>
      <label className="metrics-filter">
        To
        <input
          type="date"
          data-testid="metrics-to"
          value={value.to}
          min={value.from || undefined}
          onChange={(event) => set({ to: event.target.value })}
        />
      </label>
      <label className="metrics-filter">
        Trigger
        <select data-testid="metrics-trigger" value={value.trigger} onChange={(event) => set({ trigger: event.target.value })}>
          <option value="">All triggers</option>
          {TRIGGER_CODES.map((code) => (
            <option key={code} value={code} title={TRIGGER_WORDS[code]}>
              {triggerWordsOf(code)}
            </option>
          ))}
        </select>
      </label>
      {filtered && (
        <button type="button" className="btn btn-small" data-testid="metrics-clear" onClick={() => onChange(NO_FILTER)}>
          Clear filters
        </button>
      )}
      {error && (
        <p className="note note-error metrics-filter-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
