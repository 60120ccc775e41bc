/**
 * The confirmation check reads the assistant's advice by its typed code, never by its words: an advice
 * refused for a sensitive matter or an exception holds for any task the agent picks, whatever its reason
 * says, and an advice whose words merely mention "sensitive" or "exception" carries nothing over.
 */
import { describe, expect, it } from 'vitest';
import { emptyAssistState, type HandBackAdvice } from '../../../../src/shared/callSchemas';
import type { HandBackCode } from '../../../../src/shared/handBackPolicy';
import { decideConfirmation } from '../../../../src/main/core/session/handBackFlow';
import { demoLoaded } from '../../../support/demoPack';
import { sampleCallView } from '../../../support/sampleCallView';

const ROUTINE_NO_VERIFICATION = 'send_password_reset_link';

function activeCall(advice: HandBackAdvice | null) {
  return sampleCallView('CA_judge', {
    phase: 'active',
    verification: { by: 'agent', method: 'email', at: 1 },
    assist: { ...emptyAssistState(), handBack: advice },
  });
}

function advice(code: HandBackCode, reason: string, extra: Partial<HandBackAdvice> = {}): HandBackAdvice {
  return { task: 'remaining_task', allowed: code === 'allowed', code, blockers: [], reason, requestedInTurn: 3, ...extra };
}

describe('hand-back confirmation reads the advice by its code', () => {
  it('with no advice, a routine task on the list is allowed', () => {
    expect(decideConfirmation(activeCall(null), demoLoaded, ['*'], ROUTINE_NO_VERIFICATION)).toMatchObject({
      allowed: true,
      code: 'allowed',
    });
  });

  it.each([
    ['sensitive_topic', 'Keep it with a person.', { topic: 'bereavement' }],
    ['exception', 'A person must decide it.', {}],
  ] as const)('a %s advice refuses any task, even when its words name neither', (code, reason, extra) => {
    const decision = decideConfirmation(activeCall(advice(code, reason, extra)), demoLoaded, ['*'], ROUTINE_NO_VERIFICATION);
    expect(decision).toMatchObject({ allowed: false, code, reason });
  });

  it.each(['not_routine', 'not_on_allow_list', 'caller_not_verified', 'steering_attempt'] as const)(
    'a %s advice that says "sensitive exception" in words does not hold another task back',
    (code) => {
      const decision = decideConfirmation(
        activeCall(advice(code, 'A sensitive exception, in words only.')),
        demoLoaded,
        ['*'],
        ROUTINE_NO_VERIFICATION,
      );
      expect(decision).toMatchObject({ allowed: true, code: 'allowed' });
      expect(decision.reason).not.toMatch(/in words only/);
    },
  );
});
