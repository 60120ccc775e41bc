/**
 * A local stand-in for the OpenAI Realtime transcription endpoint: `wss://127.0.0.1:<port>/v1/realtime
 * ?intent=transcription` with a certificate from a CA made for the test (testCertificate.ts), which the
 * client must be given explicitly. The WebSocket side (RFC 6455 handshake and framing) is written here
 * on node:https rather than with the `ws` library, so the client's `ws` is tested against an
 * independent implementation and the fake can misbehave at the byte level (die without a close frame,
 * stop answering pings).
 *
 * It speaks the GA protocol as documented: `session.created` on connect; `session.update` with
 * `session.type: "transcription"` answered by `session.updated` (anything else is an `error` event);
 * `input_audio_buffer.append` audio (base64) collected per connection; `input_audio_buffer.commit`
 * answered by `input_audio_buffer.committed`. Transcription events are scripted by the test through
 * the connection handle (speech started, committed, deltas, completed, failed, error), and so are the
 * faults: a refused key (HTTP 401 on the upgrade, or an `invalid_api_key` error event), a transient
 * HTTP status, a socket that dies mid-stream, a server that goes silent.
 */
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { makeTestTls } from './testCertificate';

const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
const OPCODE = { continuation: 0x0, text: 0x1, binary: 0x2, close: 0x8, ping: 0x9, pong: 0xa } as const;

// Client events are JSON the tests inspect field by field; loose on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ClientEvent = Record<string, any> & { type: string };

export interface FakeRealtimeOptions {
  /** The key the fake accepts (`Authorization: Bearer <key>`). */
  apiKey?: string;
  /** How a wrong key is refused: HTTP 401 on the upgrade (default) or an `invalid_api_key` error event, then close. */
  authFailure?: 'http-401' | 'error-event';
}

export interface FakeRealtimeConnection {
  index: number;
  url: string;
  headers: IncomingHttpHeaders;
  /** Every client event in arrival order (append events without their audio, to keep it small). */
  events: ClientEvent[];
  /** The `session` of the last accepted `session.update`. */
  session?: ClientEvent;
  /** Audio of every append, decoded, concatenated. */
  audio(): Buffer;
  closed: boolean;
  /** The close code the client sent, if it closed properly. */
  clientCloseCode?: number;
  /** Sends a server event; returns performance.now() just before the frame was written. */
  send(event: Record<string, unknown>): number;
  speechStarted(itemId: string, audioStartMs: number): number;
  committed(itemId: string, previousItemId?: string | null): number;
  delta(itemId: string, delta: string): number;
  completed(itemId: string, transcript: string): number;
  failed(itemId: string, message: string): number;
  error(message: string, code?: string, eventId?: string): number;
  /** speech_started, committed, one delta per word, completed; returns the time `completed` was written. */
  utterance(itemId: string, text: string, options?: { audioStartMs?: number; previousItemId?: string | null }): number;
  waitForSession(timeoutMs?: number): Promise<ClientEvent>;
  waitForAudio(bytes: number, timeoutMs?: number): Promise<void>;
  waitForClose(timeoutMs?: number): Promise<void>;
  /** The TCP socket goes away without a close frame (a network drop). */
  die(): void;
  /** A proper close frame from the server. */
  close(code?: number, reason?: string): void;
  /** Ignores everything from now on, pings included (a half-open connection). */
  stall(): void;
}

export interface FakeOpenAiRealtime {
  /** Pass as the SDK's baseURL; it becomes wss://…/v1/realtime. */
  baseURL: string;
  /** The test CA's PEM: the only thing that makes the client trust this server. */
  ca: string;
  connections: FakeRealtimeConnection[];
  /** Upgrade attempts refused so far (auth, scripted statuses). */
  refusals: Array<{ status: number; headers: IncomingHttpHeaders }>;
  /** The next `count` upgrades are answered with this HTTP status (e.g. 503). */
  refuseNext(count: number, status: number, message?: string): void;
  /** Resolves with connection `index` (0-based) once it is open. */
  connection(index: number, timeoutMs?: number): Promise<FakeRealtimeConnection>;
  close(): Promise<void>;
}

export async function startFakeOpenAiRealtime(options: FakeRealtimeOptions = {}): Promise<FakeOpenAiRealtime> {
  const tls = makeTestTls();
  const connections: FakeRealtimeConnection[] = [];
  const refusals: FakeOpenAiRealtime['refusals'] = [];
  const scriptedRefusals: Array<{ status: number; message: string }> = [];
  const sockets = new Set<Socket>();
  const wake = new Set<() => void>();
  const notify = () => [...wake].forEach((check) => check());
  const waitUntil = <T>(what: string, ready: () => T | undefined, timeoutMs: number) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        wake.delete(check);
        reject(new Error(`fake OpenAI Realtime: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        const value = ready();
        if (value === undefined) return;
        clearTimeout(timer);
        wake.delete(check);
        resolve(value);
      };
      wake.add(check);
      check();
    });

  const server = https.createServer({ key: tls.key, cert: tls.cert }, (_request, response) => {
    response.writeHead(426, { 'content-type': 'text/plain' }).end('WebSocket only');
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (request: IncomingMessage, socket: Socket) => {
    const url = new URL(request.url ?? '/', 'https://127.0.0.1');
    const refuse = (status: number, message: string, code = 'invalid_request_error') => {
      refusals.push({ status, headers: request.headers });
      const body = JSON.stringify({ error: { message, type: 'invalid_request_error', code, param: null } });
      socket.end(
        `HTTP/1.1 ${status} Refused\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
      notify();
    };
    const scripted = scriptedRefusals.shift();
    if (scripted) return refuse(scripted.status, scripted.message);
    if (url.pathname !== '/v1/realtime') return refuse(404, `Unknown path ${url.pathname}`);
    if (url.searchParams.get('intent') !== 'transcription') return refuse(400, 'Expected intent=transcription');
    const keyOk = !options.apiKey || request.headers.authorization === `Bearer ${options.apiKey}`;
    if (!keyOk && options.authFailure !== 'error-event') return refuse(401, 'Incorrect API key provided.', 'invalid_api_key');
    const key = request.headers['sec-websocket-key'];
    if (request.headers.upgrade?.toLowerCase() !== 'websocket' || typeof key !== 'string') return refuse(400, 'Not a WebSocket upgrade');
    const accept = createHash('sha1')
      .update(key + WEBSOCKET_GUID)
      .digest('base64');
    socket.write(
      `HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`,
    );
    const connection = openConnection(connections.length, request, socket, notify, waitUntil);
    connections.push(connection);
    connection.send({
      type: 'session.created',
      event_id: 'event_created',
      session: { type: 'transcription', id: `sess_fake_${connection.index}` },
    });
    if (!keyOk) {
      connection.error('Incorrect API key provided.', 'invalid_api_key');
      connection.close(1008, 'invalid_api_key');
    }
    notify();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `https://127.0.0.1:${port}/v1`,
    ca: tls.ca,
    connections,
    refusals,
    refuseNext(count, status, message = 'Scripted refusal') {
      for (let i = 0; i < count; i += 1) scriptedRefusals.push({ status, message });
    },
    connection(index, timeoutMs = 3_000) {
      return waitUntil(`connection #${index}`, () => connections[index], timeoutMs);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function openConnection(
  index: number,
  request: IncomingMessage,
  socket: Socket,
  notify: () => void,
  waitUntil: <T>(what: string, ready: () => T | undefined, timeoutMs: number) => Promise<T>,
): FakeRealtimeConnection {
  const audio: Buffer[] = [];
  let audioBytes = 0;
  let uncommittedBytes = 0;
  let stalled = false;
  let serverItems = 0;
  let lastItemId: string | null = null;
  let eventIds = 0;
  let received = Buffer.alloc(0);
  let fragments: Buffer[] = [];

  const write = (opcode: number, payload: Buffer) => {
    if (socket.destroyed || connection.closed) return;
    const length = payload.length;
    const header =
      length < 126
        ? Buffer.from([0x80 | opcode, length])
        : length < 65_536
          ? Buffer.from([0x80 | opcode, 126, length >> 8, length & 0xff])
          : Buffer.concat([Buffer.from([0x80 | opcode, 127]), bigEndian64(length)]);
    socket.write(Buffer.concat([header, payload]));
  };

  const onClientEvent = (event: ClientEvent) => {
    const logged =
      event.type === 'input_audio_buffer.append' ? { ...event, audio: `<${String(event.audio ?? '').length} base64 chars>` } : event;
    connection.events.push(logged);
    switch (event.type) {
      case 'session.update': {
        const session = event.session as ClientEvent | undefined;
        const format = session?.audio?.input?.format;
        const formatOk =
          !format ||
          (format.type === 'audio/pcm' && (format.rate ?? 24_000) === 24_000) ||
          format.type === 'audio/pcmu' ||
          format.type === 'audio/pcma';
        if (session?.type !== 'transcription') {
          connection.error(
            'Passing a realtime session update event to a transcription session is not allowed.',
            'invalid_value',
            event.event_id,
          );
        } else if (!formatOk) {
          connection.error(`Invalid audio format ${JSON.stringify(format)}.`, 'invalid_value', event.event_id);
        } else {
          connection.session = session;
          connection.send({ type: 'session.updated', event_id: `event_${++eventIds}`, session: { ...session, id: `sess_fake_${index}` } });
        }
        break;
      }
      case 'input_audio_buffer.append': {
        const base64 = String(event.audio ?? '');
        const bytes = Buffer.from(base64, 'base64');
        if (!base64 || bytes.toString('base64') !== base64) {
          connection.error('Invalid base64 audio.', 'invalid_value', event.event_id);
          break;
        }
        audio.push(bytes);
        audioBytes += bytes.length;
        uncommittedBytes += bytes.length;
        break;
      }
      case 'input_audio_buffer.commit': {
        if (!uncommittedBytes) {
          connection.error('Error committing input audio buffer: buffer is empty.', 'input_audio_buffer_commit_empty', event.event_id);
          break;
        }
        uncommittedBytes = 0;
        const itemId = `item_server_${index}_${++serverItems}`;
        connection.committed(itemId, lastItemId);
        break;
      }
      default:
        connection.error(
          `Invalid value: '${event.type}'. Supported values are: 'session.update', 'input_audio_buffer.append', …`,
          'invalid_value',
          event.event_id,
        );
    }
    notify();
  };

  const onFrame = (fin: boolean, opcode: number, payload: Buffer) => {
    if (opcode === OPCODE.ping) return write(OPCODE.pong, payload);
    if (opcode === OPCODE.pong) return;
    if (opcode === OPCODE.close) {
      connection.clientCloseCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005;
      write(OPCODE.close, payload.subarray(0, 2));
      connection.closed = true;
      socket.end();
      notify();
      return;
    }
    fragments.push(payload);
    if (!fin) return;
    const message = Buffer.concat(fragments);
    fragments = [];
    try {
      onClientEvent(JSON.parse(message.toString('utf8')) as ClientEvent);
    } catch {
      connection.error('The server could not parse the event.', 'invalid_json');
    }
  };

  socket.on('data', (chunk: Buffer) => {
    if (stalled) return;
    received = Buffer.concat([received, chunk]);
    for (;;) {
      const frame = readFrame(received);
      if (!frame) break;
      received = received.subarray(frame.size);
      onFrame(frame.fin, frame.opcode, frame.payload);
    }
  });
  socket.on('close', () => {
    connection.closed = true;
    notify();
  });
  socket.on('error', () => socket.destroy());

  const connection: FakeRealtimeConnection = {
    index,
    url: request.url ?? '',
    headers: request.headers,
    events: [],
    audio: () => Buffer.concat(audio),
    closed: false,
    send(event) {
      const at = performance.now();
      write(OPCODE.text, Buffer.from(JSON.stringify(event), 'utf8'));
      return at;
    },
    speechStarted: (itemId, audioStartMs) =>
      connection.send({
        type: 'input_audio_buffer.speech_started',
        event_id: `event_${++eventIds}`,
        item_id: itemId,
        audio_start_ms: audioStartMs,
      }),
    committed(itemId, previousItemId = lastItemId) {
      lastItemId = itemId;
      return connection.send({
        type: 'input_audio_buffer.committed',
        event_id: `event_${++eventIds}`,
        item_id: itemId,
        previous_item_id: previousItemId,
      });
    },
    delta: (itemId, delta) =>
      connection.send({
        type: 'conversation.item.input_audio_transcription.delta',
        event_id: `event_${++eventIds}`,
        item_id: itemId,
        content_index: 0,
        delta,
      }),
    completed: (itemId, transcript) =>
      connection.send({
        type: 'conversation.item.input_audio_transcription.completed',
        event_id: `event_${++eventIds}`,
        item_id: itemId,
        content_index: 0,
        transcript,
        usage: { type: 'duration', seconds: 1 },
      }),
    failed: (itemId, message) =>
      connection.send({
        type: 'conversation.item.input_audio_transcription.failed',
        event_id: `event_${++eventIds}`,
        item_id: itemId,
        content_index: 0,
        error: { type: 'transcription_error', code: 'audio_unintelligible', message },
      }),
    error: (message, code = 'invalid_request_error', eventId) =>
      connection.send({
        type: 'error',
        event_id: `event_${++eventIds}`,
        error: { type: 'invalid_request_error', code, message, param: null, event_id: eventId ?? null },
      }),
    utterance(itemId, text, { audioStartMs = 0, previousItemId } = {}) {
      connection.speechStarted(itemId, audioStartMs);
      connection.committed(itemId, previousItemId === undefined ? lastItemId : previousItemId);
      let sofar = '';
      for (const word of text.split(/(?<= )/)) {
        sofar += word;
        connection.delta(itemId, word);
      }
      return connection.completed(itemId, sofar);
    },
    waitForSession: (timeoutMs = 3_000) => waitUntil('session.update', () => connection.session, timeoutMs),
    waitForAudio: (bytes, timeoutMs = 3_000) =>
      waitUntil(`${bytes} bytes of audio`, () => (audioBytes >= bytes ? true : undefined), timeoutMs).then(() => undefined),
    waitForClose: (timeoutMs = 3_000) => waitUntil('close', () => (connection.closed ? true : undefined), timeoutMs).then(() => undefined),
    die() {
      connection.closed = true;
      socket.destroy();
      notify();
    },
    close(code = 1000, reason = '') {
      const payload = Buffer.alloc(2 + Buffer.byteLength(reason));
      payload.writeUInt16BE(code, 0);
      payload.write(reason, 2);
      write(OPCODE.close, payload);
      connection.closed = true;
      // The client answers with its own close frame; the TCP connection ends soon after either way.
      setTimeout(() => socket.destroy(), 200).unref();
      notify();
    },
    stall() {
      stalled = true;
    },
  };
  return connection;
}

/** One complete frame at the start of `buffer` (client frames are masked), or undefined if more bytes are needed. */
function readFrame(buffer: Buffer): { fin: boolean; opcode: number; payload: Buffer; size: number } | undefined {
  if (buffer.length < 2) return undefined;
  const fin = (buffer[0]! & 0x80) !== 0;
  const opcode = buffer[0]! & 0x0f;
  const masked = (buffer[1]! & 0x80) !== 0;
  let length = buffer[1]! & 0x7f;
  let offset = 2;
  if (length === 126) {
    if (buffer.length < 4) return undefined;
    length = buffer.readUInt16BE(2);
    offset = 4;
  } else if (length === 127) {
    if (buffer.length < 10) return undefined;
    length = Number(buffer.readBigUInt64BE(2));
    offset = 10;
  }
  const maskOffset = offset;
  if (masked) offset += 4;
  if (buffer.length < offset + length) return undefined;
  const payload = Buffer.from(buffer.subarray(offset, offset + length));
  if (masked) for (let i = 0; i < payload.length; i += 1) payload[i] = payload[i]! ^ buffer[maskOffset + (i % 4)]!;
  return { fin, opcode, payload, size: offset + length };
}

function bigEndian64(value: number): Buffer {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64BE(BigInt(value));
  return bytes;
}
