/** Prints the intake fuzz figures: `npm run -s fuzz:intake -- [count] [seed]` (defaults 10000, 20261201). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fuzzIntake } from './packageFuzzer';

const count = Number(process.argv[2] ?? 10_000);
const seed = Number(process.argv[3] ?? 20261201);
const base = JSON.parse(readFileSync(path.resolve(__dirname, '../../resources/demo-scenarios/renewal-charged-twice.json'), 'utf8')).handoff;
const started = performance.now();
const figures = fuzzIntake(base, count, seed);
console.log(
  JSON.stringify(
    {
      ...figures,
      seed,
      slowestMs: Math.round(figures.slowestMs * 10) / 10,
      totalSeconds: Math.round((performance.now() - started) / 100) / 10,
    },
    null,
    2,
  ),
);
