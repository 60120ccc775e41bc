/**
 * The desk's ringtone, synthesised rather than downloaded so its origin and licence are plain: a
 * double ring (two 0.4 s bursts of 440 Hz + 480 Hz, the North American ringback pair, 0.2 s apart)
 * then 2 s of quiet, 3 s in all, so `loop` repeats it like a phone. 8 kHz, 16-bit mono PCM WAV.
 */
export const RINGTONE_SAMPLE_RATE = 8_000;
export const RINGTONE_SECONDS = 3;

const BURSTS: readonly [start: number, end: number][] = [
  [0, 0.4],
  [0.6, 1.0],
];
const FADE_SECONDS = 0.015;
const PEAK = 0.45;

function level(t: number): number {
  for (const [start, end] of BURSTS) {
    if (t >= start && t < end) return Math.min(1, (t - start) / FADE_SECONDS, (end - t) / FADE_SECONDS);
  }
  return 0;
}

/** The WAV file's bytes; the same every time (no randomness), so the shipped file can be checked. */
export function synthesizeRingtone(): Uint8Array {
  const samples = RINGTONE_SAMPLE_RATE * RINGTONE_SECONDS;
  const bytes = new Uint8Array(44 + samples * 2);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => [...text].forEach((char, i) => view.setUint8(offset + i, char.charCodeAt(0)));
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples * 2, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, RINGTONE_SAMPLE_RATE, true);
  view.setUint32(28, RINGTONE_SAMPLE_RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  ascii(36, 'data');
  view.setUint32(40, samples * 2, true);
  for (let i = 0; i < samples; i += 1) {
    const t = i / RINGTONE_SAMPLE_RATE;
    const tone = (Math.sin(2 * Math.PI * 440 * t) + Math.sin(2 * Math.PI * 480 * t)) / 2;
    view.setInt16(44 + i * 2, Math.round(tone * level(t) * PEAK * 32_767), true);
  }
  return bytes;
}
