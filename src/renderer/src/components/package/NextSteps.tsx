import { packageFieldPath } from '../../../../shared/packageFieldPath';
import { ClampedText } from '../ClampedText';
import { InjectionFlag } from '../assist/Flags';

export function NextSteps({ steps, injectionFields }: { steps: readonly string[]; injectionFields: ReadonlySet<string> }) {
  return (
    <section className="pkg-section">
      <h3 className="section-heading">Recommended next steps</h3>
      {steps.length === 0 ? (
        <p className="muted" data-testid="next-steps">
          The AI recommended no next steps.
        </p>
      ) : (
        <ol className="next-steps" data-testid="next-steps">
          {steps.map((step, i) => (
            <li key={i} className={injectionFields.has(packageFieldPath({ section: 'nextSteps', index: i })) ? 'injected-text' : undefined}>
              <ClampedText text={step} limit={300} />
              {injectionFields.has(packageFieldPath({ section: 'nextSteps', index: i })) && <InjectionFlag />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
