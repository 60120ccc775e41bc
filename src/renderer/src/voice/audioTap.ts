/**
 * Taps both sides of a live call for transcription: the agent's microphone (the Call's local stream) and
 * the customer (its remote stream). Each side goes MediaStreamAudioSourceNode → AudioWorkletNode
 * (pcmWorklet.ts) in one 48 kHz AudioContext owned by the tap, and comes out as PCM16 mono 24 kHz chunks
 * of `chunkMs` (100 ms by default): the `pcm16` format RealtimeTranscriptionSource.pushAudio takes.
 * The app sends them to the main process; nothing here knows about IPC or React.
 *
 * Nothing is played: each worklet feeds a zero-gain node so the graph is pulled (Chromium only renders
 * nodes that reach the destination), and the call's own audio element keeps playing the remote side. That
 * element also matters for the tap: Chromium delivers silence to Web Audio from a remote WebRTC stream
 * that no media element plays, and the Twilio SDK always plays it through one.
 */
import { CONTEXT_SAMPLE_RATE, TAP_SAMPLE_RATE } from './pcm16Chunker';
import { PCM_TAP_PROCESSOR, type PcmTapFromWorklet, type PcmTapProcessorOptions, type PcmTapToWorklet } from './pcmTapMessages';

export type TapSide = 'local' | 'remote';

export interface AudioTapOptions {
  /** The worklet module's same-origin URL (voiceAssets.pcmWorkletUrl in the app). */
  workletUrl: string | URL;
  /** Chunk length; default 100 ms (4800 bytes). */
  chunkMs?: number;
  onChunk(side: TapSide, chunk: Uint8Array): void;
  /** A side could not be tapped or failed later (the rest keeps going). */
  onError?(side: TapSide | undefined, error: Error): void;
}

export interface AudioTap {
  /** Starts, or moves, one side to a new stream (e.g. after the input device changed mid-call). */
  setStream(side: TapSide, stream: MediaStream | null | undefined): void;
  /** Flushes the partial last chunk of each side, then releases the AudioContext. */
  stop(): Promise<void>;
  readonly sampleRate: number;
}

interface SideGraph {
  stream: MediaStream;
  source: MediaStreamAudioSourceNode;
  node: AudioWorkletNode;
  stopped: Promise<void>;
}

const STOP_TIMEOUT_MS = 500;

export async function startAudioTap(options: AudioTapOptions): Promise<AudioTap> {
  const chunkSamples = Math.max(1, Math.round(((options.chunkMs ?? 100) / 1000) * TAP_SAMPLE_RATE));
  // 48 kHz whatever the hardware runs at: Chromium resamples each MediaStream to the context rate, and the
  // worklet halves it exactly.
  const context = new AudioContext({ sampleRate: CONTEXT_SAMPLE_RATE, latencyHint: 'playback' });
  try {
    await context.audioWorklet.addModule(options.workletUrl);
  } catch (error) {
    await context.close().catch(() => undefined);
    throw new Error(`The audio tap's worklet did not load from ${String(options.workletUrl)}: ${messageOf(error)}`, { cause: error });
  }
  // A context made without a user gesture may start suspended; Electron's default autoplay policy allows this.
  await context.resume().catch(() => undefined);
  const sink = context.createGain();
  sink.gain.value = 0;
  sink.connect(context.destination);
  const sides = new Map<TapSide, SideGraph>();
  let closed = false;

  const detach = (side: TapSide): Promise<void> => {
    const graph = sides.get(side);
    if (!graph) return Promise.resolve();
    sides.delete(side);
    graph.source.disconnect();
    const message: PcmTapToWorklet = { type: 'stop' };
    graph.node.port.postMessage(message);
    return graph.stopped.finally(() => graph.node.disconnect());
  };

  const attach = (side: TapSide, stream: MediaStream): void => {
    if (stream.getAudioTracks().length === 0) {
      options.onError?.(side, new Error(`The ${side} stream has no audio track to tap`));
      return;
    }
    const processorOptions: PcmTapProcessorOptions = { chunkSamples };
    const node = new AudioWorkletNode(context, PCM_TAP_PROCESSOR, {
      numberOfInputs: 1,
      numberOfOutputs: 1,
      outputChannelCount: [1],
      channelCount: 1,
      // Down-mix in the graph as well, so the worklet sees one channel whatever the stream carries.
      channelCountMode: 'explicit',
      channelInterpretation: 'speakers',
      processorOptions,
    });
    let markStopped: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => {
      markStopped = resolve;
      setTimeout(resolve, STOP_TIMEOUT_MS);
    });
    node.port.onmessage = (event: MessageEvent<PcmTapFromWorklet>) => {
      if (event.data.type === 'chunk') options.onChunk(side, event.data.bytes);
      else markStopped();
    };
    node.onprocessorerror = () => options.onError?.(side, new Error(`The ${side} audio tap stopped with an error`));
    const source = context.createMediaStreamSource(stream);
    source.connect(node);
    node.connect(sink);
    sides.set(side, { stream, source, node, stopped });
  };

  return {
    sampleRate: TAP_SAMPLE_RATE,
    setStream(side, stream) {
      if (closed) return;
      if (sides.get(side)?.stream === stream) return;
      void detach(side);
      if (stream) attach(side, stream);
    },
    async stop() {
      if (closed) return;
      closed = true;
      await Promise.all([detach('local'), detach('remote')]);
      sink.disconnect();
      await context.close().catch((error: unknown) => options.onError?.(undefined, new Error(messageOf(error))));
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
