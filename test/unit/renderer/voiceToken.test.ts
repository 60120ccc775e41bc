/**
 * The Voice token's answer to Twilio refusing a token as expired: the first refusal fetches a
 * replacement; an answer to a `listen` that was on the wire with the old token when the replacement went
 * to the SDK does not make the replacement final; the replacement refused again is final; an accepted
 * token starts over.
 */
import { describe, expect, it } from 'vitest';
import { VoiceToken } from '../../../src/renderer/src/voice/voiceToken';
import type { VoiceError } from '../../../src/renderer/src/voice/voiceErrors';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HOUR_FROM_NOW = () => Math.floor(Date.now() / 1000) + 3_600;
const mint = (name: string) =>
  `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ exp: HOUR_FROM_NOW(), grants: { identity: name } })}.c2ln`;

const settle = async () => {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
};

function setup(tokens: Array<string | Error>) {
  const applied: string[] = [];
  const troubles: Array<VoiceError | undefined> = [];
  const token = new VoiceToken(
    async () => {
      const next = tokens.shift() ?? new Error('no more tokens');
      if (next instanceof Error) throw next;
      return next;
    },
    { refreshLeadMs: 60_000, retryDelaysMs: [60_000], now: Date.now },
    {
      apply: (value) => (applied.push(value), true),
      changed: ({ trouble }) => troubles.push(trouble),
    },
  );
  return { token, applied, troubles };
}

describe('VoiceToken.refusedAsExpired', () => {
  it('fetches a replacement for a refused token, and takes the replacement as refused only at its second refusal', async () => {
    const [old, replacement] = [mint('old'), mint('replacement')];
    const { token, applied } = setup([old, replacement]);
    expect(await token.first()).toBe(old);

    expect(token.refusedAsExpired(old)).toBe(true);
    await settle();
    expect(applied).toEqual([replacement]);
    // The old token's refusal that was on the wire arrives after the Device holds the replacement.
    expect(token.refusedAsExpired(replacement)).toBe(true);
    await settle();
    expect(applied).toEqual([replacement]);
    // Twilio refuses the replacement itself: a clock or an endpoint that is wrong, not a desk that slept.
    expect(token.refusedAsExpired(replacement)).toBe(false);
    token.stop();
  });

  it('starts over once Twilio accepts a token', async () => {
    const [old, replacement, third] = [mint('old'), mint('replacement'), mint('third')];
    const { token, applied } = setup([old, replacement, third]);
    await token.first();
    token.refusedAsExpired(old);
    await settle();
    expect(token.refusedAsExpired(replacement)).toBe(true);
    token.accepted();
    // Hours later the replacement itself expires while the desk sleeps: a first refusal again.
    expect(token.refusedAsExpired(replacement)).toBe(true);
    await settle();
    expect(applied).toEqual([replacement, third]);
    token.stop();
  });

  it('while a failed refresh waits for its retry, a refusal fetches nothing more', async () => {
    const { token, applied, troubles } = setup([mint('old'), new Error('token endpoint unreachable')]);
    await token.first();
    token.refusedAsExpired(mint('old'));
    await settle();
    expect(troubles.at(-1)).toMatchObject({ kind: 'token', detail: 'token endpoint unreachable' });
    expect(token.refusedAsExpired(mint('old'))).toBe(true);
    await settle();
    expect(applied).toEqual([]);
    token.stop();
  });
});
