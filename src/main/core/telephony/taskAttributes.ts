/**
 * What the desk reads from a TaskRouter task's attributes (the contract is in docs/DEPLOYING.md):
 * where the handoff package is, which skill and language the call needs, and the customer's survey score.
 * Attributes are whatever the routing backend wrote, so every field is checked, never trusted.
 */
import type { RawPackage } from '../../../shared/handoffIntake';

export type Attributes = Record<string, unknown>;

export type PackageSource = { kind: 'inline'; raw: RawPackage; handoffId?: string } | { kind: 'url'; url: string; handoffId?: string };

/**
 * `handoff` (the package object, or its JSON as a string) wins over `handoffRaw` (the package as text),
 * which wins over `handoffUrl` (+ `handoffId`) for packages too large for the attributes. None → missing.
 */
export function packageSourceOf(attributes: Attributes): PackageSource {
  const handoffId = typeof attributes.handoffId === 'string' ? attributes.handoffId : undefined;
  const { handoff, handoffRaw, handoffUrl } = attributes;
  if (handoff !== undefined && handoff !== null) {
    if (typeof handoff === 'object') return { kind: 'inline', raw: { kind: 'object', value: handoff }, handoffId };
    // A number or a boolean is no package; as text the intake reports it as damaged rather than missing.
    return { kind: 'inline', raw: { kind: 'text', text: typeof handoff === 'string' ? handoff : JSON.stringify(handoff) }, handoffId };
  }
  if (typeof handoffRaw === 'string') return { kind: 'inline', raw: { kind: 'text', text: handoffRaw }, handoffId };
  if (typeof handoffUrl === 'string' && handoffUrl !== '') return { kind: 'url', url: handoffUrl, handoffId };
  return { kind: 'inline', raw: { kind: 'none' }, handoffId };
}

/**
 * Ringing text for a package that could not be fetched. The intake reports it as damaged (it is not
 * JSON) and shows this text as the excerpt, so the card says what went wrong instead of "missing".
 */
export function unfetchedPackageText(error: string): string {
  return `Package not fetched: ${error}.`;
}

export interface QueueFit {
  requiredSkills: string[];
  selectedLanguage?: string;
  workerSkills?: string[];
  workerLanguages?: string[];
  /** Empty when the call fits this agent (or when the attributes do not say enough to tell). */
  problems: string[];
}

/**
 * Compares what the task needs (`required_skill` / `required_skills`, `selected_language`) with what the
 * worker has (`skills`, `languages`). A side that does not use an attribute is not judged on it, so a
 * workspace without skills never sees a wrong-queue flag.
 */
export function queueFitOf(task: Attributes, worker: Attributes): QueueFit {
  const requiredSkills = [...stringList(task.required_skills), ...stringList(task.required_skill)];
  const selectedLanguage = typeof task.selected_language === 'string' && task.selected_language !== '' ? task.selected_language : undefined;
  const workerSkills = worker.skills === undefined ? undefined : stringList(worker.skills);
  const workerLanguages = worker.languages === undefined ? undefined : stringList(worker.languages);
  const problems: string[] = [];
  if (workerSkills) {
    const have = new Set(workerSkills.map((skill) => skill.toLowerCase()));
    const missing = requiredSkills.filter((skill) => !have.has(skill.toLowerCase()));
    if (missing.length > 0)
      problems.push(`needs ${plural(missing.length, 'skill')} ${missing.join(', ')}; this agent has ${workerSkills.join(', ') || 'none'}`);
  }
  if (workerLanguages && selectedLanguage && !workerLanguages.some((language) => sameLanguage(language, selectedLanguage))) {
    problems.push(`caller's language is ${selectedLanguage}; this agent speaks ${workerLanguages.join(', ') || 'none listed'}`);
  }
  return { requiredSkills, selectedLanguage, workerSkills, workerLanguages, problems };
}

/** The post-handoff survey score when the attributes carry a valid one (an integer 1-5). */
export function csatOf(attributes: Attributes): number | undefined {
  const value = typeof attributes.csat === 'string' ? Number(attributes.csat) : attributes.csat;
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5 ? value : undefined;
}

function stringList(value: unknown): string[] {
  if (typeof value === 'string') return value === '' ? [] : [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string' && item !== '') : [];
}

/** `en` matches `en-US` and `EN`: agents list languages, callers arrive with regional tags. */
function sameLanguage(a: string, b: string): boolean {
  const primary = (tag: string) => tag.toLowerCase().split(/[-_]/)[0];
  return a.toLowerCase() === b.toLowerCase() || primary(a) === primary(b);
}

function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`;
}
