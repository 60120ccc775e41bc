import { describe, expect, it } from 'vitest';
import { emptyAssistState, type CallView } from '../../../src/shared/callSchemas';
import { mergeCallView } from '../../../src/renderer/src/state/callMerge';

function view(patch: Partial<CallView>): CallView {
  return {
    callId: 'call-1',
    source: 'telephony',
    phase: 'active',
    intake: { status: 'missing', problems: [] },
    ringingAt: 1,
    timings: {},
    notes: '',
    turnCount: 0,
    assist: emptyAssistState('local'),
    ...patch,
  } as CallView;
}

describe('mergeCallView', () => {
  it('keeps the newer revision when an older reply arrives after a newer event', () => {
    const newer = view({ revision: 5, transcription: [{ state: 'failed', message: 'No OpenAI API key' }] });
    const older = view({ revision: 3, transcription: [{ state: 'connecting', message: 'Connecting' }] });
    expect(mergeCallView(newer, older)).toBe(newer);
    expect(mergeCallView(older, newer)).toEqual(newer);
  });

  it('never moves a call back to an earlier phase, and takes another call as it is', () => {
    const ended = view({ phase: 'ended', revision: 2 });
    expect(mergeCallView(ended, view({ phase: 'active', revision: 9 }))).toBe(ended);
    const next = view({ callId: 'call-2', phase: 'ringing' });
    expect(mergeCallView(ended, next)).toBe(next);
  });

  it('keeps the previous object for every part that did not change (structural sharing)', () => {
    const current = view({ revision: 1, notes: 'hello', timings: { triggerToPackageMs: 300 } });
    const incoming = JSON.parse(JSON.stringify({ ...current, revision: 2, notes: 'hello there' })) as CallView;
    const merged = mergeCallView(current, incoming)!;
    expect(merged).not.toBe(current);
    expect(merged.notes).toBe('hello there');
    expect(merged.assist).toBe(current.assist);
    expect(merged.timings).toBe(current.timings);
    expect(merged.intake).toBe(current.intake);
    // A view equal in every part is the previous object itself.
    expect(mergeCallView(current, JSON.parse(JSON.stringify(current)) as CallView)).toBe(current);
  });
});
