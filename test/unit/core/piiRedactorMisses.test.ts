import { describe, expect, it } from 'vitest';
import { MASKS, redactTurnText } from '../../../src/main/core/privacy/piiRedactor';
import { redactPackage } from '../../../src/main/core/privacy/packageRedactor';
import { intakePackage } from '../../../src/shared/handoffIntake';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const masked = (text: string, context?: Parameters<typeof redactTurnText>[1]) => redactTurnText(text, context).text;

describe('masking: the misses the review found, written and spoken', () => {
  it.each([
    ['three digits on the back are 456', `three digits on the back are ${MASKS.security_code}`],
    ['the three digits on the back are four five six', `the three digits on the back are ${MASKS.security_code}`],
    ['c v v is 737', `c v v is ${MASKS.security_code}`],
    ['C.V.V. is seven three seven', `C.V.V. is ${MASKS.security_code}`],
    ['the security number is 1234', `the security number is ${MASKS.security_code}`],
  ])('security code: %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
  });

  it.each([
    ['4111 1111, um, 1111 1111', MASKS.card_number],
    ['four one one one one one one one, uh, one one one one one one one one', MASKS.card_number],
    ['it is 4111-1111 ... er 1111-1111 thanks', `it is ${MASKS.card_number} thanks`],
  ])('a card number with fillers inside: %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
  });

  it.each([
    ['my social is 123-45-6789', `my social is ${MASKS.ssn}`],
    ['social security number one two three, four five, six seven eight nine', `social security number ${MASKS.ssn}`],
    ['SSN: 123 45 6789.', `SSN: ${MASKS.ssn}.`],
    ['it was 123-45-6789 on the form', `it was ${MASKS.ssn} on the form`],
  ])('social security number: %s', (text, expected) => {
    expect(masked(text)).toBe(expected);
  });

  it('a one-time code whose cue was in the agent\u2019s previous turn', () => {
    const previous = { previousTurn: { speaker: 'agent' as const, text: 'Could you read me the verification code we just texted you?' } };
    expect(masked('Sure, it is 482917.', previous)).toBe(`Sure, it is ${MASKS.one_time_code}.`);
    expect(masked('yes four eight two nine one seven', previous)).toBe(`yes ${MASKS.one_time_code}`);
    // Without the cue, six digits are an order number, not a secret.
    expect(masked('Sure, it is 482917.')).toBe('Sure, it is 482917.');
  });

  it('a card number split across two turns of the same speaker masks both halves', () => {
    const first = redactTurnText('my card is 4111 1111');
    expect(first.text).toBe('my card is 4111 1111');
    const second = redactTurnText('1111 1111, expiry May', { previousSameSpeaker: { text: first.text } });
    expect(second.text).toBe(`${MASKS.card_number}, expiry May`);
    expect(second.previousSameSpeakerText).toBe(`my card is ${MASKS.card_number}`);
    expect(second.redactions).toEqual([{ kind: 'card_number' }]);
  });

  it('ordinary numbers stay: an order number, a price, a date', () => {
    for (const text of ['My order is 6029 184 417.', 'It was 99 dollars on March 3', 'the code on the box is wrong']) {
      expect(masked(text)).toBe(text);
    }
  });
});

describe('masking the package at intake', () => {
  it('masks card numbers and codes in every text field of the package, and counts them', () => {
    const pkg = JSON.parse(
      readFileSync(path.resolve(__dirname, '../../../resources/demo-scenarios/renewal-charged-twice.json'), 'utf8'),
    ).handoff;
    pkg.summary = 'Customer read out card 4111 1111 1111 1111 to the AI.';
    pkg.nextSteps = ['Confirm the CVV is 737'];
    pkg.aiAttempts = [{ tool: 'charge', input: { card: '4111111111111111' }, ok: false, result: 'card 4111111111111111 declined' }];
    pkg.facts = [...pkg.facts, { name: 'order_id', value: '4111 1111 1111 1111', source: 'customer' }];
    const result = redactPackage(intakePackage({ kind: 'object', value: pkg }));
    expect(result.redactions).toBeGreaterThanOrEqual(5);
    expect(JSON.stringify(result.intake)).not.toMatch(/4111|737/);
    expect(result.intake).toMatchObject({ status: 'ok', package: { summary: `Customer read out card ${MASKS.card_number} to the AI.` } });
  });
});
