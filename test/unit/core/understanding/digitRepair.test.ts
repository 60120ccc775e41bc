/**
 * Repairs inside a spoken number (reparandum, editing term, repair), as a table over the whole
 * understanding pipeline's answer reading, so each row is heard the way a caller says it.
 */
import { describe, expect, it } from 'vitest';
import { repairedDigits } from '../../../../src/main/core/understanding/digitRepair';
import { CallUnderstanding } from '../../../../src/main/core/understanding/callUnderstanding';
import { demoPack } from '../../../support/demoPack';

function answer(question: string, reply: string): Record<string, string> {
  const understanding = new CallUnderstanding(demoPack.facts, undefined, {});
  understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: question });
  understanding.onTurn({ index: 1, atMs: 1, speaker: 'customer', text: reply });
  return Object.fromEntries(understanding.heard.map((fact) => [fact.name, fact.value]));
}

describe('digit repair: the number meant, from the number said and its repair', () => {
  it.each([
    ['restarted from the top', '382910', ['382910'], '382901', undefined, '382901'],
    ['the last group said again, longer', '91944', ['919', '44'], '4726601', undefined, '9194726601'],
    ['the end said again, two digits swapped', '2485390674', ['248', '539', '0674'], '0764', undefined, '2485390764'],
    ['the end said again, one digit off', '7135489917', ['713', '548', '9917'], '9911', undefined, '7135489911'],
    ['the part named wrong', '2941660382', ['2941', '660', '382'], '669', '660', '2941669382'],
    ['a repair that is no part of this number', '7135489917', ['713', '548', '9917'], '42', undefined, undefined],
    ['said again from inside it and on past its end', '617555013', ['617555013'], '0138', undefined, '6175550138'],
    ['said again from inside it, the last digit put right', '469555012', ['469555012'], '0130', undefined, '4695550130'],
  ] as const)('%s', (_name, said, groups, repair, not, meant) => {
    expect(repairedDigits(said, groups, repair, not)).toBe(meant);
  });
});

describe('digit repair in an answer', () => {
  it.each([
    ['what number can we reach you on', 'nine one nine, four four, sorry, four seven two, six six zero one', 'phone', '+19194726601'],
    [
      'best number for you?',
      'sure, two four eight, five three nine, oh six seven four. no wait, i flipped it. oh seven six four',
      'phone',
      '+12485390764',
    ],
    [
      'and a phone number',
      'six one seven, two two four, eight eight one three. actually the last one is a two. eight eight one two',
      'phone',
      '+16172248812',
    ],
    [
      'the order number please',
      'three one four one, five nine two, six five three. actually the middle bit is five nine seven, not five nine two',
      'order_id',
      '3141597653',
    ],
    ['the order number please', 'it is five five, um, five five oh two, one one, three four, nine nine', 'order_id', '5502113499'],
    ['the order number please', 'seven. four. two. two. zero. one. nine. three. three. eight.', 'order_id', '7422019338'],
    // No editing term, no repair: two numbers stay two.
    ['what number can we reach you on', 'six one seven, two two four, eight eight one three', 'phone', '+16172248813'],
  ])('%s / %s → %s %s', (question, reply, fact, value) => {
    expect(answer(question, reply)[fact]).toBe(value);
  });
});
