/**
 * One word of the package's name put right by the caller is the name corrected (a context error with
 * both values); a near-miss word without a correction, an everyday word, or an id's spelling is not.
 */
import { describe, expect, it } from 'vitest';
import { correctedName } from '../../../../src/main/core/understanding/nameCorrection';

describe('a name put right', () => {
  it.each<[string, string, string | undefined]>([
    ["it's Katherine actually, with a K, K A T H E R I N E, not a C", 'Catherine Moss', 'Katherine Moss'],
    ['small correction, the surname is Nowicki, N O W I C K I, people always drop the I', 'Ann Nowicky', 'Ann Nowicki'],
    ["you've got it wrong, it's Jonathon, o n at the end", 'Jonathan Price', 'Jonathon Price'],
    ['the spelling is Mcallister, two Ls', 'Grace Mcalister', 'Grace McAllister'],
    // No word of it said otherwise, or nothing said to correct it.
    ['yes this is Katherine, hi', 'Catherine Moss', undefined],
    ['that is right, Catherine Moss', 'Catherine Moss', undefined],
    ['no, I said data, not Dana', 'Dana Okafor', undefined],
    // A spelling that runs into digits is an id (a username), not the name.
    ['with an S, not a Z. R, V, A, S, Q, U, E, Z, seven one', 'Rosa Vazquez', undefined],
    // Someone else's name, near the caller's: no correction.
    ["no that's wrong, add my son Daniel as the driver", 'Danielle Ortiz', undefined],
    ['is that correct? yes, and her name is Marla', 'Marta Ruiz', undefined],
    // A name of one word has nothing to keep.
    ["it's spelled Kaitlyn", 'Caitlin', undefined],
  ])('%s (package %s) → %s', (text, packageName, expected) => {
    expect(correctedName(text, packageName)).toBe(expected);
  });
});
