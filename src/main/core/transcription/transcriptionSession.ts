/**
 * The settings of one transcription stream, and the `session.update` that configures it. This is the GA
 * Realtime protocol: the socket is opened with `?intent=transcription` (the SDK's `intent` option) and
 * configured with `session.update` whose `session.type` is `transcription`; the beta
 * `transcription_session.update` event is not accepted by GA sessions.
 */
import type { SessionUpdateEvent } from 'openai/resources/realtime/realtime';
import type { TranscriptionAudioFormat } from '../../../shared/audioFormats';

export interface StreamSettings {
  baseURL?: string;
  model: string;
  language?: string;
  prompt?: string;
  audioFormat: TranscriptionAudioFormat;
  /** `server_vad`: the API finds turn ends. `none`: the caller commits each turn (gpt-live-transcribe). */
  turnDetection: 'server_vad' | 'none';
  silenceDurationMs?: number;
  noiseReduction?: 'near_field' | 'far_field';
  reconnectDelaysMs: number[];
  maxReconnectAttempts: number;
  /** A connection live this long resets the attempt count. */
  stableAfterMs: number;
  maxBufferedAudioMs: number;
  handshakeTimeoutMs: number;
  heartbeatIntervalMs: number;
  /** How long a finished turn waits for an earlier one of the same speaker before it is released anyway. */
  orderTimeoutMs: number;
  /** Extra trust anchors for the endpoint's certificate (a test CA, a corporate TLS proxy). */
  ca?: string | Buffer | Array<string | Buffer>;
}

export function transcriptionSessionUpdate(settings: StreamSettings, eventId: string): SessionUpdateEvent {
  return {
    type: 'session.update',
    // Echoed in an `error` event if the server refuses these settings, which tells that error apart.
    event_id: eventId,
    session: {
      type: 'transcription',
      audio: {
        input: {
          format: settings.audioFormat === 'pcmu' ? { type: 'audio/pcmu' } : { type: 'audio/pcm', rate: 24_000 },
          transcription: {
            model: settings.model,
            ...(settings.language ? { language: settings.language } : {}),
            ...(settings.prompt ? { prompt: settings.prompt } : {}),
          },
          turn_detection:
            settings.turnDetection === 'none'
              ? null
              : { type: 'server_vad', ...(settings.silenceDurationMs ? { silence_duration_ms: settings.silenceDurationMs } : {}) },
          ...(settings.noiseReduction ? { noise_reduction: { type: settings.noiseReduction } } : {}),
        },
      },
    },
  };
}
