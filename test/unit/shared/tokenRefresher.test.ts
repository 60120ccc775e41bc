/**
 * The one token refresher (TaskRouter worker and Voice Device), on a manual clock: when it refreshes,
 * what a failure and an expired token do, and what a malformed token does; plus the access-token reader.
 */
import { describe, expect, it } from 'vitest';
import { AccessTokenError, readAccessToken, readTaskRouterToken } from '../../../src/shared/accessToken';
import { doublingRetryDelay, TokenRefresher, type TokenRefreshFailure } from '../../../src/shared/tokenRefresher';
import { ManualClock } from '../../../src/main/core/manualClock';

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
/** A Twilio-shaped access token expiring at `expSeconds` (unsigned: nothing here checks signatures). */
const mint = (expSeconds: number, grants: Record<string, unknown> = { identity: 'agent-1' }) =>
  `${base64url({ alg: 'HS256', typ: 'JWT' })}.${base64url({ exp: expSeconds, grants })}.c2ln`;

/** Lets the provider's promise and the refresher's continuation run. */
const settle = async () => {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
};

function setup(tokens: Array<string | Error>, options: { refreshLeadMs?: number; retryMs?: number } = {}) {
  const clock = new ManualClock(1_000_000);
  const fetchedAt: number[] = [];
  const applied: string[] = [];
  const changes: Array<{ expiresAt?: number; failure?: TokenRefreshFailure }> = [];
  const provider = async () => {
    fetchedAt.push(clock.now());
    const next = tokens.shift() ?? new Error('no more tokens');
    if (next instanceof Error) throw next;
    return next;
  };
  const refresher = new TokenRefresher(
    provider,
    clock,
    { refreshLeadMs: options.refreshLeadMs ?? 60_000, retryDelayMs: doublingRetryDelay(options.retryMs ?? 5_000) },
    {
      apply: (token) => (applied.push(token), true),
      changed: (state) => changes.push(state),
    },
  );
  return { clock, refresher, fetchedAt, applied, changes };
}

describe('TokenRefresher', () => {
  it('refreshes the lead time before exp, then again before the new token expires', async () => {
    const second = mint(1_000 + 7_200);
    const third = mint(1_000 + 10_800);
    const { clock, refresher, fetchedAt, applied, changes } = setup([mint(1_000 + 3_600), second, third]);
    await refresher.first();
    refresher.schedule();
    expect(refresher.expiresAt).toBe(4_600_000);
    // Due at exp − 60 s = 4 540 000; nothing before.
    clock.advanceTo(4_539_999);
    await settle();
    expect(fetchedAt).toEqual([1_000_000]);
    clock.advanceTo(4_540_000);
    await settle();
    expect(fetchedAt).toEqual([1_000_000, 4_540_000]);
    expect(applied).toEqual([second]);
    expect(changes).toEqual([{ expiresAt: 8_200_000 }]);
    clock.advanceTo(8_140_000);
    await settle();
    expect(fetchedAt.at(-1)).toBe(8_140_000);
    expect(applied).toEqual([second, third]);
  });

  it('fetches once however many ask at the same time, and ignores an early due()', async () => {
    const { clock, refresher, fetchedAt } = setup([mint(1_000 + 3_600), mint(1_000 + 7_200)]);
    await refresher.first();
    refresher.schedule();
    await refresher.due(); // an hour early: ignored
    expect(fetchedAt).toHaveLength(1);
    clock.advanceTo(4_539_500); // within a second of due: counts
    await Promise.all([refresher.due(), refresher.refresh(), refresher.refresh()]);
    expect(fetchedAt).toHaveLength(2);
  });

  it('a failed refresh is reported and retried with doubling waits until one works', async () => {
    const good = mint(1_000 + 7_200);
    const { clock, refresher, fetchedAt, applied, changes } = setup([
      mint(1_000 + 3_600),
      new Error('endpoint down'),
      new Error('still down'),
      good,
    ]);
    await refresher.first();
    refresher.schedule();
    clock.advanceTo(4_540_000);
    await settle();
    expect(changes.at(-1)).toMatchObject({ expiresAt: 4_600_000, failure: { retryInMs: 5_000, expired: false } });
    expect((changes.at(-1)!.failure!.error as Error).message).toBe('endpoint down');
    // While the retry waits, the SDK's hint does not bypass the backoff.
    await refresher.due();
    expect(fetchedAt).toHaveLength(2);
    clock.advanceBy(5_000);
    await settle();
    expect(changes.at(-1)).toMatchObject({ failure: { retryInMs: 10_000 } });
    clock.advanceBy(9_999);
    await settle();
    expect(fetchedAt).toHaveLength(3);
    clock.advanceBy(1);
    await settle();
    expect(fetchedAt).toHaveLength(4);
    expect(applied).toEqual([good]);
    expect(changes.at(-1)).toEqual({ expiresAt: 8_200_000 });
    expect(refresher.failures).toBe(0);
  });

  it('says when the token in use has expired while refreshes failed', async () => {
    const { clock, refresher, changes } = setup([mint(1_000 + 30), new Error('down'), new Error('down')], {
      refreshLeadMs: 20_000,
      retryMs: 30_000,
    });
    await refresher.first();
    refresher.schedule();
    clock.advanceTo(1_010_000);
    await settle();
    expect(changes.at(-1)!.failure).toMatchObject({ expired: false, retryInMs: 30_000 });
    clock.advanceTo(1_040_000);
    await settle();
    expect(changes.at(-1)!.failure).toMatchObject({ expired: true });
  });

  it('a malformed token is refused at first and, when refreshed, is a failure that is retried; the old token stays', async () => {
    const { refresher: atFirst } = setup(['not-a-jwt']);
    await expect(atFirst.first()).rejects.toThrow(/not a JWT/);

    const { clock, refresher, applied, changes } = setup([mint(1_000 + 3_600), 'a.b.c', mint(1_000 + 7_200)]);
    await refresher.first();
    refresher.schedule();
    clock.advanceTo(4_540_000);
    await settle();
    expect(applied).toEqual([]);
    expect(refresher.expiresAt).toBe(4_600_000);
    expect((changes.at(-1)!.failure!.error as Error).message).toMatch(/not readable JSON/);
    clock.advanceBy(5_000);
    await settle();
    expect(applied).toHaveLength(1);
  });

  it('stop() cancels the timer and drops a refresh that was on its way', async () => {
    const { clock, refresher, applied, changes } = setup([mint(1_000 + 3_600), mint(1_000 + 7_200)]);
    await refresher.first();
    refresher.schedule();
    clock.advanceTo(4_540_000); // the fetch starts
    refresher.stop();
    await settle();
    expect(applied).toEqual([]);
    expect(changes).toEqual([]);
    expect(clock.nextTimerAt()).toBeUndefined();
  });

  it('with no lead it arms no timer of its own (the SDK asks)', async () => {
    const { clock, refresher } = setup([mint(1_000 + 3_600)], { refreshLeadMs: 0 });
    await refresher.first();
    refresher.schedule();
    expect(clock.nextTimerAt()).toBeUndefined();
  });
});

describe('access tokens (jose decodeJwt + zod)', () => {
  it('reads exp, identity and the TaskRouter grant', () => {
    const token = mint(2_000, { identity: 'ana', task_router: { workspace_sid: 'WS1', worker_sid: 'WK1' } });
    expect(readAccessToken(token)).toEqual({
      expiresAtMs: 2_000_000,
      identity: 'ana',
      taskRouter: { workspaceSid: 'WS1', workerSid: 'WK1' },
    });
    expect(readTaskRouterToken(token, 1_999_999).taskRouter.workerSid).toBe('WK1');
  });

  it('refuses what is not a Twilio access token, and an expired or grantless one for TaskRouter', () => {
    for (const [token, why] of [
      ['only.two', /not a JWT/],
      ['a.%%%.c', /not readable JSON/],
      [`${base64url({ alg: 'none' })}.${base64url({ sub: 'x' })}.`, /not a Twilio access token/],
    ] as const) {
      expect(() => readAccessToken(token)).toThrow(AccessTokenError);
      expect(() => readAccessToken(token)).toThrow(why);
    }
    expect(() => readTaskRouterToken(mint(2_000), 0)).toThrow(/no TaskRouter grant/);
    const taskRouter = mint(2_000, { task_router: { workspace_sid: 'WS1', worker_sid: 'WK1' } });
    expect(() => readTaskRouterToken(taskRouter, 2_000_000)).toThrow(/expired at 1970-01-01T00:33:20.000Z/);
  });
});
