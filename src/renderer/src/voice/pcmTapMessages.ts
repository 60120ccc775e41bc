/** What audioTap.ts and its worklet (pcmWorklet.ts) say to each other; imported by both sides. */

export const PCM_TAP_PROCESSOR = 'whisper-desk-pcm16-tap';

export interface PcmTapProcessorOptions {
  /** Output samples (24 kHz) per chunk; 2400 is 100 ms. */
  chunkSamples: number;
}

export type PcmTapToWorklet = { type: 'stop' };
export type PcmTapFromWorklet = { type: 'chunk'; bytes: Uint8Array } | { type: 'stopped' };
