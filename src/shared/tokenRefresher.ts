/**
 * Keeps an access token fresh: the first fetch, a refresh a set time before the token's `exp`, one
 * refresh at a time however many sources ask, and a failed refresh retried with backoff, never dropped.
 * The one refresher for the TaskRouter worker (main process, telephony/workerToken.ts) and the Voice
 * Device (renderer, voice/voiceToken.ts); each wraps it with what only it knows (the worker's identity,
 * Twilio refusing a Voice token as expired) and turns its state into words for the agent.
 *
 * Two kinds of request: `refresh()` always fetches (the SDK says the token is about to expire, or it was
 * refused); `due()` is a hint that may come early or twice (the Voice SDK's `tokenWillExpire` is re-armed
 * without clearing its previous timer), so it is ignored when the token is not yet due or while a failed
 * refresh waits for its retry.
 */
import { readAccessToken, type AccessTokenClaims } from './accessToken';

/** Time and timers: the core's Clock has this shape; the renderer passes Date.now and setTimeout. */
export interface RefreshClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): { cancel(): void };
}

export interface TokenRefresherOptions {
  /** Refresh this long before expiry; 0 arms no timer of our own (the caller's SDK asks instead). */
  refreshLeadMs: number;
  /** The wait before retry number `failures` (1 after the first failure). */
  retryDelayMs(failures: number): number;
  /** Reads and checks a token; throws with a reason a person can act on. Default: any Twilio access token. */
  read?(token: string, nowMs: number): AccessTokenClaims;
}

export interface TokenRefreshFailure {
  error: unknown;
  retryInMs: number;
  /** The token in use has expired meanwhile. */
  expired: boolean;
}

export interface TokenRefresherHooks {
  /** Hands a new token to the SDK; false when there is no SDK object any more (the token is dropped). */
  apply(token: string, claims: AccessTokenClaims): boolean;
  /** After every refresh that succeeded (`failure` undefined) or failed; not after stop(). */
  changed(state: { expiresAt?: number; failure?: TokenRefreshFailure }): void;
}

/** A `due()` this close to the refresh time counts as due (timers and `exp`'s whole seconds are not exact). */
const DUE_SLACK_MS = 1_000;
/** setTimeout's limit (about 24.8 days); no token lives that long, but a longer wait must not fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** 5 s, doubling, at most a minute: the default backoff. */
export function doublingRetryDelay(firstMs = 5_000, maxMs = 60_000): (failures: number) => number {
  return (failures) => Math.min(maxMs, firstMs * 2 ** (failures - 1));
}

export class TokenRefresher {
  private expiresAtMs?: number;
  private claims?: AccessTokenClaims;
  private timer?: { cancel(): void };
  private refreshing?: Promise<void>;
  private failureCount = 0;
  private stopped = false;

  constructor(
    private readonly provider: () => Promise<string>,
    private readonly clock: RefreshClock,
    private readonly options: TokenRefresherOptions,
    private readonly hooks: TokenRefresherHooks,
  ) {}

  /** When the current token expires (epoch ms). */
  get expiresAt(): number | undefined {
    return this.expiresAtMs;
  }

  /** The current token's claims. */
  get current(): AccessTokenClaims | undefined {
    return this.claims;
  }

  /** Failed refreshes since the last one that worked (a retry is waiting while this is above 0). */
  get failures(): number {
    return this.failureCount;
  }

  /** The first token, read and checked; throws what the provider or the reader threw. Arms nothing. */
  async first(): Promise<string> {
    const token = await this.provider();
    this.accept(this.read(token));
    return token;
  }

  /** Arms the refresh before expiry (again); call once the SDK object that takes new tokens exists. */
  schedule(): void {
    this.timer?.cancel();
    this.timer = undefined;
    if (this.stopped || this.options.refreshLeadMs <= 0 || this.expiresAtMs === undefined) return;
    const delay = Math.max(0, this.expiresAtMs - this.options.refreshLeadMs - this.clock.now());
    this.timer = this.clock.setTimeout(() => void this.refresh(), Math.min(delay, MAX_TIMER_MS));
  }

  /** Fetches a new token now; a second caller while one is on its way waits on the first. */
  refresh(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    this.refreshing ??= this.tryRefresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** A hint that the token is about to expire: refreshes unless it is early or a retry is already set. */
  due(): Promise<void> {
    if (this.refreshing) return this.refreshing;
    const early = this.expiresAtMs !== undefined && this.expiresAtMs - this.clock.now() > this.options.refreshLeadMs + DUE_SLACK_MS;
    if (early || this.failureCount > 0) return Promise.resolve();
    return this.refresh();
  }

  stop(): void {
    this.stopped = true;
    this.timer?.cancel();
    this.timer = undefined;
  }

  private read(token: string): AccessTokenClaims {
    const now = this.clock.now();
    return this.options.read ? this.options.read(token, now) : readAccessToken(token);
  }

  private accept(claims: AccessTokenClaims): void {
    this.claims = claims;
    this.expiresAtMs = claims.expiresAtMs;
  }

  private async tryRefresh(): Promise<void> {
    this.timer?.cancel();
    try {
      const token = await this.provider();
      const claims = this.read(token);
      if (this.stopped || !this.hooks.apply(token, claims)) return;
      this.accept(claims);
      this.failureCount = 0;
      this.schedule();
      this.hooks.changed({ expiresAt: this.expiresAtMs });
    } catch (error) {
      if (this.stopped) return;
      this.failureCount += 1;
      const retryInMs = this.options.retryDelayMs(this.failureCount);
      const expired = this.expiresAtMs !== undefined && this.expiresAtMs <= this.clock.now();
      this.timer?.cancel();
      this.timer = this.clock.setTimeout(() => void this.refresh(), retryInMs);
      this.hooks.changed({ expiresAt: this.expiresAtMs, failure: { error, retryInMs, expired } });
    }
  }
}
