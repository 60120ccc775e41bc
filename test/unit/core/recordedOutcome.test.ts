import { describe, expect, it } from 'vitest';
import { emptyAssistState, type CallView } from '../../../src/shared/callSchemas';
import { recordedOutcome } from '../../../src/main/core/session/postCallRecordBuilder';

function view(patch: Partial<CallView>): CallView {
  return {
    callId: 'c',
    source: 'demo',
    phase: 'ended',
    intake: { status: 'missing' },
    ringingAt: 0,
    endedAt: 1,
    timings: {},
    notes: '',
    turnCount: 0,
    assist: emptyAssistState(),
    ...patch,
  } as CallView;
}

const draft = { summary: 'draft', disposition: 'resolved' as const };

describe('what the record says a call came to', () => {
  it.each([
    ['an ended call with only the draft', view({ wrapUp: draft }), 'not_wrapped_up'],
    ['an ended call with no wrap-up at all', view({}), 'not_wrapped_up'],
    ['a saved wrap-up', view({ wrapUp: { ...draft, disposition: 'follow_up', savedAt: 5 } }), 'follow_up'],
    ['a declined call', view({ phase: 'declined', wrapUp: { ...draft, disposition: 'declined' } }), 'declined'],
    ['a missed call', view({ phase: 'missed' }), 'missed'],
    [
      'a completed hand-back, unsaved',
      view({ wrapUp: draft, handBack: { task: 't', state: 'completed', detail: '', at: 1 } }),
      'handed_back',
    ],
    [
      'a refused hand-back, unsaved',
      view({ wrapUp: draft, handBack: { task: 't', state: 'refused', detail: '', at: 1 } }),
      'not_wrapped_up',
    ],
    [
      'a saved wrap-up wins over a hand-back',
      view({ wrapUp: { ...draft, disposition: 'unresolved', savedAt: 5 }, handBack: { task: 't', state: 'completed', detail: '', at: 1 } }),
      'unresolved',
    ],
  ] as const)('%s → %s', (_case, call, outcome) => {
    expect(recordedOutcome(call)).toBe(outcome);
  });
});
