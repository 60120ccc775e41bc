import { describe, expect, it } from 'vitest';
import { displayCase, displayFactValue, phoneForReading, verificationMethodWords } from '../../../src/shared/valueDisplay';
import { demoLoaded } from '../../support/demoPack';

const pack = demoLoaded.summary;

describe('values as a person writes them', () => {
  it.each([
    ['+16085550136', 'US', '(608) 555-0136'],
    ['+442079460958', 'US', '+44 20 7946 0958'],
    ['+442079460958', 'GB', '020 7946 0958'],
    ['ask for a callback', 'US', 'ask for a callback'],
  ])('phone %s in region %s reads %s', (raw, region, shown) => {
    expect(phoneForReading(raw, region)).toBe(shown);
  });

  it.each([
    ['product', 'calvin klein jacket', 'Calvin Klein Jacket'],
    ['payment_method', 'paypal', 'PayPal'],
    ['membership_level', 'gold', 'Gold'],
    ['customer_name', 'MARGUERITE OKAFOR', 'Marguerite Okafor'],
    ['customer_name', "dara o'neill-smith", "Dara O'Neill-Smith"],
    ['customer_name', 'Ada McKay', 'Ada McKay'],
    ['amount', '30.00 USD', '$30.00'],
    ['phone', '+14065550170', '(406) 555-0170'],
    ['order_id', '2954017738', '2954017738'],
    ['email', 'm.okafor@email.com', 'm.okafor@email.com'],
    ['username', 'mokafor7', 'mokafor7'],
  ])('%s "%s" reads "%s"', (name, value, shown) => {
    expect(displayFactValue(pack, name, value)).toBe(shown);
  });

  it('a value the pack does not list is in display case; mixed case is left as written', () => {
    expect(displayFactValue(pack, 'product', 'guess jeans')).toBe('Guess Jeans');
    expect(displayCase('iPhone case')).toBe('iPhone case');
  });

  it.each([
    ['account id+order id', 'account ID and order ID'],
    ['username+email+order id', 'username, email and order ID'],
    ['zip_code, phone', 'zip code and phone'],
    ['voice print', 'voice print'],
    ['', ''],
  ])('verification "%s" reads "%s"', (raw, words) => {
    expect(verificationMethodWords(raw, pack)).toBe(words);
  });
});
