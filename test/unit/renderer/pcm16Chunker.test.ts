/**
 * The AudioWorklet's path through the one 48 → 24 kHz filter (shared/audioFormats.ts): a tone the
 * low-pass must stop (above 12 kHz, which would fold back into the speech band) comes out weak, speech
 * comes out whole, and the bytes equal the main process's path through the same filter.
 */
import { describe, expect, it } from 'vitest';
import { Downsampler48kTo24k, float32ToPcm16, pcm16ToInt16 } from '../../../src/shared/audioFormats';
import { Pcm16Chunker } from '../../../src/renderer/src/voice/pcm16Chunker';

const tone = (hz: number, n = 4_800) => Float32Array.from({ length: n }, (_, i) => 0.9 * Math.sin((2 * Math.PI * hz * i) / 48_000));

/** The chunker's output for `input`, pushed in AudioWorklet-sized blocks, as samples in [-1, 1]. */
function throughChunker(input: Float32Array): number[] {
  const chunks: Uint8Array[] = [];
  const chunker = new Pcm16Chunker(2_400, (chunk) => chunks.push(chunk));
  for (let offset = 0; offset < input.length; offset += 128) chunker.push(input.subarray(offset, offset + 128));
  chunker.flush();
  return chunks.flatMap((chunk) => Array.from(pcm16ToInt16(chunk), (sample) => sample / 0x8000));
}

/** Amplitude after the filter relative to before, away from the edges. */
const gain = (input: Float32Array) => Math.max(...throughChunker(input).slice(10, -10).map(Math.abs)) / 0.9;

describe('Pcm16Chunker (48 kHz Float32 → 24 kHz PCM16 chunks)', () => {
  it('passes speech-band tones and attenuates tones above 12 kHz', () => {
    expect(throughChunker(tone(1_000))).toHaveLength(2_400);
    expect(gain(tone(1_000))).toBeGreaterThan(0.98);
    expect(gain(tone(3_000))).toBeGreaterThan(0.95);
    // Without the low-pass these would come out at full amplitude, aliased to 8 kHz and 4 kHz.
    expect(gain(tone(16_000))).toBeLessThan(0.3);
    expect(gain(tone(20_000))).toBeLessThan(0.1);
  });

  it('gives the same bytes as the main process path, whatever the block sizes', () => {
    const samples = Float32Array.from({ length: 9_601 }, (_, i) => 0.6 * Math.sin(i / 7) + 0.3 * Math.sin(i * 2.9));
    const chunks: Uint8Array[] = [];
    const chunker = new Pcm16Chunker(1_000, (chunk) => chunks.push(chunk));
    const reference = new Downsampler48kTo24k();
    const parts: Float32Array[] = [];
    for (let offset = 0, size = 1; offset < samples.length; offset += size, size = (size * 7 + 3) % 389 || 128) {
      chunker.push(samples.subarray(offset, offset + size));
      parts.push(reference.process(samples.subarray(offset, offset + size)));
    }
    chunker.flush();
    parts.push(reference.flush());
    const expected = float32ToPcm16(Float32Array.from(parts.flatMap((part) => Array.from(part))));
    expect(chunks.slice(0, -1).every((chunk) => chunk.byteLength === 2_000)).toBe(true);
    expect(Buffer.concat(chunks).equals(Buffer.from(expected))).toBe(true);
  });
});
