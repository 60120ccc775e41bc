/**
 * Live mode's line to TaskRouter in the top bar: connected or why not (never a silent drop), and the
 * agent's availability (Available / Busy / Offline), which TaskRouter routes by.
 */
import { useState } from 'react';
import type { TelephonyStatusView } from '../../../shared/ipc/deskContract';
import { useDeskClient } from '../state/deskClient';

const AVAILABILITIES = ['Available', 'Busy', 'Offline'] as const;

export function TelephonyControl({ status, onStatus }: { status: TelephonyStatusView; onStatus(status: TelephonyStatusView): void }) {
  const client = useDeskClient();
  const [changing, setChanging] = useState(false);

  const change = async (availability: (typeof AVAILABILITIES)[number]) => {
    setChanging(true);
    const result = await client.call('setAvailability', { availability });
    setChanging(false);
    if (result.ok) onStatus(result.value);
  };

  return (
    <span className="telephony-control" data-testid="telephony-status" data-connected={status.connected}>
      <span className={status.connected ? 'badge badge-ok' : 'badge badge-failed'} title={status.error}>
        {status.connected ? 'TaskRouter connected' : `TaskRouter: ${status.error ?? 'not connected'}`}
      </span>
      <label className="availability">
        <span className="visually-hidden">Availability</span>
        <select
          data-testid="availability"
          value={status.availability ?? ''}
          disabled={!status.connected || changing}
          onChange={(event) => void change(event.target.value as (typeof AVAILABILITIES)[number])}
        >
          {!status.availability && <option value="">Availability…</option>}
          {AVAILABILITIES.map((availability) => (
            <option key={availability} value={availability}>
              {availability}
            </option>
          ))}
        </select>
      </label>
    </span>
  );
}
