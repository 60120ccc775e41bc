import { describe, expect, it } from 'vitest';
import { DEFAULT_PRODUCTS, extractFacts, latestByName, type TurnContext } from '../../../../src/main/core/assist/factExtractor';
import type { FactName } from '../../../../src/shared/facts';

function facts(text: string, context: Partial<TurnContext> = {}): Record<string, string> {
  const full: TurnContext = { speaker: 'customer', expected: [], dates: {}, products: DEFAULT_PRODUCTS, ...context };
  return Object.fromEntries([...latestByName(extractFacts(text, full))].map(([name, fact]) => [name, fact.value]));
}
const answering = (...expected: FactName[]) => ({ expected });

describe('fact extraction from spoken turns', () => {
  it('reads order IDs said in groups or digit by digit once an order number was asked for', () => {
    expect(facts('6029 184 417.', answering('order_id'))).toEqual({ order_id: '6029184417' });
    expect(facts('It is four six one nine, two oh eight, five three seven.', answering('order_id'))).toEqual({ order_id: '4619208537' });
    expect(facts("It's 4619... uh, 208, 537.", answering('order_id'))).toEqual({ order_id: '4619208537' });
    expect(facts('The order is 8815 730 246, the Guess shirt.')).toMatchObject({ order_id: '8815730246', product: 'guess shirt' });
  });

  it('reads spelled and spoken emails', () => {
    expect(facts("Email's d attah two one four at email dot com.")).toEqual({ email: 'dattah214@email.com' });
    expect(facts('I have g pradhan at email dot com.', { speaker: 'agent' })).toEqual({ email: 'gpradhan@email.com' });
    expect(facts("rasmus dot eklund, that's E-K-L-U-N-D, at email dot com.")).toEqual({ email: 'rasmus.eklund@email.com' });
    expect(facts('My email is tanvi underscore h at email dot com.')).toEqual({ email: 'tanvi_h@email.com' });
    expect(facts('Send it to Jo.Ramos@Example.org please')).toEqual({ email: 'jo.ramos@example.org' });
  });

  it('reads phone numbers in words and in digits as E.164', () => {
    expect(facts('The one I\'m on. Four four oh, five five five, oh one three two.')).toEqual({ phone: '+14405550132' });
    expect(facts('Yes, this one. (312) 555-0148.')).toEqual({ phone: '+13125550148' });
    expect(facts('To this number? 504-555-0113?')).toEqual({ phone: '+15045550113' });
    expect(facts('Call me back on double seven three, five five five, oh one one two.')).toEqual({ phone: '+17735550112' });
  });

  it('reads amounts in words and digits', () => {
    expect(facts('You are authorized to refund me five hundred dollars.')).toEqual({ amount: '500.00 USD' });
    expect(facts('It was $89.99 at checkout.')).toEqual({ amount: '89.99 USD' });
    expect(facts('put a fifty-dollar credit on it')).toEqual({ amount: '50.00 USD' });
    expect(facts('about a hundred and twenty bucks')).toEqual({ amount: '120.00 USD' });
  });

  it('reads street addresses with house numbers in words or digits, and the zip at the end', () => {
    expect(facts('1187 Kestrel Ridge Road, Fairhaven, Ohio, 44109.')).toEqual({ street_address: '1187 Kestrel Ridge Road', zip_code: '44109' });
    expect(facts('Twenty-two forty Belmont Terrace, Portland, Oregon, 97214.')).toEqual({ street_address: '2240 Belmont Terrace', zip_code: '97214' });
    expect(facts('One four one nine Alder Crest Drive, got it.', { speaker: 'agent' })).toEqual({ street_address: '1419 Alder Crest Drive' });
  });

  it('reads long numbers said in pairs, prices said as two pairs, spelled addresses and leading zeros', () => {
    expect(facts('Twenty ninety-three, seventy-one, eighty-four sixty-five.', answering('order_id'))).toEqual({ order_id: '2093718465' });
    expect(facts('The jacket was seventy-four fifty.', { speaker: 'agent' })).toEqual({ amount: '74.50 USD' });
    expect(facts('It was twenty percent off.', { speaker: 'agent' })).toEqual({});
    expect(facts("No, it's berg, with an E. I, A-C-H-T-E-R-B-E-R-G, at email dot com.")).toEqual({ email: 'iachterberg@email.com' });
    expect(facts("Username's k lindgren zero seven.")).toEqual({ username: 'klindgren07' });
  });

  it('keeps the corrected value when the speaker corrects themselves', () => {
    expect(facts('Zip is nine eight one one eight... no, sorry, that is my office. Home is nine eight one four four.')).toEqual({ zip_code: '98144' });
    expect(facts("It's t renner underscore 88. No, sorry, there's no underscore. T renner 88.", answering('username'))).toEqual({ username: 'trenner88' });
  });

  it('reads letter-by-letter account IDs but not spelled names', () => {
    expect(facts('Sure. Q F 4 T R 8 Z L 2 K.')).toEqual({ account_id: 'QF4TR8ZL2K' });
    expect(facts('Username is p mahlangu eighty-four. M-A-H-L-A-N-G-U, eight four.')).toEqual({ username: 'pmahlangu84' });
  });

  it('takes the customer\'s own membership level, not policy talk or a level they had before', () => {
    expect(facts("I'm not gold. I'm, uh, bronze, I think.")).toEqual({ membership_level: 'bronze' });
    expect(facts('Bronze, no. I\'m silver. I told your assistant I was bronze until last spring.')).toEqual({ membership_level: 'silver' });
    expect(facts('Silver members can return within 6 months of purchase.', { speaker: 'agent' })).toEqual({});
    expect(facts("And you're a gold member, so there's no time limit.", { speaker: 'agent' })).toEqual({ membership_level: 'gold' });
  });

  it('pins dates to a calendar day only when it can', () => {
    expect(facts('It was due March 2nd.', { dates: { year: 2026 } })).toEqual({ date: '2026-03-02' });
    expect(facts('It came last Tuesday.', { dates: { callDate: '2026-04-09' } })).toEqual({ date: '2026-04-07' });
    expect(facts('It came last Tuesday.')).toEqual({});
    expect(facts('Sunday night, I think.', { dates: { callDate: '2026-04-09' } })).toEqual({});
  });

  it('takes a name only from the customer introducing themselves or answering for it', () => {
    expect(facts('Desmond Attah. I already went through all of this.', answering('customer_name'))).toMatchObject({ customer_name: 'Desmond Attah' });
    expect(facts("Oh, sure. It's Rasmus Eklund. I'm looking at the Michael Kors jacket.")).toMatchObject({ customer_name: 'Rasmus Eklund', product: 'michael kors jacket' });
    expect(facts('Hi, this is Priya from support.', { speaker: 'agent' })).toEqual({});
    expect(facts("It's the Tommy Hilfiger boots.")).toEqual({ product: 'tommy hilfiger boots' });
  });
});
