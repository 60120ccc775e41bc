/**
 * The whole live path in the desk, against local fakes of the wire: IT's settings turn the desk into a
 * TaskRouter worker; a reservation rings with its package; accept reaches TaskRouter; availability and
 * voice tokens go through the token endpoint, whose credential never leaves the main process.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../../src/main/core/createDesk';
import { FileKeyStore } from '../../../src/main/core/fileKeyStore';
import { FileSecretStore } from '../../../src/main/core/fileSecretStore';
import { SOURCE_STORE_WORKER } from '../../../src/main/core/store/sourceWorker';
import type { DeskEventName } from '../../../src/shared/ipc/deskContract';
import { startFakeTaskRouter, type FakeTaskRouter } from '../../support/fakeTaskRouter';
import { demoHandoff } from '../../support/taskRouterFixture';

const ROOT = path.resolve(__dirname, '../../..');
const CREDENTIAL = 'desk-credential-for-tests';
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The contact center's token endpoint: checks the desk's credential, hands out tokens from the fake. */
async function tokenEndpoint(fake: FakeTaskRouter): Promise<{ url: string; kinds: string[] }> {
  const kinds: string[] = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.headers.authorization !== `Bearer ${CREDENTIAL}`) return void response.writeHead(401).end();
      const { kind } = JSON.parse(body) as { kind: string };
      kinds.push(kind);
      const token = kind === 'voice' ? 'voice-token-for-tests' : fake.mintToken();
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ token, identity: 'agent-alex', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`, kinds };
}

async function liveDesk(): Promise<{
  desk: Desk;
  fake: FakeTaskRouter;
  events: Array<{ event: DeskEventName; payload: unknown }>;
  kinds: string[];
}> {
  const fake = await startFakeTaskRouter();
  cleanups.push(() => fake.close());
  const { url, kinds } = await tokenEndpoint(fake);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-live-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({
      telephonyMode: 'twilio',
      tokenEndpointUrl: url,
      taskRouterEventBridgeUrl: fake.ebServer,
      taskRouterSocketUrl: fake.wsServer,
    }),
  );
  const events: Array<{ event: DeskEventName; payload: unknown }> = [];
  const desk = await createDesk({
    dataDir,
    keyStore: new FileKeyStore(path.join(dataDir, 'db.key')),
    secretStore: new FileSecretStore(path.join(dataDir, 'secrets.json'), { WHISPER_DESK_TOKEN_CREDENTIAL: CREDENTIAL }),
    demoScenarioDir: path.join(ROOT, 'resources/demo-scenarios'),
    demoPackDir: path.join(ROOT, 'resources/packs/abcd-store'),
    ...SOURCE_STORE_WORKER,
    emit: (event, payload) => events.push({ event, payload }),
  });
  cleanups.push(() => desk.close());
  return { desk, fake, events, kinds };
}

describe('live desk (TaskRouter + token endpoint, local fakes)', () => {
  it('connects as a worker, rings a reservation with its package, and accepts it on TaskRouter', async () => {
    const { desk, fake, events, kinds } = await liveDesk();
    await fake.waitFor(
      () => events.some((e) => e.event === 'telephonyStatus' && (e.payload as { connected: boolean }).connected),
      'worker connected',
    );
    expect(kinds).toContain('taskrouter');
    const snapshot = await desk.handle('getSnapshot', {});
    expect(snapshot).toMatchObject({ ok: true, value: { mode: 'live', telephony: { mode: 'twilio', connected: true } } });
    expect(await desk.handle('ringDemoCall', {})).toMatchObject({ ok: false, error: { code: 'wrong_state' } });

    const reservation = fake.createReservation({ handoff: demoHandoff() });
    await fake.waitFor(() => desk.service.getSnapshot().activeCall?.phase === 'ringing', 'the reservation rings');
    const ringing = desk.service.getSnapshot().activeCall!;
    expect(ringing.source).toBe('telephony');
    expect(ringing.intake.status).toBe('ok');
    expect(ringing.intake.status === 'ok' && ringing.intake.package.caller.name).toBe('Beatrix Solano');

    expect(await desk.handle('acceptCall', { callId: ringing.callId })).toMatchObject({ ok: true, value: { phase: 'active' } });
    await fake.waitFor(() => fake.requests.some((r) => r.params.ReservationStatus === 'accepted'), 'TaskRouter saw the accept');
    expect(reservation.reservationSid).toBeTruthy();

    const voice = await desk.handle('getVoiceToken', {});
    expect(voice).toEqual({ ok: true, value: { token: 'voice-token-for-tests', identity: 'agent-alex' } });
    expect(JSON.stringify(await desk.handle('getSnapshot', {}))).not.toContain(CREDENTIAL);
    expect(
      await desk.handle('pushCallAudio', { callId: ringing.callId, speaker: 'agent', audioBase64: Buffer.alloc(4800).toString('base64') }),
    ).toEqual({ ok: true, value: {} });
  });

  it('a reservation that times out while ringing is marked missed, never held', async () => {
    const { desk, fake, events } = await liveDesk();
    await fake.waitFor(
      () => events.some((e) => e.event === 'telephonyStatus' && (e.payload as { connected: boolean }).connected),
      'worker connected',
    );
    const reservation = fake.createReservation({ handoff: demoHandoff() });
    await fake.waitFor(() => desk.service.getSnapshot().activeCall?.phase === 'ringing', 'rings');
    fake.timeoutReservation(reservation.reservationSid);
    await fake.waitFor(() => desk.service.getSnapshot().activeCall?.phase === 'missed', 'missed');
  });

  it.each(['ringing', 'active'] as const)(
    'a second reservation while a call is %s is rejected on TaskRouter, and nothing of the first call is lost',
    async (phase) => {
      const { desk, fake, events } = await liveDesk();
      await fake.waitFor(
        () => events.some((e) => e.event === 'telephonyStatus' && (e.payload as { connected: boolean }).connected),
        'worker connected',
      );
      fake.createReservation({ handoff: demoHandoff() });
      await fake.waitFor(() => desk.service.getSnapshot().activeCall?.phase === 'ringing', 'the first reservation rings');
      const first = desk.service.getSnapshot().activeCall!;
      if (phase === 'active') {
        expect(await desk.handle('acceptCall', { callId: first.callId })).toMatchObject({ ok: true });
        expect(await desk.handle('saveNotes', { callId: first.callId, text: 'first call notes' })).toMatchObject({ ok: true });
      }
      const second = fake.createReservation({ handoff: { ...demoHandoff(), handoffId: 'ho_second' } });
      await fake.waitFor(
        () => fake.requests.some((r) => r.url.includes(second.reservationSid) && r.params.ReservationStatus === 'rejected'),
        'TaskRouter saw the second reservation rejected',
      );
      const still = desk.service.getSnapshot().activeCall!;
      expect(still.callId).toBe(first.callId);
      expect(still.phase).toBe(phase);
      if (phase === 'active') expect(still.notes).toBe('first call notes');
      expect(events.some((e) => e.event === 'callChanged' && (e.payload as { callId: string }).callId === second.reservationSid)).toBe(
        false,
      );
      expect(events.some((e) => e.event === 'notice' && /second call/i.test((e.payload as { message: string }).message))).toBe(true);
      // The first call goes on and is stored whole.
      if (phase === 'active') {
        expect(await desk.handle('hangUp', { callId: first.callId })).toMatchObject({ ok: true, value: { phase: 'ended' } });
        await desk.service.flush();
        const history = await desk.service.listHistory(10);
        expect(history.map((item) => item.callId)).toEqual([first.callId]);
        expect(history[0]).toMatchObject({ phase: 'ended', hasNotes: true });
      }
    },
  );
});
