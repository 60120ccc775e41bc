import type { IntakeResult } from '../../../../shared/handoffPackage';
import { formatKb } from '../../displayFormat';
import { ClampedText } from '../ClampedText';
import { NoContextChecklist } from './NoContextChecklist';

type Malformed = Extract<IntakeResult, { status: 'malformed' }>;

/**
 * A package arrived but cannot be trusted. The headline says so in an agent's words; what the parser
 * found (field names, byte positions) and what arrived are behind toggles, for whoever fixes the AI side.
 */
export function DamagedPackage({ intake, agentName }: { intake: Malformed; agentName: string }) {
  return (
    <section className="package-state package-damaged" data-testid="package-damaged" role="alert">
      <h2 className="package-state-title">The AI&apos;s notes for this call arrived damaged</h2>
      <p>None of it is shown, so nothing wrong is taken as fact. Treat this as a call without context.</p>
      <details className="damage-errors" data-testid="package-technical">
        <summary>Technical detail ({intake.errors.length === 1 ? '1 problem' : `${intake.errors.length} problems`} found)</summary>
        <ul data-testid="package-errors">
          {intake.errors.map((error, i) => (
            <li key={i}>
              <ClampedText text={error} limit={300} />
            </li>
          ))}
        </ul>
      </details>
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
