/**
 * The live-call TranscriptSource: both sides of the call are transcribed by the OpenAI Realtime
 * transcription API from the main process, so the API key never reaches the renderer (the renderer only
 * sends audio chunks, through `pushAudio`). Each speaker gets its own connection (see speakerStream.ts),
 * so turns are labelled by where the audio came from.
 *
 * Turns carry call-clock times: when the speech began (the server's `speech_started` offset mapped back
 * to when that audio was pushed), in ms since `callClockStart(callId)` (default: when the transcript
 * started, i.e. pickup). Interim text (the `.delta` events) and the state of each stream (connecting,
 * live, failed, stopped, with a sentence for the agent) are offered to listeners for the transcript
 * pane. No key, a refused key or a dead stream is a visible state, never an exception: the rest of the
 * call goes on without a transcript.
 */
import type { TranscriptTurn } from '../../../shared/callSchemas';
import type { Speaker } from '../../../shared/callScenario';
import { systemClock, type Clock, type SecretStore, type TranscriptSource } from '../ports';
import type { TranscriptionAudioFormat } from '../../../shared/audioFormats';
import { SpeakerStream, type StreamSettings, type StreamState } from './speakerStream';

export interface TranscriptionStatus {
  callId: string;
  /** The stream the state is about; absent when it concerns the whole call (no key, stopped). */
  speaker?: Speaker;
  state: StreamState;
  message: string;
}

export interface RealtimeTranscriptionOptions {
  secrets: Pick<SecretStore, 'get'>;
  clock?: Clock;
  /** An OpenAI-compatible endpoint (`https://…/v1`); the SDK turns it into `wss://…/v1/realtime`. */
  baseURL?: string;
  /** Default `gpt-4o-transcribe`. */
  model?: string;
  /** ISO-639-1, e.g. `en`; improves accuracy and latency when known. */
  language?: string;
  /** Vocabulary hints (product names, the contact center's jargon). */
  prompt?: string;
  /** What `pushAudio` receives: `pcm16` (16-bit LE mono, 24 kHz, the default) or `pcmu` (G.711 µ-law, 8 kHz). */
  audioFormat?: TranscriptionAudioFormat;
  /** Default `server_vad`. Use `none` for models without VAD (gpt-live-transcribe) and call `commitTurn`. */
  turnDetection?: 'server_vad' | 'none';
  silenceDurationMs?: number;
  noiseReduction?: 'near_field' | 'far_field';
  /** Reconnect delays, the last repeated; default 250 ms, 1 s, 2 s, 4 s, 8 s. */
  reconnectDelaysMs?: number[];
  /** Default 5. A connection that has been live for `stableAfterMs` (default 30 s) starts the count again. */
  maxReconnectAttempts?: number;
  stableAfterMs?: number;
  /** Audio kept while (re)connecting, per speaker; default 10 s. */
  maxBufferedAudioMs?: number;
  /** Default 10 s. */
  handshakeTimeoutMs?: number;
  /** Default 15 s; 0 turns the ping off. */
  heartbeatIntervalMs?: number;
  /** How long a finished turn waits for an earlier, still-transcribing turn of the same speaker; default 5 s. */
  orderTimeoutMs?: number;
  /**
   * Trust anchors for the endpoint's certificate, for this connection only (tests pass their CA here; a
   * corporate TLS proxy's CA would go here too). Replaces the default roots for these sockets; nothing
   * global changes.
   */
  ca?: string | Buffer | Array<string | Buffer>;
  /** The Clock time the call clock counts from; default the time startTranscript was called. */
  callClockStart?: (callId: string) => number | undefined;
}

type TurnListener = (turn: Omit<TranscriptTurn, 'index'>) => void;
type InterimListener = (callId: string, speaker: Speaker, text: string) => void;
type StatusListener = (status: TranscriptionStatus) => void;

interface CallTranscription {
  streams: Partial<Record<Speaker, SpeakerStream>>;
  statuses: TranscriptionStatus[];
  stopped: boolean;
}

const SPEAKERS: Speaker[] = ['agent', 'customer'];

export class RealtimeTranscriptionSource implements TranscriptSource {
  private readonly calls = new Map<string, CallTranscription>();
  private readonly statusListeners = new Set<StatusListener>();
  private readonly interimListeners = new Set<InterimListener>();
  private readonly clock: Clock;

  constructor(private readonly options: RealtimeTranscriptionOptions) {
    this.clock = options.clock ?? systemClock;
  }

  onStatus(listener: StatusListener): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  onInterim(listener: InterimListener): () => void {
    this.interimListeners.add(listener);
    return () => this.interimListeners.delete(listener);
  }

  /** The latest state of each stream of a call (for a pane that opens mid-call). */
  statusOf(callId: string): TranscriptionStatus[] {
    return [...(this.calls.get(callId)?.statuses ?? [])];
  }

  startTranscript(callId: string, onTurn: TurnListener): () => void {
    this.stopCall(callId);
    const call: CallTranscription = { streams: {}, statuses: [], stopped: false };
    this.calls.set(callId, call);
    const origin = this.options.callClockStart?.(callId) ?? this.clock.now();
    const callMs = () => Math.max(0, this.clock.now() - origin);
    const settings = this.settings();
    // The streams exist at once so audio pushed while the key is read is kept; they connect after.
    for (const speaker of SPEAKERS) {
      call.streams[speaker] = new SpeakerStream(speaker, settings, this.clock, callMs, {
        // Also while stopping: a stream hands on what it heard before it closes.
        turn: (turn) => safely(() => onTurn({ atMs: turn.atMs, speaker, text: turn.text })),
        interim: (text) => {
          if (!call.stopped) for (const listener of this.interimListeners) safely(() => listener(callId, speaker, text));
        },
        status: (state, message) => this.report(call, { callId, speaker, state, message }),
      });
    }
    this.report(call, { callId, state: 'connecting', message: 'Connecting live transcription…' });
    void this.open(callId, call);
    return () => this.stopCall(callId);
  }

  /**
   * One chunk of one side of the call, in the configured format. Audio that arrives before the streams
   * are open is kept (bounded) and sent when they open; audio for a call not being transcribed is dropped.
   */
  pushAudio(callId: string, speaker: Speaker, chunk: Uint8Array): void {
    const call = this.calls.get(callId);
    if (!call || call.stopped) return;
    call.streams[speaker]?.push(chunk);
  }

  /** Ends the current turn of one speaker (only needed with turnDetection `none`). */
  commitTurn(callId: string, speaker: Speaker): void {
    this.calls.get(callId)?.streams[speaker]?.commit();
  }

  /** Stops every call (the app is closing). */
  stopAll(): void {
    for (const callId of [...this.calls.keys()]) this.stopCall(callId);
  }

  private async open(callId: string, call: CallTranscription): Promise<void> {
    let apiKey: string | undefined;
    try {
      apiKey = (await this.options.secrets.get('openai_api_key'))?.trim();
    } catch (error) {
      this.failCall(call, callId, `The OpenAI API key could not be read (${(error as Error).message}); this call is not transcribed.`);
      return;
    }
    if (call.stopped) return;
    if (!apiKey) {
      this.failCall(
        call,
        callId,
        'No OpenAI API key is configured, so this call is not transcribed. Add a key in Settings; the rest of the desk works as usual.',
      );
      return;
    }
    for (const speaker of SPEAKERS) call.streams[speaker]?.start(apiKey);
  }

  private settings(): StreamSettings {
    const { options } = this;
    return {
      baseURL: options.baseURL,
      model: options.model || 'gpt-4o-transcribe',
      language: options.language,
      prompt: options.prompt,
      audioFormat: options.audioFormat ?? 'pcm16',
      turnDetection: options.turnDetection ?? 'server_vad',
      silenceDurationMs: options.silenceDurationMs,
      noiseReduction: options.noiseReduction,
      reconnectDelaysMs: options.reconnectDelaysMs?.length ? options.reconnectDelaysMs : [250, 1_000, 2_000, 4_000, 8_000],
      maxReconnectAttempts: options.maxReconnectAttempts ?? 5,
      stableAfterMs: options.stableAfterMs ?? 30_000,
      maxBufferedAudioMs: options.maxBufferedAudioMs ?? 10_000,
      handshakeTimeoutMs: options.handshakeTimeoutMs ?? 10_000,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 15_000,
      orderTimeoutMs: options.orderTimeoutMs ?? 5_000,
      ca: options.ca,
    };
  }

  private failCall(call: CallTranscription, callId: string, message: string): void {
    if (call.stopped) return;
    // Quietly: the call-wide status says why, and the audio they were holding is dropped.
    for (const speaker of SPEAKERS) call.streams[speaker]?.stop();
    this.report(call, { callId, state: 'failed', message });
  }

  private stopCall(callId: string): void {
    const call = this.calls.get(callId);
    if (!call) return;
    this.calls.delete(callId);
    // Streams hand on what they heard while stopping, so `stopped` is set only after.
    for (const speaker of SPEAKERS) call.streams[speaker]?.stop();
    call.stopped = true;
    this.report(call, { callId, state: 'stopped', message: 'Live transcription stopped.' }, true);
  }

  private report(call: CallTranscription, status: TranscriptionStatus, evenIfStopped = false): void {
    if (call.stopped && !evenIfStopped) return;
    // A call-wide state replaces everything; a stream's state replaces that stream's and any call-wide one.
    call.statuses = status.speaker
      ? [...call.statuses.filter((known) => known.speaker && known.speaker !== status.speaker), status]
      : [status];
    for (const listener of this.statusListeners) safely(() => listener(status));
  }
}

/** A listener's failure must not break the stream that called it. */
function safely(run: () => void): void {
  try {
    run();
  } catch (error) {
    console.error('transcription listener failed:', error);
  }
}
