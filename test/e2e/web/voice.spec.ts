/**
 * The Twilio Voice part of the desk, end to end in Debian's Chromium: the real @twilio/voice-sdk inside
 * the renderer's VoiceClient (src/renderer/src/voice), bundled with esbuild and served from loopback
 * under the app's CSP, registers against a local fake of Twilio's signaling (test/support/fakeVoiceSignaling.ts,
 * wss with a test certificate that only this browser trusts, by SPKI pin). The far side of every call is a
 * second Chromium page with a real RTCPeerConnection and Chromium's fake microphone, so the SDK's own
 * signaling, peer-connection and media code runs. Nothing leaves 127.0.0.1 except WebRTC media between
 * the two pages, which uses this machine's own interface address and never leaves the machine.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { Downsampler48kTo24k, float32ToPcm16 } from '../../../src/shared/audioFormats';
import { Pcm16Chunker } from '../../../src/renderer/src/voice/pcm16Chunker';
import { startFakeVoiceSignaling, type FakeCall, type FakeVoiceSignaling, type FarEnd } from '../../support/fakeVoiceSignaling';
import { makeTestTls } from '../../support/testCertificate';
import { farEndOf, launchVoiceChromium, serveVoicePages, type VoicePages } from '../../support/voicePages';

const ROOT = path.resolve(__dirname, '../../..');
const VOICE = path.join(ROOT, 'src/renderer/src/voice');
const IDENTITY = 'agent-ana';
/** Every wait is bounded; a call that has not connected in this time is broken, not slow. */
const CONNECT_TIMEOUT = 15_000;

const tls = makeTestTls();
let browser: Browser;
let pages: VoicePages;

test.beforeAll(async () => {
  pages = await serveVoicePages(['agent', 'far']);
  browser = await launchVoiceChromium(tls.cert);
});

test.afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

interface Desk {
  fake: FakeVoiceSignaling;
  context: BrowserContext;
  agent: Page;
  farPage: Page;
  far(options?: { telephoneEvent?: boolean }): FarEnd;
  /** What the token provider does next: mint a good token, or fail. */
  tokens: { next: () => string };
  /** URLs the pages asked for that are not on loopback (must stay empty). */
  offLoopback: string[];
  /** Console errors and page errors, for the test to judge. */
  problems: string[];
}

const it = test.extend<{ desk: Desk }>({
  // eslint-disable-next-line no-empty-pattern
  desk: async ({}, use) => {
    const fake = await startFakeVoiceSignaling({ tls, heartbeatMs: 2_000 });
    pages.setSignalingOrigin(`wss://${fake.host}`);
    const context = await browser.newContext();
    const offLoopback: string[] = [];
    const problems: string[] = [];
    const tokens = { next: () => fake.mintToken({ identity: IDENTITY }) };
    const watch = (page: Page, name: string) => {
      page.on('request', (request) => {
        if (!/^(https?|wss?):\/\/127\.0\.0\.1[:/]/.test(request.url()) && !request.url().startsWith('data:'))
          offLoopback.push(request.url());
      });
      page.on('websocket', (socket) => {
        if (!socket.url().startsWith(`wss://127.0.0.1:`)) offLoopback.push(socket.url());
      });
      page.on('pageerror', (error) => problems.push(`${name} page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${name} console: ${message.text()}`);
      });
    };
    const agent = await context.newPage();
    const farPage = await context.newPage();
    watch(agent, 'agent');
    watch(farPage, 'far');
    await agent.exposeFunction('fetchVoiceToken', () => tokens.next());
    await agent.goto(`${pages.origin}/agent.html`);
    await farPage.goto(`${pages.origin}/far.html`);
    await expect(agent.locator('#status')).toHaveText('ready');
    const far = (options: { telephoneEvent?: boolean } = {}): FarEnd => farEndOf(farPage, options);
    await use({ fake, context, agent, farPage, far, tokens, offLoopback, problems });
    await agent.evaluate(() => window.voiceTest.stop()).catch(() => undefined);
    await context.close();
    await fake.close();
    expect(offLoopback, 'nothing but loopback was contacted').toEqual([]);
  },
});

async function register(
  desk: Desk,
  options: { tokenRefreshMs?: number; reconnectGiveUpMs?: number; introTimeoutMs?: number; tokenRetryDelaysMs?: number[] } = {},
) {
  const result = await desk.agent.evaluate((startOptions) => window.voiceTest.start(startOptions), { host: desk.fake.host, ...options });
  expect(result).toEqual({ ok: true });
  await expect.poll(() => desk.agent.evaluate(() => window.voiceTest.status()?.state)).toBe('registered');
}

async function ring(desk: Desk, params: Record<string, string>, far = desk.far()): Promise<FakeCall> {
  const call = await desk.fake.invite({ identity: IDENTITY, far, params });
  await expect.poll(() => desk.agent.evaluate((sid) => window.voiceTest.record(sid)?.phase, call.callSid)).toBe('ringing');
  return call;
}

async function phaseOf(desk: Desk, callSid: string) {
  return desk.agent.evaluate((sid) => window.voiceTest.record(sid)?.phase, callSid);
}

async function ringAndAccept(desk: Desk, params: Record<string, string>, far = desk.far()): Promise<FakeCall> {
  const call = await ring(desk, params, far);
  expect(await desk.agent.evaluate((sid) => window.voiceTest.act('accept', sid), call.callSid)).toBeUndefined();
  await Promise.race([call.answered, timeout(CONNECT_TIMEOUT, 'the SDK answer')]);
  await expect.poll(() => phaseOf(desk, call.callSid), { timeout: CONNECT_TIMEOUT }).toMatch(/^(open|intro)$/);
  return call;
}

function timeout(ms: number, what: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms));
}

const TASK = { taskSid: 'WT0123456789abcdef0123456789abcdef', handoffId: 'ho_e93b' };

it('rings with the escalation ids, accepts, and media flows both ways into the PCM16 tap', async ({ desk }) => {
  await register(desk);
  const listen = desk.fake.frames.find((frame) => frame.direction === 'in' && frame.type === 'listen');
  expect(listen?.version).toBe('1.6');
  expect(typeof listen?.payload.token).toBe('string');
  expect(listen?.payload.reconnectTimeout).toBe(30);
  expect(desk.fake.frames.some((frame) => frame.type === 'register' && (frame.payload.media as { audio?: boolean }).audio === true)).toBe(
    true,
  );

  const call = await ringAndAccept(desk, { ...TASK, handoffMode: 'cold' });
  const record = await desk.agent.evaluate((sid) => window.voiceTest.record(sid), call.callSid);
  expect(record).toMatchObject({
    callSid: call.callSid,
    from: 'client:ai-voice-agent',
    customParameters: { ...TASK, handoffMode: 'cold' },
    handoff: { ...TASK, mode: 'cold', intro: 'none', bridgedBy: 'accept' },
    phase: 'open',
  });
  expect(
    await desk.agent.evaluate(([sid, reservation]) => window.voiceTest.match(sid, reservation), [call.callSid, TASK] as const),
  ).toEqual({
    kind: 'match',
    on: ['taskSid', 'handoffId'],
  });
  expect(await desk.agent.evaluate((sid) => window.voiceTest.match(sid, { taskSid: 'WTother' }), call.callSid)).toMatchObject({
    kind: 'mismatch',
    field: 'taskSid',
  });

  await desk.agent.evaluate((sid) => window.voiceTest.startTap(sid), call.callSid);
  await expect
    .poll(
      async () => {
        const [agentSide, farSide] = await Promise.all([
          desk.agent.evaluate(() => window.voiceTest.peerStats()),
          desk.farPage.evaluate(() => window.far.stats()),
        ]);
        return (agentSide?.packetsReceived ?? 0) > 50 && (farSide?.packetsReceived ?? 0) > 50;
      },
      { timeout: CONNECT_TIMEOUT },
    )
    .toBe(true);
  const stats = await desk.agent.evaluate(() => window.voiceTest.peerStats());
  expect(stats).toMatchObject({ connectionState: 'connected', remoteTrack: { readyState: 'live', enabled: true } });
  // Both sides of the call reach the tap as 100 ms PCM16 chunks at 24 kHz (4800 bytes), with sound in them.
  await expect
    .poll(() => desk.agent.evaluate(() => window.voiceTest.tapStats()), { timeout: CONNECT_TIMEOUT })
    .toMatchObject({ agent: { chunks: expect.any(Number) }, customer: { chunks: expect.any(Number) } });
  await expect
    .poll(
      async () => {
        const tap = await desk.agent.evaluate(() => window.voiceTest.tapStats());
        return tap.agent.chunks >= 10 && tap.customer.chunks >= 10 && tap.customer.maxRms > 0.01 && tap.agent.maxRms > 0.01;
      },
      { timeout: CONNECT_TIMEOUT },
    )
    .toBe(true);
  const tap = await desk.agent.evaluate(() => window.voiceTest.tapStats());
  expect(tap.agent.sizes).toEqual([4_800]);
  expect(tap.customer.sizes).toEqual([4_800]);
  expect(desk.problems).toEqual([]);
});

it('sendDigits: RTP DTMF is heard by the far end; without telephone-event the digits go over signaling', async ({ desk }) => {
  await register(desk);
  const call = await ringAndAccept(desk, TASK);
  await expect
    .poll(() => desk.agent.evaluate(() => window.voiceTest.peerStats().then((stats) => stats?.packetsReceived ?? 0)))
    .toBeGreaterThan(20);
  expect(await desk.agent.evaluate(() => window.voiceTest.watchTones())).toBe(true);
  expect(await desk.agent.evaluate((sid) => window.voiceTest.sendDigits(sid, '1937#'), call.callSid)).toBeUndefined();
  await expect.poll(() => desk.agent.evaluate(() => window.voiceTest.tones()), { timeout: CONNECT_TIMEOUT }).toBe('1937#');
  await expect.poll(() => desk.farPage.evaluate(() => window.far.heardDigits()), { timeout: CONNECT_TIMEOUT }).toBe('1937#');
  expect(call.dtmf).toBe('');
  expect(await desk.agent.evaluate((sid) => window.voiceTest.sendDigits(sid, '12x'), call.callSid)).toMatch(/0-9/);
  expect(await desk.agent.evaluate((sid) => window.voiceTest.record(sid)?.digits, call.callSid)).toBe('1937#');
  await call.hangUp();
  await expect.poll(() => phaseOf(desk, call.callSid)).toBe('ended');

  const noRtpDtmf = await ringAndAccept(desk, TASK, desk.far({ telephoneEvent: false }));
  expect(await desk.agent.evaluate(() => window.voiceTest.peerStats().then((stats) => stats?.telephoneEvent))).toBe(false);
  expect(await desk.agent.evaluate((sid) => window.voiceTest.sendDigits(sid, '42*'), noRtpDtmf.callSid)).toBeUndefined();
  await desk.fake.waitFor(() => noRtpDtmf.dtmf === '42*', 'dtmf over signaling');
  expect(desk.fake.frames.find((frame) => frame.type === 'dtmf')?.payload).toEqual({ callsid: noRtpDtmf.callSid, dtmf: '42*' });
  expect(desk.problems).toEqual([]);
});

it('mute and hold: the microphone track and the customer audio follow, and unhold restores the agent’s mute', async ({ desk }) => {
  await register(desk);
  const call = await ringAndAccept(desk, TASK);
  const peer = () => desk.agent.evaluate(() => window.voiceTest.peerStats());
  const record = () => desk.agent.evaluate((sid) => window.voiceTest.record(sid), call.callSid);

  await desk.agent.evaluate((sid) => window.voiceTest.mute(sid, true), call.callSid);
  expect(await record()).toMatchObject({ muted: true, held: false });
  expect(await peer()).toMatchObject({ localTrackEnabled: false });
  await desk.agent.evaluate((sid) => window.voiceTest.mute(sid, false), call.callSid);
  expect(await record()).toMatchObject({ muted: false });
  expect(await peer()).toMatchObject({ localTrackEnabled: true, remoteTrack: { enabled: true } });

  await desk.agent.evaluate((sid) => window.voiceTest.mute(sid, true), call.callSid);
  await desk.agent.evaluate((sid) => window.voiceTest.hold(sid, true), call.callSid);
  expect(await record()).toMatchObject({ muted: true, held: true, phase: 'open' });
  expect(await peer()).toMatchObject({ localTrackEnabled: false, remoteTrack: { enabled: false } });
  // Unmuting while held changes what the hold returns to, not the microphone.
  await desk.agent.evaluate((sid) => window.voiceTest.mute(sid, false), call.callSid);
  expect(await peer()).toMatchObject({ localTrackEnabled: false });
  await desk.agent.evaluate((sid) => window.voiceTest.hold(sid, false), call.callSid);
  expect(await record()).toMatchObject({ muted: false, held: false });
  expect(await peer()).toMatchObject({ localTrackEnabled: true, remoteTrack: { enabled: true } });
  expect(desk.problems).toEqual([]);
});

it('hang-up from the desk ends both sides; a hang-up from the far side ends the desk’s call', async ({ desk }) => {
  await register(desk);
  const call = await ringAndAccept(desk, TASK);
  expect(await desk.agent.evaluate((sid) => window.voiceTest.act('hangUp', sid), call.callSid)).toBeUndefined();
  await Promise.race([call.ended, timeout(5_000, 'the hangup at the fake')]);
  expect(call).toMatchObject({ state: 'ended', endedBy: 'client-hangup' });
  await expect.poll(() => desk.farPage.evaluate(() => window.far.stats().then((stats) => stats?.signalingState))).toBe('closed');
  await expect
    .poll(() => desk.agent.evaluate((sid) => window.voiceTest.record(sid), call.callSid))
    .toMatchObject({
      phase: 'ended',
      end: { reason: 'hung-up-local' },
    });
  expect(await desk.agent.evaluate(() => window.voiceTest.peerStats().then((stats) => stats?.connectionState))).toBe('closed');

  const second = await ringAndAccept(desk, TASK);
  await second.hangUp();
  await expect
    .poll(() => desk.agent.evaluate((sid) => window.voiceTest.record(sid), second.callSid))
    .toMatchObject({
      phase: 'ended',
      end: { reason: 'hung-up-remote' },
    });
  expect(await desk.agent.evaluate(() => window.voiceTest.peerStats().then((stats) => stats?.connectionState))).toBe('closed');
  // The desk is still registered and takes the next call.
  expect(await desk.agent.evaluate(() => window.voiceTest.status()?.state)).toBe('registered');
  expect(desk.problems).toEqual([]);
});

it('a call cancelled while ringing is reported cancelled, never held; a rejected one ends at the far side', async ({ desk }) => {
  await register(desk);
  const call = await ring(desk, TASK);
  call.cancel();
  await expect
    .poll(() => desk.agent.evaluate((sid) => window.voiceTest.record(sid), call.callSid))
    .toMatchObject({
      phase: 'ended',
      end: { reason: 'cancelled' },
      held: false,
      muted: false,
    });
  const record = await desk.agent.evaluate((sid) => window.voiceTest.record(sid), call.callSid);
  expect(record?.acceptedAt).toBeUndefined();
  expect(await desk.agent.evaluate((sid) => window.voiceTest.act('accept', sid), call.callSid)).toMatch(/No live Voice call/);
  expect(desk.fake.frames.filter((frame) => frame.direction === 'in' && frame.payload.callsid === call.callSid)).toEqual([]);

  const rejected = await ring(desk, TASK);
  expect(await desk.agent.evaluate((sid) => window.voiceTest.act('reject', sid), rejected.callSid)).toBeUndefined();
  await Promise.race([rejected.ended, timeout(5_000, 'the reject at the fake')]);
  expect(rejected).toMatchObject({ state: 'rejected', endedBy: 'client-reject' });
  await expect
    .poll(() => desk.agent.evaluate((sid) => window.voiceTest.record(sid)?.end, rejected.callSid))
    .toEqual({ reason: 'rejected' });
  expect(desk.problems).toEqual([]);
});

it('the signaling socket drops mid-call: the SDK reconnects, the call carries on, and its record keeps everything', async ({ desk }) => {
  await register(desk);
  const call = await ringAndAccept(desk, TASK);
  await desk.agent.evaluate((sid) => window.voiceTest.sendDigits(sid, '5'), call.callSid);
  const connectionsBefore = desk.fake.connections.length;
  const packetsBefore = (await desk.agent.evaluate(() => window.voiceTest.peerStats()))!.packetsReceived;

  desk.fake.dropConnections();
  await expect.poll(() => phaseOf(desk, call.callSid)).toBe('reconnecting');
  await expect
    .poll(() => desk.agent.evaluate((sid) => window.voiceTest.record(sid), call.callSid), { timeout: CONNECT_TIMEOUT })
    .toMatchObject({
      phase: 'open',
      reconnects: [{ startedAt: expect.any(Number), endedAt: expect.any(Number) }],
    });
  expect(call.reconnects).toBe(1);
  expect(desk.fake.connections.length).toBe(connectionsBefore + 1);
  await expect.poll(() => desk.agent.evaluate(() => window.voiceTest.status()?.state)).toBe('registered');
  const record = await desk.agent.evaluate((sid) => window.voiceTest.record(sid), call.callSid);
  expect(record).toMatchObject({ callSid: call.callSid, handoff: { ...TASK }, digits: '5', acceptedAt: expect.any(Number) });
  expect(record?.end).toBeUndefined();
  // Media never depended on the signaling socket.
  await expect
    .poll(async () => (await desk.agent.evaluate(() => window.voiceTest.peerStats()))!.packetsReceived)
    .toBeGreaterThan(packetsBefore + 25);
  // The drop was reported as a signaling error at the time.
  const errors = await desk.agent.evaluate(() =>
    window.voiceTest.log('error').map((entry) => entry.data as { error: { kind: string; code?: number } }),
  );
  expect(errors.map((event) => event.error)).toContainEqual(expect.objectContaining({ kind: 'signaling', code: 31005 }));

  expect(await desk.agent.evaluate((sid) => window.voiceTest.act('hangUp', sid), call.callSid)).toBeUndefined();
  await Promise.race([call.ended, timeout(5_000, 'the hangup after the reconnect')]);
  expect(call.endedBy).toBe('client-hangup');
});

it('signaling that does not come back ends the call as signaling-lost, with its record intact', async ({ desk }) => {
  await register(desk, { reconnectGiveUpMs: 3_000 });
  expect(desk.fake.frames.find((frame) => frame.type === 'listen')?.payload.reconnectTimeout).toBe(3);
  const call = await ringAndAccept(desk, TASK);
  desk.fake.refuseConnections(true);
  desk.fake.dropConnections();
  await expect.poll(() => phaseOf(desk, call.callSid)).toBe('reconnecting');
  await expect
    .poll(() => desk.agent.evaluate((sid) => window.voiceTest.record(sid), call.callSid), { timeout: 8_000 })
    .toMatchObject({
      phase: 'ended',
      end: { reason: 'signaling-lost', error: { kind: 'signaling', message: expect.stringMatching(/did not come back within 3 s/) } },
      handoff: { ...TASK },
      acceptedAt: expect.any(Number),
      reconnects: [{ startedAt: expect.any(Number) }],
    });
  // The fake, too, gave up on the call after the reconnectTimeout the client asked for.
  await Promise.race([call.ended, timeout(5_000, 'the fake ending the call')]);
  expect(call.endedBy).toBe('signaling-timeout');
  expect(await desk.agent.evaluate(() => window.voiceTest.status())).toMatchObject({ state: 'reconnecting', error: { kind: 'signaling' } });
  desk.fake.refuseConnections(false);
  await expect.poll(() => desk.agent.evaluate(() => window.voiceTest.status()?.state), { timeout: 30_000 }).toBe('registered');
});

it('a token Twilio refuses is a clear failed state, and the SDK stops retrying it', async ({ desk }) => {
  desk.tokens.next = () => desk.fake.mintToken({ identity: IDENTITY, secret: 'not-the-account-secret' });
  const result = await desk.agent.evaluate((host) => window.voiceTest.start({ host }), desk.fake.host);
  expect(result).toMatchObject({
    ok: false,
    error: { kind: 'token', code: 20101, message: expect.stringMatching(/refused the Voice token \(20101\)/) },
  });
  expect(await desk.agent.evaluate(() => window.voiceTest.status())).toMatchObject({
    state: 'failed',
    error: { kind: 'token', code: 20101 },
  });
  expect(desk.fake.frames.filter((frame) => frame.direction === 'out').map((frame) => frame.type)).toEqual(['error']);
  expect(desk.fake.frames.find((frame) => frame.type === 'error')?.payload).toEqual({ error: { code: 31204, message: 'JWT is invalid' } });
  // The Device was destroyed: no reconnect loop with the same bad token.
  const attempts = desk.fake.connections.length;
  await desk.agent.waitForTimeout(1_500);
  expect(desk.fake.connections.length).toBe(attempts);
});

it('an expired token and a token without the incoming grant are refused with their own codes', async ({ desk }) => {
  desk.tokens.next = () => desk.fake.mintToken({ identity: IDENTITY, ttlSeconds: -60 });
  const expired = await desk.agent.evaluate((host) => window.voiceTest.start({ host }), desk.fake.host);
  expect(expired).toMatchObject({ ok: false, error: { kind: 'token', code: 20104, message: expect.stringMatching(/expired/) } });

  await desk.agent.reload();
  desk.tokens.next = () => desk.fake.mintToken({ identity: IDENTITY, incomingAllow: false });
  const noGrant = await desk.agent.evaluate((host) => window.voiceTest.start({ host }), desk.fake.host);
  // The fake answers 31201 (authorization failure); the SDK reports it as AuthenticationFailed, 20151.
  expect(noGrant).toMatchObject({
    ok: false,
    error: { kind: 'token', code: 20151, message: expect.stringMatching(/refused the Voice token/) },
  });

  await desk.agent.reload();
  desk.tokens.next = () => {
    throw new Error('token endpoint answered 503');
  };
  const unavailable = await desk.agent.evaluate((host) => window.voiceTest.start({ host }), desk.fake.host);
  expect(unavailable).toMatchObject({
    ok: false,
    error: { kind: 'token', message: expect.stringMatching(/Could not get a Voice token: .*503/) },
  });
});

it('tokens are refreshed before they expire; a failed refresh is visible and retried', async ({ desk }) => {
  let minted = 0;
  let failNext = false;
  desk.tokens.next = () => {
    if (failNext) {
      failNext = false;
      throw new Error('token endpoint answered 500');
    }
    minted += 1;
    return desk.fake.mintToken({ identity: IDENTITY, ttlSeconds: 6 });
  };
  // The retry waits 2.5 s, so the failed state lasts longer than expect.poll's longest interval (1 s).
  await register(desk, { tokenRefreshMs: 3_000, tokenRetryDelaysMs: [2_500] });
  const listens = () => desk.fake.frames.filter((frame) => frame.type === 'listen').map((frame) => frame.payload.token as string);
  // About 3 s before expiry a new token went to the SDK, which sent it to Twilio in a new listen; the SDK's
  // own tokenWillExpire and the client's timer did not fetch two.
  await expect.poll(listens, { timeout: 6_000 }).toHaveLength(2);
  expect(new Set(listens()).size).toBe(2);
  expect(minted).toBe(2);
  expect(await desk.agent.evaluate(() => window.voiceTest.status())).toMatchObject({ state: 'registered' });

  failNext = true;
  await expect
    .poll(() => desk.agent.evaluate(() => window.voiceTest.status()?.error?.message), { timeout: 6_000 })
    .toMatch(/Could not refresh the Voice token \(token endpoint answered 500\); trying again in 3 s/);
  // The retry succeeds and the trouble is gone.
  await expect
    .poll(() => desk.agent.evaluate(() => window.voiceTest.status()), { timeout: 5_000 })
    .toEqual({
      state: 'registered',
      identity: IDENTITY,
      edge: 'ashburn',
      tokenExpiresAt: expect.any(Number),
    });
  expect(minted).toBe(3);
  expect(new Set(listens()).size).toBe(listens().length);
  expect(desk.fake.frames.filter((frame) => frame.direction === 'out' && frame.type === 'error')).toEqual([]);
});

it('a token that ran out while refreshes failed is replaced when Twilio refuses it, and the desk registers again', async ({ desk }) => {
  test.setTimeout(60_000);
  let endpointUp = true;
  desk.tokens.next = () => {
    if (!endpointUp) throw new Error('token endpoint unreachable');
    return desk.fake.mintToken({ identity: IDENTITY, ttlSeconds: 3 });
  };
  await register(desk, { tokenRefreshMs: 1_000, tokenRetryDelaysMs: [600] });
  endpointUp = false;
  await expect
    .poll(() => desk.agent.evaluate(() => window.voiceTest.status()?.error?.message), { timeout: 10_000 })
    .toMatch(/The current token has expired: calls cannot reach this desk/);
  // The connection drops; the SDK comes back with the expired token and Twilio refuses it (31205 → 20104).
  desk.fake.dropConnections();
  await desk.fake.waitFor(
    () => desk.fake.frames.some((frame) => frame.type === 'error' && (frame.payload.error as { code?: number }).code === 31205),
    'the expired token refused',
    15_000,
  );
  expect(await desk.agent.evaluate(() => window.voiceTest.status()?.state)).toBe('reconnecting');
  endpointUp = true;
  await expect
    .poll(() => desk.agent.evaluate(() => window.voiceTest.status()), { timeout: 30_000 })
    .toEqual({
      state: 'registered',
      identity: IDENTITY,
      edge: 'ashburn',
      tokenExpiresAt: expect.any(Number),
    });
  const errors = await desk.agent.evaluate(() =>
    window.voiceTest.log('error').map((entry) => (entry.data as { error: { code?: number } }).error.code),
  );
  expect(errors).toContain(20104);
  // The SDK itself would not register again after the refused socket (see VoiceClient.watchRegistration).
  expect(desk.fake.connections.at(-1)).toMatchObject({ open: true, registered: true });
});

it('warm handoff: the spoken intro comes first and the customer is bridged on the backend’s message; which mode happened is recorded', async ({
  desk,
}) => {
  await register(desk, { introTimeoutMs: 2_000 });
  const introText = 'Customer Dana Reyes, order 88213, double charge of 94.00 USD; verified by SMS code.';
  const warm = await ringAndAccept(desk, { ...TASK, handoffMode: 'warm', introAudio: 'true', introText });
  const record = () => desk.agent.evaluate((sid) => window.voiceTest.record(sid), warm.callSid);
  expect(await record()).toMatchObject({ phase: 'intro', handoff: { mode: 'warm', intro: 'audio', introText } });
  expect((await record())?.handoff.bridgedAt).toBeUndefined();
  // While the AI speaks, the remote side is not the customer: the tap passes the agent only.
  await desk.agent.evaluate((sid) => window.voiceTest.startTap(sid), warm.callSid);
  await expect
    .poll(() => desk.agent.evaluate(() => window.voiceTest.tapStats().agent.chunks), { timeout: CONNECT_TIMEOUT })
    .toBeGreaterThan(3);
  expect(await desk.agent.evaluate(() => window.voiceTest.tapStats().customer.chunks)).toBe(0);
  warm.sendMessage({ event: 'bridged' });
  await expect
    .poll(record)
    .toMatchObject({ phase: 'open', handoff: { mode: 'warm', intro: 'audio', bridgedBy: 'message', bridgedAt: expect.any(Number) } });
  await expect
    .poll(() => desk.agent.evaluate(() => window.voiceTest.tapStats().customer.chunks), { timeout: CONNECT_TIMEOUT })
    .toBeGreaterThan(3);
  await desk.agent.evaluate(() => window.voiceTest.stopTap());
  await warm.hangUp();
  await expect.poll(() => phaseOf(desk, warm.callSid)).toBe('ended');

  // No "bridged" message: the intro counts as over after introTimeoutMs, and the record says so.
  const silentBackend = await ringAndAccept(desk, { ...TASK, handoffMode: 'warm', introAudio: '1' });
  await expect
    .poll(() => desk.agent.evaluate((sid) => window.voiceTest.record(sid)?.handoff, silentBackend.callSid), { timeout: 5_000 })
    .toMatchObject({
      bridgedBy: 'timeout',
    });
  await silentBackend.hangUp();
  await expect.poll(() => phaseOf(desk, silentBackend.callSid)).toBe('ended');

  // Warm with text only: shown to the agent, customer on at once.
  const textOnly = await ringAndAccept(desk, { ...TASK, handoffMode: 'warm', introText });
  expect(await desk.agent.evaluate((sid) => window.voiceTest.record(sid), textOnly.callSid)).toMatchObject({
    phase: 'open',
    handoff: { mode: 'warm', intro: 'text', introText, bridgedBy: 'accept' },
  });
  await textOnly.hangUp();
  await expect.poll(() => phaseOf(desk, textOnly.callSid)).toBe('ended');

  // Anything else is cold, and an unknown mode is kept so the app can say so.
  const odd = await ringAndAccept(desk, { ...TASK, handoffMode: 'lukewarm', introText });
  expect(await desk.agent.evaluate((sid) => window.voiceTest.record(sid)?.handoff, odd.callSid)).toMatchObject({
    mode: 'cold',
    intro: 'none',
    unknownMode: 'lukewarm',
  });
  expect(desk.problems).toEqual([]);
});

it('call-quality warnings from the SDK’s stats monitor are surfaced and cleared', async ({ desk }) => {
  test.setTimeout(45_000);
  await register(desk);
  const call = await ringAndAccept(desk, TASK);
  // The SDK holds warnings back for the first 5 s of a call; then the far side stops sending RTP.
  await desk.agent.waitForTimeout(5_500);
  await desk.farPage.evaluate(() => window.far.pauseSending(true));
  await expect
    .poll(() => desk.agent.evaluate(() => window.voiceTest.log('warning').map((entry) => entry.data)), { timeout: 10_000 })
    .toContainEqual(expect.objectContaining({ callSid: call.callSid, name: 'low-bytes-received', cleared: false }));
  await desk.farPage.evaluate(() => window.far.pauseSending(false));
  await expect
    .poll(() => desk.agent.evaluate(() => window.voiceTest.log('warning').map((entry) => entry.data)), { timeout: 10_000 })
    .toContainEqual(expect.objectContaining({ callSid: call.callSid, name: 'low-bytes-received', cleared: true }));
  expect((await desk.agent.evaluate((sid) => window.voiceTest.record(sid), call.callSid))?.warnings).toContainEqual({
    name: 'low-bytes-received',
    raisedAt: expect.any(Number),
    clearedAt: expect.any(Number),
  });
  expect(await phaseOf(desk, call.callSid)).toBe('open');
});

it('input and output devices can be listed and chosen mid-call; the tap follows the new microphone', async ({ desk }) => {
  await register(desk);
  const call = await ringAndAccept(desk, TASK);
  await desk.agent.evaluate((sid) => window.voiceTest.startTap(sid), call.callSid);
  const devices = await desk.agent.evaluate(() => window.voiceTest.devices());
  expect(devices.inputs.length).toBeGreaterThan(1);
  const other = devices.inputs.find((device) => device.deviceId !== 'default')!;
  const trackBefore = await desk.agent.evaluate((sid) => window.voiceTest.localTrackId(sid), call.callSid);
  expect(await desk.agent.evaluate((id) => window.voiceTest.setInputDevice(id), other.deviceId)).toBeUndefined();
  await expect.poll(() => desk.agent.evaluate((sid) => window.voiceTest.localTrackId(sid), call.callSid)).not.toBe(trackBefore);
  const chunksAfterSwitch = await desk.agent.evaluate(() => window.voiceTest.tapStats().agent.chunks);
  await expect
    .poll(() => desk.agent.evaluate(() => window.voiceTest.tapStats().agent.chunks), { timeout: 5_000 })
    .toBeGreaterThan(chunksAfterSwitch + 5);
  if (devices.outputSelectable) {
    const output = devices.outputs.find((device) => device.deviceId !== 'default') ?? devices.outputs[0]!;
    expect(await desk.agent.evaluate((id) => window.voiceTest.setOutputDevice(id), output.deviceId)).toBeUndefined();
  } else {
    expect(await desk.agent.evaluate(() => window.voiceTest.setOutputDevice('default'))).toMatch(/cannot be chosen/);
  }
  expect(desk.problems).toEqual([]);
});

it('figures: invite on the wire → incoming event in the page, and accept → call open', async ({ desk }) => {
  test.setTimeout(120_000);
  await register(desk);
  const ringLatencies: number[] = [];
  for (let i = 0; i < 60; i += 1) {
    const call = await ring(desk, TASK);
    const incomingAt = await desk.agent.evaluate((sid) => window.voiceTest.incomingAt(sid), call.callSid);
    ringLatencies.push(incomingAt! - call.inviteSentAt);
    call.cancel();
    await expect.poll(() => phaseOf(desk, call.callSid)).toBe('ended');
  }
  const openLatencies: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const call = await ring(desk, TASK);
    const acceptAt = await desk.agent.evaluate((sid) => {
      const at = performance.timeOrigin + performance.now();
      window.voiceTest.act('accept', sid);
      return at;
    }, call.callSid);
    await expect.poll(() => phaseOf(desk, call.callSid), { timeout: CONNECT_TIMEOUT }).toBe('open');
    const record = await desk.agent.evaluate((sid) => window.voiceTest.record(sid), call.callSid);
    openLatencies.push(record!.acceptedAt! - acceptAt);
    await call.hangUp();
    await expect.poll(() => phaseOf(desk, call.callSid)).toBe('ended');
  }
  const summary = `invite→incoming ${describe(ringLatencies)}; accept→open (SDK answer, ICE, DTLS) ${describe(openLatencies)}`;
  test.info().annotations.push({ type: 'figures', description: summary });
  console.log(`voice figures (loopback fake, Debian Chromium): ${summary}`);
  // Generous bounds: the point is the figure above; these only catch a regression of an order of magnitude.
  expect(percentile(ringLatencies, 0.95)).toBeLessThan(250);
  expect(percentile(openLatencies, 0.95)).toBeLessThan(2_000);
});

it('the tap’s PCM16 is byte for byte what audioFormats.ts makes of the same audio', () => {
  // A chirp with noise, pushed in blocks of uneven length as an AudioWorklet and odd callers would.
  const samples = Float32Array.from(
    { length: 48_000 },
    (_, i) => 0.8 * Math.sin((i * i) / 4e6) + 0.1 * Math.sin(i * 1.3) + (i % 97 === 0 ? 1.5 : 0),
  );
  const chunks: Uint8Array[] = [];
  const chunker = new Pcm16Chunker(2_400, (chunk) => chunks.push(chunk));
  const reference = new Downsampler48kTo24k();
  const referenceParts: Float32Array[] = [];
  for (let offset = 0, size = 1; offset < samples.length; offset += size, size = (size * 7 + 3) % 389 || 128) {
    const block = samples.subarray(offset, offset + size);
    chunker.push(block);
    referenceParts.push(reference.process(block));
  }
  chunker.flush();
  referenceParts.push(reference.flush());
  const expected = float32ToPcm16(Float32Array.from(referenceParts.flatMap((part) => [...part])));
  expect(chunks.slice(0, -1).every((chunk) => chunk.byteLength === 4_800)).toBe(true);
  expect(Buffer.concat(chunks).equals(Buffer.from(expected))).toBe(true);
});

it('the voice module builds with Vite as the app does: the worklet and the sound are same-origin files, the SDK is bundled', async () => {
  test.setTimeout(120_000);
  const workDir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-voice-vite-'));
  const outDir = path.join(workDir, 'out');
  try {
    // An app build keeps only what its entry uses, so the entry uses what the app will.
    const entry = path.join(workDir, 'entry.ts');
    writeFileSync(
      entry,
      `import { createDeskVoiceClient, tapDeskCallAudio } from ${JSON.stringify(path.join(VOICE, 'deskVoiceClient'))};\n` +
        `const client = createDeskVoiceClient();\n` +
        `client.on('call', (record) => { if (record.phase === 'open') void tapDeskCallAudio(client, record.callSid, { onChunk: () => undefined }); });\n` +
        `void client.register(async () => 'token');\n`,
    );
    const { build: viteBuild } = await import('vite');
    await viteBuild({
      configFile: false,
      logLevel: 'error',
      root: path.join(ROOT, 'src/renderer'),
      base: './',
      build: { outDir, emptyOutDir: true, rollupOptions: { input: { voice: entry } } },
    });
    const assets = readdirSync(path.join(outDir, 'assets'));
    const worklet = assets.find((name) => /^pcmWorklet-.*\.js$/.test(name));
    const sound = assets.find((name) => /^silence-.*\.wav$/.test(name));
    expect(worklet, 'the worklet is its own file').toBeDefined();
    expect(sound, 'the silent sound is its own file, not a data: URL').toBeDefined();
    const bundle = assets
      .filter((name) => name.endsWith('.js') && name !== worklet)
      .map((name) => readFileSync(path.join(outDir, 'assets', name), 'utf8'))
      .join('\n');
    expect(bundle).toContain(worklet!);
    expect(bundle).toContain(sound!);
    expect(bundle).not.toMatch(/data:audio|blob:/);
    expect(bundle).toContain('2.18.5');
    expect(readFileSync(path.join(outDir, 'assets', worklet!), 'utf8')).toContain('registerProcessor');
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
});

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function describe(values: number[]): string {
  const fixed = (value: number) => value.toFixed(1);
  return `p50 ${fixed(percentile(values, 0.5))} ms, p95 ${fixed(percentile(values, 0.95))} ms, max ${fixed(Math.max(...values))} ms (n=${values.length})`;
}
