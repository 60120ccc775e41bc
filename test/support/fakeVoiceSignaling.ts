/**
 * A local stand-in for Twilio Voice's signaling gateway ("chunder"), speaking the PStream protocol of
 * @twilio/voice-sdk 2.18.5 as its source has it (lib/twilio/pstream.ts, wstransport.ts, device.ts, call.ts,
 * rtc/peerconnection.ts):
 *
 * - `wss://<host>/signal` (the SDK's internal `chunderw` option is `<host>`), JSON text frames
 *   `{"type", "version": "1.6", "payload"}`; a bare `"\n"` is a heartbeat, which the SDK echoes, and the SDK
 *   drops the socket after 15 s without any frame.
 * - Client → server: `listen {token, browserinfo, reconnectTimeout}` (on every socket open and every token
 *   update), `register {media: {audio: true|false}}`, `answer {callsid, sdp}`, `reject {callsid}`,
 *   `hangup {callsid, message?}`, `dtmf {callsid, dtmf}` (only when the peer connection cannot send RTP DTMF),
 *   `invite {callsid, sdp, reconnect, twilio}` (a signaling reconnect of a live call), `reinvite {callsid, sdp}`
 *   (ICE restart), `message {callsid, content, contenttype, messagetype, voiceeventsid}`.
 * - Server → client: `connected {region, edge, home, token: {identity, ttl}}` for a good token (the SDK arms
 *   `tokenWillExpire` from `ttl`), `ready` / `offline` for register true / false, `invite {callsid, sdp,
 *   parameters: {CallSid, AccountSid, From, To, Params}, reconnect}` (custom parameters travel URL-encoded
 *   in `Params`), `cancel {callsid}`, `hangup {callsid, error?}`, `answer {callsid, reconnect}` (to a
 *   reconnect invite), `message {…}`, `ack {acktype, callsid, voiceeventsid}`, `error {error: {code, message},
 *   callsid?}`.
 *
 * Tokens are HS256 JWTs with Twilio's claims and a voice grant (`grants.identity`, `grants.voice.incoming.allow`),
 * minted and checked here. A refused token gets `error` (31204 invalid, 31205 expired: what the SDK turns
 * into 20101 / 20104) and the socket is closed, as Twilio does (twilio-voice.js issues #31, #231). A token
 * without the incoming grant gets 31201; that one is this fake's choice, not checked against Twilio.
 *
 * The far side of each call is a real WebRTC peer behind `FarEnd` (a Chromium page in the e2e test): the
 * fake carries its offer to the SDK and the SDK's answer back. Faults: drop every socket without a close
 * frame, refuse new connections, cancel a ringing call, hang up with an error. Loopback only.
 */
import { createHash, randomBytes, X509Certificate } from 'node:crypto';
import { base64url, safeEqual, sign } from './testJwt';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { makeTestTls, type TestTls } from './testCertificate';

const PSTREAM_VERSION = '1.6';
const ACCOUNT_SID = 'ACfake0000000000000000000000000000';

/** The far end of a call: whatever creates the offer and takes the answer (a second Chromium page). */
export interface FarEnd {
  offer(): Promise<string>;
  answer(sdp: string): Promise<void>;
  hangUp(): Promise<void>;
}

export interface FakeVoiceSignalingOptions {
  /** The server certificate; default a fresh one. Pass one to keep a browser's SPKI pin valid across fakes. */
  tls?: TestTls;
  /** Whitespace heartbeat interval; default 5 s (the SDK gives up after 15 s of silence). */
  heartbeatMs?: number;
  /** What `connected` says. */
  region?: string;
  edge?: string;
}

export interface Frame {
  direction: 'in' | 'out';
  type: string;
  payload: Record<string, unknown>;
  version?: string;
  connection: number;
  /** performance.timeOrigin + performance.now(): comparable with the browser's clock on this machine. */
  at: number;
}

export interface FakeConnection {
  index: number;
  identity?: string;
  token?: string;
  registered: boolean;
  /** `reconnectTimeout` (seconds) of the last listen: how long to keep a call after the socket drops. */
  reconnectTimeout: number;
  open: boolean;
}

export type FakeCallState = 'ringing' | 'answered' | 'rejected' | 'cancelled' | 'ended';

export interface FakeCall {
  callSid: string;
  identity: string;
  state: FakeCallState;
  params: Record<string, string>;
  /** When the invite frame was written (performance.timeOrigin + performance.now()). */
  inviteSentAt: number;
  answeredAt?: number;
  /** Who ended it and how. */
  endedBy?: 'client-hangup' | 'client-reject' | 'server-hangup' | 'server-cancel' | 'signaling-timeout';
  /** Digits that arrived as `dtmf` frames (RTP DTMF never reaches the signaling server). */
  dtmf: string;
  /** Signaling reconnects the client made for this call (reconnect invites honoured). */
  reconnects: number;
  /** Resolves when the SDK's answer reached the far end. */
  answered: Promise<void>;
  /** Resolves when the call is over, however it ended. */
  ended: Promise<void>;
  cancel(): void;
  /** The far side hangs up (optionally with an error the SDK will report). */
  hangUp(error?: { code: number; message: string }): Promise<void>;
  /** A Twilio user-defined message to the client's Call (`messageReceived`). */
  sendMessage(content: unknown): void;
}

export interface FakeVoiceSignaling {
  /** Pass as the client's signaling host (`chunderw`): `127.0.0.1:<port>`. */
  host: string;
  /** PEM of the test CA. */
  ca: string;
  /** base64 SHA-256 of the server certificate's SubjectPublicKeyInfo, for `--ignore-certificate-errors-spki-list`. */
  spkiHash: string;
  frames: Frame[];
  connections: FakeConnection[];
  calls: FakeCall[];
  mintToken(options?: { identity?: string; ttlSeconds?: number; incomingAllow?: boolean; secret?: string }): string;
  invite(options: { identity: string; far: FarEnd; params?: Record<string, string>; from?: string }): Promise<FakeCall>;
  /** Every socket goes away without a close frame (a network drop). */
  dropConnections(): void;
  /** While set, new sockets are refused (HTTP 503 on the upgrade). */
  refuseConnections(refuse: boolean): void;
  waitFor(check: () => boolean, what: string, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeVoiceSignaling(options: FakeVoiceSignalingOptions = {}): Promise<FakeVoiceSignaling> {
  const tls = options.tls ?? makeTestTls();
  const secret = randomBytes(32).toString('hex');
  const frames: Frame[] = [];
  const connections: FakeConnection[] = [];
  const calls: FakeCall[] = [];
  const sockets = new Map<WebSocket, FakeConnection>();
  const internals = new Map<string, CallInternals>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let refusing = false;
  let counter = 0;
  const now = () => performance.timeOrigin + performance.now();

  interface CallInternals {
    call: FakeCall;
    far: FarEnd;
    offerSdp: string;
    reconnectToken: string;
    socket?: WebSocket;
    resolveAnswered(): void;
    resolveEnded(): void;
    holdTimer?: ReturnType<typeof setTimeout>;
  }

  // --- tokens (Twilio access tokens: HS256 JWT, cty twilio-fpa;v=1, grants.voice) ------------------------
  const mintToken: FakeVoiceSignaling['mintToken'] = (mint = {}) => {
    const iat = Math.floor(Date.now() / 1000);
    const header = { typ: 'JWT', alg: 'HS256', cty: 'twilio-fpa;v=1' };
    const body = {
      jti: `SKfake-${iat}-${++counter}`,
      iss: 'SKfake',
      sub: ACCOUNT_SID,
      iat,
      exp: iat + (mint.ttlSeconds ?? 3_600),
      grants: { identity: mint.identity ?? 'agent-1', voice: { incoming: { allow: mint.incomingAllow ?? true } } },
    };
    const signingInput = `${base64url(header)}.${base64url(body)}`;
    return `${signingInput}.${sign(signingInput, mint.secret ?? secret)}`;
  };

  const checkToken = (token: unknown): { identity: string; exp: number } | { code: number; message: string } => {
    const [head, body, signature] = typeof token === 'string' ? token.split('.') : [];
    if (!head || !body || !signature || !safeEqual(signature, sign(`${head}.${body}`, secret)))
      return { code: 31204, message: 'JWT is invalid' };
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      exp: number;
      grants?: { identity?: string; voice?: { incoming?: { allow?: boolean } } };
    };
    if (claims.exp <= Date.now() / 1000) return { code: 31205, message: 'Cannot register. Token is expired' };
    if (!claims.grants?.identity || claims.grants.voice?.incoming?.allow !== true) {
      return { code: 31201, message: 'Authorization failure: the token does not allow incoming calls' };
    }
    return { identity: claims.grants.identity, exp: claims.exp };
  };

  // --- wire ---------------------------------------------------------------------------------------------
  const send = (socket: WebSocket | undefined, type: string, payload: Record<string, unknown>): boolean => {
    const connection = socket && sockets.get(socket);
    if (!socket || !connection || socket.readyState !== socket.OPEN) return false;
    frames.push({ direction: 'out', type, payload, connection: connection.index, at: now() });
    socket.send(JSON.stringify({ type, version: PSTREAM_VERSION, payload }));
    return true;
  };

  const socketOf = (identity: string): WebSocket | undefined => {
    for (const [socket, connection] of sockets)
      if (connection.identity === identity && connection.registered && connection.open) return socket;
    return undefined;
  };

  const endCall = (internal: CallInternals, state: FakeCallState, endedBy: FakeCall['endedBy']): void => {
    const { call } = internal;
    if (call.state === 'ended' || call.state === 'cancelled' || call.state === 'rejected') return;
    call.state = state;
    call.endedBy = endedBy;
    clearTimeout(internal.holdTimer);
    void internal.far.hangUp().catch(() => undefined);
    internal.resolveEnded();
  };

  const onFrame = async (socket: WebSocket, connection: FakeConnection, type: string, payload: Record<string, unknown>) => {
    const callSid = typeof payload.callsid === 'string' ? payload.callsid : undefined;
    const internal = callSid ? internals.get(callSid) : undefined;
    switch (type) {
      case 'listen': {
        connection.reconnectTimeout = typeof payload.reconnectTimeout === 'number' ? payload.reconnectTimeout : 0;
        const checked = checkToken(payload.token);
        if ('code' in checked) {
          send(socket, 'error', { error: checked });
          socket.close(1000, 'token refused');
          return;
        }
        connection.identity = checked.identity;
        connection.token = payload.token as string;
        send(socket, 'connected', {
          region: options.region ?? 'US_EAST_VIRGINIA',
          edge: options.edge ?? 'ashburn',
          home: 'us1',
          token: { identity: checked.identity, ttl: Math.max(0, checked.exp - Math.floor(Date.now() / 1000)) },
        });
        return;
      }
      case 'register': {
        if (!connection.identity) {
          // What the PStream source says Twilio answers a register that overtakes its listen.
          send(socket, 'error', { error: { code: 31204, message: 'JWT is invalid' } });
          return;
        }
        const audio = (payload.media as { audio?: boolean } | undefined)?.audio === true;
        connection.registered = audio;
        send(socket, audio ? 'ready' : 'offline', {});
        return;
      }
      case 'answer': {
        if (!internal || internal.call.state !== 'ringing' || typeof payload.sdp !== 'string') return;
        internal.call.state = 'answered';
        internal.call.answeredAt = now();
        await internal.far.answer(payload.sdp);
        internal.resolveAnswered();
        return;
      }
      case 'reject':
        if (internal) endCall(internal, 'rejected', 'client-reject');
        return;
      case 'hangup':
        if (internal) endCall(internal, 'ended', 'client-hangup');
        return;
      case 'dtmf':
        if (internal && typeof payload.dtmf === 'string') internal.call.dtmf += payload.dtmf;
        return;
      case 'invite': {
        // Only reconnects come this way for a desk that never dials out.
        if (!callSid || typeof payload.reconnect !== 'string') {
          send(socket, 'error', { callsid: callSid, error: { code: 31100, message: 'Outgoing calls are not part of this fake' } });
          return;
        }
        if (!internal || internal.call.state !== 'answered' || payload.reconnect !== internal.reconnectToken) {
          send(socket, 'hangup', { callsid: callSid, error: { code: 31209, message: 'Reconnect attempt is not authorized' } });
          return;
        }
        clearTimeout(internal.holdTimer);
        // The SDK also sends this after a `connected` that answered a token update on the same socket.
        if (internal.socket !== socket) internal.call.reconnects += 1;
        internal.socket = socket;
        internal.reconnectToken = randomBytes(12).toString('hex');
        send(socket, 'answer', { callsid: callSid, reconnect: internal.reconnectToken });
        return;
      }
      case 'message': {
        if (callSid) send(socket, 'ack', { acktype: 'message', callsid: callSid, voiceeventsid: payload.voiceeventsid });
        return;
      }
      default:
        // reinvite (ICE restart) and anything newer are recorded, not acted on.
        return;
    }
  };

  const onSocketGone = (socket: WebSocket, connection: FakeConnection) => {
    connection.open = false;
    sockets.delete(socket);
    for (const internal of internals.values()) {
      if (internal.socket !== socket || internal.call.state !== 'answered') continue;
      // Twilio keeps the call for the reconnectTimeout the client asked for in its listen.
      internal.holdTimer = setTimeout(() => endCall(internal, 'ended', 'signaling-timeout'), connection.reconnectTimeout * 1000);
      timers.add(internal.holdTimer);
    }
  };

  // --- servers ------------------------------------------------------------------------------------------
  const server = https.createServer({ cert: tls.cert, key: tls.key }, (_request, response) => {
    response.writeHead(404).end();
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (request, socket: Socket, head) => {
    if (refusing || new URL(request.url ?? '/', 'https://fake').pathname !== '/signal') {
      socket.end(`HTTP/1.1 ${refusing ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => {
      const connection: FakeConnection = { index: connections.length, registered: false, reconnectTimeout: 0, open: true };
      connections.push(connection);
      sockets.set(ws, connection);
      const heartbeat = setInterval(() => ws.readyState === ws.OPEN && ws.send('\n'), options.heartbeatMs ?? 5_000);
      ws.on('message', (data: RawData, isBinary) => {
        const text = isBinary ? '' : data.toString();
        if (text === '\n' || !text) return;
        let frame: { type?: unknown; version?: unknown; payload?: unknown };
        try {
          frame = JSON.parse(text) as typeof frame;
        } catch {
          return;
        }
        const type = String(frame.type);
        const payload = (frame.payload ?? {}) as Record<string, unknown>;
        frames.push({ direction: 'in', type, payload, version: String(frame.version), connection: connection.index, at: now() });
        void onFrame(ws, connection, type, payload).catch((error: unknown) => {
          frames.push({
            direction: 'in',
            type: 'fake-error',
            payload: { message: String(error) },
            connection: connection.index,
            at: now(),
          });
        });
      });
      ws.on('close', () => {
        clearInterval(heartbeat);
        onSocketGone(ws, connection);
      });
      ws.on('error', () => undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  const invite: FakeVoiceSignaling['invite'] = async ({ identity, far, params = {}, from = 'client:ai-voice-agent' }) => {
    const socket = socketOf(identity);
    if (!socket) throw new Error(`fake Voice signaling: ${identity} is not registered`);
    const offerSdp = await far.offer();
    const callSid = `CA${randomBytes(16).toString('hex')}`;
    let resolveAnswered = () => undefined as void;
    let resolveEnded = () => undefined as void;
    const answered = new Promise<void>((resolve) => (resolveAnswered = resolve));
    const ended = new Promise<void>((resolve) => (resolveEnded = resolve));
    const call: FakeCall = {
      callSid,
      identity,
      state: 'ringing',
      params,
      inviteSentAt: 0,
      dtmf: '',
      reconnects: 0,
      answered,
      ended,
      cancel() {
        if (call.state !== 'ringing') throw new Error(`fake Voice signaling: cannot cancel a call that is ${call.state}`);
        send(internal.socket, 'cancel', { callsid: callSid });
        endCall(internal, 'cancelled', 'server-cancel');
      },
      async hangUp(error) {
        send(internal.socket, 'hangup', error ? { callsid: callSid, error } : { callsid: callSid });
        endCall(internal, 'ended', 'server-hangup');
        await ended;
      },
      sendMessage(content) {
        send(internal.socket, 'message', {
          callsid: callSid,
          content: JSON.stringify(content),
          contenttype: 'application/json',
          messagetype: 'user-defined-message',
          voiceeventsid: `KX${randomBytes(16).toString('hex')}`,
        });
      },
    };
    const internal: CallInternals = {
      call,
      far,
      offerSdp,
      reconnectToken: randomBytes(12).toString('hex'),
      socket,
      resolveAnswered,
      resolveEnded,
    };
    internals.set(callSid, internal);
    calls.push(call);
    const query = Object.entries(params)
      .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
      .join('&');
    call.inviteSentAt = now();
    send(socket, 'invite', {
      callsid: callSid,
      sdp: offerSdp,
      parameters: {
        CallSid: callSid,
        AccountSid: ACCOUNT_SID,
        From: from,
        To: `client:${identity}`,
        ApiVersion: '2010-04-01',
        Params: query,
      },
      reconnect: internal.reconnectToken,
    });
    return call;
  };

  const fake: FakeVoiceSignaling = {
    host: `127.0.0.1:${port}`,
    ca: tls.ca,
    spkiHash: spkiHashOf(tls.cert),
    frames,
    connections,
    calls,
    mintToken,
    invite,
    dropConnections() {
      for (const socket of [...sockets.keys()]) socket.terminate();
    },
    refuseConnections(refuse) {
      refusing = refuse;
    },
    waitFor(check, what, timeoutMs = 5_000) {
      return new Promise((resolve, reject) => {
        const deadline = Date.now() + timeoutMs;
        const poll = () => {
          if (check()) return resolve();
          if (Date.now() > deadline) return reject(new Error(`fake Voice signaling: ${what} did not happen within ${timeoutMs} ms`));
          setTimeout(poll, 5);
        };
        poll();
      });
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      for (const internal of internals.values()) endCall(internal, 'ended', 'server-hangup');
      for (const socket of sockets.keys()) socket.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

/** base64 SHA-256 of a certificate's SubjectPublicKeyInfo: the form Chromium's `--ignore-certificate-errors-spki-list` takes. */
export function spkiHashOf(certificatePem: string): string {
  const spki = new X509Certificate(certificatePem).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}
