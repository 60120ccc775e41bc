import { currencyNamedIn } from '../../../../src/main/core/understanding/itn/money';
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../src/main/core/understanding/itn';
import { CASES } from './itnCases';

describe('ITN written forms (docs conventions)', () => {
  for (const [category, cases] of Object.entries(CASES)) {
    describe(category, () => {
      it.each(cases)('%j → %j', (spoken, written) => {
        expect(normalize(spoken).written).toBe(written);
      });
    });
  }

  it('has a broad table: at least 300 cases over every category', () => {
    const total = Object.values(CASES).reduce((sum, cases) => sum + cases.length, 0);
    expect(total).toBeGreaterThanOrEqual(300);
    expect(Object.keys(CASES)).toEqual(
      expect.arrayContaining([
        'cardinals',
        'ordinals',
        'decimals',
        'digits',
        'phones',
        'money',
        'percent',
        'years',
        'dates',
        'times',
        'emails',
        'urls',
        'alnum',
        'passthrough',
        'staysWords',
      ]),
    );
  });
});

describe('ITN where the dialogue expects digits read out (a phone number was asked for)', () => {
  it.each([
    // A digit's sound-alike opens, goes on or closes a number read out one digit at a time.
    ['to oh six five five five oh one to to', '2065550122'],
    ["it's for one oh, three to five, eight eight six one", "it's 4103258861"],
    ['five oh three, five five five, oh one for to', '5035550142'],
    // Talk around the number stays as said.
    ['i was on hold for twenty minutes', 'i was on hold for 20 minutes'],
    ['press one to speak to someone', 'press one to speak to someone'],
    ['from four to five', 'from four to five'],
  ])('%j → %j', (spoken, written) => {
    expect(normalize(spoken, { digitsExpected: true }).written).toBe(written);
  });

  it('reads no sound-alike as a digit when nobody asked for digits', () => {
    expect(normalize('to oh six five five five oh one to to').written).toBe('to 0655501 to to');
  });
});

describe('the one currency a stretch of talk names', () => {
  it.each<[string, string, string | undefined]>([
    ['$215. canadian. even no cents', 'USD', 'CAD'],
    ['it was €65. and 40. 6540', 'USD', 'EUR'],
    ['1875. aussie dollars obviously', 'USD', 'AUD'],
    ['fifty swiss francs', 'USD', 'CHF'],
    ['what was the refund in pounds', 'USD', 'GBP'],
    ['i paid $40', 'USD', 'USD'],
    ['$45', 'CAD', 'CAD'],
    ['fifty us dollars', 'CAD', 'USD'],
    // Two currencies, or none: nothing to carry over.
    ['i paid $50 which is like £30', 'USD', undefined],
    ['can you send us the refund', 'USD', undefined],
    ['the canadian office said $40', 'USD', 'USD'],
    ['forty five dollars canadian', 'USD', 'CAD'],
  ])('%j on a %s desk → %s', (text, desk, currency) => {
    expect(currencyNamedIn(text, desk)).toBe(currency);
  });
});
