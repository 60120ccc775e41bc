import { packageFieldPath } from '../../../../shared/packageFieldPath';
import { labelOfFact, usePack } from '../../state/packStore';
import { displayFactValue } from '../../../../shared/valueDisplay';
import type { PackageFact } from '../../../../shared/handoffPackage';
import { ClampedText } from '../ClampedText';
import { ContradictedFlag, InjectionFlag } from '../assist/Flags';
import type { PackageMarks } from './packageMarks';

export function FactsTable({ facts, marks }: { facts: readonly PackageFact[]; marks: PackageMarks }) {
  const pack = usePack();
  return (
    <section className="pkg-section">
      <h3 className="section-heading">Facts the AI collected</h3>
      <table className="data-table facts-table" data-testid="facts-table">
        <thead>
          <tr>
            <th scope="col">Fact</th>
            <th scope="col">Value</th>
            <th scope="col" className="fact-source-heading">
              Source
            </th>
          </tr>
        </thead>
        <tbody>
          {facts.length === 0 && (
            <tr>
              <td colSpan={3} className="muted">
                No facts collected: ask for what you need.
              </td>
            </tr>
          )}
          {facts.map((fact, i) => {
            const contradicted = marks.contradicted.get(fact.name);
            const injected = marks.injectionFields.has(packageFieldPath({ section: 'facts', index: i, part: 'value' }));
            return (
              <tr
                key={i}
                data-testid="fact-row"
                data-fact={fact.name}
                data-contradicted={contradicted !== undefined}
                className={contradicted ? 'fact-row-contradicted' : injected ? 'fact-row-injected' : undefined}
              >
                <th scope="row" className="fact-label">
                  {labelOfFact(fact.name)}
                </th>
                <td className="fact-value">
                  {contradicted ? (
                    <ContradictedFlag fact={{ ...contradicted, packageValue: contradicted.packageValue ?? fact.value }} />
                  ) : (
                    <ClampedText text={displayFactValue(pack, fact.name, fact.value)} limit={200} />
                  )}
                  {injected && <InjectionFlag />}
                  {/* Shown instead of the Source column where the column is narrow (on a call). */}
                  <span className="fact-source-inline" aria-hidden="true">
                    <ClampedText text={fact.source} limit={80} />
                  </span>
                </td>
                <td className="fact-source">
                  <ClampedText text={fact.source} limit={80} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
