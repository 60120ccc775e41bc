/**
 * Settings: the agent's own choices in settings.json, under the managed settings IT deploys
 * (managed-settings.json or the path in WHISPER_DESK_MANAGED_SETTINGS), which win and lock their keys.
 */
import { promises as fs } from 'node:fs';
import { DeskError } from '../../shared/ipc/envelope';
import { DEFAULT_SETTINGS, SettingsPatchSchema, SettingsSchema, type Settings, type SettingsPatch } from '../../shared/settings';

export class SettingsStore {
  private user: SettingsPatch = {};
  private managed: SettingsPatch = {};
  readonly problems: string[] = [];

  private readonly userPath?: string;
  private readonly managedPath?: string;

  /** Without a userPath the settings live in memory only (replays, tests). */
  constructor(paths: { userPath?: string; managedPath?: string }) {
    this.userPath = paths.userPath;
    this.managedPath = paths.managedPath;
  }

  async load(): Promise<void> {
    if (this.userPath) this.user = await this.readPatch(this.userPath, 'settings');
    if (this.managedPath) this.managed = await this.readPatch(this.managedPath, 'managed settings');
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
