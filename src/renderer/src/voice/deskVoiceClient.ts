/**
 * The desk's VoiceClient and its audio tap, given the same-origin assets Vite emits (voiceAssets.ts). The
 * desk imports this module only in live mode (state/useDeskVoice.ts), so it is the Voice SDK's chunk;
 * React follows the client through voice/deskVoiceLink.ts.
 */
import { tapCallAudio, type CallAudioTapOptions } from './callAudioTap';
import { VoiceClient, type VoiceClientOptions } from './voiceClient';
import { pcmWorkletUrl, silentSoundUrl } from './voiceAssets';

export function createDeskVoiceClient(options: Omit<VoiceClientOptions, 'soundUrl'> = {}): VoiceClient {
  return new VoiceClient({ soundUrl: silentSoundUrl, ...options });
}

/** Starts transcribing-side audio for an accepted call; resolves to its stop function (it also stops at hang-up). */
export function tapDeskCallAudio(
  client: VoiceClient,
  callSid: string,
  options: Omit<CallAudioTapOptions, 'workletUrl'>,
): Promise<() => Promise<void>> {
  return tapCallAudio(client, callSid, { workletUrl: pcmWorkletUrl, ...options });
}
