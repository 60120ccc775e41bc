/**
 * How long the call will keep ringing before it goes back to the queue, when the telephony side said
 * (a TaskRouter reservation's timeout, the demo's ring timeout). A timer role: read on demand, not
 * announced every second.
 */
import { useEffect, useState } from 'react';
import { ringCountdown } from '../../../shared/ringAnnouncement';

export function RingCountdown({ expiresAt }: { expiresAt: number | undefined }) {
  const [now, setNow] = useState(() => Date.now());
  // One render per displayed second, timed to the second's edge: the card may hold 100 KB of text,
  // and nothing else on it should be laid out again more often than that.
  useEffect(() => {
    if (expiresAt === undefined) return;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      const current = Date.now();
      setNow(current);
      const untilNextSecond = (((expiresAt - current) % 1000) + 1000) % 1000 || 1000;
      timer = setTimeout(tick, untilNextSecond + 5);
    };
    timer = setTimeout(tick, 0);
    return () => clearTimeout(timer);
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
