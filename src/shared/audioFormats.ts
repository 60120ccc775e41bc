/**
 * The audio the Realtime transcription API accepts, and the conversions from what the renderer has.
 * A browser AudioWorklet hands out Float32 samples in [-1, 1] at the context's rate (usually 48 kHz);
 * the API takes 16-bit little-endian mono PCM at 24 kHz (`audio/pcm`) or G.711 µ-law at 8 kHz
 * (`audio/pcmu`, what telephony carries). Pure functions, no Node or DOM APIs: the main process and the
 * renderer's AudioWorklet (voice/pcm16Chunker.ts) share them.
 */

export type TranscriptionAudioFormat = 'pcm16' | 'pcmu';

/** The rate the API expects for each format. */
export const SAMPLE_RATE: Record<TranscriptionAudioFormat, number> = { pcm16: 24_000, pcmu: 8_000 };
/** Bytes of one mono sample in each format. */
const BYTES_PER_SAMPLE: Record<TranscriptionAudioFormat, number> = { pcm16: 2, pcmu: 1 };

/** How much sound `byteLength` bytes of the given format hold. */
export function audioDurationMs(byteLength: number, format: TranscriptionAudioFormat): number {
  return (byteLength / BYTES_PER_SAMPLE[format] / SAMPLE_RATE[format]) * 1000;
}

export function bytesForDuration(ms: number, format: TranscriptionAudioFormat): number {
  return Math.round((ms / 1000) * SAMPLE_RATE[format]) * BYTES_PER_SAMPLE[format];
}

/** Float32 in [-1, 1] (clipped outside it) → 16-bit signed little-endian PCM bytes. */
export function float32ToPcm16(samples: Float32Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i += 1) view.setInt16(i * 2, floatToInt16(samples[i]!), true);
  return bytes;
}

/** 16-bit signed little-endian PCM bytes → samples (an odd trailing byte is ignored). */
export function pcm16ToInt16(bytes: Uint8Array): Int16Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const samples = new Int16Array(Math.floor(bytes.byteLength / 2));
  for (let i = 0; i < samples.length; i += 1) samples[i] = view.getInt16(i * 2, true);
  return samples;
}

export function int16ToPcm16(samples: Int16Array): Uint8Array {
  const bytes = new Uint8Array(samples.length * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples.length; i += 1) view.setInt16(i * 2, samples[i]!, true);
  return bytes;
}

/** One Float32 sample in [-1, 1] (clipped outside it; NaN is silence) → a 16-bit signed sample. */
export function floatToInt16(sample: number): number {
  const clipped = Number.isNaN(sample) ? 0 : Math.max(-1, Math.min(1, sample));
  return clipped < 0 ? Math.round(clipped * 0x8000) : Math.round(clipped * 0x7fff);
}

/**
 * 48 kHz → 24 kHz for a stream that arrives in chunks of any length: a [¼ ½ ¼] low-pass (zero at
 * 24 kHz, −6 dB at 12 kHz, so little folds back into the speech band) and every second sample kept.
 * State carries across chunks, so chunked output equals whole-buffer output. Plenty for speech
 * recognition; not a hi-fi resampler. The one implementation of the filter: the main process uses
 * `process`/`flush`, the renderer's AudioWorklet (voice/pcm16Chunker.ts) `push`/`flushTo`, which hand
 * each output sample to a callback and allocate nothing (the audio thread gets a block every 2.7 ms).
 */
export class Downsampler48kTo24k {
  /** The input sample before the next centre, and an odd sample waiting for its neighbour. */
  private previous = 0;
  private carry: number | undefined;
  private started = false;

  /** One chunk of 48 kHz samples (any length); `emit` gets each 24 kHz sample it completes. */
  push(samples: ArrayLike<number>, emit: (sample: number) => void): void {
    let i = 0;
    if (this.carry !== undefined && samples.length > 0) {
      emit(this.centre(this.carry, samples[0]!));
      this.previous = samples[0]!;
      this.carry = undefined;
      i = 1;
    }
    // Each output is centred on an even input sample ([¼ ½ ¼] around it) and needs the sample after it.
    for (; i + 1 < samples.length; i += 2) {
      emit(this.centre(samples[i]!, samples[i + 1]!));
      this.previous = samples[i + 1]!;
    }
    if (i < samples.length) this.carry = samples[i]!;
  }

  /** Emits the last sample held back for its missing neighbour (at the end of a stream). */
  flushTo(emit: (sample: number) => void): void {
    if (this.carry === undefined) return;
    const before = this.started ? this.previous : this.carry;
    emit(0.25 * before + 0.75 * this.carry);
    this.carry = undefined;
  }

  process(chunk: Float32Array): Float32Array {
    const outputs: number[] = [];
    this.push(chunk, (sample) => outputs.push(sample));
    return Float32Array.from(outputs);
  }

  flush(): Float32Array {
    const outputs: number[] = [];
    this.flushTo((sample) => outputs.push(sample));
    return Float32Array.from(outputs);
  }

  private centre(sample: number, next: number): number {
    const before = this.started ? this.previous : sample;
    this.started = true;
    return 0.25 * before + 0.5 * sample + 0.25 * next;
  }
}

/** One-shot 48 kHz → 24 kHz of a whole buffer. */
export function downsample48kTo24k(samples: Float32Array): Float32Array {
  const resampler = new Downsampler48kTo24k();
  const body = resampler.process(samples);
  const tail = resampler.flush();
  const out = new Float32Array(body.length + tail.length);
  out.set(body);
  out.set(tail, body.length);
  return out;
}

const MU_LAW_BIAS = 0x84;
const MU_LAW_CLIP = 32_635;

/** ITU-T G.711 µ-law: 16-bit linear → 8-bit code (the classic Sun/CCITT reference algorithm). */
export function encodeMuLawSample(sample: number): number {
  let value = Math.max(-32_768, Math.min(32_767, Math.round(sample)));
  const sign = value < 0 ? 0x80 : 0;
  if (sign) value = -value;
  value = Math.min(value, MU_LAW_CLIP) + MU_LAW_BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (value & mask) === 0 && exponent > 0; mask >>= 1) exponent -= 1;
  const mantissa = (value >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** ITU-T G.711 µ-law: 8-bit code → 16-bit linear. */
export function decodeMuLawSample(code: number): number {
  const inverted = ~code & 0xff;
  const exponent = (inverted >> 4) & 0x07;
  const magnitude = ((((inverted & 0x0f) << 3) + MU_LAW_BIAS) << exponent) - MU_LAW_BIAS;
  return inverted & 0x80 ? -magnitude : magnitude;
}

export function encodeMuLaw(samples: Int16Array): Uint8Array {
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i += 1) out[i] = encodeMuLawSample(samples[i]!);
  return out;
}

export function decodeMuLaw(codes: Uint8Array): Int16Array {
  const out = new Int16Array(codes.length);
  for (let i = 0; i < codes.length; i += 1) out[i] = decodeMuLawSample(codes[i]!);
  return out;
}
