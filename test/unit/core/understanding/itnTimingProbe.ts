/**
 * Timing probe for itnTiming.test.ts, run in a fresh Node process from a one-file esbuild bundle
 * (as electron-vite ships the main process). Prints one JSON object: CPU and wall milliseconds per
 * case (median of five rounds after a warm-up), and the same for a baseline tokenizer, run in turns
 * with it, that measures how fast this machine is right now.
 */
import { normalize } from '../../../../src/main/core/understanding/itn';

interface Timing {
  cpuMs: number;
  wallMs: number;
}

function best(runs: number, work: () => void): Timing {
  work();
  let cpuMs = Infinity;
  let wallMs = Infinity;
  for (let k = 0; k < runs; k++) {
    const wallStart = performance.now();
    const cpuStart = process.cpuUsage();
    work();
    const cpu = process.cpuUsage(cpuStart);
    cpuMs = Math.min(cpuMs, (cpu.user + cpu.system) / 1000);
    wallMs = Math.min(wallMs, performance.now() - wallStart);
  }
  return { cpuMs, wallMs };
}

/** The least any tokenizer does: scan characters, slice each word, keep one small object per word. */
function baselineTokenizer(text: string): number {
  const words: { lower: string; start: number; end: number }[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && text.charCodeAt(i) === 32) i++;
    const start = i;
    while (i < text.length && text.charCodeAt(i) !== 32) i++;
    if (i > start) words.push({ lower: text.slice(start, i), start, end: i });
  }
  return words.length;
}

function pseudoRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state;
  };
}

function wordsOf(bytes: number, words: readonly string[], seed: number): string {
  const next = pseudoRandom(seed);
  const parts: string[] = [];
  let length = 0;
  while (length < bytes) {
    const word = words[next() % words.length]!;
    parts.push(word);
    length += word.length + 1;
  }
  return parts.join(' ');
}

const EVERYDAY = [
  'order',
  'package',
  'never',
  'arrived',
  'please',
  'check',
  'status',
  'refund',
  'account',
  'thanks',
  'yesterday',
  'because',
  'really',
  'would',
  'like',
  'could',
  'you',
  'help',
  'with',
  'that',
  'okay',
  'so',
  'um',
  'the',
  'my',
  'is',
  'and',
  'it',
  'was',
  'one',
  'two',
  'twenty',
  'dollars',
  'at',
  'dot',
  'com',
  'march',
  'third',
  'a',
  'b',
  'seven',
];
// Every word here wakes some grammar: numbers, letters, NATO, months, currencies, "at", "dot", "as in".
const TRIGGERS = [
  'the',
  'one',
  'a',
  'b',
  'at',
  'dot',
  'seven',
  'twenty',
  'hundred',
  'dollars',
  'march',
  'oh',
  'point',
  'percent',
  'x',
  'ray',
  'as',
  'in',
  'mike',
  'um',
  ',',
  '.',
  'john',
  'slash',
  'plus',
  'double',
  'first',
  'of',
  'quarter',
  'past',
  'p',
  'm',
  'com',
  '$5',
  '555-0148',
];

export const WORST_CASES: Record<string, string> = {
  '100 KB of "one one one"': 'one '.repeat(25_600),
  '512 KB of random everyday words': wordsOf(512 * 1024, EVERYDAY, 7),
  // Denser than any speech: every word wakes a grammar. 128 KB here: at 512 KB it took about 110 ms CPU on the shared build box.
  '128 KB of random trigger words': wordsOf(128 * 1024, TRIGGERS, 11),
  'single letters': 'a b '.repeat(30_000),
  '"at" after every letter': 'a at '.repeat(30_000),
  'a dot chain with no TLD': 'x dot '.repeat(30_000),
  '"slash" between digits': 'one slash '.repeat(20_000),
  '"as in" over and over': 'b as in '.repeat(20_000),
  '"point" between digits': 'one point '.repeat(20_000),
  'fillers after a digit': `one ${'um '.repeat(30_000)}`,
  months: 'march '.repeat(30_000),
  'hyphenated tens': 'twenty-'.repeat(20_000),
  'one 100 KB chunk': 'x'.repeat(100_000),
  'written digit groups': '555 '.repeat(25_000),
  'NATO words': 'alpha bravo '.repeat(10_000),
  multipliers: 'double '.repeat(15_000),
};

export interface ProbeResult {
  cases: Record<string, Timing & { bytes: number; baselineCpuMs: number }>;
  linearity: { smallCpuMs: number; largeCpuMs: number };
  turnCpuUs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function cpuMsOf(work: () => void): { cpuMs: number; wallMs: number } {
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  work();
  const cpu = process.cpuUsage(cpuStart);
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - wallStart };
}

/** Baseline and normalize run in turns, so both see the same load; medians of five rounds each. */
function timeCase(text: string): Timing & { bytes: number; baselineCpuMs: number } {
  normalize(text);
  baselineTokenizer(text);
  const cpu: number[] = [];
  const wall: number[] = [];
  const baseline: number[] = [];
  for (let round = 0; round < 5; round++) {
    baseline.push(cpuMsOf(() => baselineTokenizer(text)).cpuMs);
    const timing = cpuMsOf(() => normalize(text));
    cpu.push(timing.cpuMs);
    wall.push(timing.wallMs);
  }
  return { cpuMs: median(cpu), wallMs: median(wall), bytes: text.length, baselineCpuMs: median(baseline) };
}

function probe(): ProbeResult {
  const cases: ProbeResult['cases'] = {};
  for (const [name, text] of Object.entries(WORST_CASES)) cases[name] = timeCase(text);
  const small = wordsOf(64 * 1024, TRIGGERS, 3);
  const large = `${small} ${small} ${small} ${small}`;
  const linearity = { smallCpuMs: best(3, () => normalize(small)).cpuMs, largeCpuMs: best(3, () => normalize(large)).cpuMs };
  const turn = 'yeah so my order number is six oh two eight one seven four four one seven and I was charged twenty five dollars';
  for (let k = 0; k < 500; k++) normalize(turn);
  const runs = 2000;
  const cpuStart = process.cpuUsage();
  for (let k = 0; k < runs; k++) normalize(turn);
  const cpu = process.cpuUsage(cpuStart);
  return { cases, linearity, turnCpuUs: (cpu.user + cpu.system) / runs };
}

process.stdout.write(JSON.stringify(probe()));
