/**
 * A local stand-in for TaskRouter's event bridge, on 127.0.0.1 with a random port, speaking the wire
 * protocol of twilio-taskrouter 2.1.1 (read from its lib/signaling/EventBridgeSignaling.js, lib/util/Request.js,
 * lib/util/Routes.js and the descriptors):
 *
 * - WebSocket `wsServer?token=<JWT>&closeExistingSessions=…&clientVersion=…`: the server opens with
 *   `{"event_type":"init","payload":{"channel_id","account_sid","workspace_sid","token_lifetime"(ms)}}`, then
 *   sends `{"event_type": "reservation.created" | "task.updated" | …, "payload": {…}}` and whitespace heartbeats.
 * - HTTP `POST ebServer` with `{"url": "Workspaces/WS…/…", "method": "GET"|"POST", "params": {…}, "token"}`
 *   and an `apiVersion` header; the answer is `{"payload": …}`, errors `{"status","code","message"}`.
 *
 * Tokens are HS256 JWTs with Twilio's claims, minted here and checked on every socket and request: a bad
 * signature or another worker's token is refused (HTTP 401/403, and the WebSocket upgrade is refused with
 * the same status). Test controls create, time out, cancel and rescind reservations, update and complete
 * tasks, and expire tokens; every request and connection is recorded. Nothing listens beyond loopback.
 */
import { randomBytes } from 'node:crypto';
import { base64url, safeEqual, sign } from './testJwt';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

const CHANNEL_PATH = '/v1/wschannels';
const ACCOUNT_SID = 'ACfake0000000000000000000000000000';
const WORKSPACE_SID = 'WSfake0000000000000000000000000000';
const WORKER_SID = 'WKfake0000000000000000000000000000';

export interface FakeTaskRouterOptions {
  workerAttributes?: Record<string, unknown>;
  /** Activity names and whether each makes the worker available; the first is the starting activity. */
  activities?: Array<{ name: string; available: boolean }>;
  /** Whitespace heartbeat interval; the SDK drops the socket after 30 s without a message. */
  heartbeatMs?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  params: Record<string, unknown>;
  token: string;
  apiVersion?: string;
  status: number;
  at: number;
}

export interface RecordedConnection {
  token: string;
  query: Record<string, string>;
  accepted: boolean;
  /** Why it was refused, as the HTTP status of the refused upgrade. */
  status: number;
  at: number;
}

export interface FakeReservation {
  reservationSid: string;
  taskSid: string;
  /** performance.now() just before the event went on the wire (undefined when no socket was open). */
  sentAt?: number;
}

export interface FakeTaskRouter {
  ebServer: string;
  wsServer: string;
  workerSid: string;
  workspaceSid: string;
  /** A token for this worker (or, with `secret`, one the fake will refuse). */
  mintToken(options?: { ttlSeconds?: number; secret?: string; workerSid?: string }): string;
  /** Refuses the token from now on (401, code 20104) and closes the sockets opened with it. */
  expireToken(token: string): void;
  createReservation(attributes: Record<string, unknown>, options?: { timeoutSeconds?: number; queueName?: string }): FakeReservation;
  timeoutReservation(reservationSid: string, options?: { moveWorkerTo?: string }): void;
  /** The task is cancelled (the caller hung up while it rang): reservation.canceled, then task.canceled. */
  cancelReservation(reservationSid: string): void;
  rescindReservation(reservationSid: string): void;
  updateTaskAttributes(taskSid: string, attributes: Record<string, unknown>): void;
  /** The backend completes the task (the call ended on its side). */
  completeTask(taskSid: string): void;
  activityName(): string;
  /**
   * Whether the events an SDK request causes (reservation.rejected, task.completed…) go out before the
   * HTTP answer instead of just after it. TaskRouter promises no order; the desk must cope with both.
   */
  eventsBeforeAnswer: boolean;
  requests: RecordedRequest[];
  connections: RecordedConnection[];
  openSockets(): number;
  /** Polls until `check` holds; rejects with `what` after `timeoutMs`. */
  waitFor(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  /** Resolves once every event the fake owes for the requests it answered (sent just after the answer) is on the wire. */
  eventsSent(): Promise<void>;
  close(): Promise<void>;
}

interface TaskRecord {
  sid: string;
  attributes: Record<string, unknown>;
  status: 'pending' | 'reserved' | 'assigned' | 'wrapping' | 'completed' | 'canceled';
  queueName: string;
  createdAt: number;
  updatedAt: number;
  version: number;
}

interface ReservationRecord {
  sid: string;
  taskSid: string;
  status: 'pending' | 'accepted' | 'rejected' | 'timeout' | 'canceled' | 'rescinded' | 'completed' | 'wrapping';
  timeoutSeconds: number;
  createdAt: number;
  updatedAt: number;
  version: number;
}

class FakeRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startFakeTaskRouter(options: FakeTaskRouterOptions = {}): Promise<FakeTaskRouter> {
  const secret = randomBytes(32).toString('hex');
  const expired = new Set<string>();
  const requests: RecordedRequest[] = [];
  const connections: RecordedConnection[] = [];
  const sockets = new Map<WebSocket, string>();
  const heartbeats = new Set<NodeJS.Timeout>();
  const tasks = new Map<string, TaskRecord>();
  const reservations = new Map<string, ReservationRecord>();
  const activities = (
    options.activities ?? [
      { name: 'Offline', available: false },
      { name: 'Available', available: true },
      { name: 'Busy', available: false },
      { name: 'Break', available: false },
    ]
  ).map((activity, index) => ({ ...activity, sid: `WA${String(index).padStart(32, '0')}` }));
  const worker = {
    attributes: options.workerAttributes ?? { skills: ['support'], languages: ['en'], contact_uri: 'client:agent-1' },
    activitySid: activities[0]!.sid,
    createdAt: nowSeconds(),
    updatedAt: nowSeconds(),
    statusChangedAt: nowSeconds(),
    version: 1,
  };
  let counter = 0;
  const nextSid = (prefix: string) => `${prefix}${String(++counter).padStart(32, '0')}`;

  // --- tokens ------------------------------------------------------------------------------------------
  const mintToken = (mint: { ttlSeconds?: number; secret?: string; workerSid?: string } = {}): string => {
    const header = { typ: 'JWT', alg: 'HS256', cty: 'twilio-fpa;v=1' };
    const iat = nowSeconds();
    const payload = {
      jti: `SKfake-${iat}-${++counter}`,
      iss: 'SKfake',
      sub: ACCOUNT_SID,
      iat,
      exp: iat + (mint.ttlSeconds ?? 3_600),
      grants: {
        identity: 'agent-1',
        task_router: { workspace_sid: WORKSPACE_SID, worker_sid: mint.workerSid ?? WORKER_SID, role: 'worker' },
      },
    };
    const signingInput = `${base64url(header)}.${base64url(payload)}`;
    return `${signingInput}.${sign(signingInput, mint.secret ?? secret)}`;
  };

  /** Throws a FakeRequestError the way TaskRouter answers a token it will not take. */
  const checkToken = (token: string): { exp: number } => {
    const [head, body, signature] = token.split('.');
    if (!head || !body || !signature || !safeEqual(signature, sign(`${head}.${body}`, secret))) {
      throw new FakeRequestError(401, 20101, 'Invalid Access Token');
    }
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      exp: number;
      grants?: { task_router?: { worker_sid?: string; workspace_sid?: string } };
    };
    if (expired.has(token) || claims.exp <= nowSeconds())
      throw new FakeRequestError(401, 20104, 'Access Token expired or expiration date invalid');
    const grant = claims.grants?.task_router;
    if (grant?.worker_sid !== WORKER_SID || grant.workspace_sid !== WORKSPACE_SID) {
      throw new FakeRequestError(403, 20103, 'Access Token does not grant access to this Worker');
    }
    return claims;
  };

  // --- wire shapes (as the SDK's descriptors require them) ---------------------------------------------
  const activityOf = (sid: string) => activities.find((activity) => activity.sid === sid)!;
  const workerPayload = () => ({
    account_sid: ACCOUNT_SID,
    workspace_sid: WORKSPACE_SID,
    sid: WORKER_SID,
    friendly_name: 'agent-1',
    attributes: JSON.stringify(worker.attributes),
    available: activityOf(worker.activitySid).available,
    activity_sid: worker.activitySid,
    activity_name: activityOf(worker.activitySid).name,
    date_created: worker.createdAt,
    date_updated: worker.updatedAt,
    date_status_changed: worker.statusChangedAt,
    version: worker.version,
  });
  const activityPayload = (activity: (typeof activities)[number]) => ({
    account_sid: ACCOUNT_SID,
    workspace_sid: WORKSPACE_SID,
    sid: activity.sid,
    friendly_name: activity.name,
    available: activity.available,
    date_created: worker.createdAt,
    date_updated: worker.createdAt,
  });
  const channelPayload = () => ({
    account_sid: ACCOUNT_SID,
    workspace_sid: WORKSPACE_SID,
    sid: 'WCfake0000000000000000000000000000',
    worker_sid: WORKER_SID,
    task_channel_sid: 'TCfake0000000000000000000000000000',
    task_channel_unique_name: 'voice',
    configured_capacity: 1,
    available: 1,
    assigned_tasks: 0,
    available_capacity_percentage: 100,
    date_created: worker.createdAt,
    date_updated: worker.updatedAt,
    last_reserved_time: Date.now(),
  });
  const taskPayload = (task: TaskRecord) => ({
    account_sid: ACCOUNT_SID,
    workspace_sid: WORKSPACE_SID,
    sid: task.sid,
    attributes: JSON.stringify(task.attributes),
    addons: '{}',
    age: Math.max(0, nowSeconds() - task.createdAt),
    assignment_status: task.status,
    date_created: task.createdAt,
    date_updated: task.updatedAt,
    priority: 0,
    queue_name: task.queueName,
    queue_sid: 'WQfake0000000000000000000000000000',
    reason: null,
    routing_target: null,
    task_channel_sid: 'TCfake0000000000000000000000000000',
    task_channel_unique_name: 'voice',
    timeout: 86_400,
    workflow_name: 'Escalations',
    workflow_sid: 'WWfake0000000000000000000000000000',
    version: task.version,
    virtual_start_time: task.createdAt,
  });
  /** What an HTTP answer about a reservation carries: no task (the SDK ignores task on those). */
  const reservationPayload = (reservation: ReservationRecord) => ({
    account_sid: ACCOUNT_SID,
    workspace_sid: WORKSPACE_SID,
    sid: reservation.sid,
    task_sid: reservation.taskSid,
    worker_sid: WORKER_SID,
    worker_name: 'agent-1',
    reservation_status: reservation.status,
    reservation_timeout: reservation.timeoutSeconds,
    date_created: reservation.createdAt,
    date_updated: reservation.updatedAt,
    version: reservation.version,
  });
  /** What an event and the reservation list carry: the reservation with its whole task. */
  const reservationEventPayload = (reservation: ReservationRecord) => ({
    ...reservationPayload(reservation),
    worker_previous_activity_sid: worker.activitySid,
    task: taskPayload(tasks.get(reservation.taskSid)!),
  });

  // --- event bridge ----------------------------------------------------------------------------------
  const broadcast = (eventType: string, payload: unknown): number | undefined => {
    const message = JSON.stringify({ event_type: eventType, payload });
    let sentAt: number | undefined;
    for (const socket of sockets.keys()) {
      if (socket.readyState !== socket.OPEN) continue;
      sentAt ??= performance.now();
      socket.send(message);
    }
    return sentAt;
  };
  const touchTask = (task: TaskRecord, status?: TaskRecord['status']) => {
    if (status) task.status = status;
    task.updatedAt = nowSeconds();
    task.version += 1;
  };
  const touchReservation = (reservation: ReservationRecord, status: ReservationRecord['status']) => {
    reservation.status = status;
    reservation.updatedAt = nowSeconds();
    reservation.version += 1;
  };
  const setActivity = (sid: string) => {
    if (worker.activitySid === sid) return;
    worker.activitySid = sid;
    worker.statusChangedAt = worker.updatedAt = nowSeconds();
    worker.version += 1;
    broadcast('worker.activity.update', workerPayload());
  };
  const reservationOf = (sid: string): ReservationRecord => {
    const reservation = reservations.get(sid);
    if (!reservation) throw new Error(`fake TaskRouter: no reservation ${sid}`);
    return reservation;
  };
  const taskOf = (sid: string): TaskRecord => {
    const task = tasks.get(sid);
    if (!task) throw new Error(`fake TaskRouter: no task ${sid}`);
    return task;
  };

  // --- HTTP: the SDK's requests, all POSTed to ebServer ----------------------------------------------
  const route = (method: string, url: string, params: Record<string, unknown>): unknown => {
    const parts = url.split('/');
    if (parts[0] !== 'Workspaces' || parts[1] !== WORKSPACE_SID)
      throw new FakeRequestError(404, 20404, `The requested resource /${url} was not found`);
    const rest = parts.slice(2).join('/');
    const workerPath = `Workers/${WORKER_SID}`;
    if (method === 'GET' && rest === 'Activities') return { contents: activities.map(activityPayload), after_sid: null };
    if (method === 'GET' && rest === workerPath) return workerPayload();
    if (method === 'GET' && rest === `${workerPath}/WorkerChannels`) return { contents: [channelPayload()], after_sid: null };
    if (method === 'GET' && rest === `${workerPath}/Reservations`) {
      const open = [...reservations.values()].filter(
        (reservation) => reservation.status === 'pending' || reservation.status === 'accepted',
      );
      return { contents: open.map(reservationEventPayload), after_sid: null };
    }
    if (method === 'POST' && rest === workerPath) {
      if (typeof params.ActivitySid === 'string') {
        if (!activities.some((activity) => activity.sid === params.ActivitySid))
          throw new FakeRequestError(400, 20001, 'Activity not found');
        setActivity(params.ActivitySid);
      }
      return workerPayload();
    }
    const reservationMatch = new RegExp(`^${workerPath}/Reservations/(WR\\w+)$`).exec(rest);
    if (method === 'POST' && reservationMatch) return updateReservation(reservationOf(reservationMatch[1]!), params);
    const taskMatch = /^Tasks\/(WT\w+)$/.exec(rest);
    if (method === 'POST' && taskMatch) return updateTask(taskOf(taskMatch[1]!), params);
    throw new FakeRequestError(404, 20404, `The requested resource /${url} was not found`);
  };

  const updateReservation = (reservation: ReservationRecord, params: Record<string, unknown>): unknown => {
    const wanted = params.ReservationStatus;
    const task = taskOf(reservation.taskSid);
    if (wanted === 'accepted' || wanted === 'rejected') {
      if (reservation.status !== 'pending') {
        throw new FakeRequestError(400, 20001, `Reservation ${reservation.sid} is ${reservation.status}, not pending`);
      }
      touchReservation(reservation, wanted);
      touchTask(task, wanted === 'accepted' ? 'assigned' : 'pending');
      later(() => broadcast(`reservation.${wanted}`, reservationEventPayload(reservation)));
      return reservationPayload(reservation);
    }
    if (wanted === 'completed' || wanted === 'wrapping') {
      if (reservation.status !== 'accepted' && reservation.status !== 'wrapping')
        throw new FakeRequestError(400, 20001, `Reservation ${reservation.sid} is not accepted`);
      touchReservation(reservation, wanted);
      return reservationPayload(reservation);
    }
    throw new FakeRequestError(400, 20001, `Unsupported reservation update ${JSON.stringify(params)}`);
  };

  const updateTask = (task: TaskRecord, params: Record<string, unknown>): unknown => {
    if (params.AssignmentStatus === 'completed' || params.AssignmentStatus === 'wrapping') {
      if (task.status !== 'assigned' && task.status !== 'wrapping')
        throw new FakeRequestError(400, 20001, `Task ${task.sid} is ${task.status}; only an assigned task can be completed`);
      finishTask(task, params.AssignmentStatus);
      return taskPayload(task);
    }
    if (params.Attributes !== undefined) {
      task.attributes =
        typeof params.Attributes === 'string' ? JSON.parse(params.Attributes) : (params.Attributes as Record<string, unknown>);
      touchTask(task);
      later(() => broadcast('task.updated', taskPayload(task)));
      return taskPayload(task);
    }
    throw new FakeRequestError(400, 20001, `Unsupported task update ${JSON.stringify(params)}`);
  };

  const finishTask = (task: TaskRecord, status: 'completed' | 'wrapping') => {
    touchTask(task, status);
    const reservation = [...reservations.values()].find((candidate) => candidate.taskSid === task.sid && candidate.status === 'accepted');
    if (reservation) touchReservation(reservation, status);
    later(() => {
      broadcast(status === 'completed' ? 'task.completed' : 'task.wrapup', taskPayload(task));
      if (reservation)
        broadcast(status === 'completed' ? 'reservation.completed' : 'reservation.wrapup', reservationEventPayload(reservation));
    });
  };

  const timers = new Set<NodeJS.Timeout>();
  const sentWaiters: Array<() => void> = [];
  /** Events caused by a request: just after its HTTP answer, or (eventsBeforeAnswer) on the wire before it. */
  const later = (run: () => void) => {
    if (fake.eventsBeforeAnswer) return run();
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
      if (timers.size === 0) for (const resolve of sentWaiters.splice(0)) resolve();
    }, 1);
    timers.add(timer);
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const answer = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method !== 'POST' || new URL(request.url ?? '/', 'http://fake').pathname !== CHANNEL_PATH) {
        return answer(404, { status: 404, code: 20404, message: 'Not found' });
      }
      let body: { url?: string; method?: string; params?: Record<string, unknown>; token?: string };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return answer(400, { status: 400, code: 20001, message: 'Body is not JSON' });
      }
      const recorded: RecordedRequest = {
        method: body.method ?? '',
        url: body.url ?? '',
        params: body.params ?? {},
        token: body.token ?? '',
        apiVersion: request.headers.apiversion as string | undefined,
        status: 200,
        at: Date.now(),
      };
      requests.push(recorded);
      try {
        checkToken(recorded.token);
        const payload = route(recorded.method, recorded.url, recorded.params);
        answer(200, { payload });
      } catch (error) {
        const failure = error instanceof FakeRequestError ? error : new FakeRequestError(500, 20500, (error as Error).message);
        recorded.status = failure.status;
        answer(failure.status, { status: failure.status, code: failure.code, message: failure.message });
      }
    });
  });

  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    const query = Object.fromEntries(url.searchParams);
    const token = query.token ?? '';
    const refuse = (status: number, code: number, message: string) => {
      connections.push({ token, query, accepted: false, status, at: Date.now() });
      const body = JSON.stringify({ status, code, message });
      socket.end(
        `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    };
    if (url.pathname !== CHANNEL_PATH) return refuse(404, 20404, 'Not found');
    let claims: { exp: number };
    try {
      claims = checkToken(token);
    } catch (error) {
      const failure = error as FakeRequestError;
      return refuse(failure.status, failure.code, failure.message);
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      connections.push({ token, query, accepted: true, status: 101, at: Date.now() });
      sockets.set(ws, token);
      const heartbeat = setInterval(() => ws.readyState === ws.OPEN && ws.send(' '), options.heartbeatMs ?? 10_000);
      heartbeats.add(heartbeat);
      ws.on('close', () => {
        clearInterval(heartbeat);
        heartbeats.delete(heartbeat);
        sockets.delete(ws);
      });
      ws.send(
        JSON.stringify({
          event_type: 'init',
          payload: {
            channel_id: WORKER_SID,
            account_sid: ACCOUNT_SID,
            workspace_sid: WORKSPACE_SID,
            token_lifetime: claims.exp * 1000 - Date.now(),
          },
        }),
      );
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const fake: FakeTaskRouter = {
    eventsBeforeAnswer: false,
    ebServer: `http://127.0.0.1:${port}${CHANNEL_PATH}`,
    wsServer: `ws://127.0.0.1:${port}${CHANNEL_PATH}`,
    workerSid: WORKER_SID,
    workspaceSid: WORKSPACE_SID,
    mintToken,
    expireToken(token) {
      expired.add(token);
      for (const [socket, used] of sockets) if (used === token) socket.close(4001, 'Access Token expired');
    },
    createReservation(attributes, create = {}) {
      const createdAt = nowSeconds();
      const task: TaskRecord = {
        sid: nextSid('WT'),
        attributes,
        status: 'reserved',
        queueName: create.queueName ?? 'Escalations',
        createdAt,
        updatedAt: createdAt,
        version: 1,
      };
      const reservation: ReservationRecord = {
        sid: nextSid('WR'),
        taskSid: task.sid,
        status: 'pending',
        timeoutSeconds: create.timeoutSeconds ?? 30,
        createdAt,
        updatedAt: createdAt,
        version: 1,
      };
      tasks.set(task.sid, task);
      reservations.set(reservation.sid, reservation);
      const sentAt = broadcast('reservation.created', reservationEventPayload(reservation));
      return { reservationSid: reservation.sid, taskSid: task.sid, sentAt };
    },
    timeoutReservation(sid, timeout = {}) {
      const reservation = reservationOf(sid);
      touchReservation(reservation, 'timeout');
      touchTask(taskOf(reservation.taskSid), 'pending');
      broadcast('reservation.timeout', reservationEventPayload(reservation));
      if (timeout.moveWorkerTo) {
        const activity = activities.find((candidate) => candidate.name === timeout.moveWorkerTo);
        if (!activity) throw new Error(`fake TaskRouter: no activity ${timeout.moveWorkerTo}`);
        setActivity(activity.sid);
      }
    },
    cancelReservation(sid) {
      const reservation = reservationOf(sid);
      const task = taskOf(reservation.taskSid);
      touchReservation(reservation, 'canceled');
      touchTask(task, 'canceled');
      broadcast('reservation.canceled', reservationEventPayload(reservation));
      broadcast('task.canceled', taskPayload(task));
    },
    rescindReservation(sid) {
      const reservation = reservationOf(sid);
      touchReservation(reservation, 'rescinded');
      broadcast('reservation.rescinded', reservationEventPayload(reservation));
    },
    updateTaskAttributes(taskSid, attributes) {
      const task = taskOf(taskSid);
      task.attributes = attributes;
      touchTask(task);
      broadcast('task.updated', taskPayload(task));
    },
    completeTask(taskSid) {
      finishTask(taskOf(taskSid), 'completed');
    },
    activityName: () => activityOf(worker.activitySid).name,
    requests,
    connections,
    openSockets: () => [...sockets.keys()].filter((socket) => socket.readyState === socket.OPEN).length,
    waitFor(check, what, timeoutMs = 3_000) {
      return new Promise((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const poll = () => {
          if (check()) return resolve();
          if (Date.now() > deadline) return reject(new Error(`fake TaskRouter: ${what} did not happen within ${timeoutMs} ms`));
          setTimeout(poll, 5);
        };
        poll();
      });
    },
    eventsSent() {
      return timers.size === 0 ? Promise.resolve() : new Promise((resolve) => sentWaiters.push(resolve));
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const heartbeat of heartbeats) clearInterval(heartbeat);
      for (const socket of sockets.keys()) socket.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
