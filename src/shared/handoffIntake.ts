/**
 * Turns whatever the AI sent into an IntakeResult: a valid, normalised package, "missing", or
 * "malformed" with errors a person can act on. Pure, so the main process, the CLI and tests share it.
 */
import { normalisePhone, type FactSchema } from './facts';
import { HandoffPackageSchema, MAX_PACKAGE_BYTES, type HandoffPackage, type IntakeResult } from './handoffPackage';
import { hasUnsafeCharacters, looksLikeMarkup, stripUnsafeCharacters } from './text';

const EXCERPT_CHARS = 2_000;

export type RawPackage =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'object'; value: unknown };

/**
 * `facts` is the fact schema of the domain pack in use: fact values are written the pack's canonical
 * way and names it does not declare are noted. Without it values are only cleaned.
 */
export function intakePackage(raw: RawPackage, facts?: FactSchema): IntakeResult {
  if (raw.kind === 'none') return { status: 'missing' };
  if (raw.kind === 'text') return intakeText(raw.text, facts);
  if (raw.value === null || raw.value === undefined) return { status: 'missing' };
  return intakeText(JSON.stringify(raw.value), facts);
}

function intakeText(text: string, facts: FactSchema | undefined): IntakeResult {
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
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return damaged([`package is not valid JSON (${(error as Error).message}); it may have been cut off`]);
  }
  const result = HandoffPackageSchema.safeParse(parsed);
  if (!result.success) {
    return damaged(result.error.issues.slice(0, 20).map((issue) => describeIssue(issue.path, issue.message)));
  }
  return { status: 'ok', ...normalisePackage(result.data, facts) };
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
    if (facts && !facts.spec(fact.name)) warnings.push(`facts.${i}: "${fact.name}" is not a fact this desk's domain pack declares`);
  });
  const clean = (value: string, where: string): string => {
    if (hasUnsafeCharacters(value)) warnings.push(`${where}: hidden control or direction characters removed`);
    if (looksLikeMarkup(value)) warnings.push(`${where}: contains markup, shown as plain text`);
    return stripUnsafeCharacters(value);
  };
  const normalised: HandoffPackage = {
    ...pkg,
    caller: {
      ...pkg.caller,
      name: clean(pkg.caller.name, 'caller.name'),
      phone: normalisePhone(clean(pkg.caller.phone, 'caller.phone'), facts?.source.defaultRegion),
      verification: clean(pkg.caller.verification, 'caller.verification'),
    },
    intent: { ...pkg.intent, label: clean(pkg.intent.label, 'intent.label') },
    summary: clean(pkg.summary, 'summary'),
    facts: pkg.facts.map((fact, i) => ({
      name: fact.name,
      value: facts ? facts.normalise(fact.name, clean(fact.value, `facts.${i}.value`)) : clean(fact.value, `facts.${i}.value`).trim(),
      source: clean(fact.source, `facts.${i}.source`),
    })),
    aiAttempts: pkg.aiAttempts.map((attempt, i) => ({
      ...attempt,
      tool: clean(attempt.tool, `aiAttempts.${i}.tool`),
      result: clean(attempt.result, `aiAttempts.${i}.result`),
    })),
    trigger: { ...pkg.trigger, detail: clean(pkg.trigger.detail, 'trigger.detail') },
    nextSteps: pkg.nextSteps.map((step, i) => clean(step, `nextSteps.${i}`)),
  };
  if (pkg.packagedAtMs < pkg.triggeredAtMs) warnings.push('packagedAtMs is before triggeredAtMs');
  return { package: normalised, warnings: [...new Set(warnings)] };
}
