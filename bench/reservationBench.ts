/**
 * Reservation created → `incoming` raised by TaskRouterTelephony, against the local TaskRouter fake:
 * the real SDK over a real loopback WebSocket. Timed from just before the fake writes the
 * `reservation.created` frame to the moment the desk's `incoming` handler runs, one reservation at a
 * time (each declined before the next; that is not timed), after a short warm-up.
 *
 * Four runs: the package inline in the task attributes; the same package, and a ~280 KB one, fetched from
 * `handoffUrl` (a local HTTP server, so one more loopback round trip); and the bare SDK (`reservationCreated` on a Worker with
 * no desk), the floor that the wire and the SDK set. Overhead = inline − bare, at p50 and p95.
 * Goal (issue 5): package on screen ≤ 50 ms beyond the wire; the desk's part of that is measured here,
 * the IPC and render parts by ringToRenderBench. The fake runs in this process, so its own work counts.
 */
import { performance } from 'node:perf_hooks';
import { Worker, type Reservation } from 'twilio-taskrouter';
import { startFakeHandoffStore } from '../test/support/fakeHandoffStore';
import { startFakeTaskRouter, type FakeTaskRouter } from '../test/support/fakeTaskRouter';
import { demoHandoff, taskRouterDesk } from '../test/support/taskRouterFixture';
import { summarise } from './stats';

const GOAL_P95_OVERHEAD_MS = 50;
const WARM_UP = 10;

export async function runReservationBench(count = 200) {
  const handoff = demoHandoff();
  const inlineAttributes = { handoff, handoffId: handoff.handoffId, selected_language: 'en', required_skill: 'support' };
  const fake = await startFakeTaskRouter();
  const store = await startFakeHandoffStore();
  try {
    const url = store.put(handoff.handoffId, { body: JSON.stringify(handoff) });
    const large = {
      ...handoff,
      summary: `${handoff.summary} ${'The customer read out every line of the statement again. '.repeat(5_000)}`,
    };
    const largeUrl = store.put('large', { body: JSON.stringify({ ...large, handoffId: 'large' }) });
    const inline = await timeDesk(fake, count, () => inlineAttributes);
    const fetched = await timeDesk(fake, count, () => ({ handoffUrl: url, handoffId: handoff.handoffId, selected_language: 'en' }));
    const fetchedLarge = await timeDesk(fake, count, () => ({ handoffUrl: largeUrl, handoffId: 'large', selected_language: 'en' }));
    const bare = await timeBareSdk(fake, count, () => inlineAttributes);
    const overhead = { p50: round(inline.p50 - bare.p50), p95: round(inline.p95 - bare.p95) };
    return {
      reservations: count,
      packageBytes: Buffer.byteLength(JSON.stringify(handoff)),
      createdToIncomingMs: inline,
      createdToIncomingWithFetchMs: fetched,
      largePackageBytes: Buffer.byteLength(JSON.stringify(large)),
      createdToIncomingWithLargeFetchMs: fetchedLarge,
      bareSdkCreatedToEventMs: bare,
      deskOverheadMs: overhead,
      goalP95OverheadMs: GOAL_P95_OVERHEAD_MS,
      meetsGoal: overhead.p95 <= GOAL_P95_OVERHEAD_MS && inline.p95 <= GOAL_P95_OVERHEAD_MS,
    };
  } finally {
    await store.close();
    await fake.close();
  }
}

async function timeDesk(fake: FakeTaskRouter, count: number, attributes: () => Record<string, unknown>) {
  const desk = taskRouterDesk(fake);
  await desk.telephony.start();
  const samples: number[] = [];
  try {
    for (let index = 0; index < WARM_UP + count; index += 1) {
      const rang = new Promise<number>((resolve) => (desk.events.onIncoming = () => resolve(performance.now())));
      const { reservationSid, sentAt } = fake.createReservation(attributes());
      const incomingAt = await withTimeout(rang, `reservation ${index}`);
      if (index >= WARM_UP) samples.push(incomingAt - sentAt!);
      await desk.telephony.decline(reservationSid);
    }
  } finally {
    desk.telephony.stop();
  }
  return summarise(samples);
}

async function timeBareSdk(fake: FakeTaskRouter, count: number, attributes: () => Record<string, unknown>) {
  const worker = new Worker(fake.mintToken(), { ebServer: fake.ebServer, wsServer: fake.wsServer, logLevel: 'silent' });
  worker.on('error', () => undefined);
  await withTimeout(new Promise<void>((resolve) => worker.once('ready', () => resolve())), 'bare worker ready');
  const samples: number[] = [];
  try {
    for (let index = 0; index < WARM_UP + count; index += 1) {
      const created = new Promise<{ at: number; reservation: Reservation }>((resolve) =>
        worker.once('reservationCreated', (reservation: Reservation) => resolve({ at: performance.now(), reservation })),
      );
      const { sentAt } = fake.createReservation(attributes());
      const { at, reservation } = await withTimeout(created, `bare reservation ${index}`);
      if (index >= WARM_UP) samples.push(at - sentAt!);
      await reservation.reject();
    }
  } finally {
    worker.removeAllListeners();
    worker.on('error', () => undefined);
    worker.disconnect();
    // The same SDK timers TaskRouterTelephony.stop() clears (token expiry, heartbeat), or this process lingers.
    const signaling = (worker as unknown as { _signaling: { tokenTimer?: NodeJS.Timeout; _heartbeat?: { pintvl?: NodeJS.Timeout } } })
      ._signaling;
    clearTimeout(signaling.tokenTimer);
    clearInterval(signaling._heartbeat?.pintvl);
  }
  return summarise(samples);
}

function withTimeout<T>(promise: Promise<T>, what: string, ms = 5_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: nothing within ${ms} ms`)), ms)));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

if (require.main === module) {
  runReservationBench(Number(process.env.BENCH_RESERVATIONS ?? 200)).then(
    (result) => console.log(JSON.stringify(result, null, 2)),
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
