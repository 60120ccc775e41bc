/**
 * Plays the ringtone on an <audio> element: on the agent's chosen output (setSinkId) at their volume,
 * looped until stopped. A refused output device falls back to the default one rather than ringing
 * nowhere; a refused play() (no user gesture yet) is reported, and the notification and title still ring.
 */
export type RingtoneState = 'stopped' | 'playing' | 'silent' | 'blocked';

type SinkAudio = HTMLAudioElement & { setSinkId?(deviceId: string): Promise<void> };

export interface RingtoneOptions {
  volume: number;
  outputDevice: string;
  /** Told when the chosen device could not be used (unplugged, not allowed). */
  onDeviceProblem?(message: string): void;
}

export async function startRingtone(element: HTMLAudioElement, options: RingtoneOptions): Promise<RingtoneState> {
  const audio = element as SinkAudio;
  if (options.volume <= 0) return 'silent';
  audio.volume = Math.min(1, options.volume);
  audio.loop = true;
  if (audio.setSinkId) {
    try {
      await audio.setSinkId(options.outputDevice);
    } catch (error) {
      options.onDeviceProblem?.(`The ringtone's speaker is not available (${(error as Error).message}); ringing on the default output.`);
      await audio.setSinkId('').catch(() => undefined);
    }
  }
  audio.currentTime = 0;
  try {
    await audio.play();
    return 'playing';
  } catch {
    return 'blocked';
  }
}

export function stopRingtone(element: HTMLAudioElement): void {
  element.pause();
  element.currentTime = 0;
}

/** The audio outputs the agent can choose for the ringtone; labels need a granted microphone, so they may be blank. */
export async function listAudioOutputs(): Promise<{ deviceId: string; label: string }[]> {
  if (!navigator.mediaDevices?.enumerateDevices) return [];
  const devices = await navigator.mediaDevices.enumerateDevices().catch(() => []);
  return devices
    .filter((device) => device.kind === 'audiooutput' && device.deviceId && device.deviceId !== 'default')
    .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `Speaker ${index + 1}` }));
}
