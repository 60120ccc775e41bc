/**
 * Float32 audio at 48 kHz in, 16-bit little-endian mono PCM at 24 kHz out, in fixed-size chunks: what
 * the main process's RealtimeTranscriptionSource.pushAudio takes as `pcm16`. Runs inside the AudioWorklet
 * (pcmWorklet.ts), so it uses no DOM.
 *
 * The filter is shared/audioFormats.ts's Downsampler48kTo24k, driven through its allocation-free `push`
 * to fill a fixed chunk in place: the audio thread gets a block every 2.7 ms and must not allocate per
 * block. test/e2e/web/voice.spec.ts checks that both paths produce the same bytes.
 */
import { Downsampler48kTo24k, floatToInt16, SAMPLE_RATE } from '../../../shared/audioFormats';

export const TAP_SAMPLE_RATE = SAMPLE_RATE.pcm16;
/** The AudioContext rate the tap asks for; Chromium resamples each MediaStream to it. */
export const CONTEXT_SAMPLE_RATE = 48_000;

export class Pcm16Chunker {
  private readonly chunk: Uint8Array;
  private readonly view: DataView;
  private filled = 0;
  private readonly filter = new Downsampler48kTo24k();
  /** Bound once, so pushing a block allocates nothing. */
  private readonly output = (sample: number): void => {
    // audioFormats.ts keeps the resampled signal in a Float32Array; round the same way so the bytes agree.
    this.view.setInt16(this.filled * 2, floatToInt16(Math.fround(sample)), true);
    this.filled += 1;
    if (this.filled < this.chunkSamples) return;
    this.emit(this.chunk.slice());
    this.filled = 0;
  };

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
    this.filter.push(samples, this.output);
  }

  /** Emits what is buffered (the last, shorter chunk of a stream); nothing when empty. */
  flush(): void {
    this.filter.flushTo(this.output);
    if (this.filled === 0) return;
    this.emit(this.chunk.slice(0, this.filled * 2));
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
