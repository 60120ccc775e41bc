/** A metrics card: a short title, the units, the plot, and the same numbers as text beside it. */
import type { ReactNode } from 'react';

interface ChartCardProps {
  id: string;
  title: string;
  units: string;
  className?: string;
  children: ReactNode;
}

export function ChartCard({ id, title, units, className, children }: ChartCardProps) {
  return (
    <section
      className={['metrics-card', className ?? ''].filter(Boolean).join(' ')}
      data-testid={`metrics-card-${id}`}
      aria-labelledby={`metrics-${id}-title`}
    >
      <header className="metrics-card-header">
        <h2 id={`metrics-${id}-title`} className="metrics-card-title">
          {title}
        </h2>
        <p className="metrics-card-units">{units}</p>
      </header>
      {children}
    </section>
  );
}

/** A headline figure: the number large, what it is small. */
export function Figure({ testId, value, label, raw }: { testId: string; value: string; label: string; raw: number | null }) {
  return (
    <p className="metrics-figure" data-testid={testId} data-value={raw ?? ''}>
      <strong className="metrics-figure-value">{value}</strong> <span className="metrics-figure-label">{label}</span>
    </p>
  );
}
