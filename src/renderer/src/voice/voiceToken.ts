/**
 * The Voice access token's lifecycle for one Device, on the shared refresher (shared/tokenRefresher.ts):
 * the first fetch, the refresh before it expires, the retry after a failed refresh. What only Voice
 * needs is here: the replacement of a token Twilio refused as expired, and the trouble in words. The
 * provider asks the main process, which holds the token endpoint's credential; nothing here sees it.
 *
 * Refreshes are asked for from two places: the SDK's `tokenWillExpire` (armed from the `ttl` Twilio sends in
 * every `connected`, without clearing the previous timer) and the refresher's own timer from the token's
 * `exp`. The SDK's request is a `due()` hint, ignored when early for the current token, so the two never
 * fetch twice; nor does one that comes while a failed refresh waits for its retry.
 */
import { TokenRefresher, type TokenRefreshFailure } from '../../../shared/tokenRefresher';
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

export class VoiceToken {
  private readonly refresher: TokenRefresher;
  private stopped = false;
  /** Twilio refused the token as expired and no new one has been handed over yet. */
  private expiryPending = false;
  /** The token fetched because Twilio said the previous one had expired. */
  private afterExpiry?: string;
  /** Refusals since `afterExpiry` was handed to the SDK (see refusedAsExpired). */
  private refusalsOfReplacement = 0;

  constructor(
    provider: () => Promise<string>,
    options: VoiceTokenOptions,
    private readonly hooks: VoiceTokenHooks,
  ) {
    const delays = options.retryDelaysMs;
    this.refresher = new TokenRefresher(
      provider,
      {
        now: options.now,
        setTimeout: (callback, ms) => {
          const handle = setTimeout(callback, ms);
          return { cancel: () => clearTimeout(handle) };
        },
      },
      { refreshLeadMs: options.refreshLeadMs, retryDelayMs: (failures) => delays[Math.min(failures - 1, delays.length - 1)] ?? 60_000 },
      {
        apply: (token) => {
          if (!hooks.apply(token)) return false;
          if (this.expiryPending) {
            this.afterExpiry = token;
            this.refusalsOfReplacement = 0;
            this.expiryPending = false;
          }
          return true;
        },
        changed: ({ expiresAt, failure }) => hooks.changed({ expiresAt, trouble: failure && this.refreshFailure(failure) }),
      },
    );
  }

  /** The first token; throws what the provider threw, or why the token is not a Twilio access token. */
  async first(): Promise<string> {
    const token = await this.refresher.first();
    this.hooks.changed({ expiresAt: this.refresher.expiresAt });
    if (!this.stopped) this.refresher.schedule();
    return token;
  }

  /** The SDK's tokenWillExpire. */
  due(): void {
    void this.refresher.due();
  }

  /**
   * Twilio refused `token` (what the Device holds now) as expired. Returns false when that is final: the
   * token was itself the replacement for an expired one (a wrong clock, or an endpoint minting stale
   * tokens). Twilio's refusal does not say which token it refused, and the one handed over may have gone
   * to the SDK while a `listen` with the old one was on the wire: Twilio closes the socket on a refusal, so
   * at most one such answer can follow, and the replacement is taken as refused at its second refusal.
   */
  refusedAsExpired(token: string | null): boolean {
    if (this.afterExpiry !== undefined && token === this.afterExpiry) {
      this.refusalsOfReplacement += 1;
      return this.refusalsOfReplacement < 2;
    }
    this.expiryPending = true;
    // After a failed refresh its retry is already set; the SDK's reconnect attempts must not bypass it.
    if (this.refresher.failures === 0) void this.refresher.refresh();
    return true;
  }

  /** Twilio accepted the current token. */
  accepted(): void {
    this.afterExpiry = undefined;
    this.refusalsOfReplacement = 0;
    this.expiryPending = false;
  }

  stop(): void {
    this.stopped = true;
    this.refresher.stop();
  }

  private refreshFailure({ error, retryInMs, expired }: TokenRefreshFailure): VoiceError {
    const reason = error instanceof Error ? error.message : String(error);
    const expiresAt = this.refresher.expiresAt;
    const until =
      expiresAt === undefined
        ? ''
        : expired
          ? ' The current token has expired: calls cannot reach this desk until a new one is fetched.'
          : ` Calls keep arriving until it expires at ${new Date(expiresAt).toLocaleTimeString()}.`;
    return {
      kind: 'token',
      detail: reason,
      message: `Could not refresh the Voice token (${reason}); trying again in ${Math.round(retryInMs / 1000)} s.${until}`,
    };
  }
}
