/**
 * Phone numbers said the national way: with a trunk 0 they are phone-shaped; in a country the caller
 * names, they are dialled there (when the pack's own region cannot dial them); the word "us" names no country.
 */
import { describe, expect, it } from 'vitest';
import { countryNamedIn, inNamedCountry, isTrunkDialled, normalisePhone } from '../../../src/shared/facts';

describe('the country a caller names', () => {
  it.each<[string, string | undefined]>([
    ["I'm back home in Leeds now so it's the UK one", 'GB'],
    ["South Africa so it's plus two seven in front", 'ZA'],
    ['my cousin in the Philippines uses this one', 'PH'],
    ['a number in New Zealand', 'NZ'],
    ['an Irish mobile, I live in Ireland', 'IE'],
    ['my US cell', 'US'],
    ['can you call us back later', undefined],
    ['send it to my mobile', undefined],
  ])('%s → %s', (text, country) => {
    expect(countryNamedIn(text)).toBe(country);
  });

  it.each<[string, string | undefined, string, string | undefined]>([
    ['0824417739', 'ZA', 'US', '+27824417739'],
    ['07911123456', 'GB', 'US', '+447911123456'],
    // Dialled in the pack's own region already: the region stands.
    ['07911123456', 'JO', 'GB', undefined],
    // No trunk 0, or no country: nothing to do.
    ['6175550134', 'GB', 'US', undefined],
    ['0824417739', undefined, 'US', undefined],
  ])('%s in %s (pack %s) → %s', (digits, country, region, expected) => {
    expect(inNamedCountry(digits, country as never, region)).toBe(expected);
  });

  it('keeps the pack region for a number dialled there', () => {
    expect(normalisePhone('07911123456', 'GB')).toBe('+447911123456');
    expect(isTrunkDialled('07911123456', 'GB')).toBe(true);
  });
});
