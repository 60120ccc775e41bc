import type { IntakeResult } from '../../../../shared/handoffPackage';
import { formatKb } from '../../displayFormat';
import { ClampedText } from '../ClampedText';
import { NoContextChecklist } from './NoContextChecklist';

type Malformed = Extract<IntakeResult, { status: 'malformed' }>;

/** A package arrived but cannot be trusted: show why, what arrived (as inert text), and how to proceed. */
export function DamagedPackage({ intake, agentName }: { intake: Malformed; agentName: string }) {
  const [first = 'unknown error', ...rest] = intake.errors;
  return (
    <section className="package-state package-damaged" data-testid="package-damaged" role="alert">
      <h2 className="package-state-title">
        Context package damaged: <ClampedText text={first} limit={200} />
      </h2>
      <p>Nothing in it is shown as fact. Treat this as a call without context.</p>
      {rest.length > 0 && (
        <details className="damage-errors">
          <summary>All {intake.errors.length} problems found</summary>
          <ul data-testid="package-errors">
            {intake.errors.map((error, i) => (
              <li key={i}>
                <ClampedText text={error} limit={300} />
              </li>
            ))}
          </ul>
        </details>
      )}
      <details className="raw-excerpt">
        <summary>What arrived ({formatKb(intake.rawBytes)}, start shown as plain text)</summary>
        <pre className="raw-excerpt-text" dir="ltr">
          {intake.rawExcerpt || '(empty)'}
        </pre>
      </details>
      <NoContextChecklist agentName={agentName} />
    </section>
  );
}
