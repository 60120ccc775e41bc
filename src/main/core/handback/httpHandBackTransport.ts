/**
 * Delivers a hand-back to the AI agent's HTTPS endpoint: signed body, the same Idempotency-Key on
 * every attempt, retries with exponential backoff and jitter on network errors, timeouts, 429 and
 * 5xx, and an answer validated before it counts as delivered.
 */
import type { HandBackMessage } from '../../../shared/handBack';
import { HandBackReceiptSchema } from '../../../shared/handBack';
import type { HandBackDelivery, HandBackTransport } from './handBackTransport';
import { SIGNATURE_HEADER, signBody } from './handBackSignature';

export interface HttpHandBackOptions {
  endpoint: string;
  secret: string;
  timeoutMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  /** For tests: the wall clock in seconds and the wait between attempts. */
  nowSeconds?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export class HttpHandBackTransport implements HandBackTransport {
  readonly name = 'http';

  constructor(private readonly options: HttpHandBackOptions) {
    if (!/^https?:\/\//.test(options.endpoint)) throw new Error(`hand-back endpoint must be an http(s) URL, got ${options.endpoint}`);
    if (options.secret.length < 16) throw new Error('hand-back signing secret must be at least 16 characters');
  }

  async deliver(message: HandBackMessage): Promise<HandBackDelivery> {
    const body = JSON.stringify(message);
    const maxAttempts = this.options.maxAttempts ?? 4;
    const nowSeconds = this.options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    let lastError = 'not attempted';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      const outcome = await this.attempt(body, message.handBackId, nowSeconds());
      if (outcome.kind === 'delivered')
        return { state: 'delivered', attempts: attempt, detail: outcome.detail, receiverStatus: outcome.status };
      lastError = outcome.detail;
      if (outcome.kind === 'final') return { state: 'failed', attempts: attempt, detail: lastError };
      if (attempt < maxAttempts) await sleep(this.backoff(attempt, outcome.retryAfterMs));
    }
    return { state: 'failed', attempts: maxAttempts, detail: lastError };
  }

  private async attempt(
    body: string,
    idempotencyKey: string,
    unixSeconds: number,
  ): Promise<
    | { kind: 'delivered'; detail: string; status?: string }
    | { kind: 'retry'; detail: string; retryAfterMs?: number }
    | { kind: 'final'; detail: string }
  > {
    let response: Response;
    try {
      response = await fetch(this.options.endpoint, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey,
          [SIGNATURE_HEADER]: signBody(this.options.secret, body, unixSeconds),
        },
        body,
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'no answer in time' : `could not connect (${(error as Error).message})`;
      return { kind: 'retry', detail: reason };
    }
    if (response.status === 429 || response.status >= 500) {
      const retryAfter = Number(response.headers.get('retry-after'));
      return {
        kind: 'retry',
        detail: `receiver answered ${response.status}`,
        retryAfterMs: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : undefined,
      };
    }
    if (!response.ok) return { kind: 'final', detail: `receiver refused it (${response.status})` };
    const receipt = HandBackReceiptSchema.safeParse(await response.json().catch(() => undefined));
    if (!receipt.success) return { kind: 'final', detail: 'receiver answered in an unexpected shape' };
    if (!receipt.data.accepted) return { kind: 'final', detail: receipt.data.detail ?? 'receiver did not accept the task' };
    return { kind: 'delivered', detail: receipt.data.detail ?? 'accepted', status: receipt.data.status };
  }

  private backoff(attempt: number, retryAfterMs?: number): number {
    const base = this.options.baseDelayMs ?? 500;
    const exponential = base * 2 ** (attempt - 1);
    return Math.min(30_000, retryAfterMs ?? exponential + Math.random() * base);
  }
}
