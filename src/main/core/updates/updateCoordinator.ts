/**
 * Carries out updatePolicy's decisions over time: remembers the phase and the last check, notes when the
 * desk was last busy, and asks the Updater port (electron-updater in the shell, a fake in tests) to act.
 */
import type { DeskSnapshot } from '../../../shared/ipc/deskContract';
import { decideUpdate, deskActivity, type UpdateDecision, type UpdateFeed, type UpdatePhase, type UpdateSettings } from './updatePolicy';

export interface Updater {
  /** Looks at the feed; true when a newer version is there. */
  check(feed: UpdateFeed): Promise<{ available: boolean; version?: string }>;
  download(): Promise<void>;
  /** Quits and installs: called only when the policy allows it. */
  install(): void;
}

export interface UpdateCoordinatorOptions {
  updater: Updater;
  packaged: boolean;
  builtInFeed: boolean;
  now(): number;
  log?(message: string): void;
}

export interface UpdateContext {
  settings: UpdateSettings;
  lockedKeys: readonly string[];
  snapshot: Pick<DeskSnapshot, 'activeCall' | 'telephony' | 'mode'>;
  quitting?: boolean;
}

export class UpdateCoordinator {
  private phase: UpdatePhase = 'idle';
  private lastCheckAt?: number;
  private busyUntil?: number;
  private version?: string;

  constructor(private readonly options: UpdateCoordinatorOptions) {}

  get state(): { phase: UpdatePhase; version?: string; lastCheckAt?: number } {
    return { phase: this.phase, version: this.version, lastCheckAt: this.lastCheckAt };
  }

  /** One look at the desk; returns the decision it acted on (the work itself runs on). */
  tick(context: UpdateContext): UpdateDecision {
    const now = this.options.now();
    const activity = deskActivity(context.snapshot, this.busyUntil);
    if (activity.inCall || activity.wrappingUp) this.busyUntil = now;
    const decision = decideUpdate({
      settings: context.settings,
      lockedKeys: context.lockedKeys,
      packaged: this.options.packaged,
      builtInFeed: this.options.builtInFeed,
      phase: this.phase,
      lastCheckAt: this.lastCheckAt,
      now,
      activity: { ...activity, busyUntil: this.busyUntil },
      quitting: context.quitting ?? false,
    });
    if (decision.action === 'check') void this.check(decision.feed, now);
    if (decision.action === 'download') void this.download();
    if (decision.action === 'install') this.options.updater.install();
    return decision;
  }

  /** At quit: whether a downloaded update may install now (the shell then lets electron-updater install on quit). */
  mayInstallOnQuit(context: UpdateContext): boolean {
    const decision = decideUpdate({
      settings: context.settings,
      lockedKeys: context.lockedKeys,
      packaged: this.options.packaged,
      builtInFeed: this.options.builtInFeed,
      phase: this.phase,
      lastCheckAt: this.lastCheckAt,
      now: this.options.now(),
      activity: deskActivity(context.snapshot, this.busyUntil),
      quitting: true,
    });
    return decision.action === 'install';
  }

  private async check(feed: UpdateFeed, now: number): Promise<void> {
    this.phase = 'checking';
    this.lastCheckAt = now;
    try {
      const result = await this.options.updater.check(feed);
      this.phase = result.available ? 'available' : 'idle';
      this.version = result.version;
    } catch (error) {
      this.phase = 'failed';
      this.options.log?.(`Update check failed: ${(error as Error).message}`);
    }
  }

  private async download(): Promise<void> {
    this.phase = 'downloading';
    try {
      await this.options.updater.download();
      this.phase = 'downloaded';
    } catch (error) {
      // Back to 'failed': the next due check starts again.
      this.phase = 'failed';
      this.options.log?.(`Update download failed: ${(error as Error).message}`);
    }
  }
}
