/**
 * The whole live path in the real renderer and the real core (the web harness), every Twilio and OpenAI
 * piece replaced by its wire fake on 127.0.0.1:
 *
 *   TaskRouter fake ──reservation──▶ desk core ──package──▶ ringing card
 *   Voice signaling fake ──invite (taskSid, handoffId)──▶ the app's VoiceClient (real @twilio/voice-sdk)
 *   far page (real WebRTC caller) ◀──media──▶ agent page ──PCM16──▶ core ──▶ OpenAI Realtime fake
 *   Realtime fake ──transcription events──▶ core ──turns──▶ transcript in the DOM
 *
 * Tokens come from a local token endpoint, as IT's would (the credential stays in the harness process).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { StoredCall } from '../../../src/shared/callSchemas';
import { startFakeOpenAiRealtime, type FakeOpenAiRealtime } from '../../support/fakeOpenAiRealtime';
import { startFakeTaskRouter, type FakeTaskRouter } from '../../support/fakeTaskRouter';
import { startFakeVoiceSignaling, type FakeVoiceSignaling } from '../../support/fakeVoiceSignaling';
import { startTokenEndpoint, writeLiveDeskConfig } from '../../support/liveDeskConfig';
import { demoHandoff } from '../../support/taskRouterFixture';
import { loadedChunks, VOICE_CHUNKS } from './lazyChunks';
import { makeTestTls } from '../../support/testCertificate';
import { farEndOf, launchVoiceChromium, serveVoicePages, type VoicePages } from '../../support/voicePages';
import { startHarness, type RunningHarness } from '../../support/webHarness';

const IDENTITY = 'agent-e2e';
const CREDENTIAL = 'e2e-credential';
const OPENAI_KEY = 'sk-e2e-live';
const CONNECT_TIMEOUT = 15_000;

const tls = makeTestTls();
let browser: Browser;
let pages: VoicePages;

test.beforeAll(async () => {
  pages = await serveVoicePages(['far']);
  browser = await launchVoiceChromium(tls.cert);
});

test.afterAll(async () => {
  await browser?.close();
  await pages?.close();
});

interface LiveDesk {
  taskRouter: FakeTaskRouter;
  voice: FakeVoiceSignaling;
  realtime: FakeOpenAiRealtime;
  harness: RunningHarness;
  context: BrowserContext;
  page: Page;
  farPage: Page;
  /** Whether the token endpoint hands out Voice tokens (false: 503, as an endpoint that is down), and for how long. */
  voiceTokens: { issue: boolean; ttlSeconds: number };
  stored(callId: string): Promise<StoredCall>;
  problems: string[];
}

const it = test.extend<{ live: LiveDesk; withOpenAiKey: boolean }>({
  withOpenAiKey: [true, { option: true }],
  live: async ({ withOpenAiKey }, use) => {
    const taskRouter = await startFakeTaskRouter({
      workerAttributes: { skills: ['support'], languages: ['en'], contact_uri: `client:${IDENTITY}` },
    });
    const voice = await startFakeVoiceSignaling({ tls, heartbeatMs: 2_000 });
    const realtime = await startFakeOpenAiRealtime({ apiKey: OPENAI_KEY });
    const voiceTokens = { issue: true, ttlSeconds: 3_600 };
    const tokenEndpoint = await startTokenEndpoint({
      credential: CREDENTIAL,
      identity: IDENTITY,
      issue: (kind) =>
        kind === 'taskrouter'
          ? taskRouter.mintToken()
          : voiceTokens.issue
            ? voice.mintToken({ identity: IDENTITY, ttlSeconds: voiceTokens.ttlSeconds })
            : undefined,
    });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-e2e-live-voice-'));
    writeLiveDeskConfig(dataDir, {
      tokenEndpoint,
      taskRouter,
      credential: CREDENTIAL,
      settings: { voiceSignalingHost: voice.host, openaiBaseUrl: realtime.baseURL },
      secrets: withOpenAiKey ? { openai_api_key: OPENAI_KEY } : {},
    });
    // The Realtime fake's test CA, trusted by the harness process only (as a corporate proxy's CA would be).
    const caFile = path.join(dataDir, 'realtime-ca.pem');
    writeFileSync(caFile, realtime.ca);
    const harness = await startHarness(dataDir, [], { NODE_EXTRA_CA_CERTS: caFile, OPENAI_API_KEY: '' });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const problems: string[] = [];
    const page = await context.newPage();
    const farPage = await context.newPage();
    for (const [name, watched] of [
      ['desk', page],
      ['far', farPage],
    ] as const) {
      watched.on('pageerror', (error) => problems.push(`${name} page error: ${error.message}`));
      watched.on('websocket', (socket) => {
        if (!socket.url().startsWith('wss://127.0.0.1:') && !socket.url().startsWith('ws://127.0.0.1:'))
          problems.push(`off loopback: ${socket.url()}`);
      });
      watched.on('request', (request) => {
        if (!/^(https?|wss?):\/\/127\.0\.0\.1[:/]|^data:/.test(request.url())) problems.push(`off loopback: ${request.url()}`);
      });
    }
    await farPage.goto(`${pages.origin}/far.html`);
    await page.goto(harness.url);
    const stored = async (callId: string): Promise<StoredCall> => {
      const response = await fetch(`${harness.origin}/api/invoke/getStoredCall`, {
        method: 'POST',
        headers: { 'x-desk-token': harness.token, 'content-type': 'application/json' },
        body: JSON.stringify({ callId }),
      });
      const envelope = (await response.json()) as { ok: boolean; value: StoredCall };
      expect(envelope.ok).toBe(true);
      return envelope.value;
    };
    await use({ taskRouter, voice, realtime, harness, context, page, farPage, voiceTokens, stored, problems });
    await context.close();
    await harness.stop();
    tokenEndpoint.close();
    await Promise.all([taskRouter.close(), voice.close(), realtime.close()]);
    rmSync(dataDir, { recursive: true, force: true });
    expect(problems).toEqual([]);
  },
});

async function ready(live: LiveDesk): Promise<void> {
  await expect(live.page.getByTestId('phone-line-status')).toHaveAttribute('data-state', 'registered', { timeout: CONNECT_TIMEOUT });
  await expect(live.page.getByTestId('telephony-status')).toHaveAttribute('data-connected', 'true', { timeout: CONNECT_TIMEOUT });
}

it('live mode loads the Voice chunks that demo mode must not (the positive control of ringing.spec.ts)', async ({ live }) => {
  await ready(live);
  expect(await loadedChunks(live.page)).toEqual(expect.arrayContaining(VOICE_CHUNKS));
  expect(await loadedChunks(live.page)).not.toContain('metrics');
});

it('a cold handoff: the reservation rings, accept takes the matching phone call, both sides are transcribed, hang-up ends both', async ({
  live,
}) => {
  const { page } = live;
  await ready(live);
  const handoff = demoHandoff();
  const { reservationSid, taskSid } = live.taskRouter.createReservation({ handoff }, { queueName: 'Support' });
  await expect(page.getByTestId('ringing-card')).toBeVisible();
  // The backend dials the agent while the card rings: the line waits for the agent's yes.
  const call = await live.voice.invite({
    identity: IDENTITY,
    far: farEndOf(live.farPage, { telephoneEvent: false }),
    params: { taskSid, handoffId: handoff.handoffId, handoffMode: 'cold' },
  });
  await expect.poll(() => live.voice.frames.some((frame) => frame.type === 'invite' && frame.direction === 'out')).toBe(true);
  await page.waitForTimeout(300);
  expect(call.state, 'not answered before the agent accepts').toBe('ringing');

  await page.keyboard.press('a');
  await expect(page.getByTestId('call-view')).toBeVisible();
  await call.answered;
  await expect(page.getByTestId('phone-line')).toHaveAttribute('data-phase', 'open', { timeout: CONNECT_TIMEOUT });
  await expect(page.getByTestId('handoff-mode')).toHaveText('Cold handoff');
  await expect.poll(() => live.taskRouter.requests.some((request) => request.params.ReservationStatus === 'accepted')).toBe(true);

  // Both sides' audio reaches its own transcription stream, and what each stream hears becomes a turn.
  const first = await live.realtime.connection(0, CONNECT_TIMEOUT);
  const second = await live.realtime.connection(1, CONNECT_TIMEOUT);
  await Promise.all([first.waitForAudio(4_800, CONNECT_TIMEOUT), second.waitForAudio(4_800, CONNECT_TIMEOUT)]);
  first.delta('item_a1', 'I was charged');
  await expect(page.getByTestId('transcript-interim')).toContainText('I was charged');
  first.utterance('item_a1', 'I was charged twice for my renewal.');
  second.utterance('item_b1', 'Let me look at that renewal for you.');
  const transcript = page.getByRole('region', { name: 'Live transcript' });
  await expect(transcript).toContainText('I was charged twice for my renewal.');
  await expect(transcript).toContainText('Let me look at that renewal for you.');
  await expect(page.getByTestId('transcript-interim')).toHaveCount(0);

  // Mute, hold and the keypad act on the real SDK call.
  await page.keyboard.press('Control+Shift+U');
  await expect(page.getByTestId('mute')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('hold').click();
  await expect(page.getByTestId('hold')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('hold').click();
  await expect(page.getByTestId('hold')).toHaveAttribute('aria-pressed', 'false');
  await expect(page.getByTestId('mute')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('keypad').fill('12x');
  await page.getByTestId('keypad').press('Enter');
  await expect(page.getByTestId('keypad-error')).toBeVisible();
  await page.getByTestId('keypad').fill('1 2#');
  await page.getByTestId('keypad').press('Enter');
  await expect.poll(() => call.dtmf).toBe('12#');

  await page.keyboard.press('Control+Shift+H');
  await expect(page.getByTestId('call-status')).toContainText('Call ended');
  await call.ended;
  expect(call.endedBy).toBe('client-hangup');
  await expect
    .poll(() => live.taskRouter.requests.some((request) => ['completed', 'wrapping'].includes(String(request.params.AssignmentStatus))))
    .toBe(true);

  await expect.poll(async () => (await live.stored(reservationSid)).call.voice?.endReason).toBe('hung-up-local');
  const stored = await live.stored(reservationSid);
  expect(stored.call.voice).toMatchObject({
    callSid: call.callSid,
    mode: 'cold',
    intro: 'none',
    matchedOn: ['taskSid', 'handoffId'],
    bridgedBy: 'accept',
    digitsSent: 3,
  });
  expect(stored.turns.map((turn) => turn.text)).toEqual(
    expect.arrayContaining(['I was charged twice for my renewal.', 'Let me look at that renewal for you.']),
  );
  expect(new Set(stored.turns.map((turn) => turn.speaker))).toEqual(new Set(['agent', 'customer']));
});

it('a warm handoff: the AI introduces the call, the agent marks the customer on, and the customer hanging up ends the desk call', async ({
  live,
}) => {
  const { page } = live;
  await ready(live);
  const handoff = demoHandoff();
  const { reservationSid, taskSid } = live.taskRouter.createReservation({ handoff });
  await expect(page.getByTestId('ringing-card')).toBeVisible();
  await page.keyboard.press('a');
  await expect(page.getByTestId('call-view')).toBeVisible();
  // The usual order: the backend dials the agent once the reservation is accepted; the desk takes it at once.
  const intro = 'Hi, this is the assistant: I have Beatrix on the line about a double renewal charge.';
  const call = await live.voice.invite({
    identity: IDENTITY,
    far: farEndOf(live.farPage),
    params: { taskSid, handoffId: handoff.handoffId, handoffMode: 'warm', introAudio: 'true', introText: intro },
  });
  await call.answered;
  await expect(page.getByTestId('phone-line')).toHaveAttribute('data-phase', 'intro', { timeout: CONNECT_TIMEOUT });
  await expect(page.getByTestId('handoff-mode')).toHaveText('Warm handoff');
  await expect(page.getByTestId('warm-intro')).toContainText(intro);
  await page.getByTestId('customer-is-on').click();
  await expect(page.getByTestId('phone-line')).toHaveAttribute('data-phase', 'open');
  await expect(page.getByTestId('warm-intro')).toHaveCount(0);

  await call.hangUp();
  await expect(page.getByTestId('call-status')).toContainText('Call ended');
  await expect(page.getByTestId('notice').filter({ hasText: 'The customer hung up.' })).toBeVisible();
  await expect.poll(async () => (await live.stored(reservationSid)).call.voice?.endReason).toBe('hung-up-remote');
  expect((await live.stored(reservationSid)).call.voice).toMatchObject({ mode: 'warm', intro: 'audio', bridgedBy: 'message' });
});

it('faults: a reservation cancelled while its phone call waits, a dropped signaling socket, a transcription stream that dies', async ({
  live,
}) => {
  const { page } = live;
  await ready(live);
  const handoff = demoHandoff();

  // The caller hangs up while the card rings and the line waits for the agent: nothing is held.
  const first = live.taskRouter.createReservation({ handoff });
  await expect(page.getByTestId('ringing-card')).toBeVisible();
  const waiting = await live.voice.invite({
    identity: IDENTITY,
    far: farEndOf(live.farPage),
    params: { taskSid: first.taskSid, handoffId: handoff.handoffId },
  });
  live.taskRouter.cancelReservation(first.reservationSid);
  await expect(page.getByTestId('ringing-card')).toBeHidden();
  await waiting.ended;
  expect(waiting.endedBy).toBe('client-reject');
  await expect(page.getByTestId('phone-line')).toHaveCount(0);

  // A call in progress: signaling drops and comes back; the line says so and carries on.
  const second = live.taskRouter.createReservation({ handoff });
  await expect(page.getByTestId('ringing-card')).toBeVisible();
  await page.keyboard.press('a');
  const call = await live.voice.invite({
    identity: IDENTITY,
    far: farEndOf(live.farPage),
    params: { taskSid: second.taskSid, handoffId: handoff.handoffId },
  });
  await call.answered;
  await expect(page.getByTestId('phone-line')).toHaveAttribute('data-phase', 'open', { timeout: CONNECT_TIMEOUT });
  const stream = await live.realtime.connection(0, CONNECT_TIMEOUT);
  stream.utterance('item_1', 'My renewal was charged twice.');
  await expect(page.getByRole('region', { name: 'Live transcript' })).toContainText('My renewal was charged twice.');
  live.voice.dropConnections();
  await expect(page.getByTestId('phone-line')).toHaveAttribute('data-phase', 'reconnecting');
  await expect(page.getByTestId('phone-line')).toHaveAttribute('data-phase', 'open', { timeout: CONNECT_TIMEOUT });
  expect(call.state).toBe('answered');

  // The transcription service goes away for good: the pane says the transcript stopped, what was said stays.
  live.realtime.refuseNext(1_000, 401, 'invalid_api_key');
  for (const connection of live.realtime.connections) connection.die();
  await expect(page.getByTestId('transcript-stream-status')).toContainText('No live transcript', { timeout: 20_000 });
  await expect(page.getByRole('region', { name: 'Live transcript' })).toContainText('My renewal was charged twice.');
  await expect(page.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');

  await page.keyboard.press('Control+Shift+H');
  await call.ended;
  const stored = await live.stored(second.reservationSid);
  expect(stored.turns.map((turn) => turn.text)).toContain('My renewal was charged twice.');
  await expect.poll(async () => (await live.stored(second.reservationSid)).call.voice?.reconnects).toBe(1);
});

it.describe('without an OpenAI key', () => {
  it.use({ withOpenAiKey: false });

  it('audio for another task is turned away, audio without ids is left to the agent, and the transcript pane says why it is empty', async ({
    live,
  }) => {
    const { page } = live;
    await ready(live);
    const handoff = demoHandoff();
    const { taskSid } = live.taskRouter.createReservation({ handoff });
    await expect(page.getByTestId('ringing-card')).toBeVisible();
    await page.keyboard.press('a');
    await expect(page.getByTestId('call-view')).toBeVisible();
    await expect(page.getByTestId('transcript-stream-status')).toContainText('No live transcript');
    await expect(page.getByTestId('transcript-stream-status')).toContainText(/key/i);

    const wrong = await live.voice.invite({
      identity: IDENTITY,
      far: farEndOf(live.farPage),
      params: { taskSid: 'WTsomeoneelse0000000000000000000', handoffMode: 'cold' },
    });
    await wrong.ended;
    expect(wrong.endedBy).toBe('client-reject');
    await expect(page.getByTestId('notice').filter({ hasText: 'turned away' })).toContainText('WTsomeoneelse');

    const anonymous = await live.voice.invite({ identity: IDENTITY, far: farEndOf(live.farPage), params: {} });
    await expect(page.getByTestId('unmatched-call')).toBeVisible();
    await expect(page.getByTestId('unmatched-take')).toBeEnabled();
    await page.getByTestId('unmatched-turn-away').click();
    await anonymous.ended;
    expect(anonymous.endedBy).toBe('client-reject');
    await expect(page.getByTestId('unmatched-calls')).toHaveCount(0);
    // The call on the desk kept going, with no line of its own yet.
    await expect(page.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
    expect(taskSid).toMatch(/^WT/);
  });

  it('a token endpoint that will not issue Voice tokens is a visible, retryable state', async ({ live }) => {
    const { page } = live;
    live.voiceTokens.issue = false;
    await page.reload();
    await expect(page.getByTestId('phone-line-status')).toHaveAttribute('data-state', 'failed', { timeout: CONNECT_TIMEOUT });
    await expect(page.getByTestId('phone-line-trouble')).toContainText('Could not get a Voice token: The token endpoint answered 503');
    live.voiceTokens.issue = true;
    await page.getByTestId('phone-line-retry').click();
    await expect(page.getByTestId('phone-line-status')).toHaveAttribute('data-state', 'registered', { timeout: CONNECT_TIMEOUT });
  });

  it('a Voice token refresh that fails is said in the top bar, the line stays up, and the retry clears it', async ({ live }) => {
    test.setTimeout(60_000);
    const { page } = live;
    // Tokens that live 63 s are refreshed 60 s before they expire: about 3 s after registering.
    live.voiceTokens.ttlSeconds = 63;
    await page.reload();
    await expect(page.getByTestId('phone-line-status')).toHaveAttribute('data-state', 'registered', { timeout: CONNECT_TIMEOUT });
    live.voiceTokens.issue = false;
    await expect(page.getByTestId('phone-line-status')).toContainText('Phone line ready · token trouble', { timeout: 10_000 });
    await expect(page.getByTestId('phone-line-trouble')).toContainText('Could not refresh the Voice token');
    await expect(page.getByTestId('phone-line-trouble')).toContainText('trying again in 5 s');
    await expect(page.getByTestId('phone-line-status')).toHaveAttribute('data-state', 'registered');
    live.voiceTokens.ttlSeconds = 3_600;
    live.voiceTokens.issue = true;
    await expect(page.getByTestId('phone-line-trouble')).toHaveCount(0, { timeout: 10_000 });
    await expect(page.getByTestId('phone-line-status')).toContainText('Phone line ready');
  });
});
