/**
 * How a ringing call announces itself, as pure functions shared by the renderer (title, live region,
 * countdown, browser notification) and the shell (OS notification): one wording, tested once.
 */
import type { CallView } from './callSchemas';

/** Who is calling, as the agent should read it in a title bar or a notification. */
export function callerLabel(view: Pick<CallView, 'intake'>): string {
  if (view.intake.status === 'ok') return view.intake.package.caller.name.trim() || 'a caller who gave no name';
  return view.intake.status === 'missing' ? 'an unknown caller (no context)' : 'an unknown caller (damaged context)';
}

/** The window title while a call rings, so an agent in another window sees it in the taskbar. */
export function ringingTitle(caller: string): string {
  return `Ringing — ${caller}`;
}

export interface RingCountdown {
  /** Whole seconds left, never below zero. */
  seconds: number;
  /** "1:05", "0:09". */
  text: string;
  /** The last ten seconds. */
  urgent: boolean;
}

/** Time left before the ring gives up, or null when the telephony side did not say. */
export function ringCountdown(expiresAt: number | undefined, now: number): RingCountdown | null {
  if (expiresAt === undefined || !Number.isFinite(expiresAt)) return null;
  const seconds = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  const text = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  return { seconds, text, urgent: seconds <= 10 };
}

/** What an OS or browser notification says about the ringing call; the tag lets a second one replace the first. */
export interface RingAlert {
  callId: string;
  title: string;
  body: string;
  expiresAt?: number;
}

/** The notification for a ringing call, or null when the call is not ringing. */
export function ringAlertOf(view: CallView | null): RingAlert | null {
  if (!view || view.phase !== 'ringing') return null;
  const caller = callerLabel(view);
  return {
    callId: view.callId,
    title: `Incoming escalated call: ${caller}`,
    body: 'Click to accept. The handoff package is on the desk.',
    ...(view.ringExpiresAt !== undefined ? { expiresAt: view.ringExpiresAt } : {}),
  };
}

/** The live-region sentence a screen reader says once when the call starts ringing. */
export function ringingAnnouncement(view: CallView, keys: { accept: string; decline: string }): string {
  return `Incoming escalated call from ${callerLabel(view)}. Press ${keys.accept} to accept, ${keys.decline} to decline.`;
}
