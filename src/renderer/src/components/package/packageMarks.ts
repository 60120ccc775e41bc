/**
 * What the call has learned about the package, for drawing on it: the values the call contradicted and
 * the fields whose text tries to instruct the assistant (paths like "nextSteps.2", "facts.0.value": src/shared/packageFieldPath.ts).
 */
import type { AssistState } from '../../../../shared/callSchemas';
import type { FactName } from '../../../../shared/facts';
import { contradictedFacts, type ContradictedFact } from '../assist/assistFlags';

export interface PackageMarks {
  contradicted: ReadonlyMap<FactName, ContradictedFact>;
  injectionFields: ReadonlySet<string>;
}

export const NO_MARKS: PackageMarks = { contradicted: new Map(), injectionFields: new Set() };

export function packageMarks(assist: Pick<AssistState, 'facts' | 'injectionFields'> | undefined): PackageMarks {
  if (!assist) return NO_MARKS;
  const contradicted = contradictedFacts(assist.facts);
  if (contradicted.length === 0 && assist.injectionFields.length === 0) return NO_MARKS;
  return { contradicted: new Map(contradicted.map((fact) => [fact.name, fact])), injectionFields: new Set(assist.injectionFields) };
}
