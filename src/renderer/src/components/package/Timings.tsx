import type { CallTimings } from '../../../../shared/callSchemas';
import { formatDuration } from '../../displayFormat';

/** Each phase with the seed's target, where it has one; a phase is listed only once both ends happened. */
const PHASES: { key: keyof CallTimings; label: string; targetMs?: number; alwaysMs?: boolean }[] = [
  { key: 'triggerToPackageMs', label: 'Trigger → package', targetMs: 500, alwaysMs: true },
  { key: 'packageToRingMs', label: 'Package → ring', alwaysMs: true },
  { key: 'packageToRenderMs', label: 'Package → on screen', alwaysMs: true },
  { key: 'ringToPickupMs', label: 'Ring → pickup', targetMs: 30_000 },
  { key: 'pickupToGreetingMs', label: 'Pickup → greeting', targetMs: 5_000 },
  { key: 'talkMs', label: 'Talk time' },
];

export function Timings({ timings, only }: { timings: CallTimings; only?: (keyof CallTimings)[] }) {
  const shown = PHASES.filter((phase) => timings[phase.key] !== undefined && (!only || only.includes(phase.key)));
  if (shown.length === 0) return null;
  return (
    <ul className="timings" data-testid="timings" aria-label="Handoff timings">
      {shown.map(({ key, label, targetMs, alwaysMs }) => {
        const ms = timings[key]!;
        const slow = targetMs !== undefined && ms > targetMs;
        return (
          <li key={key} className={slow ? 'timing timing-slow' : 'timing'} data-timing={key}>
            {label}: <strong>{alwaysMs ? `${Math.round(ms)} ms` : formatDuration(ms)}</strong>
            {slow && <span className="timing-note"> (over {formatDuration(targetMs)} target)</span>}
          </li>
        );
      })}
    </ul>
  );
}
