/** The agent's own settings; any that IT pinned through managed settings are shown but cannot be edited. */
import { useEffect, useRef, useState, type FormEvent, type ReactElement } from 'react';
import type { DeskSnapshot } from '../../../shared/ipc/deskContract';
import { SettingsPatchSchema, type Settings, type SettingsPatch } from '../../../shared/settings';
import { useRestoreFocus } from '../deskFocus';
import { RingtoneSettings } from './RingtoneSettings';
import { useDeskClient } from '../state/deskClient';

interface SettingsDialogProps {
  snapshot: DeskSnapshot;
  onSaved(settings: Settings): void;
  onClose(): void;
}

export function SettingsDialog({ snapshot, onSaved, onClose }: SettingsDialogProps) {
  const client = useDeskClient();
  const dialog = useRef<HTMLDialogElement>(null);
  const { settings, lockedSettings } = snapshot;
  const [agentName, setAgentName] = useState(settings.agentName);
  const [demoSpeed, setDemoSpeed] = useState(String(settings.demoSpeed));
  const [autoRing, setAutoRing] = useState(String(settings.demoAutoRingSeconds));
  const [ringtoneVolume, setRingtoneVolume] = useState(settings.ringtoneVolume);
  const [ringtoneOutputDevice, setRingtoneOutputDevice] = useState(settings.ringtoneOutputDevice);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const locked = (key: keyof Settings) => lockedSettings.includes(key);
  useRestoreFocus();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const patch: SettingsPatch = {};
    if (!locked('agentName') && agentName.trim() !== settings.agentName) patch.agentName = agentName.trim();
    if (!locked('demoSpeed') && Number(demoSpeed) !== settings.demoSpeed) patch.demoSpeed = Number(demoSpeed);
    if (!locked('demoAutoRingSeconds') && Number(autoRing) !== settings.demoAutoRingSeconds) patch.demoAutoRingSeconds = Number(autoRing);
    if (!locked('ringtoneVolume') && ringtoneVolume !== settings.ringtoneVolume) patch.ringtoneVolume = ringtoneVolume;
    if (!locked('ringtoneOutputDevice') && ringtoneOutputDevice !== settings.ringtoneOutputDevice)
      patch.ringtoneOutputDevice = ringtoneOutputDevice;
    if (Object.keys(patch).length === 0) return onClose();
    const parsed = SettingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(`${issue?.path.join('.') || 'settings'}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    setSaving(true);
    const result = await client.call('updateSettings', parsed.data, { quiet: true });
    setSaving(false);
    if (!result.ok) return setError(result.error.message);
    onSaved(result.value);
    onClose();
  };

  return (
    <dialog ref={dialog} className="settings-dialog" aria-labelledby="settings-heading" onCancel={onClose} data-testid="settings-dialog">
      <form onSubmit={(event) => void save(event)}>
        <h2 id="settings-heading">Settings</h2>
        <Field label="Your name (said in the first sentence)" locked={locked('agentName')}>
          <input
            id="setting-agentName"
            value={agentName}
            maxLength={60}
            readOnly={locked('agentName')}
            onChange={(e) => setAgentName(e.target.value)}
            autoFocus
          />
        </Field>
        {snapshot.mode === 'demo' && (
          <>
            <Field label="Demo speed (× real time)" locked={locked('demoSpeed')}>
              <input
                id="setting-demoSpeed"
                type="number"
                min={0.25}
                max={1000}
                step="any"
                value={demoSpeed}
                readOnly={locked('demoSpeed')}
                onChange={(e) => setDemoSpeed(e.target.value)}
              />
            </Field>
            <Field label="Ring the next demo call after (seconds, 0 = never)" locked={locked('demoAutoRingSeconds')}>
              <input
                id="setting-demoAutoRingSeconds"
                type="number"
                min={0}
                max={3600}
                step={1}
                value={autoRing}
                readOnly={locked('demoAutoRingSeconds')}
                onChange={(e) => setAutoRing(e.target.value)}
              />
            </Field>
          </>
        )}
        <RingtoneSettings
          volume={ringtoneVolume}
          outputDevice={ringtoneOutputDevice}
          lockedVolume={locked('ringtoneVolume')}
          lockedDevice={locked('ringtoneOutputDevice')}
          onVolume={setRingtoneVolume}
          onOutputDevice={setRingtoneOutputDevice}
          lockedBadge={<span className="badge badge-neutral locked-badge">Set by your IT administrator</span>}
        />
        {error && (
          <p className="note note-error" role="alert">
            Not saved: {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="btn btn-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}

function Field({ label, locked, children }: { label: string; locked: boolean; children: ReactElement<{ id: string }> }) {
  return (
    <div className="field">
      <label htmlFor={children.props.id}>
        {label}
        {locked && <span className="badge badge-neutral locked-badge">Set by your IT administrator</span>}
      </label>
      {children}
    </div>
  );
}
