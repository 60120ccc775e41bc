/**
 * Scores the understanding stages on text corpora (JSONL), the way the call evaluation scores whole
 * calls: attempts to steer the assistant and ordinary utterances, spoken values given as a caller's
 * answer, and the ITN table. Prints one JSON object; used for first-contact and after figures.
 *
 *   npx tsx tools/eval/corpora.ts [--steering FILE] [--values FILE] [--itn FILE] [--pack DIR] [--misses N]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { looksLikeInjection } from '../../src/main/core/assist/injectionDetector';
import { requireDomainPack } from '../../src/main/core/pack/domainPackLoader';
import { CallUnderstanding } from '../../src/main/core/understanding/callUnderstanding';
import { normalize } from '../../src/main/core/understanding/itn';

const ROOT = path.resolve(__dirname, '../..');

function jsonl<T>(file: string): T[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as T);
}

interface SteeringRow {
  id: string;
  text: string;
  label: 'attempt' | 'ordinary';
  where: string;
  hard?: boolean;
}
interface ValueRow {
  id: string;
  kind: string;
  agent: string;
  customer: string;
  value: string;
}
interface ItnRow {
  id: string;
  spoken: string;
  written: string;
  category: string;
  unsure?: boolean;
}

function rate(hit: number, total: number) {
  return { hit, total, rate: total ? Math.round((hit / total) * 1000) / 1000 : null };
}

function steering(file: string, misses: number) {
  const rows = jsonl<SteeringRow>(file);
  const flagged = (row: SteeringRow) =>
    looksLikeInjection(row.text, row.where.startsWith('package') ? 'package' : row.where === 'agent' ? 'agent' : 'customer');
  const attempts = rows.filter((row) => row.label === 'attempt');
  const ordinary = rows.filter((row) => row.label === 'ordinary');
  const byWhere = (list: SteeringRow[]) =>
    Object.fromEntries(
      [...new Set(list.map((row) => (row.where.startsWith('package') ? 'package' : row.where)))].map((where) => {
        const part = list.filter((row) => (row.where.startsWith('package') ? 'package' : row.where) === where);
        return [where, rate(part.filter(flagged).length, part.length)];
      }),
    );
  return {
    attemptsFlagged: rate(attempts.filter(flagged).length, attempts.length),
    ordinaryFlagged: rate(ordinary.filter(flagged).length, ordinary.length),
    hardOrdinaryFlagged: rate(ordinary.filter((row) => row.hard && flagged(row)).length, ordinary.filter((row) => row.hard).length),
    attemptsByWhere: byWhere(attempts),
    ordinaryByWhere: byWhere(ordinary),
    missedAttempts: attempts
      .filter((row) => !flagged(row))
      .slice(0, misses)
      .map((row) => row.text),
    falseFlags: ordinary
      .filter(flagged)
      .slice(0, misses)
      .map((row) => row.text),
  };
}

async function values(file: string, packDir: string, misses: number) {
  const pack = await requireDomainPack(packDir);
  const rows = jsonl<ValueRow>(file);
  const byKind: Record<string, { hit: number; total: number }> = {};
  const wrong: string[] = [];
  for (const row of rows) {
    const understanding = new CallUnderstanding(pack.facts, undefined, { callDate: '2026-06-15' });
    understanding.onTurn({ index: 0, atMs: 0, speaker: 'agent', text: row.agent });
    understanding.onTurn({ index: 1, atMs: 1, speaker: 'customer', text: row.customer });
    const got = understanding.heard.find((fact) => fact.name === row.kind)?.value;
    const entry = (byKind[row.kind] ??= { hit: 0, total: 0 });
    entry.total += 1;
    if (got === row.value) entry.hit += 1;
    else if (wrong.length < misses) wrong.push(`${row.kind}: "${row.customer}" → ${JSON.stringify(got ?? null)}, want ${row.value}`);
  }
  return { byKind: Object.fromEntries(Object.entries(byKind).map(([kind, { hit, total }]) => [kind, rate(hit, total)])), misses: wrong };
}

function itn(file: string, misses: number) {
  const rows = jsonl<ItnRow>(file);
  const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
  const byCategory: Record<string, { hit: number; total: number }> = {};
  const wrong: string[] = [];
  let sure = 0;
  let sureHit = 0;
  for (const row of rows) {
    const got = squash(normalize(row.spoken).written);
    const ok = got === squash(row.written);
    const entry = (byCategory[row.category] ??= { hit: 0, total: 0 });
    entry.total += 1;
    if (ok) entry.hit += 1;
    if (!row.unsure) {
      sure += 1;
      if (ok) sureHit += 1;
    }
    if (!ok && wrong.length < misses) wrong.push(`[${row.category}] "${row.spoken}" → "${got}", want "${row.written}"`);
  }
  const total = rows.length;
  const hit = Object.values(byCategory).reduce((sum, entry) => sum + entry.hit, 0);
  return {
    all: rate(hit, total),
    sure: rate(sureHit, sure),
    byCategory: Object.fromEntries(Object.entries(byCategory).map(([name, { hit: h, total: t }]) => [name, rate(h, t)])),
    misses: wrong,
  };
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      steering: { type: 'string' },
      values: { type: 'string' },
      itn: { type: 'string' },
      pack: { type: 'string', default: path.join(ROOT, 'resources/packs/abcd-store') },
      misses: { type: 'string', default: '0' },
    },
  });
  const misses = Number(args.misses);
  const report: Record<string, unknown> = {};
  if (args.steering) report.steering = steering(args.steering, misses);
  if (args.values) report.values = await values(args.values, args.pack!, misses);
  if (args.itn) report.itn = itn(args.itn, misses);
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`, () => process.exit(0));
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
