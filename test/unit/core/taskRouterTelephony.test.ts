/**
 * The TaskRouter adapter against a local fake of the event bridge (127.0.0.1 only): the real
 * twilio-taskrouter SDK, a real WebSocket and real HTTP both ways. Every wait is bounded in time.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Worker } from 'twilio-taskrouter';
import { useUrlSlashes, type TaskRouterTelephony } from '../../../src/main/core/telephony/taskRouterTelephony';
import { intakePackage } from '../../../src/shared/handoffIntake';
import { startFakeHandoffStore, type FakeHandoffStore } from '../../support/fakeHandoffStore';
import { startFakeTaskRouter, type FakeTaskRouter, type RecordedRequest } from '../../support/fakeTaskRouter';
import { demoHandoff, taskRouterDesk, type TaskRouterDesk } from '../../support/taskRouterFixture';

const handoff = demoHandoff();
const inline = { handoff, handoffId: handoff.handoffId, selected_language: 'en', required_skill: 'support' };

let fake: FakeTaskRouter;
let store: FakeHandoffStore;
let desks: TaskRouterDesk[];

beforeEach(async () => {
  fake = await startFakeTaskRouter();
  store = await startFakeHandoffStore();
  desks = [];
});
afterEach(async () => {
  for (const desk of desks) desk.telephony.stop();
  await fake.close();
  await store.close();
});

async function connectedDesk(
  ...args: Parameters<typeof taskRouterDesk> extends [unknown, ...infer Rest] ? Rest : never
): Promise<TaskRouterDesk> {
  const desk = taskRouterDesk(fake, ...args);
  desks.push(desk);
  await desk.telephony.start();
  return desk;
}

function sent(predicate: (request: RecordedRequest) => boolean): RecordedRequest[] {
  return fake.requests.filter((request) => request.method === 'POST' && predicate(request));
}

async function ring(desk: TaskRouterDesk, attributes: Record<string, unknown>) {
  const before = desk.events.calls.length;
  const reservation = fake.createReservation(attributes);
  await fake.waitFor(() => desk.events.calls.length > before, 'incoming');
  return { ...reservation, call: desk.events.calls.at(-1)! };
}

/**
 * The positive control after events that must not act: once the fake has sent every event it owes, one
 * more reservation rings. Events reach the SDK in order on one socket, so when this one rings the desk
 * has handled every event before it; whatever those did not do by then, they did not do. (No fixed sleep:
 * a slow machine only makes this wait longer, never pass without looking.)
 */
async function afterEarlierEvents(desk: TaskRouterDesk): Promise<string> {
  await fake.eventsSent();
  const { reservationSid } = await ring(desk, inline);
  return reservationSid;
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: Error) => error,
  );

describe('TaskRouter telephony: ringing', () => {
  it('rings a reservation with the package from its task attributes, keyed by the reservation sid', async () => {
    const desk = await connectedDesk();
    const before = Date.now();
    const { reservationSid, taskSid, call } = await ring(desk, inline);

    expect(call).toMatchObject({ callId: reservationSid, source: 'telephony', rawPackage: { kind: 'object', value: handoff } });
    expect(call.packageReceivedAt).toBeGreaterThanOrEqual(before);
    expect(call.packageReceivedAt).toBeLessThanOrEqual(Date.now());
    expect(intakePackage(call.rawPackage).status).toBe('ok');
    expect(desk.telephony.reservationInfo(reservationSid)).toMatchObject({
      taskSid,
      handoffId: handoff.handoffId,
      packageFrom: 'attributes',
      wrongQueue: false,
    });
    expect(desk.telephony.callIdForTask(taskSid)).toBe(reservationSid);
  });

  it("rings with the reservation's timeout as when the ring gives up (the desk's countdown)", async () => {
    const desk = await connectedDesk();
    const before = Date.now();
    const reservation = fake.createReservation(inline, { timeoutSeconds: 45 });
    await fake.waitFor(() => desk.events.calls.length === 1, 'incoming');
    const call = desk.events.calls[0]!;
    expect(call.callId).toBe(reservation.reservationSid);
    expect(call.ringExpiresAt).toBe(call.packageReceivedAt + 45_000);
    expect(call.ringExpiresAt).toBeGreaterThanOrEqual(before + 45_000);
  });

  it('rings no package as missing and a package sent as text as text', async () => {
    const desk = await connectedDesk();
    expect((await ring(desk, { selected_language: 'en' })).call.rawPackage).toEqual({ kind: 'none' });
    const text = JSON.stringify(handoff);
    expect((await ring(desk, { handoffRaw: text })).call.rawPackage).toEqual({ kind: 'text', text });
  });

  it('fetches a large package from handoffUrl before ringing, with no credentials', async () => {
    const large = {
      ...handoff,
      summary: `${handoff.summary} ${'Earlier in the call the customer read out the full statement. '.repeat(2_500)}`,
    };
    const body = JSON.stringify(large);
    expect(body.length).toBeGreaterThan(100_000);
    const url = store.put(handoff.handoffId, { body });
    const desk = await connectedDesk();
    const { reservationSid, call } = await ring(desk, { handoffUrl: url, handoffId: handoff.handoffId });

    expect(call.rawPackage).toEqual({ kind: 'text', text: body });
    const intake = intakePackage(call.rawPackage);
    expect(intake.status).toBe('ok');
    expect(store.requests).toHaveLength(1);
    expect(store.requests[0]!.headers.authorization).toBeUndefined();
    expect(desk.telephony.reservationInfo(reservationSid)).toMatchObject({ packageFrom: 'url' });
    expect(desk.telephony.reservationInfo(reservationSid)?.packageFetchError).toBeUndefined();
  });

  it('rings a package it could not fetch as damaged, saying why', async () => {
    const desk = await connectedDesk({ packageFetch: { timeoutMs: 300 } });
    const cases = [
      { url: store.put('gone', { body: '{}', status: 404 }), handoffId: 'gone', why: /answered 404/ },
      {
        url: store.put('huge', { body: `{"pad":"${'x'.repeat(600 * 1024)}"}`, chunked: true }),
        handoffId: 'huge',
        why: /over the 512 KB limit/,
      },
      { url: store.put('slow', { body: JSON.stringify(handoff), delayMs: 2_000 }), handoffId: 'slow', why: /did not finish within 300 ms/ },
      {
        url: store.put('other', { body: JSON.stringify(handoff) }),
        handoffId: 'ho_someone_else',
        why: /is for handoff ho_e93b, but the task names ho_someone_else/,
      },
      { url: 'http://192.0.2.10/handoffs/x', handoffId: 'x', why: /must be an https URL/ },
    ];
    for (const { url, handoffId, why } of cases) {
      const { reservationSid, call } = await ring(desk, { handoffUrl: url, handoffId });
      expect(desk.telephony.reservationInfo(reservationSid)?.packageFetchError).toMatch(why);
      const intake = intakePackage(call.rawPackage);
      expect(intake.status).toBe('malformed');
      expect(intake.status === 'malformed' && intake.rawExcerpt).toMatch(/^Package not fetched: /);
      expect(intake.status === 'malformed' && intake.rawExcerpt).toMatch(why);
    }
  });

  it('rings a reservation that was already pending when the desk connected', async () => {
    const { reservationSid } = fake.createReservation(inline);
    const desk = await connectedDesk();
    await fake.waitFor(() => desk.events.calls.length === 1, 'incoming for the pending reservation');
    expect(desk.events.calls[0]).toMatchObject({ callId: reservationSid, rawPackage: { kind: 'object' } });
  });

  it('flags a wrong queue: a skill or a language this agent lacks', async () => {
    const desk = await connectedDesk();
    const wrong = await ring(desk, { ...inline, required_skill: 'billing', selected_language: 'es-MX' });
    const info = desk.telephony.reservationInfo(wrong.reservationSid)!;
    expect(info.wrongQueue).toBe(true);
    expect(info.queueFit.problems).toEqual([
      'needs skill billing; this agent has support',
      "caller's language is es-MX; this agent speaks en",
    ]);

    const fits = await ring(desk, { ...inline, required_skills: ['Support'], selected_language: 'en-US' });
    expect(desk.telephony.reservationInfo(fits.reservationSid)).toMatchObject({ wrongQueue: false, queueFit: { problems: [] } });
  });
});

describe('TaskRouter telephony: answering', () => {
  it('accept answers the reservation on the wire; hang-up completes the task', async () => {
    const desk = await connectedDesk();
    const { reservationSid, taskSid } = await ring(desk, inline);
    await desk.telephony.accept(reservationSid);
    expect(sent((request) => request.url.endsWith(`/Reservations/${reservationSid}`))).toMatchObject([
      { params: { ReservationStatus: 'accepted' }, status: 200 },
    ]);

    await desk.telephony.hangUp(reservationSid);
    expect(sent((request) => request.url.endsWith(`/Tasks/${taskSid}`))).toMatchObject([
      { params: { AssignmentStatus: 'completed' }, status: 200 },
    ]);
    // TaskRouter's own completed events for our hang-up end nothing a second time.
    const control = await afterEarlierEvents(desk);
    expect(desk.events.calls.map((call) => call.callId)).toEqual([reservationSid, control]);
    expect(desk.events.ends).toEqual([]);
    expect(desk.telephony.status().error).toBeUndefined();
  });

  it('decline rejects the reservation, and the rejected event that follows ends nothing twice', async () => {
    const desk = await connectedDesk();
    const { reservationSid } = await ring(desk, inline);
    await desk.telephony.decline(reservationSid);
    expect(sent((request) => request.url.endsWith(`/Reservations/${reservationSid}`))).toMatchObject([
      { params: { ReservationStatus: 'rejected' } },
    ]);
    const control = await afterEarlierEvents(desk);
    expect(desk.events.calls.map((call) => call.callId)).toEqual([reservationSid, control]);
    expect(desk.events.ends).toEqual([]);
    await expect(desk.telephony.accept(reservationSid)).rejects.toThrow(/is over/);
  });

  it("its own decline and hang-up end nothing twice even when TaskRouter's events overtake the HTTP answers", async () => {
    fake.eventsBeforeAnswer = true;
    const desk = await connectedDesk();
    const declined = await ring(desk, inline);
    await desk.telephony.decline(declined.reservationSid);
    const answered = await ring(desk, inline);
    await desk.telephony.accept(answered.reservationSid);
    await desk.telephony.hangUp(answered.reservationSid);
    expect(sent((request) => request.url.endsWith(`/Tasks/${answered.taskSid}`))).toMatchObject([
      { params: { AssignmentStatus: 'completed' }, status: 200 },
    ]);
    const control = await afterEarlierEvents(desk);
    expect(desk.events.calls.map((call) => call.callId)).toEqual([declined.reservationSid, answered.reservationSid, control]);
    expect(desk.events.ends).toEqual([]);
  });

  it('a reservation that times out ends as missed, shows where TaskRouter moved the agent, and can no longer be accepted', async () => {
    const desk = await connectedDesk();
    await desk.telephony.setAvailability('Available');
    const { reservationSid } = await ring(desk, inline);
    fake.timeoutReservation(reservationSid, { moveWorkerTo: 'Offline' });
    await fake.waitFor(() => desk.events.ends.length === 1, 'ended');
    expect(desk.events.ends).toEqual([{ callId: reservationSid, reason: 'missed' }]);
    await fake.waitFor(() => desk.telephony.availability() === 'Offline', 'activity update');
    expect(desk.statuses.at(-1)).toMatchObject({ connected: true, activity: 'Offline', availability: 'Offline' });
    await expect(desk.telephony.accept(reservationSid)).rejects.toThrow(/is over/);
  });

  it('an accept TaskRouter refuses (the reservation already timed out) is an error, not a pretend call', async () => {
    const desk = await connectedDesk();
    const { reservationSid } = await ring(desk, inline);
    // The agent accepts in the same instant TaskRouter times the reservation out.
    fake.timeoutReservation(reservationSid);
    const error = await rejection(desk.telephony.accept(reservationSid));
    // Either the refusal or the timeout event got there first; both end in a clear state.
    expect(error.message).toMatch(/did not accept the reservation: Request failed with status code 400|is over/);
  });

  it('a reservation cancelled or rescinded while ringing ends as cancelled', async () => {
    const desk = await connectedDesk();
    const cancelled = await ring(desk, inline);
    fake.cancelReservation(cancelled.reservationSid);
    const rescinded = await ring(desk, inline);
    fake.rescindReservation(rescinded.reservationSid);
    await fake.waitFor(() => desk.events.ends.length === 2, 'two ends');
    expect(desk.events.ends).toEqual([
      { callId: cancelled.reservationSid, reason: 'cancelled' },
      { callId: rescinded.reservationSid, reason: 'cancelled' },
    ]);
  });

  it('a reservation cancelled while its package is being fetched never rings', async () => {
    const desk = await connectedDesk();
    const url = store.put(handoff.handoffId, { body: JSON.stringify(handoff), delayMs: 300 });
    const { reservationSid } = fake.createReservation({ handoffUrl: url, handoffId: handoff.handoffId });
    await fake.waitFor(() => store.requests.length === 1, 'package fetch');
    fake.cancelReservation(reservationSid);
    // Positive control: a second reservation whose package the store sends only after the first one's.
    // The first answer is handled before the second arrives, so when the second rings the first had its
    // chance to ring and did not.
    const second = store.put('second', { body: JSON.stringify(handoff), after: store.served(handoff.handoffId) });
    const control = await ring(desk, { handoffUrl: second, handoffId: handoff.handoffId });
    expect(store.requests.map((request) => request.path)).toEqual([`/handoffs/${handoff.handoffId}`, '/handoffs/second']);
    expect(desk.events.calls.map((call) => call.callId)).toEqual([control.reservationSid]);
    expect(desk.events.ends).toEqual([]);
  });

  it('the backend completing the task ends an accepted call as a remote hang-up', async () => {
    const desk = await connectedDesk();
    const { reservationSid, taskSid } = await ring(desk, inline);
    await desk.telephony.accept(reservationSid);
    fake.completeTask(taskSid);
    await fake.waitFor(() => desk.events.ends.length === 1, 'ended');
    expect(desk.events.ends).toEqual([{ callId: reservationSid, reason: 'remote_hangup' }]);
  });

  it('reports the survey score a task update carries, once, and ignores one out of range', async () => {
    const desk = await connectedDesk();
    const { reservationSid, taskSid } = await ring(desk, inline);
    await desk.telephony.accept(reservationSid);
    fake.updateTaskAttributes(taskSid, { ...inline, csat: 9 });
    fake.updateTaskAttributes(taskSid, { ...inline, csat: 4 });
    fake.updateTaskAttributes(taskSid, { ...inline, csat: 2 });
    await fake.waitFor(() => desk.events.scores.length === 1, 'csat');
    await afterEarlierEvents(desk);
    expect(desk.events.scores).toEqual([{ callId: reservationSid, score: 4 }]);
  });
});

describe('TaskRouter telephony: availability', () => {
  it('maps Available / Busy / Offline to workspace activities by name', async () => {
    const desk = await connectedDesk({ activityNames: { Busy: 'Break' } });
    expect(desk.telephony.availability()).toBe('Offline');
    await desk.telephony.setAvailability('Available');
    expect(fake.activityName()).toBe('Available');
    await desk.telephony.setAvailability('Busy');
    expect(fake.activityName()).toBe('Break');
    expect(desk.telephony.availability()).toBe('Busy');
    expect(desk.telephony.status()).toMatchObject({ connected: true, activity: 'Break', availability: 'Busy' });
    expect(
      sent((request) => request.url === `Workspaces/${fake.workspaceSid}/Workers/${fake.workerSid}`).map(
        (request) => request.params.ActivitySid,
      ),
    ).toHaveLength(2);
  });

  it('an activity the workspace does not have is a clear error', async () => {
    const desk = await connectedDesk({ activityNames: { Busy: 'On a call' } });
    await expect(desk.telephony.setAvailability('Busy')).rejects.toThrow(
      'no activity named "On a call" (it has: Offline, Available, Busy, Break)',
    );
  });
});

describe('TaskRouter telephony: Windows paths', () => {
  it('sends REST paths with URL slashes even where the SDK joined them with backslashes (Node path on Windows)', () => {
    const worker = new Worker(fake.mintToken(), { ebServer: fake.ebServer, wsServer: fake.wsServer, logLevel: 'silent' });
    try {
      useUrlSlashes(worker);
      const request = (worker as unknown as { _request: { buildRequest(method: string, url: string, params: unknown): string } })._request;
      const windowsPath = ['Workspaces', fake.workspaceSid, 'Workers', fake.workerSid].join('\\');
      expect(JSON.parse(request.buildRequest('POST', windowsPath, { ActivitySid: 'WA1' }))).toMatchObject({
        url: `Workspaces/${fake.workspaceSid}/Workers/${fake.workerSid}`,
        method: 'POST',
        params: { ActivitySid: 'WA1' },
      });
    } finally {
      worker.disconnect();
    }
  });
});

describe('TaskRouter telephony: tokens', () => {
  it('a token the event bridge refuses is a clear error status, not a silent retry', async () => {
    const desk = taskRouterDesk(fake, {}, () => fake.mintToken({ secret: 'not-the-signing-key' }));
    desks.push(desk);
    const error = await rejection(desk.telephony.start());
    expect(error.message).toMatch(/Cannot reach TaskRouter: Could not connect to Twilio's servers\. The token may be refused/);
    expect(fake.connections[0]).toMatchObject({ accepted: false, status: 401 });
    expect(desk.telephony.status()).toMatchObject({ connected: false, error: expect.stringMatching(/Cannot reach TaskRouter/) });
  });

  it('a token that cannot work is refused before connecting, with the reason', async () => {
    const cases: Array<[() => string, RegExp]> = [
      [() => 'not-a-jwt', /not a JWT/],
      [() => fake.mintToken({ ttlSeconds: -10 }), /the token expired at/],
      [
        () => {
          throw new Error("The token endpoint refused this desk's credential (401)");
        },
        /refused this desk's credential/,
      ],
    ];
    for (const [token, why] of cases) {
      const desk = taskRouterDesk(fake, {}, token);
      desks.push(desk);
      const error = await rejection(desk.telephony.start());
      expect(error.message).toMatch(why);
      expect(desk.telephony.status().error).toMatch(why);
    }
    expect(fake.connections).toEqual([]);
  });

  it('refreshes the token when the SDK says it is about to expire, uses it on the wire, and reconnects with it', async () => {
    // The SDK fires tokenExpired 5 s before the lifetime the event bridge announced: here after about 5 s
    // (our own timer, with no lead, would only fire at expiry). Tokens this short make the test sensitive
    // to a busy machine: at 6 s they sometimes expired before the SDK used them, so they live 10 s.
    const desk = await connectedDesk({ refreshLeadMs: 0 }, () => fake.mintToken({ ttlSeconds: 10 }));
    await fake.waitFor(() => desk.tokens.length >= 2, 'token refresh', 9_000);
    await desk.telephony.setAvailability('Busy');
    expect(sent(() => true).at(-1)!.token).toBe(desk.tokens.at(-1));

    // The event bridge drops the socket of the old token: the SDK reconnects with the new one. Its
    // backoff (twilio-taskrouter RetryUtil: 0.8 s, 1.2 s, 2.8 s, then 3 s, plus jitter) can take several
    // attempts on a busy machine, so allow 10 s.
    fake.expireToken(desk.tokens[0]!);
    await fake.waitFor(
      () => fake.connections.filter((connection) => connection.accepted).length === 2 && desk.telephony.status().connected,
      'reconnect',
      10_000,
    );
    // (The SDK restarts its expiry timer at each new token, so by now there may be a third.)
    expect(fake.connections.at(-1)!.token).not.toBe(desk.tokens[0]);
    expect(desk.tokens.slice(1)).toContain(fake.connections.at(-1)!.token);
    expect(
      desk.statuses.some((status) => !status.connected && /Disconnected from TaskRouter \(Access Token expired\)/.test(status.error ?? '')),
    ).toBe(true);
    expect(desk.telephony.status().error).toBeUndefined();
  }, 30_000);

  it('refuses a refreshed token made out for another worker', async () => {
    const desk = await connectedDesk({ refreshLeadMs: 59_800, refreshRetryMs: 60_000 }, (call) =>
      fake.mintToken({ ttlSeconds: 60, workerSid: call === 1 ? undefined : 'WKsomeoneelse' }),
    );
    await fake.waitFor(() => desk.tokens.length === 2, 'refresh');
    await fake.waitFor(() => desk.telephony.status().error !== undefined, 'refresh error');
    expect(desk.telephony.status().error).toMatch(/refresh failed \(the new token is for worker WKsomeoneelse, not WKfake/);
    await desk.telephony.setAvailability('Busy');
    expect(sent(() => true).at(-1)!.token).toBe(desk.tokens[0]);
  });

  it('a failed refresh is a visible error, retried until a new token works', async () => {
    // The first token is due for refresh at once (60 s long, refreshed 59.8 s early); later ones are an hour long.
    const desk = await connectedDesk({ refreshLeadMs: 59_800, refreshRetryMs: 200 }, (call) => {
      if (call === 2) throw new Error('token endpoint down');
      return fake.mintToken({ ttlSeconds: call === 1 ? 60 : 3_600 });
    });
    await fake.waitFor(
      () => /TaskRouter token refresh failed \(token endpoint down\)/.test(desk.telephony.status().error ?? ''),
      'refresh error',
    );
    expect(desk.telephony.status()).toMatchObject({
      connected: true,
      error: expect.stringMatching(/calls keep ringing until the current token expires\. Retrying in 200 ms/),
    });
    await fake.waitFor(() => desk.tokens.length === 2 && desk.telephony.status().error === undefined, 'refresh retried', 5_000);
    await desk.telephony.setAvailability('Available');
    expect(sent(() => true).at(-1)!.token).toBe(desk.tokens[1]);
  });
});

describe('TaskRouter telephony: lifecycle', () => {
  it('stop disconnects and leaves no SDK timer behind', async () => {
    const timeouts = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
    const desk = taskRouterDesk(fake);
    const telephony: TaskRouterTelephony = desk.telephony;
    const baseline = timeouts();
    await telephony.start();
    expect(timeouts()).toBeGreaterThan(baseline);
    telephony.stop();
    await fake.waitFor(() => fake.openSockets() === 0, 'socket closed');
    expect(timeouts()).toBeLessThanOrEqual(baseline);
    expect(telephony.status()).toMatchObject({ connected: false });
  });
});
