/**
 * A value put right in part: the edit a caller says (what is wrong, what is right, where), made on the value
 * it edits — the agent's read-back, or the caller's own number said a moment before — and, through
 * CallUnderstanding, the fact heard.
 */
import { describe, expect, it } from 'vitest';
import { FactSchema } from '../../../../src/shared/facts';
import { FactSpecSchema } from '../../../../src/shared/domainPack';
import { CallUnderstanding } from '../../../../src/main/core/understanding/callUnderstanding';
import { editsSaid, emailWithWordPutRight, withEdit } from '../../../../src/main/core/understanding/readBackRepair';
import { normalize } from '../../../../src/main/core/understanding/itn';

/** The value `said` becomes with the first edit of `turn` that fits it. */
function edited(said: string, turn: string): string | undefined {
  const written = normalize(turn).written;
  for (const edit of editsSaid(written)) {
    const value = withEdit(said, edit);
    if (value) return value;
  }
  return undefined;
}

describe('edits said of a value', () => {
  it.each<[string, string, string | undefined]>([
    // What is right, then what is wrong, anywhere it is.
    ['4165550158', "it's six four seven not four one six, the rest is fine", '6475550158'],
    ['TR5X994PLW', 'nearly, p e w at the end, e as in echo not l', 'TR5X994PEW'],
    ['DV3811N', 'no, b, not d', 'BV3811N'],
    ['GR3144VL76', 'the numbers are good but it is v e not v l', 'GR3144VE76'],
    ['7301558219', 'the middle bit is five five eight three not five five eight two', '7301558319'],
    // Wrong first, then right.
    ['T449M', "not m, it's n", 'T449N'],
    ['AB2291', 'not two two, it should be three three', 'AB3391'],
    // At a place.
    ['98103', 'the last two are one two not oh three', '98112'],
    ['98103', 'the last two are one two', '98112'],
    ['6175550138', 'no the last four are oh one eight three', '6175550183'],
    ['83152209', 'it ends oh six', '83152206'],
    ['83152209', 'it ends in oh six not oh nine', '83152206'],
    ['07700900561', 'five six seven at the end', '07700900567'],
    ['30306', "the fourth number's a one not an oh", '30316'],
    ['5135550188', "the area code's wrong, it's three one five", '3155550188'],
    ['DE459T', "it's t at the start, not d", 'TE459T'],
    ['6290441873', "sorry the last one's a two not a three", '6290441872'],
    // Counts and letters told from digits.
    ['0048813652', 'yes it starts with the two zeros', undefined],
    ['0C221598', "that's a letter o at the start", 'OC221598'],
    // Said at a place, a new number rather than a slip put right: nothing ("…three five nine five nine at the end").
    ['4418207395', 'no three five nine five nine at the end', undefined],
    // Edits that do not fit the value: nothing.
    ['98103', 'the last three are one two', undefined],
    ['4155550132', 'not seven seven, it is eight eight', undefined],
    ['4155550132', 'yes that is right', undefined],
    ['55555', 'not five, six', undefined],
  ])('%s + "%s" → %s', (said, turn, expected) => {
    expect(edited(said, turn)).toBe(expected);
  });

  it('says where each edit was said', () => {
    const written = 'okay so the last two are one two not oh three';
    const [edit] = editsSaid(written);
    expect(written.slice(edit!.start, edit!.end)).toBe('one two not oh three');
  });

  it('reads nothing in a long turn without a number', () => {
    expect(editsSaid('not '.repeat(400))).toEqual([]);
  });
});

describe('a word of an email address put right', () => {
  it.each<[string, string, string | undefined]>([
    ['ferreira.joao@gmail.com', "the first part's right but it's outlook not gmail", 'ferreira.joao@outlook.com'],
    ['sam.wheeler@protonmail.com', "it's samantha not sam, the rest is fine", 'samantha.wheeler@protonmail.com'],
    ['j_kowalski@outlook.com', 'kowalska not kowalski', 'j_kowalska@outlook.com'],
    // A word the address does not hold, or a word of talk: nothing.
    ['j_kowalski@outlook.com', 'hotmail not yahoo', undefined],
    ['j_kowalski@outlook.com', "it's not right", undefined],
  ])('%s + "%s" → %s', (address, turn, expected) => {
    expect(emailWithWordPutRight(address, turn)).toBe(expected);
  });
});

describe('the fact heard when a caller edits a value', () => {
  const schema = new FactSchema({
    facts: [
      FactSpecSchema.parse({ name: 'account_id', label: 'Account ID', type: 'id', pattern: '^[A-Z0-9]{6,14}$', cues: ['account id'] }),
      FactSpecSchema.parse({ name: 'username', label: 'Username', type: 'id', pattern: '^[a-z0-9][a-z0-9._-]{1,40}$', cues: ['username'] }),
      FactSpecSchema.parse({ name: 'email', label: 'Email', type: 'email', cues: ['email'] }),
      FactSpecSchema.parse({ name: 'phone', label: 'Phone', type: 'phone', cues: ['phone', 'number to reach you'] }),
      FactSpecSchema.parse({ name: 'order_id', label: 'Order ID', type: 'id', pattern: '^\\d{8,12}$', cues: ['order number'] }),
      FactSpecSchema.parse({ name: 'zip_code', label: 'Zip code', type: 'postcode', pattern: '^\\d{5}$', cues: ['zip'] }),
    ],
    catalogue: {},
    defaultRegion: 'US',
    currency: 'USD',
  });
  function heard(agent: string, customer: string): Record<string, string> {
    const understanding = new CallUnderstanding(schema, undefined, { callDate: '2026-06-15' });
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: agent });
    understanding.onTurn({ index: 1, atMs: 1, speaker: 'customer', text: customer });
    return Object.fromEntries(understanding.heard.map((fact) => [fact.name, fact.value]));
  }

  it.each<[string, string, string, string]>([
    // The agent's read-back of a code no fact took: the fact whose pattern takes least that takes both.
    ['i have nine eight one oh three', 'the last two are one two not oh three', 'zip_code', '98112'],
    ['so that is t r five x nine nine four p l w', 'almost, p e w at the end', 'account_id', 'TR5X994PEW'],
    ['so i have eight three one five two two oh nine', 'it ends oh six not oh nine', 'order_id', '83152206'],
    // A read-back the agent's question named.
    [
      'your phone, i have four one five five five five oh one three two, right',
      'the last two are two three not three two',
      'phone',
      '+14155550123',
    ],
    [
      'and the email is sam dot wheeler at protonmail dot com?',
      "it's samantha not sam, the rest is fine",
      'email',
      'samantha.wheeler@protonmail.com',
    ],
    // The caller's own number, put right a moment later.
    [
      'whats the order number',
      "six two nine oh four four one eight seven three, sorry the last one's a two not a three",
      'order_id',
      '6290441872',
    ],
  ])('%s / %s → %s %s', (agent, customer, fact, value) => {
    expect(heard(agent, customer)[fact]).toBe(value);
  });

  it('keeps a whole value said away from the edit', () => {
    // The caller says the whole new number; "not the old one" edits nothing.
    expect(
      heard(
        'is it still eight one eight five five five oh one two nine for your phone?',
        'no, eight one eight five five five oh one five two, not the old one',
      )['phone'],
    ).toBe('+18185550152');
  });
});
