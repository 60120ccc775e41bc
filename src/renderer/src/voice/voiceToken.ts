/**
 * The Voice access token's lifecycle for one Device: the first fetch, the refresh before it expires, the
 * retry after a failed refresh, and the replacement of a token Twilio refused as expired. The provider
 * asks the main process, which holds the token endpoint's credential; nothing here sees that credential.
 *
 * Refreshes are asked for from two places: the SDK's `tokenWillExpire` (armed from the `ttl` Twilio sends in
 * every `connected`, without clearing the previous timer) and this module's own timer from the token's
 * `exp`. A request that comes early for the current token is ignored, so the two never fetch twice; nor
 * does one that comes while a failed refresh waits for its retry.
 */
import type { VoiceError } from './voiceErrors';

export interface VoiceTokenOptions {
  /** Refresh this long before expiry. */
  refreshLeadMs: number;
  /** Waits between failed refreshes, the last repeated. */
  retryDelaysMs: number[];
  now: () => number;
}

export interface VoiceTokenHooks {
  /** Hands a new token to the SDK (`device.updateToken`); false when there is no Device any more. */
  apply(token: string): boolean;
  /** The current token's expiry changed, or its trouble did (`undefined`: no trouble). */
  changed(state: { expiresAt?: number; trouble?: VoiceError }): void;
}

/** A refresh request this close to the refresh time counts as due (timers and `exp`'s whole seconds are not exact). */
const REFRESH_SLACK_MS = 1_000;

export class VoiceToken {
  private expiresAt?: number;
  private refreshing?: Promise<void>;
  private timer?: ReturnType<typeof setTimeout>;
  private failures = 0;
  private stopped = false;
  /** Twilio refused the token as expired and no new one has been handed over yet. */
  private expiryPending = false;
  /** The token fetched because Twilio said the previous one had expired. */
  private afterExpiry?: string;

  constructor(
    private readonly provider: () => Promise<string>,
    private readonly options: VoiceTokenOptions,
    private readonly hooks: VoiceTokenHooks,
  ) {}

  /** The first token; throws what the provider threw. */
  async first(): Promise<string> {
    const token = await this.provider();
    this.expiresAt = expiryOf(token);
    this.hooks.changed({ expiresAt: this.expiresAt });
    this.schedule();
    return token;
  }

  /** The SDK's tokenWillExpire, or our own timer. */
  due(): void {
    void this.refresh('due');
  }

  /**
   * Twilio refused `token` as expired. Returns false when that is final: the token was itself the
   * replacement for an expired one (a wrong clock, or an endpoint minting stale tokens).
   */
  refusedAsExpired(token: string | null): boolean {
    if (this.afterExpiry !== undefined && token === this.afterExpiry) return false;
    this.expiryPending = true;
    // After a failed refresh its retry is already set; the SDK's reconnect attempts must not bypass it.
    if (this.failures === 0) void this.refresh('expired');
    return true;
  }

  /** Twilio accepted the current token. */
  accepted(): void {
    this.afterExpiry = undefined;
    this.expiryPending = false;
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private refresh(reason: 'due' | 'retry' | 'expired'): Promise<void> {
    if (this.refreshing || this.stopped) return this.refreshing ?? Promise.resolve();
    const expiresAt = this.expiresAt;
    const early = expiresAt !== undefined && expiresAt - this.options.now() > this.options.refreshLeadMs + REFRESH_SLACK_MS;
    // After a failed refresh its retry is already set: the other source's 'due' must not bypass the backoff.
    if (reason === 'due' && (early || this.failures > 0)) return Promise.resolve();
    this.refreshing = (async () => {
      clearTimeout(this.timer);
      try {
        const token = await this.provider();
        if (this.stopped || !this.hooks.apply(token)) return;
        this.failures = 0;
        if (this.expiryPending) {
          this.afterExpiry = token;
          this.expiryPending = false;
        }
        this.expiresAt = expiryOf(token);
        this.hooks.changed({ expiresAt: this.expiresAt, trouble: undefined });
        this.schedule();
      } catch (error) {
        if (this.stopped) return;
        this.failures += 1;
        const delays = this.options.retryDelaysMs;
        const delay = delays[Math.min(this.failures - 1, delays.length - 1)] ?? 60_000;
        this.hooks.changed({ expiresAt, trouble: this.refreshFailure(error, delay) });
        this.timer = setTimeout(() => void this.refresh('retry'), delay);
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  private refreshFailure(error: unknown, delay: number): VoiceError {
    const reason = error instanceof Error ? error.message : String(error);
    const expiresAt = this.expiresAt;
    const until =
      expiresAt === undefined
        ? ''
        : expiresAt <= this.options.now()
          ? ' The current token has expired: calls cannot reach this desk until a new one is fetched.'
          : ` Calls keep arriving until it expires at ${new Date(expiresAt).toLocaleTimeString()}.`;
    return {
      kind: 'token',
      detail: reason,
      message: `Could not refresh the Voice token (${reason}); trying again in ${Math.round(delay / 1000)} s.${until}`,
    };
  }

  /** The SDK's tokenWillExpire depends on Twilio sending the token's ttl; this timer does not. */
  private schedule(): void {
    clearTimeout(this.timer);
    if (this.expiresAt === undefined || this.stopped) return;
    const delay = Math.max(0, this.expiresAt - this.options.refreshLeadMs - this.options.now());
    // setTimeout's limit is about 24.8 days; no token lives that long, but do not fire at once if one does.
    this.timer = setTimeout(() => void this.refresh('due'), Math.min(delay, 2 ** 31 - 1));
  }
}

/** A Twilio access token is a JWT; its `exp` (seconds) says when it stops working. Not verified here. */
export function expiryOf(token: string): number | undefined {
  const body = token.split('.')[1];
  if (!body) return undefined;
  try {
    const json = atob(body.replace(/-/g, '+').replace(/_/g, '/'));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
