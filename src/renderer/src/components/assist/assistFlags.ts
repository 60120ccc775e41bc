/**
 * The flags the assist state raises, as one list the panel can rank, pin and dismiss: package values
 * the call contradicted, text that tries to instruct the assistant (in a turn or in the package), and
 * customer repeats. Pure, so the ranking is the same wherever it is shown.
 */
import type { AssistState, HeardFact } from '../../../../shared/callSchemas';
import { labelOfFact } from '../../state/packStore';
import type { HandoffPackage, IntakeResult } from '../../../../shared/handoffPackage';
import { parsePackageFieldPath } from '../../../../shared/packageFieldPath';

export type ContradictedFact = HeardFact & { contradictedBy: number; packageValue?: string };

export type AssistFlag =
  | { id: string; kind: 'injection'; where: 'turn'; turnIndex: number }
  | { id: string; kind: 'injection'; where: 'package'; field: string; label: string; text?: string }
  | { id: string; kind: 'contradicted'; fact: ContradictedFact }
  | { id: string; kind: 'repeat'; turnIndex: number; factName: string };

/** Most urgent first: text steering the assistant, then wrong context, then repeats. */
const SEVERITY: Record<AssistFlag['kind'], number> = { injection: 0, contradicted: 1, repeat: 2 };

export function isContradicted(fact: HeardFact): fact is ContradictedFact {
  return fact.contradictedBy !== undefined;
}

export function contradictedFacts(facts: readonly HeardFact[]): ContradictedFact[] {
  return facts.filter(isContradicted);
}

export function assistFlags(
  assist: Pick<AssistState, 'facts' | 'repeats' | 'injectionTurns' | 'injectionFields'>,
  intake: IntakeResult,
): AssistFlag[] {
  const flags: AssistFlag[] = [
    ...assist.injectionFields.map((field): AssistFlag => ({
      id: `injection:package:${field}`,
      kind: 'injection',
      where: 'package',
      field,
      ...packageField(field, intake.status === 'ok' ? intake.package : undefined),
    })),
    ...assist.injectionTurns.map((turnIndex): AssistFlag => ({
      id: `injection:turn:${turnIndex}`,
      kind: 'injection',
      where: 'turn',
      turnIndex,
    })),
    ...contradictedFacts(assist.facts).map((fact): AssistFlag => ({ id: `contradicted:${fact.name}`, kind: 'contradicted', fact })),
    ...assist.repeats.map((repeat): AssistFlag => ({ id: `repeat:${repeat.turnIndex}:${repeat.factName}`, kind: 'repeat', ...repeat })),
  ];
  const unique = [...new Map(flags.map((flag) => [flag.id, flag])).values()];
  // Within a kind the latest turn first: it is what the conversation is about now.
  return unique.sort((a, b) => SEVERITY[a.kind] - SEVERITY[b.kind] || flagTurn(b) - flagTurn(a));
}

export function flagTurn(flag: AssistFlag): number {
  switch (flag.kind) {
    case 'injection':
      return flag.where === 'turn' ? flag.turnIndex : -1;
    case 'contradicted':
      return flag.fact.contradictedBy;
    case 'repeat':
      return flag.turnIndex;
  }
}

/** "nextSteps.2" → "Next step 3" and its text: where in the package the agent will find it. */
export function packageField(field: string, pkg: HandoffPackage | undefined): { label: string; text?: string } {
  const ref = parsePackageFieldPath(field);
  switch (ref?.section) {
    case 'summary':
      return { label: 'Summary', text: pkg?.summary };
    case 'trigger':
      return { label: 'Escalation reason', text: pkg?.trigger.detail };
    case 'nextSteps':
      return { label: `Next step ${ref.index + 1}`, text: pkg?.nextSteps[ref.index] };
    case 'facts': {
      const fact = pkg?.facts[ref.index];
      return { label: fact ? `Fact: ${labelOfFact(fact.name)}` : `Fact ${ref.index + 1}`, text: fact?.value };
    }
    case 'aiAttempts': {
      const attempt = pkg?.aiAttempts[ref.index];
      return { label: `What the AI tried, row ${ref.index + 1}${ref.part === 'result' ? ' (result)' : ''}`, text: attempt?.result };
    }
    default:
      return { label: `field ${field}` };
  }
}

export function turnWords(turnIndex: number): string {
  return `turn ${turnIndex + 1}`;
}
