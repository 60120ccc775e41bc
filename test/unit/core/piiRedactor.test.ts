import { describe, expect, it } from 'vitest';
import { MASKS, passesLuhn, redactTurnText } from '../../../src/main/core/privacy/piiRedactor';

describe('PII redaction of spoken turns', () => {
  it('masks card numbers said in digits or words, only when they pass the Luhn check', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(redactTurnText('Card is 4111 1111 1111 1111, expiry next May.').text).toBe(`Card is ${MASKS.card_number}, expiry next May.`);
    const spoken = redactTurnText('It is four one one one, one one one one, one one one one, one one one one.');
    expect(spoken.text).not.toMatch(/one one one/);
    expect(spoken.redactions).toEqual([{ kind: 'card_number' }]);
    // An order number is not a card number.
    expect(redactTurnText('My order is 6029 184 417.').text).toBe('My order is 6029 184 417.');
    expect(redactTurnText('The order 4111 1111 1111 1112 please').redactions).toEqual([]);
  });

  it('masks security codes after their cue', () => {
    expect(redactTurnText('The CVV is 737.').text).toBe(`The CVV is ${MASKS.security_code}.`);
    expect(redactTurnText('security code, seven three seven').text).toBe(`security code, ${MASKS.security_code}`);
  });

  it('masks one-time codes and passwords, in spoken forms too', () => {
    expect(redactTurnText('The verification code is 4 8 2 9 1 7.').text).toBe(`The verification code is ${MASKS.one_time_code}.`);
    expect(redactTurnText('They texted me a code, four eight two nine one seven.').text).toBe(
      `They texted me a code, ${MASKS.one_time_code}.`,
    );
    expect(redactTurnText('My password is hunter2, all lowercase.').text).toBe(`My password is ${MASKS.password}, all lowercase.`);
    expect(redactTurnText("The new password's Blue dash Moon dash 7.").text).toBe(`The new password's ${MASKS.password}.`);
  });

  it('leaves ordinary talk about passwords alone', () => {
    for (const text of ['It keeps telling me my password is wrong.', 'I forgot my password.', 'The password is expired, I think.']) {
      expect(redactTurnText(text)).toEqual({ text, redactions: [] });
    }
  });
});
