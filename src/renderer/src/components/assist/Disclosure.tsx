/**
 * A details/summary whose default can change (the current step moves on) until the agent opens or
 * closes it; from then on the agent's choice stands.
 */
import { useState, type HTMLAttributes, type ReactNode } from 'react';

interface DisclosureProps {
  defaultOpen: boolean;
  summary: ReactNode;
  children: ReactNode;
  className?: string;
  testId?: string;
  /** On the summary (a roving tab stop sets its tabIndex and onFocus). */
  summaryProps?: HTMLAttributes<HTMLElement>;
}

export function Disclosure({ defaultOpen, summary, children, className, testId, summaryProps }: DisclosureProps) {
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? defaultOpen;
  return (
    <details
      className={className}
      data-testid={testId}
      open={open}
      onToggle={(event) => {
        // Also fires when React itself sets `open`; only a change away from what we rendered is the agent's.
        if (event.currentTarget.open !== open) setChosen(event.currentTarget.open);
      }}
    >
      <summary {...summaryProps}>{summary}</summary>
      {children}
    </details>
  );
}
