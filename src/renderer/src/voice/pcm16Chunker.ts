/**
 * Float32 audio at 48 kHz in, 16-bit little-endian mono PCM at 24 kHz out, in fixed-size chunks: what
 * the main process's RealtimeTranscriptionSource.pushAudio takes as `pcm16`. Runs inside the AudioWorklet
 * (pcmWorklet.ts), so it uses no DOM.
 *
 * The filter is shared/audioFormats.ts's Downsampler48kTo24k ([¼ ½ ¼] around every even sample) written
 * to fill a fixed chunk in place: the audio thread gets a block every 2.7 ms and must not allocate per
 * block. test/e2e/web/voice.spec.ts checks that both produce the same bytes.
 */
import { floatToInt16, SAMPLE_RATE } from '../../../shared/audioFormats';

export const TAP_SAMPLE_RATE = SAMPLE_RATE.pcm16;
/** The AudioContext rate the tap asks for; Chromium resamples each MediaStream to it. */
export const CONTEXT_SAMPLE_RATE = 48_000;

export class Pcm16Chunker {
  private readonly chunk: Uint8Array;
  private readonly view: DataView;
  private filled = 0;
  /** The low-pass state: the input sample before the next centre, and an odd sample waiting for its neighbour. */
  private previous = 0;
  private carry: number | undefined;
  private started = false;

  /** `chunkSamples` output samples (at 24 kHz) per chunk: 2400 is 100 ms. */
  constructor(
    private readonly chunkSamples: number,
    private readonly emit: (chunk: Uint8Array) => void,
  ) {
    this.chunk = new Uint8Array(chunkSamples * 2);
    this.view = new DataView(this.chunk.buffer);
  }

  /** One block of 48 kHz samples (any length; an AudioWorklet gives 128). */
  push(samples: Float32Array): void {
    let i = 0;
    if (this.carry !== undefined && samples.length > 0) {
      this.output(this.centre(this.carry, samples[0]!));
      this.previous = samples[0]!;
      this.carry = undefined;
      i = 1;
    }
    // Each output is centred on an even input sample ([¼ ½ ¼] around it) and needs the sample after it.
    for (; i + 1 < samples.length; i += 2) {
      this.output(this.centre(samples[i]!, samples[i + 1]!));
      this.previous = samples[i + 1]!;
    }
    if (i < samples.length) this.carry = samples[i]!;
  }

  /** Emits what is buffered (the last, shorter chunk of a stream); nothing when empty. */
  flush(): void {
    if (this.carry !== undefined) {
      const before = this.started ? this.previous : this.carry;
      this.output(0.25 * before + 0.75 * this.carry);
      this.carry = undefined;
    }
    if (this.filled === 0) return;
    this.emit(this.chunk.slice(0, this.filled * 2));
    this.filled = 0;
  }

  private centre(sample: number, next: number): number {
    const before = this.started ? this.previous : sample;
    this.started = true;
    return 0.25 * before + 0.5 * sample + 0.25 * next;
  }

  private output(sample: number): void {
    // audioFormats.ts keeps the resampled signal in a Float32Array; round the same way so the bytes agree.
    this.view.setInt16(this.filled * 2, floatToInt16(Math.fround(sample)), true);
    this.filled += 1;
    if (this.filled < this.chunkSamples) return;
    this.emit(this.chunk.slice());
    this.filled = 0;
  }
}

/** Several channels → one (their mean); one channel is returned as it is. */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const length = channels[0]?.length ?? 0;
  const mono = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i += 1) mono[i]! += channel[i]! / channels.length;
  return mono;
}
