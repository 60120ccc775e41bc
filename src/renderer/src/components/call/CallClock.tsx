import { useEffect, useState } from 'react';
import { formatCallClock } from '../../displayFormat';

/** Time on the call since pickup, ticking once a second; frozen at the end time once the call ended. */
export function CallClock({ since, until }: { since: number; until?: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until !== undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [until]);
  return <time className="call-clock">{formatCallClock(until ?? now, since)}</time>;
}
