/**
 * A package value said again in part is a restatement (a repeat flag), typed by the value: a number's
 * end, the digits after an id's letters, an address's house number and street, an email's name and
 * domain. And the near misses that are not: other numbers, sums, times, a domain that is only a word
 * of the talk, a part said while denying.
 */
import { describe, expect, it } from 'vitest';
import { requireDomainPack } from '../../../../src/main/core/pack/domainPackLoader';
import { CallUnderstanding } from '../../../../src/main/core/understanding/callUnderstanding';
import type { HandoffPackage } from '../../../../src/shared/handoffPackage';
import { isTrunkDialled } from '../../../../src/shared/facts';
import { demoPack, NORTHWIND_PACK_DIR } from '../../../support/demoPack';
import { minimalPackage } from '../../../support/minimalPackage';

const northwind = await requireDomainPack(NORTHWIND_PACK_DIR);

type Turn = ['agent' | 'customer', string];

function pkg(facts: Array<[string, string]>, phone = ''): HandoffPackage {
  return minimalPackage(facts, { name: 'Pat Doe', phone, verified: true, verification: 'account' });
}

function repeatsOf(turns: Turn[], facts: Array<[string, string]>, options: { phone?: string; pack?: typeof demoPack } = {}) {
  const understanding = new CallUnderstanding((options.pack ?? demoPack).facts, pkg(facts, options.phone), {});
  turns.forEach(([speaker, text], index) => understanding.onTurn({ index, atMs: index, speaker, text }));
  return understanding.repeated.map((repeat) => `${repeat.turnIndex}:${repeat.factName}`);
}

describe('a package value restated in part', () => {
  it.each<[string, Turn[], Array<[string, string]>, string[], { phone?: string; northwind?: boolean }?]>([
    [
      "a phone's last digits after the agent reads it back",
      [
        ['agent', 'and that text goes to six one seven, five five five, oh one three four?'],
        ['customer', "yep that's the one, oh one three four"],
      ],
      [],
      ['1:phone'],
      { phone: '+16175550134' },
    ],
    [
      "an id's end pointed at, letters and all",
      [
        ['agent', 'which account is this about?'],
        ['customer', 'the one that ends in seven Q, I think'],
      ],
      [['account_id', 'HB20417Q']],
      ['1:account_id'],
    ],
    [
      'the digits after the letters of an id, in two groups',
      [
        ['agent', 'can I check the account number, N W six two oh one, eight eight four seven?'],
        ['customer', 'yes. six two oh one, eight eight four seven'],
      ],
      [['account_number', 'NW62018847']],
      ['1:account_number'],
      { northwind: true },
    ],
    [
      'a house number and street, unasked',
      [
        ['agent', 'and it is going to the house?'],
        ['customer', 'yeah to nineteen oh two Larchmont, same as always'],
      ],
      [['street_address', '1902 Larchmont Drive, Tulsa, OK']],
      ['1:street_address'],
    ],
    [
      'an email by its name and domain',
      [
        ['agent', 'where should the receipt go?'],
        ['customer', 'the usual, the okonkwo one at yahoo'],
      ],
      [['email', 'b.okonkwo77@yahoo.com']],
      ['1:email'],
    ],
    [
      'an email by its whole domain while the email is talked about',
      [
        ['agent', 'is the email still the hotmail one?'],
        ['customer', 'yes, the hotmail dot com one'],
      ],
      [['email', 'rvance@hotmail.com']],
      ['1:email'],
    ],
    [
      'a UK mobile dialled with its trunk 0',
      [
        ['agent', 'which number is the SIM for?'],
        ['customer', "it's 07700 900612, the one I'm on now"],
      ],
      [['mobile_number', '+447700900612']],
      ['1:mobile_number'],
      { northwind: true },
    ],
  ])('%s', (_name, turns, facts, expected, options = {}) => {
    expect(repeatsOf(turns, facts, { phone: options.phone, pack: options.northwind ? northwind : demoPack })).toEqual(expected);
  });

  it.each<[string, Turn[], Array<[string, string]>, { phone?: string }?]>([
    [
      'a sum whose digits end the phone number',
      [
        ['agent', 'what was the charge?'],
        ['customer', 'it was $1.34 for the bag'],
      ],
      [],
      { phone: '+16175550134' },
    ],
    [
      'three digits that end the id, with nobody on the id',
      [
        ['agent', 'how many did you order?'],
        ['customer', 'I ordered 417 of them for the school'],
      ],
      [['order_id', '5520013417']],
    ],
    [
      "a domain that is only the talk's own word",
      [
        ['agent', 'did you get anything from us?'],
        ['customer', 'I got an email this morning, and another email last night'],
      ],
      [['email', 'pat.doe@email.com']],
    ],
    [
      'the end of a number said while denying it',
      [
        ['agent', 'is it the one ending oh one three four?'],
        ['customer', 'no, oh one three four is my old one'],
      ],
      [],
      { phone: '+16175550134' },
    ],
    [
      'a street name without its number',
      [
        ['agent', 'where are you calling from?'],
        ['customer', "I'm near Larchmont, at my sister's"],
      ],
      [['street_address', '1902 Larchmont Drive, Tulsa, OK']],
    ],
    [
      'a time said beside a read-back',
      [
        ['agent', 'the delivery to the number ending 0134 comes at what time?'],
        ['customer', 'usually around 1:34 in the afternoon'],
      ],
      [],
      { phone: '+16175550134' },
    ],
  ])('not: %s', (_name, turns, facts, options = {}) => {
    expect(repeatsOf(turns, facts, { phone: options.phone })).toEqual([]);
  });
});

describe('a number dialled with its trunk prefix', () => {
  it.each<[string, string, boolean]>([
    ['07700900579', 'GB', true],
    ['02079460541', 'GB', true],
    ['0825550123', 'ZA', true],
    ['6175550134', 'US', false],
    ['01234', 'GB', false],
    ['4418206937', 'GB', false],
  ])('%s in %s: %s', (digits, region, expected) => {
    expect(isTrunkDialled(digits, region)).toBe(expected);
  });
});
