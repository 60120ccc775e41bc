import { describe, expect, it } from 'vitest';
import { LocalAssistEngine, topicalText } from '../../../../src/main/core/assist/localAssistEngine';
import type { HandoffPackage } from '../../../../src/shared/handoffPackage';
import { demoPacks } from '../../../support/demoPack';

const pkg: HandoffPackage = {
  handoffId: 'ho_1',
  callSid: 'CA1',
  triggeredAtMs: 0,
  packagedAtMs: 300,
  caller: { name: 'Marguerite Osei', phone: '+16155550117', verified: true, verification: 'account id' },
  intent: { label: 'manage_pay_bill', confidence: 0.8 },
  summary: 'Wants to pay her late mother’s subscription.',
  facts: [
    { name: 'amount', value: '99.00 USD', source: 'system' },
    { name: 'order_id', value: '4418862093', source: 'caller' },
  ],
  aiAttempts: [],
  trigger: { code: 'sensitive_topic', detail: 'bereavement' },
  nextSteps: [],
  language: 'en',
};

function session() {
  return new LocalAssistEngine({ packs: demoPacks() }).startSession({ status: 'ok', package: pkg, warnings: [] });
}

describe('local assist engine: the call against the package', () => {
  it('flags the package value the agent reads out and puts right in the same breath', () => {
    const state = session().onTurn({
      index: 0,
      atMs: 1,
      speaker: 'agent',
      text: "Our notes say ninety-nine dollars, but what's actually outstanding is forty-nine fifty.",
    });
    expect(state.facts.find((fact) => fact.name === 'amount')).toMatchObject({
      value: '49.50 USD',
      packageValue: '99.00 USD',
      contradictedBy: 0,
    });
  });

  it('flags a customer restating a package value as a repeat, but not a correction', () => {
    const s = session();
    s.onTurn({ index: 0, atMs: 1, speaker: 'agent', text: 'Could you read me the order number?' });
    const corrected = s.onTurn({ index: 1, atMs: 2, speaker: 'customer', text: 'Four four one eight, eight two six, zero nine three.' });
    expect(corrected.repeats).toEqual([]);
    expect(corrected.facts.find((fact) => fact.name === 'order_id')).toMatchObject({ value: '4418826093', contradictedBy: 1 });
    const repeated = s.onTurn({
      index: 2,
      atMs: 3,
      speaker: 'customer',
      text: 'My number is six one five, five five five, zero one one seven.',
    });
    expect(repeated.repeats).toEqual([{ turnIndex: 2, factName: 'phone' }]);
  });

  it('keeps ten digits read back without a cue as what they already were', () => {
    const s = session();
    s.onTurn({ index: 0, atMs: 1, speaker: 'customer', text: 'My number is six one five, five five five, zero one one seven.' });
    const readBack = s.onTurn({ index: 1, atMs: 2, speaker: 'agent', text: 'Six one five, five five five, zero one one seven. Got it.' });
    expect(readBack.facts.find((fact) => fact.name === 'order_id')?.value).toBe('4418862093');
    expect(readBack.facts.find((fact) => fact.name === 'phone')?.value).toBe('+16155550117');
  });
});

describe('local assist engine: what the call is about', () => {
  it.each<[string, string]>([
    ["i'm sorry, the notes didn't come through, can i get your full name please", ''],
    ['thank you. and the zip code on the account?', 'thank you.'],
    ['your username is h kowalczyk one. and what email is on the account?', 'your username is h kowalczyk one.'],
    // A request for something that is not the caller's identity stays: it says what the call is about.
    ['can you read me the promo code that failed?', 'can you read me the promo code that failed?'],
    ['so the jacket arrived with a stain on it.', 'so the jacket arrived with a stain on it.'],
  ])('an agent asking for who the caller is says nothing of the topic: %s', (text, topical) => {
    expect(topicalText({ index: 0, atMs: 0, speaker: 'agent', text })).toBe(topical);
  });

  it("a caller's words are all topic, names and numbers too", () => {
    const text = 'my name is halina, and i cannot get into the account with my username';
    expect(topicalText({ index: 1, atMs: 1, speaker: 'customer', text })).toBe(text);
  });

  it('the agent asking for the name on every call does not pull the guidelines towards changing a name', () => {
    const s = new LocalAssistEngine({ packs: demoPacks() }).startSession({ status: 'missing' });
    s.onTurn({
      index: 0,
      atMs: 0,
      speaker: 'agent',
      text: 'thanks for holding, can i get your full name and your last name spelled please',
    });
    const state = s.onTurn({
      index: 1,
      atMs: 1,
      speaker: 'customer',
      text: 'halina kowalczyk. i forgot my username, the one my grandson wrote down does not work',
    });
    expect(state.guidelines.map((guideline) => guideline.subflowId)).not.toContain('manage_change_name');
    expect(state.guidelines.map((guideline) => guideline.subflowId)).toContain('recover_username');
  });
});
