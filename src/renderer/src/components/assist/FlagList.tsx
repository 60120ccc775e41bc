/** The flags the call has raised so far, most urgent first, pinned ones on top. */
import { memo } from 'react';
import { labelOfFact } from '../../state/packStore';
import type { ItemTriage } from '../../state/useItemTriage';
import { ClampedText } from '../ClampedText';
import { AssistItem } from './AssistItem';
import { turnWords, type AssistFlag } from './assistFlags';
import { ContradictedFlag, INJECTION_WORDS, InjectionFlag, pluralFields, RepeatFlag, type ShowTurn } from './Flags';
import type { AssistSnapshot } from './assistSnapshot';

interface FlagListProps {
  flags: readonly AssistFlag[];
  triage: ItemTriage<AssistSnapshot>;
  onShowTurn: ShowTurn;
}

export const FlagList = memo(function FlagList({ flags, triage, onShowTurn }: FlagListProps) {
  const arranged = triage.arrange(
    flags,
    (flag) => flag.id,
    (snapshot) => (snapshot.kind === 'flag' ? snapshot.flag : undefined),
  );
  const contradicted = flags.filter((flag) => flag.kind === 'contradicted').length;
  const injected = flags.filter((flag) => flag.kind === 'injection' && flag.where === 'package').length;

  return (
    <section className="assist-section assist-flags" aria-labelledby="flags-heading">
      <h3 id="flags-heading" className="assist-heading">
        Flags {arranged.length > 0 && <span className="count">{arranged.length}</span>}
        {contradicted > 0 && (
          <span className="heading-alert heading-alert-contradicted" data-testid="contradicted-count">
            {pluralFields(contradicted, 'contradicted')}
          </span>
        )}
        {injected > 0 && (
          <span className="heading-alert heading-alert-injection">
            {pluralFields(injected, injected === 1 ? 'tries to instruct the assistant' : 'try to instruct the assistant')}
          </span>
        )}
      </h3>
      {arranged.length === 0 ? (
        <p className="muted assist-empty">{flags.length === 0 ? 'No flags yet.' : 'All flags dismissed.'}</p>
      ) : (
        <ul className="assist-list">
          {arranged.map(({ id, item: flag, pinned, stale }) => (
            <AssistItem
              key={id}
              id={id}
              name={flagName(flag)}
              className={`flag-item flag-item-${flag.kind}`}
              testId="flag-item"
              pinned={pinned}
              stale={stale}
              onPin={() => triage.togglePin(id, { kind: 'flag', flag })}
              onDismiss={() => triage.dismiss(id)}
              data={{ 'data-kind': flag.kind }}
            >
              <FlagBody flag={flag} onShowTurn={onShowTurn} />
            </AssistItem>
          ))}
        </ul>
      )}
    </section>
  );
});

function FlagBody({ flag, onShowTurn }: { flag: AssistFlag; onShowTurn: ShowTurn }) {
  switch (flag.kind) {
    case 'contradicted':
      return <ContradictedFlag fact={flag.fact} showLabel onShowTurn={onShowTurn} />;
    case 'repeat':
      return <RepeatFlag factName={flag.factName} turnIndex={flag.turnIndex} onShowTurn={onShowTurn} />;
    case 'injection':
      return flag.where === 'turn' ? (
        <InjectionFlag turnIndex={flag.turnIndex} onShowTurn={onShowTurn} />
      ) : (
        <>
          <InjectionFlag>
            Package, {flag.label}: {INJECTION_WORDS}
          </InjectionFlag>
          {flag.text && (
            <p className="flag-quote">
              <ClampedText text={flag.text} limit={140} />
            </p>
          )}
        </>
      );
  }
}

export function flagName(flag: AssistFlag): string {
  switch (flag.kind) {
    case 'contradicted':
      return `Contradicted ${labelOfFact(flag.fact.name)}, ${turnWords(flag.fact.contradictedBy)}`;
    case 'repeat':
      return `Repeat flag, ${labelOfFact(flag.factName)}, ${turnWords(flag.turnIndex)}`;
    case 'injection':
      return flag.where === 'turn' ? `Injection flag, ${turnWords(flag.turnIndex)}` : `Injection flag, package ${flag.label}`;
  }
}
