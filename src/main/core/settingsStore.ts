/**
 * Settings: the agent's own choices in settings.json, under the policies IT deploys (registry, macOS
 * profiles, managed-settings.json: see policy/managedPolicy.ts), which win and lock their keys.
 */
import { promises as fs } from 'node:fs';
import { DeskError } from '../../shared/ipc/envelope';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema, type Settings, type SettingsPatch } from '../../shared/settings';
import { jsonPolicyFile } from './policy/jsonPolicyFile';
import { describePolicyProblem, readManagedPolicy, type PolicyProblem, type PolicySource } from './policy/managedPolicy';

export class SettingsStore {
  private user: SettingsPatch = {};
  private managed: SettingsPatch = {};
  readonly problems: string[] = [];
  /** What was wrong in IT's policies, by source and key (each also in `problems` as a sentence). */
  readonly policyProblems: PolicyProblem[] = [];

  private readonly userPath?: string;
  private readonly policySources: readonly PolicySource[];

  /**
   * Without a userPath the settings live in memory only (replays, tests). `policySources` are IT's, highest
   * precedence first; `managedPath` alone is the JSON file as the only source (the harness, the CLI).
   */
  constructor(paths: { userPath?: string; managedPath?: string; policySources?: readonly PolicySource[] }) {
    this.userPath = paths.userPath;
    this.policySources = paths.policySources ?? (paths.managedPath ? [jsonPolicyFile(paths.managedPath)] : []);
  }

  async load(): Promise<void> {
    if (this.userPath) this.user = await this.readPatch(this.userPath, 'settings');
    const policy = await readManagedPolicy(this.policySources);
    this.managed = policy.settings;
    this.policyProblems.push(...policy.problems);
    this.problems.push(...policy.problems.map(describePolicyProblem));
  }

  get current(): Settings {
    return { ...DEFAULT_SETTINGS, ...this.user, ...this.managed };
  }

  get locked(): string[] {
    return Object.keys(this.managed);
  }

  async update(patch: SettingsPatch): Promise<Settings> {
    const lockedKeys = Object.keys(patch).filter((key) => key in this.managed);
    if (lockedKeys.length) throw new DeskError('forbidden', `Set by your IT department: ${lockedKeys.join(', ')}`);
    const next = { ...this.user, ...patch };
    SettingsSchema.parse({ ...DEFAULT_SETTINGS, ...next });
    if (this.userPath) await fs.writeFile(this.userPath, JSON.stringify(next, null, 2), { mode: 0o600 });
    this.user = next;
    return this.current;
  }

  /** A damaged settings file is reported and ignored (defaults apply); it is not overwritten until the agent changes something. */
  private async readPatch(filePath: string, what: string): Promise<SettingsPatch> {
    let text: string;
    try {
      text = await fs.readFile(filePath, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
      this.problems.push(`Could not read ${what} (${filePath}): ${(error as Error).message}`);
      return {};
    }
    try {
      const parsed = SettingsPatchSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      this.problems.push(`Ignored ${what} in ${filePath}: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`);
    } catch (error) {
      this.problems.push(`Ignored ${what} in ${filePath}: ${(error as Error).message}`);
    }
    return {};
  }
}
