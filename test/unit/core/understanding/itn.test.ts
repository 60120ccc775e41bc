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
