import { memo } from 'react';
import type { HeardFact } from '../../../../shared/callSchemas';
import { labelOfFact, usePack } from '../../state/packStore';
import { displayFactValue } from '../../../../shared/valueDisplay';
import { ClampedText } from '../ClampedText';
import { isContradicted } from '../assist/assistFlags';
import { ContradictedFlag } from '../assist/Flags';

/** What the assistant has heard so far, and where: the package or a numbered turn. */
export const HeardFacts = memo(function HeardFacts({ facts }: { facts: readonly HeardFact[] }) {
  const pack = usePack();
  return (
    <section className="assist-section heard-facts" aria-labelledby="heard-heading">
      <h3 id="heard-heading" className="assist-heading">
        Facts heard
      </h3>
      {facts.length === 0 ? (
        <p className="muted assist-empty">None yet.</p>
      ) : (
        <ul className="heard-list" data-testid="heard-facts">
          {facts.map((fact, i) => (
            <li key={`${fact.name}-${i}`} className={isContradicted(fact) ? 'heard heard-corrected' : 'heard'} data-fact={fact.name}>
              <span className="heard-name">{labelOfFact(fact.name)}</span>
              {isContradicted(fact) ? (
                <ContradictedFlag fact={fact} />
              ) : (
                <>
                  <ClampedText text={displayFactValue(pack, fact.name, fact.value)} limit={160} className="heard-value" />
                  <span className="heard-source">{fact.source === 'package' ? 'package' : `turn ${fact.source + 1}`}</span>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
