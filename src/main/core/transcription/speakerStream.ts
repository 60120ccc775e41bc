/**
 * One speaker of one call: one OpenAI Realtime transcription connection (the SDK's `OpenAIRealtimeWS`
 * on the `ws` library), the audio sent to it, the turns it hears, and what happens when it goes away.
 *
 * The speaker is known from the stream, not guessed from the words: the agent's microphone and the
 * remote party each get their own connection.
 *
 * Failures: a refused key, a refused configuration, a 4xx on the upgrade or a certificate problem end
 * transcription for the call at once (asking again cannot fix them); anything else (a dropped socket, a
 * 5xx, a server `close`, a peer that stops answering pings) reconnects after a growing delay, a
 * bounded number of times. Turns already handed on are never touched, and turns still in flight when a
 * connection dies are handed on with what was heard. Audio pushed while (re)connecting is kept (up to
 * `maxBufferedAudioMs`) and sent when the next connection opens.
 */
import type { IncomingMessage } from 'node:http';
import OpenAI from 'openai';
import type { RealtimeServerEvent } from 'openai/resources/realtime/realtime';
import { OpenAIRealtimeWS } from 'openai/realtime/ws';
import type { Speaker } from '../../../shared/callScenario';
import type { Clock } from '../ports';
import { audioDurationMs } from '../../../shared/audioFormats';
import { AudioTimeline, TurnAssembler, type AssembledTurn } from './transcriptAssembly';
import { transcriptionSessionUpdate, type StreamSettings } from './transcriptionSession';

export type { StreamSettings } from './transcriptionSession';

export type StreamState = 'connecting' | 'live' | 'failed' | 'stopped';

export interface StreamEvents {
  turn(turn: AssembledTurn): void;
  interim(text: string): void;
  status(state: StreamState, message: string): void;
}

const WS_OPEN = 1;
const SPEAKER_NAMES: Record<Speaker, string> = { agent: "agent's microphone", customer: "customer's audio" };
/** HTTP statuses on the upgrade that asking again can fix. */
const TRANSIENT_HTTP = new Set([408, 425, 429, 500, 502, 503, 504]);
const AUTH_CODES = new Set(['invalid_api_key', 'invalid_authentication', 'insufficient_permissions', 'account_deactivated']);
const TLS_CODES = /^(ERR_TLS_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_)/;

interface Connection {
  rt: OpenAIRealtimeWS;
  assembler: TurnAssembler;
  timeline: AudioTimeline;
  live: boolean;
  /** Why it ended, when we know better than the close code. */
  failure?: { message: string; permanent: boolean };
  sessionEventId: string;
  /** Resets the attempt count once the connection has stayed up. */
  stable?: { cancel(): void };
  heartbeat?: { cancel(): void };
  overdue?: { cancel(): void };
  awaitingPong: boolean;
}

export class SpeakerStream {
  private connection?: Connection;
  private pending: Array<{ bytes: Uint8Array; callMs: number; durationMs: number }> = [];
  private pendingMs = 0;
  private attempts = 0;
  private connections = 0;
  private retryTimer?: { cancel(): void };
  private done = false;
  private apiKey = '';
  private readonly name: string;

  constructor(
    private readonly speaker: Speaker,
    private readonly settings: StreamSettings,
    private readonly clock: Clock,
    /** Now on the call clock. */
    private readonly callMs: () => number,
    private readonly events: StreamEvents,
  ) {
    this.name = SPEAKER_NAMES[speaker];
  }

  /** Audio pushed before this is kept (bounded) and sent once the first connection opens. */
  start(apiKey: string): void {
    this.apiKey = apiKey;
    this.connect();
  }

  push(chunk: Uint8Array): void {
    if (this.done || !chunk.byteLength) return;
    const durationMs = audioDurationMs(chunk.byteLength, this.settings.audioFormat);
    const entry = { bytes: chunk, callMs: this.callMs(), durationMs };
    const connection = this.connection;
    if (connection?.rt.socket.readyState === WS_OPEN) return this.send(connection, entry);
    // Copied: the caller may reuse its buffer before this chunk is sent.
    this.pending.push({ ...entry, bytes: chunk.slice() });
    this.pendingMs += durationMs;
    // Keep the newest audio: the oldest is the least likely to still matter when a connection opens.
    while (this.pendingMs > this.settings.maxBufferedAudioMs && this.pending.length > 1) this.pendingMs -= this.pending.shift()!.durationMs;
  }

  /** Ends the current turn by hand (turn detection `none`). */
  commit(): void {
    const connection = this.connection;
    if (connection?.rt.socket.readyState === WS_OPEN) connection.rt.send({ type: 'input_audio_buffer.commit' });
  }

  /** Hands on what was heard, closes the socket, and reports nothing more. */
  stop(): void {
    if (this.done) return;
    this.done = true;
    this.retryTimer?.cancel();
    this.pending = [];
    const connection = this.connection;
    this.connection = undefined;
    if (connection) {
      this.emitTurns(connection.assembler.drain());
      this.dispose(connection);
      try {
        if (connection.rt.socket.readyState === WS_OPEN) connection.rt.close({ code: 1000, reason: 'call ended' });
        else connection.rt.socket.terminate();
      } catch {
        // Closing a socket that is already going away: nothing left to do.
      }
    }
  }

  /** Ends this stream for good with a reason shown to the agent. */
  fail(message: string): void {
    this.stop();
    this.events.status('failed', message);
  }

  private connect(): void {
    if (this.done) return;
    this.connections += 1;
    const assembler = new TurnAssembler(this.callMs);
    const sessionEventId = `whisper-desk-session-${this.connections}`;
    let rt: OpenAIRealtimeWS;
    try {
      const client = new OpenAI({ apiKey: this.apiKey, baseURL: this.settings.baseURL || undefined });
      rt = new OpenAIRealtimeWS(
        {
          intent: 'transcription',
          options: {
            handshakeTimeout: this.settings.handshakeTimeoutMs,
            ...(this.settings.ca ? { ca: this.settings.ca } : {}),
          },
        },
        client,
      );
    } catch (error) {
      this.fail(`Live transcription could not start: ${messageOf(error)}.`);
      return;
    }
    const connection: Connection = {
      rt,
      assembler,
      timeline: new AudioTimeline(),
      live: false,
      sessionEventId,
      awaitingPong: false,
    };
    this.connection = connection;
    this.events.status(
      'connecting',
      this.attempts
        ? `Reconnecting the ${this.name} to OpenAI transcription (attempt ${this.attempts} of ${this.settings.maxReconnectAttempts})…`
        : `Connecting the ${this.name} to OpenAI transcription…`,
    );

    rt.socket.on('open', () => this.opened(connection));
    rt.socket.on('unexpected-response', (_request: unknown, response: IncomingMessage) => this.refused(connection, response));
    rt.socket.on('pong', () => (connection.awaitingPong = false));
    rt.socket.on('close', (code: number, reason: Buffer) => this.closed(connection, code, reason.toString()));
    rt.on('event', (event) => this.onServerEvent(connection, event));
    // Transport failures (server `error` events arrive through `event` too and are handled there).
    rt.on('error', (error) => {
      if (error.error || connection.failure) return;
      const code = (error.cause as { code?: unknown } | undefined)?.code;
      if (typeof code === 'string' && TLS_CODES.test(code)) {
        connection.failure = { message: `the server's certificate was not trusted (${code})`, permanent: true };
      } else connection.failure = { message: error.message.split('\n')[0]!, permanent: false };
    });
  }

  private opened(connection: Connection): void {
    if (connection !== this.connection) return;
    // The server handles events in order, so audio sent right after the update is read in its format.
    connection.rt.send(transcriptionSessionUpdate(this.settings, connection.sessionEventId));
    const backlog = this.pending;
    this.pending = [];
    this.pendingMs = 0;
    for (const entry of backlog) this.send(connection, entry);
    this.heartbeat(connection);
  }

  private send(connection: Connection, entry: { bytes: Uint8Array; callMs: number; durationMs: number }): void {
    connection.timeline.record(entry.callMs, entry.durationMs);
    const audio = Buffer.from(entry.bytes.buffer, entry.bytes.byteOffset, entry.bytes.byteLength).toString('base64');
    connection.rt.send({ type: 'input_audio_buffer.append', audio });
  }

  private onServerEvent(connection: Connection, event: RealtimeServerEvent): void {
    if (connection !== this.connection) return;
    switch (event.type) {
      case 'session.updated':
        return this.becameLive(connection);
      case 'input_audio_buffer.speech_started':
        connection.assembler.speechStarted(event.item_id, connection.timeline.toCallMs(event.audio_start_ms));
        connection.timeline.forgetBefore(event.audio_start_ms);
        return;
      case 'input_audio_buffer.committed':
        return connection.assembler.committed(event.item_id, event.previous_item_id);
      case 'conversation.item.input_audio_transcription.delta':
        this.becameLive(connection);
        if (event.delta) this.events.interim(connection.assembler.delta(event.item_id, event.delta));
        return;
      case 'conversation.item.input_audio_transcription.completed':
        this.becameLive(connection);
        this.emitTurns(connection.assembler.completed(event.item_id, event.transcript));
        return this.watchOrder(connection);
      case 'conversation.item.input_audio_transcription.failed':
        this.emitTurns(connection.assembler.failed(event.item_id));
        this.watchOrder(connection);
        this.events.interim('');
        return this.events.status(
          'live',
          `One turn of the ${this.name} could not be transcribed (${event.error.message ?? event.error.code ?? 'no reason given'}).`,
        );
      case 'error':
        return this.serverError(connection, event.error);
      default:
        return;
    }
  }

  private serverError(
    connection: Connection,
    error: { message: string; code?: string | null; event_id?: string | null; type: string },
  ): void {
    const code = error.code ?? error.type;
    if (AUTH_CODES.has(code)) {
      connection.failure = { message: `OpenAI refused the API key (${error.message})`, permanent: true };
    } else if (error.event_id === connection.sessionEventId) {
      connection.failure = { message: `OpenAI refused the transcription settings (${error.message})`, permanent: true };
    } else {
      // Most error events concern one client event (an empty commit, a bad chunk); the session goes on.
      this.events.status(connection.live ? 'live' : 'connecting', `OpenAI reported a problem with the ${this.name}: ${error.message}`);
      return;
    }
    connection.rt.socket.terminate();
  }

  /** A turn held for an earlier one is released anyway once that one is overdue. */
  private watchOrder(connection: Connection): void {
    if (!connection.assembler.holding()) {
      connection.overdue?.cancel();
      connection.overdue = undefined;
      return;
    }
    connection.overdue ??= this.clock.setTimeout(() => {
      connection.overdue = undefined;
      if (connection !== this.connection) return;
      this.emitTurns(connection.assembler.skipOverdue());
      this.watchOrder(connection);
    }, this.settings.orderTimeoutMs);
  }

  private refused(connection: Connection, response: IncomingMessage): void {
    const status = response.statusCode ?? 0;
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      if (size < 4096) chunks.push(chunk);
      size += chunk.length;
    });
    response.on('end', () => {
      const detail = errorMessageOf(Buffer.concat(chunks).toString('utf8'));
      const what = status === 401 || status === 403 ? 'OpenAI refused the API key' : 'The transcription server refused the connection';
      connection.failure = { message: `${what} (HTTP ${status}${detail ? `: ${detail}` : ''})`, permanent: !TRANSIENT_HTTP.has(status) };
      connection.rt.socket.terminate();
    });
    response.on('error', () => connection.rt.socket.terminate());
  }

  private becameLive(connection: Connection): void {
    if (connection.live) return;
    connection.live = true;
    this.events.status('live', `Transcribing the ${this.name}.`);
    connection.stable = this.clock.setTimeout(() => (this.attempts = 0), this.settings.stableAfterMs);
  }

  /** Pings the server; one that has not answered the previous ping by the next one is gone. */
  private heartbeat(connection: Connection): void {
    if (!this.settings.heartbeatIntervalMs) return;
    const beat = () => {
      if (connection !== this.connection || connection.rt.socket.readyState !== WS_OPEN) return;
      if (connection.awaitingPong) {
        connection.failure ??= { message: 'the server stopped answering', permanent: false };
        connection.rt.socket.terminate();
        return;
      }
      connection.awaitingPong = true;
      connection.rt.socket.ping();
      connection.heartbeat = this.clock.setTimeout(beat, this.settings.heartbeatIntervalMs);
    };
    connection.heartbeat = this.clock.setTimeout(beat, this.settings.heartbeatIntervalMs);
  }

  private closed(connection: Connection, code: number, reason: string): void {
    this.dispose(connection);
    if (connection !== this.connection || this.done) return;
    this.connection = undefined;
    this.emitTurns(connection.assembler.drain());
    this.events.interim('');
    const why = connection.failure?.message ?? `the connection closed (code ${code}${reason ? `, ${reason}` : ''})`;
    if (connection.failure?.permanent) {
      this.fail(`${capitalise(why)}. Transcription of the ${this.name} is off for this call; the rest of the desk works as usual.`);
      return;
    }
    if (this.attempts >= this.settings.maxReconnectAttempts) {
      this.fail(
        `Transcription of the ${this.name} stopped after ${this.attempts} reconnect attempts (last: ${why}). Turns already transcribed are kept.`,
      );
      return;
    }
    const delays = this.settings.reconnectDelaysMs;
    const delay = delays[Math.min(this.attempts, delays.length - 1)] ?? 1_000;
    this.attempts += 1;
    this.events.status(
      'connecting',
      `The ${this.name} transcription stream dropped (${why}); reconnecting in ${formatDelay(delay)} (attempt ${this.attempts} of ${this.settings.maxReconnectAttempts}). Turns already transcribed are kept.`,
    );
    this.retryTimer = this.clock.setTimeout(() => this.connect(), delay);
  }

  private dispose(connection: Connection): void {
    for (const timer of [connection.stable, connection.heartbeat, connection.overdue]) timer?.cancel();
    connection.stable = connection.heartbeat = connection.overdue = undefined;
  }

  private emitTurns(turns: AssembledTurn[]): void {
    for (const turn of turns) this.events.turn(turn);
    if (turns.length) this.events.interim('');
  }
}

function errorMessageOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { message?: unknown } };
    if (typeof parsed.error?.message === 'string') return parsed.error.message.slice(0, 200);
  } catch {
    // Not JSON: show the start of the text.
  }
  return body.trim().slice(0, 200);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function formatDelay(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
