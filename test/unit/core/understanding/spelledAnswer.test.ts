/**
 * A code spelled through talk: letters and digits said with comments, glosses, hesitations and repairs
 * between them. Wordings written for this table (none from the evaluation batches).
 */
import { describe, expect, it } from 'vitest';
import { spelledAnswer } from '../../../../src/main/core/understanding/spelledAnswer';
import { CallUnderstanding } from '../../../../src/main/core/understanding/callUnderstanding';
import { demoPack } from '../../../support/demoPack';

describe('a code spelled through talk', () => {
  it.each<[string, string | undefined]>([
    ['it is p, then the number four, then, hmm, k, k like kite, two two nine', 'P4K229'],
    ['h as in, uh, harry, seven, bee, five five, and a w at the end', 'H7B55W'],
    ['c, a, t, like the pet, then eight one one two', 'CAT8112'],
    ['r, r like rose, nine, oh oh, those are zeros, three', 'R9003'],
    ['g, m, four four one... no, four four two', 'GM442'],
    ['it is k, m, then the digits three one, then x... sorry, y', 'KM31Y'],
    ['all one word, b, l, u, e, four', 'BLUE4'],
    ['d, seven, seven, j. the seven is a number', 'D77J'],
    // A unit denied ("not b") is not said, and the one it was told apart from, said again, is said once.
    ['p as in peter, not b, p, then l, nine oh oh two', 'PL9002'],
    ['it is x, zero, not the letter o, zero, seven seven', 'X077'],
    ['b like boy, not v, b, k, seven three', 'BK73'],
    // A digit's sound-alike between units; "for" with no example after it.
    ['q, seven, r, w, to, m, x, for, n', 'Q7RW2MX4N'],
    ['v for victor, seven, ate, j', 'V78J'],
    // Begun, trailed off and begun again from the start.
    ['it is... uh, j... j, k, four four one', 'JK441'],
    ['k, m... no wait, k, n, five five', 'KN55'],
    // Not a code: too few units, or no letter at all.
    ['it is a b', undefined],
    ['four four two one', undefined],
    ['i told you, that is all i have', undefined],
  ])('%s → %s', (spoken, code) => {
    expect(spelledAnswer(spoken)).toBe(code);
  });

  it('is read as the id the agent asked for when nothing else read the answer', () => {
    const understanding = new CallUnderstanding(demoPack.facts, undefined, { callDate: '2026-06-15' });
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: 'can you read me the account id' });
    understanding.onTurn({
      index: 1,
      atMs: 1,
      speaker: 'customer',
      text: "it's on the letter, q, and then, hmm, where was i, five, and the next one's an r like robert, eight eight two",
    });
    expect(understanding.heard.find((fact) => fact.name === 'account_id')?.value).toBe('Q5R882');
  });
});
