/**
 * Lookups against the contact center's own read-only API: GET {baseUrl}/orders/{id} and
 * GET {baseUrl}/accounts/{id}, answering { found: boolean, summary?: string }. Only GET is ever sent.
 */
import { z } from 'zod';
import type { LookupAnswer, LookupPort } from '../ports';

const AnswerSchema = z.union([z.object({ found: z.literal(true), summary: z.string().max(2_000) }), z.object({ found: z.literal(false) })]);

export class HttpLookups implements LookupPort {
  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 3_000,
  ) {
    if (!/^https?:\/\//.test(baseUrl)) throw new Error(`lookup endpoint must be an http(s) URL, got ${baseUrl}`);
  }

  lookupOrder(orderId: string): Promise<LookupAnswer> {
    return this.get(`orders/${encodeURIComponent(orderId)}`);
  }

  lookupAccount(accountId: string): Promise<LookupAnswer> {
    return this.get(`accounts/${encodeURIComponent(accountId)}`);
  }

  private async get(path: string): Promise<LookupAnswer> {
    const url = new URL(path, this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`);
    const response = await fetch(url, {
      method: 'GET',
      headers: { accept: 'application/json' },
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status === 404) return { found: false };
    if (!response.ok) throw new Error(`lookup service answered ${response.status}`);
    const parsed = AnswerSchema.safeParse(await response.json());
    if (!parsed.success) throw new Error('lookup service sent an answer in an unexpected shape');
    return parsed.data;
  }
}
