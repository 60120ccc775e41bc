import type { HeardFact } from '../../../../shared/callState';
import { FACT_LABELS } from '../../../../shared/facts';
import { ClampedText } from '../ClampedText';

/** What the assistant has heard so far, and where: the package or a numbered turn. */
export function HeardFacts({ facts }: { facts: readonly HeardFact[] }) {
  return (
    <section className="heard-facts" aria-labelledby="heard-heading">
      <h2 id="heard-heading" className="panel-heading">
        Facts heard
      </h2>
      {facts.length === 0 ? (
        <p className="muted">None yet.</p>
      ) : (
        <ul className="heard-list" data-testid="heard-facts">
          {facts.map((fact, i) => (
            <li key={`${fact.name}-${i}`} className={fact.contradictedBy !== undefined ? 'heard heard-corrected' : 'heard'} data-fact={fact.name}>
              <span className="heard-name">{FACT_LABELS[fact.name]}</span>
              <ClampedText text={fact.value} limit={160} className="heard-value" />
              <span className="heard-source">{fact.source === 'package' ? 'package' : `turn ${fact.source + 1}`}</span>
              {fact.contradictedBy !== undefined && (
                <span className="heard-correction">
                  Package said <ClampedText text={fact.packageValue ?? '?'} limit={80} />; corrected in turn {fact.contradictedBy + 1}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
