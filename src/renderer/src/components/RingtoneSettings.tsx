/**
 * The ringtone's speaker and volume in the settings dialog: the outputs come from enumerateDevices,
 * and "Test" plays one ring on the chosen speaker at the chosen volume.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import ringtoneUrl from '../assets/ringtone.wav';
import { listAudioOutputs, startRingtone, stopRingtone } from '../state/ringtonePlayer';

interface RingtoneSettingsProps {
  volume: number;
  outputDevice: string;
  lockedVolume: boolean;
  lockedDevice: boolean;
  onVolume(volume: number): void;
  onOutputDevice(deviceId: string): void;
  /** The IT badge for a locked field. */
  lockedBadge: ReactNode;
}

const ONE_RING_MS = 1_100;

export function RingtoneSettings({
  volume,
  outputDevice,
  lockedVolume,
  lockedDevice,
  onVolume,
  onOutputDevice,
  lockedBadge,
}: RingtoneSettingsProps) {
  const [outputs, setOutputs] = useState<{ deviceId: string; label: string }[]>([]);
  const [testing, setTesting] = useState(false);
  const test = useRef<HTMLAudioElement>(null);
  useEffect(() => {
    let cancelled = false;
    void listAudioOutputs().then((list) => !cancelled && setOutputs(list));
    return () => {
      cancelled = true;
    };
  }, []);
  const known = outputDevice === '' || outputs.some((output) => output.deviceId === outputDevice);

  const playTest = async () => {
    const element = test.current;
    if (!element || testing) return;
    setTesting(true);
    await startRingtone(element, { volume, outputDevice });
    setTimeout(() => {
      stopRingtone(element);
      setTesting(false);
    }, ONE_RING_MS);
  };

  return (
    <fieldset className="ringtone-settings" data-testid="ringtone-settings">
      <legend>Ringtone</legend>
      <div className="field">
        <label htmlFor="setting-ringtoneOutputDevice">Ring on {lockedDevice && lockedBadge}</label>
        <select
          id="setting-ringtoneOutputDevice"
          value={outputDevice}
          disabled={lockedDevice}
          onChange={(event) => onOutputDevice(event.target.value)}
        >
          <option value="">The system’s default output</option>
          {outputs.map((output) => (
            <option key={output.deviceId} value={output.deviceId}>
              {output.label}
            </option>
          ))}
          {!known && <option value={outputDevice}>A speaker that is not connected now</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor="setting-ringtoneVolume">
          Volume: {Math.round(volume * 100)}% {volume === 0 && '(silent; the notification still shows)'} {lockedVolume && lockedBadge}
        </label>
        <input
          id="setting-ringtoneVolume"
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={volume}
          disabled={lockedVolume}
          onChange={(event) => onVolume(Number(event.target.value))}
        />
      </div>
      <button type="button" className="btn" onClick={() => void playTest()} aria-disabled={testing} data-testid="ringtone-test">
        {testing ? 'Ringing…' : 'Test the ringtone'}
      </button>
      <audio ref={test} src={ringtoneUrl} preload="none" />
    </fieldset>
  );
}
