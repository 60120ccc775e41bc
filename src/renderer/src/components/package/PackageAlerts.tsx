import { labelOfFact } from '../../state/packStore';
import type { HandoffPackage } from '../../../../shared/handoffPackage';
import { packageField } from '../assist/assistFlags';
import { pluralFields } from '../assist/Flags';
import type { PackageMarks } from './packageMarks';

/**
 * One line at the top of the package when the call found it wrong or hostile, so the agent does not
 * have to find the marked rows first. It stays in view while the package column scrolls.
 */
export function PackageAlerts({ marks, pkg }: { marks: PackageMarks; pkg: HandoffPackage }) {
  const contradicted = [...marks.contradicted.values()];
  const injected = marks.injectionFields.size;
  const injectedWhere = [...marks.injectionFields].map((field) => packageField(field, pkg).label).join(', ');
  if (contradicted.length === 0 && injected === 0) return null;
  return (
    <div className="package-alerts" data-testid="package-alerts" role="status">
      {contradicted.length > 0 && (
        <p className="package-alert package-alert-contradicted" data-testid="package-contradicted-count">
          <span aria-hidden="true">≠ </span>
          <strong>{pluralFields(contradicted.length, 'contradicted')}</strong>:{' '}
          {contradicted.map((fact) => labelOfFact(fact.name)).join(', ')}
        </p>
      )}
      {injected > 0 && (
        <p className="package-alert package-alert-injection" data-testid="package-injection-count">
          <span aria-hidden="true">⊘ </span>
          <strong>{pluralFields(injected, injected === 1 ? 'tries to instruct the assistant' : 'try to instruct the assistant')}</strong> —
          ignored ({injectedWhere}); read {injected === 1 ? 'it' : 'them'} with care
        </p>
      )}
    </div>
  );
}
