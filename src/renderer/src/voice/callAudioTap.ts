/**
 * Ties the audio tap to one Voice call: the call's local stream is the agent, its remote stream the
 * customer; the tap follows stream changes (a new input device) and stops when the call ends. During a
 * warm handoff's spoken intro the remote side is the AI, not the customer, so its audio is not passed on
 * (the AI's side of the escalation is already in the package).
 */
import type { Speaker } from '../../../shared/callScenario';
import { startAudioTap, type AudioTap } from './audioTap';
import type { VoiceClient } from './voiceClient';

export interface CallAudioTapOptions {
  workletUrl: string | URL;
  chunkMs?: number;
  onChunk(speaker: Speaker, chunk: Uint8Array): void;
  onError?(error: Error): void;
}

export async function tapCallAudio(client: VoiceClient, callSid: string, options: CallAudioTapOptions): Promise<() => Promise<void>> {
  let inIntro = client.calls().find((call) => call.callSid === callSid)?.phase === 'intro';
  const tap: AudioTap = await startAudioTap({
    workletUrl: options.workletUrl,
    chunkMs: options.chunkMs,
    onChunk: (side, chunk) => {
      if (side === 'remote' && inIntro) return;
      options.onChunk(side === 'local' ? 'agent' : 'customer', chunk);
    },
    onError: (_side, error) => options.onError?.(error),
  });
  const initial = client.streams(callSid);
  tap.setStream('local', initial.local);
  tap.setStream('remote', initial.remote);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    offStreams();
    offCall();
    await tap.stop();
  };
  const offStreams = client.on('streams', (event) => {
    if (event.callSid !== callSid) return;
    tap.setStream('local', event.local);
    tap.setStream('remote', event.remote);
  });
  const offCall = client.on('call', (record) => {
    if (record.callSid !== callSid) return;
    inIntro = record.phase === 'intro';
    if (record.phase === 'ended') void stop();
  });
  return stop;
}
