import { packageFieldPath } from '../../../../shared/packageFieldPath';
import type { AiAttempt } from '../../../../shared/handoffPackage';
import { ClampedText } from '../ClampedText';
import { InjectionFlag } from '../assist/Flags';

export function AttemptsTable({ attempts, injectionFields }: { attempts: readonly AiAttempt[]; injectionFields: ReadonlySet<string> }) {
  return (
    <section className="pkg-section">
      <h3 className="section-heading">What the AI tried</h3>
      <table className="data-table attempts-table" data-testid="attempts-table">
        <thead>
          <tr>
            <th scope="col">Tool</th>
            <th scope="col">Input</th>
            <th scope="col">Outcome</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {attempts.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                The AI did not use any tools.
              </td>
            </tr>
          )}
          {attempts.map((attempt, i) => (
            <tr key={i} data-testid="attempt-row" data-ok={attempt.ok}>
              <th scope="row" className="attempt-tool">
                <ClampedText text={attempt.tool} limit={80} />
              </th>
              <td>
                <AttemptInput input={attempt.input} />
              </td>
              <td>
                <span className={`badge ${attempt.ok ? 'badge-ok' : 'badge-failed'}`}>{attempt.ok ? 'OK' : 'FAILED'}</span>
              </td>
              <td>
                <ClampedText text={attempt.result} limit={240} />
                {injectionFields.has(packageFieldPath({ section: 'aiAttempts', index: i, part: 'result' })) && <InjectionFlag />}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function AttemptInput({ input }: { input: Record<string, unknown> }) {
  const entries = Object.entries(input);
  if (entries.length === 0) return <span className="muted">none</span>;
  return (
    <dl className="key-values">
      {entries.map(([key, value]) => (
        <div key={key} className="key-value">
          <dt>
            <ClampedText text={key} limit={60} />:
          </dt>
          <dd>
            <ClampedText text={inputValueText(value)} limit={160} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Tool inputs are arbitrary JSON; anything that is not a string is shown as compact JSON. */
function inputValueText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
