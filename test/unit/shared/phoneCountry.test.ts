/**
 * Phone numbers said the national way: with a trunk 0 they are phone-shaped; in a country the caller
 * names, they are dialled there (when the pack's own region cannot dial them), and with none named, in the
 * English-speaking country whose plan takes them; the word "us" names no country.
 */
import { describe, expect, it } from 'vitest';
import { countryNamedIn, nationalAbroad, isTrunkDialled, normalisePhone } from '../../../src/shared/facts';

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
    // No trunk 0: nothing to do.
    ['6175550134', 'GB', 'US', undefined],
    // No country named, in a region that never dials a 0: the English-speaking country whose plan takes it.
    ['02079460381', undefined, 'US', '+442079460381'],
    ['0491000572', undefined, 'US', '+61491000572'],
    ['015552384', undefined, 'CA', '+35315552384'],
    ['07700900814', undefined, 'US', '+447700900814'],
    // Valid in more than one plan: the first of them (a South African 082 number unnamed reads as Irish, whose 082 is Kerry's).
    ['0824417739', undefined, 'US', '+353824417739'],
    // …but not in a region that dials a 0 itself, nor a string too long for any of them.
    ['0491000572', undefined, 'GB', undefined],
    ['0123456789012', undefined, 'US', undefined],
  ])('%s in %s (pack %s) → %s', (digits, country, region, expected) => {
    expect(nationalAbroad(digits, country as never, region)).toBe(expected);
  });

  it('never makes a North American number of one whose area code would open with 0 or 1', () => {
    expect(normalisePhone('0491000572', 'US')).toBe('0491000572');
    expect(normalisePhone('(415) 555-0123', 'US')).toBe('+14155550123');
  });

  it('keeps the pack region for a number dialled there', () => {
    expect(normalisePhone('07911123456', 'GB')).toBe('+447911123456');
    expect(isTrunkDialled('07911123456', 'GB')).toBe(true);
  });
});
