import { describe, expect, it } from 'vitest';
import { decideVoiceCall, deskCallIdsOf, type DeskCallIds } from '../../../src/renderer/src/voice/voiceDecision';
import { emptyAssistState, type CallView } from '../../../src/shared/callSchemas';
import { intakePackage } from '../../../src/shared/handoffIntake';
import { demoHandoff } from '../../support/taskRouterFixture';

const TASK = 'WT0123456789abcdef0123456789abcdef';
const desk = (phase: DeskCallIds['phase'], ids: Partial<DeskCallIds> = { taskSid: TASK, handoffId: 'ho_1' }): DeskCallIds => ({
  callId: 'WR1',
  phase,
  ...ids,
});

describe('decideVoiceCall', () => {
  it('accepts a call whose ids match the answered call, and says which ids matched', () => {
    expect(decideVoiceCall({ taskSid: TASK, handoffId: 'ho_1' }, desk('active'), false)).toEqual({
      kind: 'accept',
      matchedOn: ['taskSid', 'handoffId'],
    });
    expect(decideVoiceCall({ handoffId: 'ho_1' }, desk('active'), false)).toEqual({ kind: 'accept', matchedOn: ['handoffId'] });
  });

  it('waits while the matching reservation rings, or before any reservation has arrived', () => {
    expect(decideVoiceCall({ taskSid: TASK }, desk('ringing'), false).kind).toBe('wait');
    expect(decideVoiceCall({ taskSid: TASK }, null, false).kind).toBe('wait');
  });

  it('rejects audio for another task than the call on the desk, naming both', () => {
    const decision = decideVoiceCall({ taskSid: 'WTother' }, desk('active'), false);
    expect(decision).toMatchObject({ kind: 'reject' });
    expect(decision.kind === 'reject' && decision.reason).toMatch(/WTother.*WT0123/);
    // One id agreeing does not excuse the other disagreeing.
    expect(decideVoiceCall({ taskSid: TASK, handoffId: 'ho_2' }, desk('ringing'), false).kind).toBe('reject');
  });

  it('rejects audio for a reservation that already ended, and waits when an ended call is someone else’s', () => {
    expect(decideVoiceCall({ taskSid: TASK }, desk('missed'), false)).toMatchObject({
      kind: 'reject',
      reason: expect.stringContaining('missed'),
    });
    expect(decideVoiceCall({ taskSid: 'WTnext' }, desk('ended'), false).kind).toBe('wait');
  });

  it('asks the agent when no id can be compared, and rejects a second call while one is on the line', () => {
    expect(decideVoiceCall({}, desk('active'), false).kind).toBe('ask');
    expect(decideVoiceCall({ taskSid: TASK }, desk('active', {}), false).kind).toBe('ask');
    expect(decideVoiceCall({ taskSid: TASK }, desk('active'), true).kind).toBe('reject');
  });
});

describe('deskCallIdsOf', () => {
  it('takes the routing ids, and the package handoff id when TaskRouter did not send one', () => {
    const handoff = demoHandoff();
    const view = {
      callId: 'WR1',
      source: 'telephony',
      phase: 'ringing',
      intake: intakePackage({ kind: 'object', value: handoff }),
      ringingAt: 1,
      timings: {},
      notes: '',
      turnCount: 0,
      assist: emptyAssistState('local'),
      routing: { taskSid: TASK, problems: [] },
    } as CallView;
    expect(deskCallIdsOf(view)).toEqual({ callId: 'WR1', phase: 'ringing', taskSid: TASK, handoffId: handoff.handoffId });
    expect(deskCallIdsOf(null)).toBeNull();
  });
});
