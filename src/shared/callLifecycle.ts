/**
 * The call lifecycle: one state machine for the desk's one call at a time. Its states are "no call yet"
 * and the phases a call view carries; its events are what the agent, the far side or a restart do to a
 * call. The allowed transitions are one table; every other (state, event) pair is refused with a typed
 * code. The desk (session/currentCall.ts) moves a call only through `transition`, and the renderer and the
 * update policy read the predicates below instead of testing phases themselves.
 *
 * A finished call (ended, declined, missed) stays on the desk for its wrap-up, but it no longer holds the
 * line: `ring` is allowed from it as from `idle`, and from nowhere else. So a second call offered while one
 * rings or is active (a second TaskRouter reservation) is refused by the machine, whoever offers it.
 */
import type { CallPhase } from './callSchemas';

/** `idle`: the desk has had no call since it started. Otherwise the current call's phase. */
export type CallLifecycleState = 'idle' | CallPhase;
export const CALL_LIFECYCLE_STATES = [
  'idle',
  'ringing',
  'active',
  'ended',
  'declined',
  'missed',
] as const satisfies readonly CallLifecycleState[];

export const CALL_LIFECYCLE_EVENTS = [
  /** A call is offered (demo, file, replay, TaskRouter). */
  'ring',
  /** The agent picks up. */
  'accept',
  /** The agent sends a ringing call back. */
  'decline',
  /** The agent hangs up, or a hand-back the AI took ends the human's part. */
  'hang_up',
  /** The far side ended it: a ring not answered in time (or cancelled) is missed, a call in progress ended. */
  'remote_end',
  /** Found still ringing or active in the store at start: a crash or a kill cut it off. */
  'interrupted',
] as const;
export type CallLifecycleEvent = (typeof CALL_LIFECYCLE_EVENTS)[number];

/** Why an event was refused. */
export type CallLifecycleRefusal =
  /** `ring` while a call rings or is active: one call at a time. */
  | 'busy'
  /** `accept` or `decline` of a call that is not ringing. */
  | 'not_ringing'
  /** `hang_up` of a call that is not active. */
  | 'not_active'
  /** `remote_end` or `interrupted` of a call that is already over (or of no call). */
  | 'not_in_progress';

const FREE = { ring: 'ringing' } as const;

/** The allowed transitions: state → event → next state. A pair not listed is refused. */
export const CALL_TRANSITIONS: Readonly<Record<CallLifecycleState, Partial<Record<CallLifecycleEvent, CallPhase>>>> = {
  idle: FREE,
  ringing: { accept: 'active', decline: 'declined', remote_end: 'missed', interrupted: 'missed' },
  active: { hang_up: 'ended', remote_end: 'ended', interrupted: 'ended' },
  ended: FREE,
  declined: FREE,
  missed: FREE,
};

const REFUSAL: Record<CallLifecycleEvent, CallLifecycleRefusal> = {
  ring: 'busy',
  accept: 'not_ringing',
  decline: 'not_ringing',
  hang_up: 'not_active',
  remote_end: 'not_in_progress',
  interrupted: 'not_in_progress',
};

export type CallTransition =
  | { ok: true; from: CallLifecycleState; event: CallLifecycleEvent; to: CallPhase }
  | { ok: false; from: CallLifecycleState; event: CallLifecycleEvent; code: CallLifecycleRefusal };

export function transition(state: CallLifecycleState, event: CallLifecycleEvent): CallTransition {
  const to = CALL_TRANSITIONS[state][event];
  return to ? { ok: true, from: state, event, to } : { ok: false, from: state, event, code: REFUSAL[event] };
}

/** The phase an event needs, for the words of a refusal ("The call is ended, not active."). */
export function phaseRequiredFor(event: 'accept' | 'decline' | 'hang_up'): CallPhase {
  return event === 'hang_up' ? 'active' : 'ringing';
}

/** A call rings or is in progress: it holds the line, and another may not ring. */
export function isRingingOrActive(phase: CallLifecycleState | undefined): phase is 'ringing' | 'active' {
  return phase === 'ringing' || phase === 'active';
}

/** The call is over (ended, declined or missed). */
export function isFinished(phase: CallLifecycleState | undefined): phase is 'ended' | 'declined' | 'missed' {
  return phase === 'ended' || phase === 'declined' || phase === 'missed';
}

/** May a call ring now: the same answer as `transition(state, 'ring').ok`. */
export function mayRing(state: CallLifecycleState): boolean {
  return transition(state, 'ring').ok;
}
