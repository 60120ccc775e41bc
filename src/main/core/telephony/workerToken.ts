/**
 * Keeps the TaskRouter worker's access token fresh. It refreshes a set time before the token expires
 * (its `exp` claim), and again whenever the SDK says `tokenExpired` (which the SDK fires 5 s before the
 * lifetime announced at connect, and re-arms with that same lifetime after each update). A refresh that
 * fails becomes a problem in words for the agent and is retried with backoff; it is never dropped.
 */
import type { Clock } from '../ports';
import { readTaskRouterToken } from './accessToken';

export interface WorkerTokenOptions {
  /** Refresh this long before expiry; 0 leaves it to the SDK's tokenExpired. Default 60 s. */
  refreshLeadMs?: number;
  /** First wait before retrying a failed refresh; doubles up to a minute. Default 5 s. */
  refreshRetryMs?: number;
}

export class WorkerToken {
  expiresAt?: number;
  /** Why the token cannot be kept fresh, for the status; undefined when all is well. */
  problem?: string;
  private timer?: { cancel(): void };
  private refreshing?: Promise<void>;
  private failures = 0;
  private stopped = false;
  /** The worker the first token was for; a refreshed token for anyone else is refused. */
  private workerSid?: string;

  constructor(
    private readonly provider: () => Promise<string>,
    private readonly clock: Clock,
    private readonly options: WorkerTokenOptions,
    /** Hands a new token to the SDK (`worker.updateToken`), then reports that the state changed. */
    private readonly hooks: { apply(token: string): void; changed(): void },
  ) {}

  /** The first token, checked; throws with a reason a person can act on. */
  async first(): Promise<string> {
    try {
      const token = await this.provider();
      const claims = readTaskRouterToken(token, this.clock.now());
      this.expiresAt = claims.expiresAtMs;
      this.workerSid = claims.taskRouter.workerSid;
      this.problem = undefined;
      return token;
    } catch (error) {
      this.problem = `Cannot connect to TaskRouter: no usable token (${messageOf(error)}).`;
      throw new Error(this.problem, { cause: error });
    }
  }

  /** Arms the refresh before expiry; call once the worker exists. */
  schedule(): void {
    this.timer?.cancel();
    const lead = this.options.refreshLeadMs ?? 60_000;
    if (this.stopped || lead <= 0 || this.expiresAt === undefined) return;
    this.timer = this.clock.setTimeout(() => void this.refresh(), Math.max(0, this.expiresAt - lead - this.clock.now()));
  }

  /** One refresh at a time: a second caller waits on the first. */
  refresh(): Promise<void> {
    this.refreshing ??= this.tryRefresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
  }

  private async tryRefresh(): Promise<void> {
    try {
      const token = await this.provider();
      const { expiresAtMs, taskRouter } = readTaskRouterToken(token, this.clock.now());
      if (taskRouter.workerSid !== this.workerSid)
        throw new Error(`the new token is for worker ${taskRouter.workerSid}, not ${this.workerSid}`);
      if (this.stopped) return;
      this.hooks.apply(token);
      this.expiresAt = expiresAtMs;
      this.failures = 0;
      this.problem = undefined;
      this.schedule();
    } catch (error) {
      if (this.stopped) return;
      this.failures += 1;
      const retryMs = Math.min(60_000, (this.options.refreshRetryMs ?? 5_000) * 2 ** (this.failures - 1));
      const expired = this.expiresAt !== undefined && this.expiresAt <= this.clock.now();
      const consequence = expired
        ? 'the current token has expired, so TaskRouter will not reconnect'
        : 'calls keep ringing until the current token expires';
      const wait = retryMs < 1_000 ? `${retryMs} ms` : `${Math.round(retryMs / 1000)} s`;
      this.problem = `TaskRouter token refresh failed (${messageOf(error)}); ${consequence}. Retrying in ${wait}.`;
      this.timer?.cancel();
      this.timer = this.clock.setTimeout(() => void this.refresh(), retryMs);
    }
    this.hooks.changed();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
