/**
 * The AudioWorklet processor behind audioTap.ts: mixes its input to mono, turns 48 kHz Float32 into
 * 24 kHz PCM16 chunks (pcm16Chunker.ts) on the audio thread, and posts each chunk's bytes to the main
 * thread (transferred, not copied). Loaded with `audioWorklet.addModule(url)` from a file of its own
 * (voiceAssets.ts), because the app's CSP (`script-src 'self'`) refuses blob: and data: modules.
 *
 * Messages in: `{ type: 'stop' }` (flush the partial chunk, then end). Out: `{ type: 'chunk', bytes }`,
 * `{ type: 'stopped' }`.
 */
import { CONTEXT_SAMPLE_RATE, mixToMono, Pcm16Chunker } from './pcm16Chunker';
import { PCM_TAP_PROCESSOR, type PcmTapFromWorklet, type PcmTapProcessorOptions, type PcmTapToWorklet } from './pcmTapMessages';

// The AudioWorkletGlobalScope is not in TypeScript's DOM lib; these are the parts used here.
declare const sampleRate: number;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(
  name: string,
  processor: new (options: { processorOptions?: PcmTapProcessorOptions }) => AudioWorkletProcessor,
): void;

class PcmTapProcessor extends AudioWorkletProcessor {
  private readonly chunker: Pcm16Chunker;
  private stopped = false;

  constructor(options: { processorOptions?: PcmTapProcessorOptions }) {
    super();
    if (sampleRate !== CONTEXT_SAMPLE_RATE)
      throw new Error(`pcm16 tap needs a ${CONTEXT_SAMPLE_RATE} Hz AudioContext, not ${sampleRate} Hz`);
    this.chunker = new Pcm16Chunker(options.processorOptions?.chunkSamples ?? 2_400, (bytes) =>
      this.send({ type: 'chunk', bytes }, [bytes.buffer]),
    );
    this.port.onmessage = (event: MessageEvent<PcmTapToWorklet>) => {
      if (event.data.type !== 'stop' || this.stopped) return;
      this.stopped = true;
      this.chunker.flush();
      this.send({ type: 'stopped' });
    };
  }

  private send(message: PcmTapFromWorklet, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.stopped) return false;
    const channels = inputs[0];
    // No channels: the source is not connected yet (or its track ended); keep the node alive.
    if (channels && channels.length > 0) this.chunker.push(mixToMono(channels));
    return true;
  }
}

registerProcessor(PCM_TAP_PROCESSOR, PcmTapProcessor);
