/** A small ended call view for store tests. */
import { emptyAssistState, type CallView } from '../../src/shared/callSchemas';

export function sampleCallView(callId: string, overrides: Partial<CallView> = {}): CallView {
  return {
    callId,
    source: 'demo',
    title: 'Return jeans',
    phase: 'ended',
    intake: {
      status: 'ok',
      warnings: [],
      package: {
        handoffId: 'ho_1',
        callSid: 'CA1',
        triggeredAtMs: 0,
        packagedAtMs: 300,
        caller: { name: 'Philippa Okonkwo-Lindgren', phone: '+15415550199', verified: true, verification: 'email' },
        intent: { label: 'return_size', confidence: 0.8 },
        summary: 'Wants to return jeans.',
        facts: [],
        aiAttempts: [],
        trigger: { code: 'customer_request', detail: 'asked' },
        nextSteps: [],
        language: 'en',
      },
    },
    ringingAt: 1000,
    endedAt: 2000,
    timings: {},
    notes: '',
    turnCount: 0,
    assist: emptyAssistState(),
    ...overrides,
  };
}
