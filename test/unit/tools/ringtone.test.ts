import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RINGTONE_SAMPLE_RATE, RINGTONE_SECONDS, synthesizeRingtone } from '../../../tools/ringtone/ringtone';

const SHIPPED = path.resolve(__dirname, '../../../src/renderer/src/assets/ringtone.wav');

describe('the ringtone', () => {
  it('is the generator’s output byte for byte (run tools/ringtone/writeRingtone.ts after changing it)', () => {
    expect(Buffer.from(synthesizeRingtone()).equals(readFileSync(SHIPPED))).toBe(true);
  });

  it('is a 16-bit mono PCM WAV that rings, then is quiet, so looping sounds like a phone', () => {
    const bytes = readFileSync(SHIPPED);
    expect(bytes.toString('ascii', 0, 4)).toBe('RIFF');
    expect(bytes.toString('ascii', 8, 12)).toBe('WAVE');
    expect([bytes.readUInt16LE(20), bytes.readUInt16LE(22), bytes.readUInt32LE(24), bytes.readUInt16LE(34)]).toEqual([
      1,
      1,
      RINGTONE_SAMPLE_RATE,
      16,
    ]);
    const samples = new Int16Array(bytes.buffer.slice(bytes.byteOffset + 44, bytes.byteOffset + bytes.length));
    expect(samples.length).toBe(RINGTONE_SAMPLE_RATE * RINGTONE_SECONDS);
    const peak = (from: number, to: number) =>
      Math.max(...samples.slice(from * RINGTONE_SAMPLE_RATE, to * RINGTONE_SAMPLE_RATE).map(Math.abs));
    expect(peak(0.05, 0.35)).toBeGreaterThan(8_000);
    expect(peak(0.45, 0.55)).toBe(0);
    expect(peak(1.05, 3)).toBe(0);
  });
});
