/** The desk's lookups beside the AI's own, from the package: which of the AI's attempts is the same lookup. */
import type { LookupRecord } from './callSchemas';
import type { AiAttempt } from './handoffPackage';

/**
 * The AI's attempt in the package at the same lookup (same tool, one input value in common), if any:
 * the desk shows its answer beside it, so a disagreement is said, never left as a silent contradiction.
 */
export function packageAttemptFor(lookup: Pick<LookupRecord, 'tool' | 'input'>, attempts: readonly AiAttempt[]): AiAttempt | undefined {
  const values = new Set(Object.values(lookup.input));
  return attempts.find(
    (attempt) =>
      attempt.tool === lookup.tool && Object.values(attempt.input).some((value) => typeof value === 'string' && values.has(value)),
  );
}
