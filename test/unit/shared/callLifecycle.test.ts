import { describe, expect, it } from 'vitest';
import {
  CALL_LIFECYCLE_EVENTS,
  CALL_LIFECYCLE_STATES,
  isFinished,
  isRingingOrActive,
  mayRing,
  transition,
  type CallLifecycleEvent,
  type CallLifecycleRefusal,
  type CallLifecycleState,
} from '../../../src/shared/callLifecycle';
import { CallPhaseSchema } from '../../../src/shared/callSchemas';

/** The whole table, written out by hand: every pair not listed here must be refused. */
const ALLOWED: Record<string, CallLifecycleState> = {
  'idle ring': 'ringing',
  'ended ring': 'ringing',
  'declined ring': 'ringing',
  'missed ring': 'ringing',
  'ringing accept': 'active',
  'ringing decline': 'declined',
  'ringing remote_end': 'missed',
  'ringing interrupted': 'missed',
  'active hang_up': 'ended',
  'active remote_end': 'ended',
  'active interrupted': 'ended',
};

const REFUSED_WITH: Record<CallLifecycleEvent, CallLifecycleRefusal> = {
  ring: 'busy',
  accept: 'not_ringing',
  decline: 'not_ringing',
  hang_up: 'not_active',
  remote_end: 'not_in_progress',
  interrupted: 'not_in_progress',
};

const PAIRS = CALL_LIFECYCLE_STATES.flatMap((state) => CALL_LIFECYCLE_EVENTS.map((event) => [state, event] as const));

describe('the call lifecycle state machine', () => {
  it('knows every phase a call view can carry, plus idle', () => {
    expect([...CALL_LIFECYCLE_STATES].sort()).toEqual(['idle', ...CallPhaseSchema.options].sort());
    expect(PAIRS).toHaveLength(CALL_LIFECYCLE_STATES.length * CALL_LIFECYCLE_EVENTS.length);
  });

  it.each(PAIRS)('%s + %s', (state, event) => {
    const result = transition(state, event);
    const expected = ALLOWED[`${state} ${event}`];
    if (expected) expect(result).toEqual({ ok: true, from: state, event, to: expected });
    else expect(result).toEqual({ ok: false, from: state, event, code: REFUSED_WITH[event] });
  });

  it('lets a call ring only when none rings or is active (the two-reservation defect cannot happen)', () => {
    for (const state of CALL_LIFECYCLE_STATES) {
      expect(mayRing(state), state).toBe(!isRingingOrActive(state));
      expect(transition(state, 'ring').ok, state).toBe(state === 'idle' || isFinished(state));
    }
  });

  it('predicates: ringing or active, finished, and neither for idle', () => {
    expect(CALL_LIFECYCLE_STATES.filter((state) => isRingingOrActive(state))).toEqual(['ringing', 'active']);
    expect(CALL_LIFECYCLE_STATES.filter((state) => isFinished(state))).toEqual(['ended', 'declined', 'missed']);
    expect(isRingingOrActive(undefined)).toBe(false);
    expect(isFinished(undefined)).toBe(false);
  });

  it('every finished state is reached from a call in progress, and nothing leads back to idle', () => {
    const reached = new Set(PAIRS.map(([state, event]) => transition(state, event)).flatMap((result) => (result.ok ? [result.to] : [])));
    expect([...reached].sort()).toEqual(['active', 'declined', 'ended', 'missed', 'ringing']);
  });
});
