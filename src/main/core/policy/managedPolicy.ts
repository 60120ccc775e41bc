/**
 * Policies IT sets (Group Policy / Intune through the registry, macOS configuration profiles, the JSON
 * file): read from each source in order of precedence, every key checked against the settings schema on
 * its own. A damaged source or value is reported (which source, which key, why) and ignored, and the
 * next source down may still set that key; the keys that survive win over the agent's and are locked.
 */
import { SETTING_KINDS, SettingsSchema, isSettingKey, type SettingKind, type Settings, type SettingsPatch } from '../../../shared/settings';

/** A value as a source delivers it, before it is checked: registry data, plist values, JSON. */
export type RawPolicyValue = unknown;

export type PolicyRead =
  /** Nothing configured here (no key, no file): not a problem. */
  | { kind: 'absent' }
  | { kind: 'values'; values: Record<string, RawPolicyValue> }
  /** The source exists but could not be read or parsed as a whole. */
  | { kind: 'damaged'; reason: string };

export interface PolicySource {
  /** Where IT put it, as IT would name it: `HKLM\SOFTWARE\Policies\WhisperDesk\WhisperDesk`, a file path. */
  readonly name: string;
  read(): Promise<PolicyRead>;
}

export type PolicyProblemCode = 'source-damaged' | 'unknown-key' | 'wrong-type' | 'invalid-value';

export interface PolicyProblem {
  code: PolicyProblemCode;
  source: string;
  key?: string;
  detail: string;
}

export interface ManagedPolicy {
  settings: SettingsPatch;
  /** For each managed key, the source that set it. */
  setBy: Partial<Record<keyof Settings, string>>;
  problems: PolicyProblem[];
}

const NUMBER_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/**
 * Brings a source's value to the setting's type. Registry and plist cannot say everything JSON can:
 * a fractional number is a REG_SZ string, a boolean a REG_DWORD 0/1, a list a REG_MULTI_SZ or a subkey.
 */
export function coercePolicyValue(kind: SettingKind, raw: RawPolicyValue): { ok: true; value: unknown } | { ok: false; expected: string } {
  switch (kind) {
    case 'string':
    case 'enum':
      return typeof raw === 'string' ? { ok: true, value: raw } : { ok: false, expected: 'a string' };
    case 'integer':
    case 'number':
      if (typeof raw === 'number') return { ok: true, value: raw };
      if (typeof raw === 'string' && NUMBER_TEXT.test(raw)) return { ok: true, value: Number(raw) };
      return { ok: false, expected: 'a number' };
    case 'boolean':
      if (typeof raw === 'boolean') return { ok: true, value: raw };
      if (raw === 0 || raw === 1) return { ok: true, value: raw === 1 };
      if (raw === 'true' || raw === '1') return { ok: true, value: true };
      if (raw === 'false' || raw === '0') return { ok: true, value: false };
      return { ok: false, expected: 'true/false (REG_DWORD 1/0)' };
    case 'list':
      return Array.isArray(raw) && raw.every((item) => typeof item === 'string')
        ? { ok: true, value: raw }
        : { ok: false, expected: 'a list of strings' };
  }
}

function describeValue(raw: RawPolicyValue): string {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Checks one source's values key by key; what is wrong is reported and left out. */
export function validatePolicyValues(
  source: string,
  values: Record<string, RawPolicyValue>,
): { settings: SettingsPatch; problems: PolicyProblem[] } {
  const settings: Record<string, unknown> = {};
  const problems: PolicyProblem[] = [];
  for (const [key, raw] of Object.entries(values)) {
    if (!isSettingKey(key)) {
      problems.push({ code: 'unknown-key', source, key, detail: 'not a Whisper Desk setting' });
      continue;
    }
    const coerced = coercePolicyValue(SETTING_KINDS[key], raw);
    if (!coerced.ok) {
      problems.push({ code: 'wrong-type', source, key, detail: `expected ${coerced.expected}, got ${describeValue(raw)}` });
      continue;
    }
    const parsed = SettingsSchema.shape[key].safeParse(coerced.value);
    if (!parsed.success) {
      problems.push({
        code: 'invalid-value',
        source,
        key,
        detail: `${describeValue(raw)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
      });
      continue;
    }
    settings[key] = parsed.data;
  }
  return { settings: settings as SettingsPatch, problems };
}

/** Sources in order of precedence, highest first (HKLM before HKCU, the machine's profile before the user's, the OS's before the JSON file). */
export async function readManagedPolicy(sources: readonly PolicySource[]): Promise<ManagedPolicy> {
  const result: ManagedPolicy = { settings: {}, setBy: {}, problems: [] };
  for (const source of sources) {
    let read: PolicyRead;
    try {
      read = await source.read();
    } catch (error) {
      read = { kind: 'damaged', reason: (error as Error).message };
    }
    if (read.kind === 'absent') continue;
    if (read.kind === 'damaged') {
      result.problems.push({ code: 'source-damaged', source: source.name, detail: read.reason });
      continue;
    }
    const checked = validatePolicyValues(source.name, read.values);
    result.problems.push(...checked.problems);
    for (const [key, value] of Object.entries(checked.settings) as [keyof Settings, unknown][]) {
      if (key in result.settings) continue;
      (result.settings as Record<string, unknown>)[key] = value;
      result.setBy[key] = source.name;
    }
  }
  return result;
}

/** The sentence for the start-up problems list. */
export function describePolicyProblem(problem: PolicyProblem): string {
  if (problem.code === 'source-damaged') return `Ignored the policies in ${problem.source}: ${problem.detail}`;
  return `Ignored policy ${problem.key} in ${problem.source}: ${problem.detail}`;
}
