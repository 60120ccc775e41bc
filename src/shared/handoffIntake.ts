/**
 * Turns whatever the AI sent into an IntakeResult: a valid, normalised package, "missing", or
 * "malformed" with errors a person can act on. Pure, so the main process, the CLI and tests share it.
 */
import { normalisePhone, type FactSchema } from './facts';
import { HandoffPackageSchema, MAX_PACKAGE_BYTES, type HandoffPackage, type IntakeResult, type PackageFact } from './handoffPackage';
import { checkValueShape, scanJsonText, type ShapeProblem } from './jsonShape';
import { packageFieldPath } from './packageFieldPath';
import { hasUnsafeCharacters, looksLikeMarkup, stripUnsafeCharacters } from './text';

const EXCERPT_CHARS = 2_000;
/** No fact (an id, a phone, a date, a level) is this long; a longer value is shown as sent, not normalised. */
export const MAX_NORMALISED_FACT_CHARS = 1_000;
/** A handoff package is a few levels deep (aiAttempts.N.input.…); anything far deeper is damage or an attack. */
export const MAX_PACKAGE_DEPTH = 32;
/** Entries in one object or array (the schema's own lists are smaller still). */
export const MAX_CONTAINER_ENTRIES = 1_000;
const SHAPE_LIMITS = { maxDepth: MAX_PACKAGE_DEPTH, maxEntries: MAX_CONTAINER_ENTRIES };

export type RawPackage = { kind: 'none' } | { kind: 'text'; text: string } | { kind: 'object'; value: unknown };

/**
 * `facts` is the fact schema of the domain pack in use: fact values are written the pack's canonical
 * way and names it does not declare are noted. Without it values are only cleaned.
 */
export function intakePackage(raw: RawPackage, facts?: FactSchema): IntakeResult {
  if (raw.kind === 'none') return { status: 'missing' };
  if (raw.kind === 'text') return intakeText(raw.text, facts);
  if (raw.value === null || raw.value === undefined) return { status: 'missing' };
  // Checked before JSON.stringify, which would overflow the stack on a value nested thousands deep.
  const problem = checkValueShape(raw.value, SHAPE_LIMITS);
  if (problem) return { status: 'malformed', errors: [describeShape(problem)], rawExcerpt: '', rawBytes: 0 };
  return intakeText(JSON.stringify(raw.value), facts);
}

function describeShape(problem: ShapeProblem): string {
  return problem.kind === 'too_deep'
    ? `package nests deeper than ${MAX_PACKAGE_DEPTH} levels (at ${problem.path})`
    : `field ${problem.path} has more than ${MAX_CONTAINER_ENTRIES} entries`;
}

function intakeText(received: string, facts: FactSchema | undefined): IntakeResult {
  // A byte-order mark some editors and HTTP stacks put first is not part of the JSON.
  const text = received.charCodeAt(0) === 0xfeff ? received.slice(1) : received;
  const rawBytes = utf8Length(text);
  const damaged = (errors: string[]): IntakeResult => ({
    status: 'malformed',
    errors,
    rawExcerpt: stripUnsafeCharacters(text.slice(0, EXCERPT_CHARS)),
    rawBytes,
  });
  if (text.trim() === '' || text.trim() === 'null') return { status: 'missing' };
  if (rawBytes > MAX_PACKAGE_BYTES) {
    return damaged([`package is ${formatKb(rawBytes)}, over the ${formatKb(MAX_PACKAGE_BYTES)} limit`]);
  }
  const shape = scanJsonText(text, SHAPE_LIMITS);
  if (shape.problem) return damaged([describeShape(shape.problem)]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return damaged([`package is not valid JSON (${(error as Error).message}); it may have been cut off`]);
  }
  // Invisible characters go before validation, so ids and codes are checked as they will be used.
  const hiddenCharacters: string[] = [];
  const cleaned = removeHiddenCharacters(parsed, [], hiddenCharacters);
  const result = HandoffPackageSchema.safeParse(cleaned);
  if (!result.success) {
    return damaged(result.error.issues.slice(0, 20).map((issue) => describeIssue(issue.path, issue.message)));
  }
  const normalised = normalisePackage(result.data, facts);
  const warnings = [
    ...hiddenCharacters.map((where) => `${where}: hidden characters removed`),
    ...shape.duplicateKeys.map((where) => `${where}: the key appears twice; the last one is shown`),
    ...normalised.warnings,
  ];
  return { status: 'ok', package: normalised.package, warnings, hiddenCharacters, duplicateKeys: shape.duplicateKeys };
}

/**
 * Every string in the package, keys included, loses its invisible characters; `found` gets the path of each
 * field that had some (for a record such as aiAttempts.N.input, the record's path). Depth is already bounded.
 */
function removeHiddenCharacters(value: unknown, path: readonly string[], found: string[]): unknown {
  const note = () => {
    const where = path.slice(0, 3).join('.') || 'package';
    if (!found.includes(where)) found.push(where);
  };
  if (typeof value === 'string') {
    if (!hasUnsafeCharacters(value)) return value;
    note();
    return stripUnsafeCharacters(value);
  }
  if (Array.isArray(value)) return value.map((item, index) => removeHiddenCharacters(item, [...path, String(index)], found));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) {
      let cleanKey = key;
      if (hasUnsafeCharacters(key)) {
        note();
        cleanKey = stripUnsafeCharacters(key);
      }
      out[cleanKey] = removeHiddenCharacters(child, [...path, cleanKey], found);
    }
    return out;
  }
  return value;
}

function describeIssue(path: PropertyKey[], message: string): string {
  const field = path.length ? path.map(String).join('.') : 'package';
  return `field ${field} invalid: ${message}`;
}

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

function formatKb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}

/** Normalises fact values and removes invisible characters; notes what it changed so the UI can say so. */
function normalisePackage(pkg: HandoffPackage, facts: FactSchema | undefined): { package: HandoffPackage; warnings: string[] } {
  const warnings: string[] = [];
  pkg.facts.forEach((fact, i) => {
    if (facts && !facts.spec(fact.name))
      warnings.push(`${packageFieldPath({ section: 'facts', index: i })}: "${fact.name}" is not a fact this desk's domain pack declares`);
  });
  // Hidden characters are already gone (removeHiddenCharacters); what is left to say is markup.
  const clean = (value: string, where: string): string => {
    if (looksLikeMarkup(value)) warnings.push(`${where}: contains markup, shown as plain text`);
    return value;
  };
  const normalised: HandoffPackage = {
    ...pkg,
    caller: {
      ...pkg.caller,
      name: clean(pkg.caller.name, packageFieldPath({ section: 'caller', part: 'name' })),
      phone:
        pkg.caller.phone.length <= MAX_NORMALISED_FACT_CHARS
          ? normalisePhone(pkg.caller.phone, facts?.source.defaultRegion)
          : pkg.caller.phone,
      verification: clean(pkg.caller.verification, packageFieldPath({ section: 'caller', part: 'verification' })),
    },
    intent: { ...pkg.intent, label: clean(pkg.intent.label, packageFieldPath({ section: 'intent', part: 'label' })) },
    summary: clean(pkg.summary, packageFieldPath({ section: 'summary' })),
    facts: pkg.facts.map((fact, index) => {
      const valuePath = packageFieldPath({ section: 'facts', index, part: 'value' });
      return {
        name: fact.name,
        value: normaliseBoundedFact(facts, fact.name, clean(fact.value, valuePath), valuePath, warnings),
        source: clean(fact.source, packageFieldPath({ section: 'facts', index, part: 'source' })),
      };
    }),
    aiAttempts: pkg.aiAttempts.map((attempt, index) => ({
      ...attempt,
      tool: clean(attempt.tool, packageFieldPath({ section: 'aiAttempts', index, part: 'tool' })),
      result: clean(attempt.result, packageFieldPath({ section: 'aiAttempts', index, part: 'result' })),
    })),
    trigger: { ...pkg.trigger, detail: clean(pkg.trigger.detail, packageFieldPath({ section: 'trigger', part: 'detail' })) },
    nextSteps: pkg.nextSteps.map((step, index) => clean(step, packageFieldPath({ section: 'nextSteps', index }))),
  };
  if (pkg.packagedAtMs < pkg.triggeredAtMs) warnings.push('packagedAtMs is before triggeredAtMs');
  return { package: normalised, warnings: [...new Set(warnings)] };
}

function normaliseBoundedFact(
  facts: FactSchema | undefined,
  name: PackageFact['name'],
  value: string,
  where: string,
  warnings: string[],
): string {
  if (value.length <= MAX_NORMALISED_FACT_CHARS) return facts ? facts.normalise(name, value) : value.trim();
  warnings.push(`${where}: ${value.length} characters is too long for a ${name.replace(/_/g, ' ')}; shown as sent`);
  return value;
}
