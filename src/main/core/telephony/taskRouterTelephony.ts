/**
 * The TelephonyPort of a real contact center: this desk is a TaskRouter worker (the official
 * `twilio-taskrouter` SDK). A reservation rings with the handoff package from its task's attributes;
 * accept and decline answer the reservation; hang-up completes the task. The audio is not here: after
 * `reservation.accepted` the routing backend dials this agent's Voice SDK client (docs/DEPLOYING.md).
 *
 * Lifecycle: `attach(events)`, then `start()` (fetches a token, connects, resolves when the worker is
 * ready), `stop()` at the end. Connection, token and task-bookkeeping problems are published through
 * `onStatus`; none is ever dropped silently.
 */
import { Worker, type Reservation, type Task } from 'twilio-taskrouter';
import type { RawPackage } from '../../../shared/handoffIntake';
import { DeskError } from '../../../shared/ipc/envelope';
import type { Clock, TelephonyEvents, TelephonyPort } from '../ports';
import { fetchHandoffPackage, type HandoffFetchOptions } from './handoffFetch';
import { csatOf, packageSourceOf, queueFitOf, unfetchedPackageText, type Attributes, type QueueFit } from './taskAttributes';
import { WorkerToken, type WorkerTokenOptions } from './workerToken';

export type Availability = 'Available' | 'Busy' | 'Offline';

export interface TaskRouterStatus {
  /** The event bridge is connected and the worker initialised: reservations can arrive. */
  connected: boolean;
  /** The worker's TaskRouter activity (its friendly name), once known. */
  activity?: string;
  availability?: Availability;
  /** When the current access token expires (epoch ms). */
  tokenExpiresAt?: number;
  /** What is wrong, in words for the agent; absent when nothing is. */
  error?: string;
}

export interface ReservationInfo {
  callId: string;
  reservationSid: string;
  taskSid: string;
  queueName: string;
  /** From the task attributes; the Voice SDK call carries the same id in its custom parameters. */
  handoffId?: string;
  packageFrom: 'attributes' | 'url';
  /** Why a `handoffUrl` package could not be fetched (the call rang with a damaged package instead). */
  packageFetchError?: string;
  queueFit: QueueFit;
  /** The task needs a skill or language this agent lacks: show it on the card. */
  wrongQueue: boolean;
}

export interface TaskRouterTelephonyOptions extends WorkerTokenOptions {
  /** The SDK's event bridge endpoints; default Twilio's (`https://event-bridge.twilio.com/v1/wschannels`, `wss://…`). */
  ebServer?: string;
  wsServer?: string;
  /** Twilio region for the default endpoints (ignored when ebServer/wsServer are set). */
  region?: string;
  /** Workspace activity names for the three availabilities; default the same words. */
  activityNames?: Partial<Record<Availability, string>>;
  /** How long start() waits for the worker to be ready. Default 15 s. */
  connectTimeoutMs?: number;
  packageFetch?: HandoffFetchOptions;
  /** Passed to the SDK: end this worker's sessions on other computers. Default false. */
  closeExistingSessions?: boolean;
  logLevel?: 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** `declining` and `hanging_up` are ours: the events TaskRouter sends back for them end nothing twice. */
type CallState = 'fetching' | 'ringing' | 'declining' | 'accepted' | 'hanging_up' | 'ended';

interface TrackedCall {
  reservation: Reservation;
  info: ReservationInfo;
  state: CallState;
  /** Whether the desk has heard of this call (a cancel during the package fetch tells it nothing). */
  rang: boolean;
  csatReported: boolean;
  /**
   * When the reservation times out: its `timeout` (seconds) from when it reached this desk, on the
   * desk's clock (a little late rather than off by a skewed server clock).
   */
  expiresAt?: number;
}

const COMPLETE_REASON = 'Agent hung up in Whisper Desk';
/** Ended calls kept for a late survey score, at most this many. */
const ENDED_CALLS_KEPT = 50;

export class TaskRouterTelephony implements TelephonyPort {
  private events?: TelephonyEvents;
  private worker?: Worker;
  private readonly calls = new Map<string, TrackedCall>();
  private readonly bound = new WeakSet<object>();
  private readonly listeners = new Set<(status: TaskRouterStatus) => void>();
  private readonly problems: { connection?: string; task?: string } = {};
  private readonly token: WorkerToken;
  private connected = false;
  private stopped = false;

  constructor(
    tokenProvider: () => Promise<string>,
    private readonly clock: Clock,
    private readonly options: TaskRouterTelephonyOptions = {},
  ) {
    this.token = new WorkerToken(tokenProvider, clock, options, {
      apply: (token) => this.worker?.updateToken(token),
      changed: () => this.publish(),
    });
  }

  attach(events: TelephonyEvents): void {
    this.events = events;
  }

  /**
   * Connects with a fresh token and resolves once the worker is ready. Rejects with the reason when it
   * is not (no token, a token that cannot work, a refused or unreachable event bridge, no ready in
   * time); the SDK keeps retrying the connection in the background and the status follows it.
   */
  async start(): Promise<void> {
    if (this.worker || this.stopped) throw new Error('TaskRouterTelephony can be started once');
    let token: string;
    try {
      token = await this.token.first();
    } catch (error) {
      this.publish();
      throw new DeskError('wrong_state', messageOf(error));
    }
    const worker = new Worker(token, {
      ebServer: this.options.ebServer,
      wsServer: this.options.wsServer,
      region: this.options.region,
      closeExistingSessions: this.options.closeExistingSessions ?? false,
      logLevel: this.options.logLevel ?? 'error',
    });
    useUrlSlashes(worker);
    this.worker = worker;
    this.listen(worker);
    this.token.schedule();
    await this.waitUntilReady(worker);
  }

  stop(): void {
    this.stopped = true;
    this.token.stop();
    const worker = this.worker;
    if (worker) {
      worker.removeAllListeners();
      // An EventEmitter with no 'error' listener throws; a late SDK error must not crash the main process.
      worker.on('error', () => undefined);
      worker.disconnect();
      releaseSdkTimers(worker);
    }
    this.calls.clear();
    this.connected = false;
    this.publish();
  }

  onStatus(listener: (status: TaskRouterStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  status(): TaskRouterStatus {
    const activity = this.connected ? this.worker?.activity?.name : undefined;
    const error = this.token.problem ?? this.problems.connection ?? this.problems.task;
    return {
      connected: this.connected,
      ...(activity !== undefined && { activity, availability: this.availabilityOf(activity) }),
      ...(this.token.expiresAt !== undefined && { tokenExpiresAt: this.token.expiresAt }),
      ...(error !== undefined && { error }),
    };
  }

  /** What the card needs beyond the package: queue, wrong-queue flag, a failed package fetch. Ready when `incoming` fires. */
  reservationInfo(callId: string): ReservationInfo | undefined {
    return this.calls.get(callId)?.info;
  }

  /** Matches a Voice SDK call (its `taskSid` custom parameter) to the reservation it belongs to. */
  callIdForTask(taskSid: string): string | undefined {
    for (const [callId, call] of this.calls) if (call.info.taskSid === taskSid && call.state !== 'ended') return callId;
    return undefined;
  }

  availability(): Availability | undefined {
    return this.status().availability;
  }

  async setAvailability(availability: Availability): Promise<void> {
    const worker = this.worker;
    if (!worker || !this.connected) throw new DeskError('wrong_state', 'Not connected to TaskRouter; availability cannot change now.');
    const name = this.activityName(availability);
    const activity = [...worker.activities.values()].find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!activity) {
      const names = [...worker.activities.values()].map((candidate) => candidate.name).join(', ');
      throw new DeskError('not_found', `This TaskRouter workspace has no activity named "${name}" (it has: ${names}).`);
    }
    try {
      await activity.setAsCurrent();
    } catch (error) {
      throw new DeskError('wrong_state', `TaskRouter did not change the activity to ${name}: ${messageOf(error)}`);
    }
    this.publish();
  }

  async accept(callId: string): Promise<void> {
    const call = this.requireCall(callId, 'ringing');
    try {
      await call.reservation.accept();
    } catch (error) {
      // Most often the reservation timed out or was cancelled on the way; its own event ends the call.
      throw new DeskError('wrong_state', `TaskRouter did not accept the reservation: ${messageOf(error)}`);
    }
    if (call.state === 'ringing') call.state = 'accepted';
    this.clearTaskProblem();
  }

  async decline(callId: string): Promise<void> {
    const call = this.requireCall(callId, 'ringing');
    call.state = 'declining';
    try {
      await call.reservation.reject();
    } catch (error) {
      // Timed out or cancelled meanwhile: the reservation is gone, which is what declining wanted.
      // (The cast: TypeScript cannot see that events changed the state during the await.)
      if ((call.state as CallState) === 'ended') return;
      call.state = 'ringing';
      throw new DeskError('wrong_state', `TaskRouter did not take the decline: ${messageOf(error)}`);
    }
    call.state = 'ended';
  }

  /**
   * Completes the task. A failure does not keep the agent on a call that is over: the call ends here
   * and the status says the task is still open in TaskRouter (which can keep the agent from new calls).
   */
  async hangUp(callId: string): Promise<void> {
    const call = this.calls.get(callId);
    if (!call || call.state !== 'accepted') return;
    call.state = 'hanging_up';
    const task = call.reservation.task;
    try {
      await task.complete(COMPLETE_REASON);
      this.clearTaskProblem();
    } catch (error) {
      this.problems.task = `Task ${task.sid} is still open in TaskRouter (${messageOf(error)}); a supervisor may need to complete it before new calls reach you.`;
      this.publish();
    } finally {
      call.state = 'ended';
    }
  }

  private listen(worker: Worker): void {
    worker.on('ready', () => {
      this.connected = true;
      this.problems.connection = undefined;
      this.adoptReservations(worker);
      this.publish();
    });
    worker.on('disconnected', (reason: unknown) => {
      if (this.stopped) return;
      this.connected = false;
      const detail = (reason as { message?: string } | undefined)?.message ?? 'no reason given';
      this.problems.connection = `Disconnected from TaskRouter (${detail}); calls cannot ring until it reconnects.`;
      this.publish();
    });
    worker.on('error', (error: Error) => {
      if (this.stopped) return;
      // The SDK says only "Could not connect to Twilio's servers." for a refused token and for a network
      // down alike; both leave the desk unable to ring, so both are shown.
      if (!this.connected)
        this.problems.connection = `Cannot reach TaskRouter: ${messageOf(error)} The token may be refused or the network down; retrying.`;
      else this.problems.connection = `TaskRouter reported an error: ${messageOf(error)}`;
      this.publish();
    });
    worker.on('activityUpdated', () => this.publish());
    worker.on('reservationCreated', (reservation: Reservation) => this.onReservation(reservation));
    worker.on('tokenExpired', () => void this.token.refresh());
  }

  private waitUntilReady(worker: Worker): Promise<void> {
    const timeoutMs = this.options.connectTimeoutMs ?? 15_000;
    return new Promise<void>((resolve, reject) => {
      const finish = (error?: DeskError) => {
        timer.cancel();
        worker.off('ready', onReady);
        worker.off('error', onError);
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => finish();
      const onError = () => finish(new DeskError('wrong_state', this.status().error ?? 'Cannot reach TaskRouter.'));
      const timer = this.clock.setTimeout(() => {
        this.problems.connection ??= `TaskRouter did not get ready within ${timeoutMs} ms; still trying.`;
        this.publish();
        finish(new DeskError('wrong_state', this.problems.connection));
      }, timeoutMs);
      worker.on('ready', onReady);
      worker.on('error', onError);
    });
  }

  private onReservation(reservation: Reservation): void {
    const receivedAt = this.clock.now();
    if (this.stopped || this.calls.has(reservation.sid)) return;
    const task = reservation.task as Partial<Task>;
    const attributes = (task.attributes ?? {}) as Attributes;
    const source = packageSourceOf(attributes);
    const queueFit = queueFitOf(attributes, (this.worker?.attributes ?? {}) as Attributes);
    const call: TrackedCall = {
      reservation,
      state: 'fetching',
      rang: false,
      csatReported: false,
      ...(Number.isFinite(reservation.timeout) && reservation.timeout > 0 ? { expiresAt: receivedAt + reservation.timeout * 1000 } : {}),
      info: {
        callId: reservation.sid,
        reservationSid: reservation.sid,
        taskSid: task.sid ?? '',
        queueName: task.queueName ?? '',
        handoffId: source.handoffId,
        packageFrom: source.kind === 'url' ? 'url' : 'attributes',
        queueFit,
        wrongQueue: queueFit.problems.length > 0,
      },
    };
    this.calls.set(reservation.sid, call);
    this.pruneEndedCalls();
    this.bind(call, reservation);
    if (source.kind === 'inline') {
      this.ring(call, source.raw, receivedAt);
      return;
    }
    void fetchHandoffPackage(source.url, source.handoffId, this.options.packageFetch).then((fetched) => {
      // Timed out or cancelled while the package was on its way: the desk never heard of it, nothing to end.
      if (call.state !== 'fetching' || this.stopped) return;
      if (!fetched.ok) call.info.packageFetchError = fetched.error;
      this.ring(
        call,
        fetched.ok ? { kind: 'text', text: fetched.text } : { kind: 'text', text: unfetchedPackageText(fetched.error) },
        this.clock.now(),
      );
    });
  }

  private ring(call: TrackedCall, rawPackage: RawPackage, packageReceivedAt: number): void {
    call.state = 'ringing';
    call.rang = true;
    this.events?.incoming({
      callId: call.info.callId,
      source: 'telephony',
      rawPackage,
      packageReceivedAt,
      ...(call.expiresAt !== undefined ? { ringExpiresAt: call.expiresAt } : {}),
      routing: {
        ...(call.info.taskSid ? { taskSid: call.info.taskSid } : {}),
        ...(call.info.handoffId ? { handoffId: call.info.handoffId } : {}),
        queueName: call.info.queueName,
        problems: call.info.queueFit.problems,
        packageFetchError: call.info.packageFetchError,
      },
    });
    this.reportCsat(call);
  }

  /** Listens to one reservation object and its task; the SDK replaces both after a reconnect, so this runs again then. */
  private bind(call: TrackedCall, reservation: Reservation): void {
    if (this.bound.has(reservation)) return;
    this.bound.add(reservation);
    reservation.on('timeout', () => this.endedRemotely(call, 'missed'));
    reservation.on('canceled', () => this.endedRemotely(call, 'cancelled'));
    reservation.on('rescinded', () => this.endedRemotely(call, 'cancelled'));
    reservation.on('rejected', () => this.endedRemotely(call, 'cancelled'));
    reservation.on('completed', () => this.endedRemotely(call, 'remote_hangup'));
    reservation.on('wrapup', () => this.endedRemotely(call, 'remote_hangup'));
    // The SDK leaves the task as {} when its payload was malformed; then there is nothing to listen to.
    const task = reservation.task as Partial<Task>;
    if (typeof task.on !== 'function') return;
    task.on('updated', () => this.reportCsat(call));
    task.on('wrapup', () => this.endedRemotely(call, 'remote_hangup'));
    task.on('completed', () => this.endedRemotely(call, 'remote_hangup'));
    task.on('canceled', () => this.endedRemotely(call, call.state === 'accepted' ? 'remote_hangup' : 'cancelled'));
  }

  /** The far side ended the call (or TaskRouter did); our own decline and hang-up have already moved the state on. */
  private endedRemotely(call: TrackedCall, reason: 'remote_hangup' | 'missed' | 'cancelled'): void {
    this.reportCsat(call);
    const { state } = call;
    if (state === 'ended' || state === 'hanging_up') return;
    if (reason === 'remote_hangup' && state !== 'accepted') return;
    call.state = 'ended';
    // While declining, the desk is already ending the call itself; telling it again would end it twice.
    if (call.rang && state !== 'declining') this.events?.ended(call.info.callId, reason);
  }

  private reportCsat(call: TrackedCall): void {
    if (call.csatReported || !call.rang) return;
    const score = csatOf((call.reservation.task.attributes ?? {}) as Attributes);
    if (score === undefined) return;
    call.csatReported = true;
    this.events?.csat(call.info.callId, score);
  }

  /**
   * After (re)initialising, the SDK has fetched the worker's open reservations as new objects: listen to
   * those, ring a pending one the desk has not seen (it arrived while disconnected, or before a restart),
   * and end a ringing one that is gone.
   */
  private adoptReservations(worker: Worker): void {
    const open = worker.reservations;
    for (const call of this.calls.values()) {
      const current = open.get(call.info.reservationSid);
      if (current && current !== call.reservation) {
        call.reservation = current;
        this.bind(call, current);
      } else if (!current && (call.state === 'ringing' || call.state === 'fetching')) {
        this.endedRemotely(call, 'missed');
      }
    }
    for (const reservation of open.values()) {
      if (reservation.status === 'pending' && !this.calls.has(reservation.sid)) this.onReservation(reservation);
    }
  }

  private requireCall(callId: string, state: CallState): TrackedCall {
    const call = this.calls.get(callId);
    if (!call || !call.rang) throw new DeskError('not_found', `No TaskRouter reservation ${callId}.`);
    if (call.state !== state)
      throw new DeskError('wrong_state', `Reservation ${callId} is ${call.state === 'ended' ? 'over' : call.state}, not ${state}.`);
    return call;
  }

  private activityName(availability: Availability): string {
    return this.options.activityNames?.[availability] ?? availability;
  }

  private availabilityOf(activityName: string): Availability | undefined {
    const all: Availability[] = ['Available', 'Busy', 'Offline'];
    return all.find((availability) => this.activityName(availability).toLowerCase() === activityName.toLowerCase());
  }

  private clearTaskProblem(): void {
    if (this.problems.task === undefined) return;
    this.problems.task = undefined;
    this.publish();
  }

  private pruneEndedCalls(): void {
    const ended = [...this.calls].filter(([, call]) => call.state === 'ended');
    for (const [callId] of ended.slice(0, Math.max(0, ended.length - ENDED_CALLS_KEPT))) this.calls.delete(callId);
  }

  private publish(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `disconnect()` leaves two SDK timers running (checked against twilio-taskrouter 2.1.1): the token
 * expiry timer (token lifetime − 5 s) and the heartbeat check (30 s). They would keep a script or a test
 * process alive and fire `tokenExpired` on a worker that is gone, so they are cleared here, if present.
 */
function releaseSdkTimers(worker: Worker): void {
  const signaling = (worker as unknown as { _signaling?: { tokenTimer?: unknown; _heartbeat?: { pintvl?: unknown } } })._signaling;
  if (!signaling) return;
  clearTimeout(signaling.tokenTimer as NodeJS.Timeout | undefined);
  if (signaling._heartbeat?.pintvl) {
    clearInterval(signaling._heartbeat.pintvl as NodeJS.Timeout);
    signaling._heartbeat.pintvl = null;
  }
}

type RequestBuilder = (method: string, url: string, params: unknown) => string;

/**
 * twilio-taskrouter's Node build joins its REST paths with Node's `path` (routes.js), and on Windows that
 * joins with backslashes (`Workspaces\WS…\Workers\WK…`), which the event bridge does not know. Every
 * request goes through `Request.buildRequest` (2.1.1), so the separators become URL slashes there,
 * whatever platform built them. An SDK without that method is left as it is.
 */
export function useUrlSlashes(worker: Worker): void {
  const request = (worker as unknown as { _request?: { buildRequest?: RequestBuilder } })._request;
  const build = request?.buildRequest;
  if (!request || typeof build !== 'function') return;
  request.buildRequest = (method, url, params) =>
    build.call(request, method, typeof url === 'string' ? url.replace(/\\/g, '/') : url, params);
}
