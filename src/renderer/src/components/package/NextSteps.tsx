import { ClampedText } from '../ClampedText';

export function NextSteps({ steps }: { steps: readonly string[] }) {
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
            <li key={i}>
              <ClampedText text={step} limit={300} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
