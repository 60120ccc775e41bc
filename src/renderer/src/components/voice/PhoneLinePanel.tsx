/**
 * The phone line of the call on screen (live mode): warm or cold handoff, the AI's introduction while the
 * customer is not bridged yet, mute and hold, a keypad for IVR digits, microphone and speaker choice, and
 * the call-quality warnings the Voice SDK raises, in words.
 */
import { useRef, useState, type FormEvent } from 'react';
import { ariaShortcuts, useKeyBindings } from '../../keyBindings';
import type { DeskVoice } from '../../state/useDeskVoice';
import { pushNotice } from '../../state/noticeStore';
import type { VoiceCallRecord } from '../../voice/voiceCall';
import { KeyHint } from '../KeyHint';

/** The Voice SDK's warning names (call.on('warning')), as the agent needs to read them. */
const QUALITY_WARNINGS: Record<string, string> = {
  'high-rtt': 'High delay on the line',
  'high-jitter': 'Choppy audio (jitter)',
  'high-packet-loss': 'Audio is breaking up (packet loss)',
  'high-packets-lost-fraction': 'Audio is breaking up (packet loss)',
  'low-mos': 'Poor call quality',
  'low-bytes-received': 'No audio from the customer',
  'low-bytes-sent': 'Your audio is not going out',
  'ice-connectivity-lost': 'Connection to the call lost',
  'constant-audio-input-level': 'Your microphone seems silent or stuck',
  'constant-audio-output-level': 'No sound from the customer',
};

const DIGITS = /^[0-9*#w]{1,32}$/;

export function PhoneLinePanel({ voice, line }: { voice: DeskVoice; line: VoiceCallRecord }) {
  const client = voice.link.voice;
  const keypad = useRef<HTMLInputElement>(null);
  const [digits, setDigits] = useState('');
  const [digitsError, setDigitsError] = useState<string | null>(null);
  const onLine = line.phase === 'open' || line.phase === 'intro' || line.phase === 'reconnecting' || line.phase === 'connecting';
  const act = (action: () => void | Promise<void>) => {
    try {
      const result = action();
      if (result) result.catch((error: Error) => pushNotice('error', error.message));
    } catch (error) {
      pushNotice('error', (error as Error).message);
    }
  };
  const toggleMute = () => act(() => client.mute(line.callSid, !line.muted));
  const toggleHold = () => act(() => client.hold(line.callSid, !line.held));
  useKeyBindings({
    muteLine: onLine ? toggleMute : undefined,
    holdLine: onLine ? toggleHold : undefined,
    focusKeypad: onLine ? () => keypad.current?.focus() : undefined,
  });

  const sendDigits = (event: FormEvent) => {
    event.preventDefault();
    const cleaned = digits.replace(/[\s-]/g, '');
    if (!DIGITS.test(cleaned)) {
      setDigitsError('Digits 0-9, * and # only (w pauses half a second).');
      return;
    }
    setDigitsError(null);
    act(() => client.sendDigits(line.callSid, cleaned));
    setDigits('');
  };

  const devices = client.devices();
  const activeWarnings = [...new Set(line.warnings.filter((warning) => warning.clearedAt === undefined).map((warning) => warning.name))];

  return (
    <section className="phone-line" aria-label="Phone line" data-testid="phone-line" data-phase={line.phase} data-mode={line.handoff.mode}>
      <div className="phone-line-row">
        <span className={line.handoff.mode === 'warm' ? 'badge badge-demo' : 'badge badge-neutral'} data-testid="handoff-mode">
          {line.handoff.mode === 'warm' ? 'Warm handoff' : 'Cold handoff'}
        </span>
        <span className="phone-line-phase" data-testid="phone-line-phase">
          {PHASE_WORDS[line.phase]}
        </span>
        {onLine && (
          <>
            <LineToggle action="muteLine" testId="mute" pressed={line.muted} labels={['Mute', 'Muted']} onClick={toggleMute} />
            <LineToggle
              action="holdLine"
              testId="hold"
              pressed={line.held}
              labels={['Hold', 'On hold']}
              title="The customer hears silence while on hold"
              onClick={toggleHold}
            />
            <form className="keypad" onSubmit={sendDigits}>
              <label>
                <span className="visually-hidden">Keypad digits</span>
                <input
                  ref={keypad}
                  data-testid="keypad"
                  value={digits}
                  inputMode="tel"
                  autoComplete="off"
                  placeholder="Keypad"
                  aria-invalid={digitsError !== null}
                  aria-keyshortcuts={ariaShortcuts('focusKeypad')}
                  onChange={(event) => setDigits(event.target.value)}
                />
              </label>
              <button type="submit" className="btn btn-small" data-testid="keypad-send" disabled={!digits}>
                Send
              </button>
            </form>
            <DeviceSelect
              label="Microphone"
              testId="input-device"
              devices={devices.inputs}
              current={devices.inputId}
              onChange={(deviceId) => client.setInputDevice(deviceId)}
            />
            {devices.outputSelectable && (
              <DeviceSelect
                label="Speaker"
                testId="output-device"
                devices={devices.outputs}
                current={devices.outputId}
                onChange={(deviceId) => client.setOutputDevice(deviceId)}
              />
            )}
          </>
        )}
      </div>
      {digitsError && (
        <p className="field-error" role="alert" data-testid="keypad-error">
          {digitsError}
        </p>
      )}
      {line.phase === 'intro' && (
        <div className="warm-intro" role="status" data-testid="warm-intro">
          <p>
            <strong>The AI is introducing this call.</strong> The customer is not on the line yet; they join when the introduction ends.
          </p>
          {line.handoff.introText && <blockquote className="warm-intro-text">{line.handoff.introText}</blockquote>}
          <button type="button" className="btn" data-testid="customer-is-on" onClick={() => act(() => client.markBridged(line.callSid))}>
            The customer is on
          </button>
        </div>
      )}
      {line.phase !== 'intro' && line.handoff.mode === 'warm' && line.handoff.introText && (
        <details className="warm-intro-after">
          <summary>The AI&apos;s introduction</summary>
          <blockquote className="warm-intro-text">{line.handoff.introText}</blockquote>
        </details>
      )}
      {activeWarnings.length > 0 && (
        <ul className="quality-warnings" role="status" data-testid="quality-warnings">
          {activeWarnings.map((name) => (
            <li key={name} data-warning={name}>
              {QUALITY_WARNINGS[name] ?? name}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function LineToggle(props: {
  action: 'muteLine' | 'holdLine';
  testId: string;
  pressed: boolean;
  /** Off, on. */
  labels: [string, string];
  title?: string;
  onClick(): void;
}) {
  return (
    <button
      type="button"
      className={props.pressed ? 'btn btn-pressed' : 'btn'}
      aria-pressed={props.pressed}
      data-testid={props.testId}
      aria-keyshortcuts={ariaShortcuts(props.action)}
      title={props.title}
      onClick={props.onClick}
    >
      {props.labels[props.pressed ? 1 : 0]} <KeyHint action={props.action} />
    </button>
  );
}

const PHASE_WORDS: Record<VoiceCallRecord['phase'], string> = {
  ringing: 'Ringing…',
  connecting: 'Connecting the audio…',
  intro: 'AI introduction — customer not bridged',
  open: 'Customer on the line',
  reconnecting: 'Reconnecting — audio may drop',
  ended: 'Line closed',
};

/** A device list that shows the one in use; a refused switch is said, and the selection stays truthful. */
function DeviceSelect({
  label,
  testId,
  devices,
  current,
  onChange,
}: {
  label: string;
  testId: string;
  devices: MediaDeviceInfo[];
  current?: string;
  onChange(deviceId: string): Promise<void>;
}) {
  const [chosen, setChosen] = useState(current ?? '');
  if (devices.length === 0) return null;
  const choose = (deviceId: string) => {
    const before = chosen;
    setChosen(deviceId);
    onChange(deviceId).catch((error: Error) => {
      setChosen(before);
      pushNotice('error', `Could not switch the ${label.toLowerCase()}: ${error.message}`);
    });
  };
  return (
    <label className="device-select">
      <span className="visually-hidden">{label}</span>
      <select data-testid={testId} value={chosen} onChange={(event) => event.target.value && choose(event.target.value)} title={label}>
        <option value="" disabled>
          {label}: system default
        </option>
        {devices.map((device, index) => (
          <option key={device.deviceId || index} value={device.deviceId}>
            {device.label || `${label} ${index + 1}`}
          </option>
        ))}
      </select>
    </label>
  );
}
