/** A handoff package with only what a test names: its facts (name, value) and the caller's fields. */
import type { HandoffPackage } from '../../src/shared/handoffPackage';

export function minimalPackage(facts: Array<[string, string]>, caller: Partial<HandoffPackage['caller']> = {}): HandoffPackage {
  return {
    handoffId: 'ho_t',
    callSid: 'CA_t',
    triggeredAtMs: 0,
    packagedAtMs: 1,
    caller: { name: '', phone: '', verified: false, verification: '', ...caller },
    intent: { label: 'x', confidence: 0.5 },
    summary: '',
    facts: facts.map(([name, value]) => ({ name, value, source: 'caller' })),
    aiAttempts: [],
    trigger: { code: 'customer_request', detail: '' },
    nextSteps: [],
    language: 'en',
  };
}
