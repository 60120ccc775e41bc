/** A clock that moves only when told to: replays run a whole call in milliseconds, tests control time exactly. */
import type { Clock } from './ports';

interface Timer {
  at: number;
  order: number;
  callback: () => void;
  cancelled: boolean;
}

export class ManualClock implements Clock {
  private timers: Timer[] = [];
  private order = 0;

  constructor(private current = 0) {}

  now(): number {
    return this.current;
  }

  setTimeout(callback: () => void, ms: number): { cancel(): void } {
    const timer: Timer = { at: this.current + Math.max(0, ms), order: this.order++, callback, cancelled: false };
    this.timers.push(timer);
    return { cancel: () => (timer.cancelled = true) };
  }

  /** Fires every timer due up to `time`, in time order, moving the clock to each one as it fires. */
  advanceTo(time: number): void {
    for (;;) {
      const due = this.timers.filter((timer) => !timer.cancelled && timer.at <= time).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.timers = this.timers.filter((timer) => timer !== due);
      this.current = Math.max(this.current, due.at);
      due.callback();
    }
    this.current = Math.max(this.current, time);
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.current + ms);
  }

  /** The time of the next pending timer, if any. */
  nextTimerAt(): number | undefined {
    const pending = this.timers.filter((timer) => !timer.cancelled).map((timer) => timer.at);
    return pending.length ? Math.min(...pending) : undefined;
  }
}
