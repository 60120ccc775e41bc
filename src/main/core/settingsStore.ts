/**
 * Settings: the agent's own choices in settings.json, under the policies IT deploys (registry, macOS
 * profiles, managed-settings.json: see policy/managedPolicy.ts), which win and lock their keys.
 */
import { promises as fs } from 'node:fs';
import { DeskError } from '../../shared/ipc/envelope';
import {
  DEFAULT_SETTINGS,
  SECRET_OF_ENDPOINT,
  SettingsSchema,
  type EndpointWithSecret,
  type Settings,
  type SettingsPatch,
} from '../../shared/settings';
import { ALL_ROUTINE_TASKS } from '../../shared/handBackPolicy';
import type { SecretName } from './ports';
import { jsonPolicyFile } from './policy/jsonPolicyFile';
import { describePolicyProblem, readManagedPolicy, type PolicyProblem, type PolicySource } from './policy/managedPolicy';

export interface SettingsStoreOptions {
  /** Called when an endpoint that receives a secret changes: the secret is removed, so it must be entered again. */
  clearSecret?(name: SecretName): Promise<void>;
}

export class SettingsStore {
  /** Which tasks the pack in use marks routine: only those (or "*") may be on the hand-back list. Set once the pack is open. */
  private isRoutineTask: (task: string) => boolean = () => true;
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
  constructor(
    paths: { userPath?: string; managedPath?: string; policySources?: readonly PolicySource[] },
    private readonly options: SettingsStoreOptions = {},
  ) {
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

  /**
   * From now on only the pack's routine tasks may be on the hand-back list; entries already read from a
   * file that are not are dropped and reported (the pack is known only after settings name it).
   */
  restrictHandBackTasks(isRoutineTask: (task: string) => boolean): void {
    this.isRoutineTask = isRoutineTask;
    for (const [what, patch] of [
      ['settings', this.user],
      ['managed settings', this.managed],
    ] as const) {
      const tasks = patch.handBackAllowList;
      if (!tasks) continue;
      const notRoutine = tasks.filter((task) => task !== ALL_ROUTINE_TASKS && !isRoutineTask(task));
      if (!notRoutine.length) continue;
      this.problems.push(`Ignored in ${what}: ${notRoutine.join(', ')} on the hand-back list (not a routine task of the domain pack)`);
      patch.handBackAllowList = tasks.filter((task) => !notRoutine.includes(task));
    }
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
    const notRoutine = (patch.handBackAllowList ?? []).filter((task) => task !== ALL_ROUTINE_TASKS && !this.isRoutineTask(task));
    if (notRoutine.length)
      throw new DeskError('invalid_input', `Only routine tasks may be handed back: ${notRoutine.join(', ')} is not a routine task.`);
    const before = this.current;
    const next = { ...this.user, ...patch };
    const checked = SettingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...next });
    if (!checked.success)
      throw new DeskError('invalid_input', checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    if (this.userPath) await fs.writeFile(this.userPath, JSON.stringify(next, null, 2), { mode: 0o600 });
    this.user = next;
    // A secret was entered for one endpoint; it must not follow the endpoint somewhere else.
    for (const key of Object.keys(SECRET_OF_ENDPOINT) as EndpointWithSecret[]) {
      if (key in patch && this.current[key] !== before[key]) await this.options.clearSecret?.(SECRET_OF_ENDPOINT[key]);
    }
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
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      this.problems.push(`Ignored ${what} in ${filePath}: ${(error as Error).message}`);
      return {};
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      this.problems.push(`Ignored ${what} in ${filePath}: not an object`);
      return {};
    }
    // Key by key: one bad value (a plain-http endpoint, a task that is not routine) is dropped and said, the rest kept.
    const patch: Record<string, unknown> = {};
    const shape = SettingsSchema.shape as Record<
      string,
      { safeParse(value: unknown): { success: boolean; data?: unknown; error?: { issues: Array<{ message: string }> } } }
    >;
    for (const [key, value] of Object.entries(parsed)) {
      const field = shape[key];
      if (!field) {
        this.problems.push(`Ignored ${what} in ${filePath}: unknown setting ${key}`);
        continue;
      }
      const result = field.safeParse(value);
      if (!result.success) {
        this.problems.push(`Ignored ${what} in ${filePath}: ${key} ${result.error?.issues[0]?.message ?? 'is invalid'}`);
        continue;
      }
      patch[key] = result.data;
    }
    return patch as SettingsPatch;
  }
}
