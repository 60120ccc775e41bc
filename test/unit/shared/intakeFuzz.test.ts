import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fuzzIntake } from '../../../tools/fuzz/packageFuzzer';

const base = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../resources/demo-scenarios/renewal-charged-twice.json'), 'utf8'),
).handoff;

describe('intake fuzz (10 000 mutated packages, fixed seed)', () => {
  // The slowest single intake is printed; the bound here is loose (a shared, loaded machine pauses for GC and
  // other processes), but a quadratic pattern takes seconds and still fails it.
  it('no crash, no wrong state, and no intake slower than 500 ms', { timeout: 240_000 }, () => {
    const figures = fuzzIntake(base, 10_000, 20261201);
    console.log(
      `intake fuzz: ${figures.packages} packages, ${figures.crashes} crashes, ${figures.wrongStates} wrong states, slowest ${figures.slowestMs.toFixed(1)} ms (${figures.slowestMutation}); ${JSON.stringify(figures.byStatus)}`,
    );
    expect(figures.examples).toEqual([]);
    expect(figures.crashes).toBe(0);
    expect(figures.wrongStates).toBe(0);
    // A positive control: the generator produced valid, damaged and missing-looking packages alike.
    expect(figures.byStatus.ok).toBeGreaterThan(1_000);
    expect(figures.byStatus.malformed).toBeGreaterThan(1_000);
    expect(figures.slowestMs).toBeLessThan(500);
  });
});
