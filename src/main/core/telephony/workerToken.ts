/**
 * Keeps the TaskRouter worker's access token fresh (shared/tokenRefresher.ts). It refreshes a set time
 * before the token expires (its `exp` claim), and again whenever the SDK says `tokenExpired` (which the
 * SDK fires 5 s before the lifetime announced at connect, and re-arms with that same lifetime after each
 * update). What only TaskRouter needs is here: every token must carry a TaskRouter grant, be unexpired,
 * and be for the worker the first token was for; a failed refresh becomes a problem in words for the agent.
 */
import { readTaskRouterToken } from '../../../shared/accessToken';
import { doublingRetryDelay, TokenRefresher } from '../../../shared/tokenRefresher';
import type { Clock } from '../ports';

export interface WorkerTokenOptions {
  /** Refresh this long before expiry; 0 leaves it to the SDK's tokenExpired. Default 60 s. */
  refreshLeadMs?: number;
  /** First wait before retrying a failed refresh; doubles up to a minute. Default 5 s. */
  refreshRetryMs?: number;
}

export class WorkerToken {
  /** Why the token cannot be kept fresh, for the status; undefined when all is well. */
  problem?: string;
  private readonly refresher: TokenRefresher;
  /** The worker the first token was for; a refreshed token for anyone else is refused. */
  private workerSid?: string;

  constructor(
    provider: () => Promise<string>,
    clock: Clock,
    options: WorkerTokenOptions,
    /** Hands a new token to the SDK (`worker.updateToken`), then reports that the state changed. */
    hooks: { apply(token: string): void; changed(): void },
  ) {
    this.refresher = new TokenRefresher(
      provider,
      clock,
      {
        refreshLeadMs: options.refreshLeadMs ?? 60_000,
        retryDelayMs: doublingRetryDelay(options.refreshRetryMs ?? 5_000),
        read: (token, nowMs) => {
          const claims = readTaskRouterToken(token, nowMs);
          if (this.workerSid !== undefined && claims.taskRouter.workerSid !== this.workerSid)
            throw new Error(`the new token is for worker ${claims.taskRouter.workerSid}, not ${this.workerSid}`);
          return claims;
        },
      },
      {
        apply: (token) => {
          hooks.apply(token);
          return true;
        },
        changed: ({ failure }) => {
          this.problem = failure && refreshProblem(failure.error, failure.retryInMs, failure.expired);
          hooks.changed();
        },
      },
    );
  }

  get expiresAt(): number | undefined {
    return this.refresher.expiresAt;
  }

  /** The first token, checked; throws with a reason a person can act on. */
  async first(): Promise<string> {
    try {
      const token = await this.refresher.first();
      this.workerSid = this.refresher.current?.taskRouter?.workerSid;
      this.problem = undefined;
      return token;
    } catch (error) {
      this.problem = `Cannot connect to TaskRouter: no usable token (${messageOf(error)}).`;
      throw new Error(this.problem, { cause: error });
    }
  }

  /** Arms the refresh before expiry; call once the worker exists. */
  schedule(): void {
    this.refresher.schedule();
  }

  /** The SDK's tokenExpired: always fetches; one refresh at a time. */
  refresh(): Promise<void> {
    return this.refresher.refresh();
  }

  stop(): void {
    this.refresher.stop();
  }
}

function refreshProblem(error: unknown, retryMs: number, expired: boolean): string {
  const consequence = expired
    ? 'the current token has expired, so TaskRouter will not reconnect'
    : 'calls keep ringing until the current token expires';
  const wait = retryMs < 1_000 ? `${retryMs} ms` : `${Math.round(retryMs / 1000)} s`;
  return `TaskRouter token refresh failed (${messageOf(error)}); ${consequence}. Retrying in ${wait}.`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
