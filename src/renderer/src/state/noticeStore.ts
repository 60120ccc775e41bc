/**
 * Notices the agent must see: failed requests, main-process notices. One small store outside React so
 * the IPC helper can report an error from anywhere without threading callbacks through components.
 */
import { useSyncExternalStore } from 'react';

export type NoticeLevel = 'info' | 'warning' | 'error';

export interface Notice {
  id: number;
  level: NoticeLevel;
  message: string;
  /** How many times the same message arrived in a row; shown instead of stacking duplicates. */
  count: number;
}

// Every notice expires: none of them asks the agent to do anything on it (a failed request is retried
// from where it was made), and one left up for the rest of the shift hides what matters. Errors stay
// longest, so an agent who looked away for a while still finds them.
const AUTO_DISMISS_MS: Record<NoticeLevel, number> = { info: 6_000, warning: 15_000, error: 45_000 };
const MAX_NOTICES = 5;

let notices: Notice[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit(): void {
  for (const listener of listeners) listener();
}

export function pushNotice(level: NoticeLevel, message: string): void {
  const last = notices.at(-1);
  if (last && last.level === level && last.message === message) {
    notices = [...notices.slice(0, -1), { ...last, count: last.count + 1 }];
    scheduleDismiss(last.id, level);
  } else {
    const notice: Notice = { id: nextId++, level, message, count: 1 };
    const dropped = notices.slice(0, Math.max(0, notices.length + 1 - MAX_NOTICES));
    dropped.forEach((old) => clearTimer(old.id));
    notices = [...notices.slice(dropped.length), notice];
    scheduleDismiss(notice.id, level);
  }
  emit();
}

export function dismissNotice(id: number): void {
  clearTimer(id);
  notices = notices.filter((notice) => notice.id !== id);
  emit();
}

function scheduleDismiss(id: number, level: NoticeLevel): void {
  clearTimer(id);
  timers.set(
    id,
    setTimeout(() => dismissNotice(id), AUTO_DISMISS_MS[level]),
  );
}

function clearTimer(id: number): void {
  const timer = timers.get(id);
  if (timer !== undefined) clearTimeout(timer);
  timers.delete(id);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The notices up now, outside React (the hook below is the same list). */
export function noticesNow(): Notice[] {
  return notices;
}

export function useNotices(): Notice[] {
  return useSyncExternalStore(subscribe, () => notices);
}
