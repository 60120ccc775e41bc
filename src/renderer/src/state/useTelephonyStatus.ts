/**
 * Live mode's line to TaskRouter as the renderer knows it: the snapshot's status, then every
 * telephonyStatus event and every availability change's answer. One owner, so the top bar and the idle
 * desk never disagree about whether calls can arrive.
 */
import { useEffect, useState } from 'react';
import type { TelephonyStatusView } from '../../../shared/ipc/deskContract';
import type { DeskClient } from './deskClient';

export function useTelephonyStatus(
  client: DeskClient,
  initial: TelephonyStatusView,
): [TelephonyStatusView, (status: TelephonyStatusView) => void] {
  const [status, setStatus] = useState(initial);
  useEffect(() => client.on('telephonyStatus', setStatus), [client]);
  return [status, setStatus];
}
