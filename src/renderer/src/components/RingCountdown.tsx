/**
 * How long the call will keep ringing before it goes back to the queue, when the telephony side said
 * (a TaskRouter reservation's timeout, the demo's ring timeout). A timer role: read on demand, not
 * announced every second.
 */
import { useEffect, useState } from 'react';
import { ringCountdown } from '../../../shared/ringAnnouncement';

export function RingCountdown({ expiresAt }: { expiresAt: number | undefined }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (expiresAt === undefined) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [expiresAt]);
  const countdown = ringCountdown(expiresAt, now);
  if (!countdown) return null;
  return (
    <p
      className={countdown.urgent ? 'ring-countdown ring-countdown-urgent' : 'ring-countdown'}
      role="timer"
      aria-label={`Rings for ${countdown.seconds} more seconds`}
      data-testid="ring-countdown"
      data-seconds={countdown.seconds}
    >
      Back to the queue in <strong>{countdown.text}</strong>
    </p>
  );
}
