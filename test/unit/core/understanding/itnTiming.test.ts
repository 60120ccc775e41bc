import { describe, expect, it } from 'vitest';
import { normalize } from '../../../../src/main/core/understanding/itn';

/** Best of a few runs after a warm-up, so a busy machine's hiccup does not decide the result. */
function bestMs(text: string, runs = 3): number {
  normalize(text);
  let best = Infinity;
  for (let k = 0; k < runs; k++) {
    const started = performance.now();
    normalize(text);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

function randomWords(bytes: number): string {
  // Words that wake every grammar: numbers, letters, NATO, months, currencies, "at", "dot", "as in".
  const words = ['the', 'one', 'a', 'b', 'at', 'dot', 'seven', 'twenty', 'hundred', 'dollars', 'march', 'oh', 'point', 'percent', 'x', 'ray', 'as', 'in', 'mike', 'um', ',', '.', 'john', 'slash', 'plus', 'double', 'first', 'of', 'quarter', 'past', 'call', 'order', 'thanks', 'p', 'm', 'com', '$5', '555-0148'];
  let seed = 7;
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const word = words[seed % words.length]!;
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ');
}

const WORST_CASES: Record<string, string> = {
  '100 KB of "one one one"': 'one '.repeat(25_600),
  '512 KB of random words': randomWords(512 * 1024),
  'single letters': 'a b '.repeat(30_000),
  '"at" after every letter': 'a at '.repeat(30_000),
  'a dot chain with no TLD': 'x dot '.repeat(30_000),
  '"slash" between digits': 'one slash '.repeat(20_000),
  '"as in" over and over': 'b as in '.repeat(20_000),
  '"point" between digits': 'one point '.repeat(20_000),
  'fillers after a digit': `one ${'um '.repeat(30_000)}`,
  'months': 'march '.repeat(30_000),
  'hyphenated tens': 'twenty-'.repeat(20_000),
  'one 100 KB chunk': 'x'.repeat(100_000),
  'written digits': '555 '.repeat(25_000),
  'NATO words': 'alpha bravo '.repeat(10_000),
};

describe('ITN stays linear on hostile input', () => {
  for (const [name, text] of Object.entries(WORST_CASES)) {
    it(`${name} (${Math.round(text.length / 1024)} KB) normalises in under 50 ms`, () => {
      expect(bestMs(text)).toBeLessThan(50);
    });
  }

  it('a typical 20-word turn takes well under 0.2 ms', () => {
    const turn = 'yeah so my order number is six oh two eight one seven four four one seven and I was charged twenty five dollars';
    for (let k = 0; k < 500; k++) normalize(turn);
    const runs = 2000;
    const started = performance.now();
    for (let k = 0; k < runs; k++) normalize(turn);
    expect((performance.now() - started) / runs).toBeLessThan(0.2);
  });
});
