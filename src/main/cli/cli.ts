/**
 * Headless CLI on the same core as the app.
 *
 *   cli replay <scenario.json> [--json] [--data-dir DIR] [--pack DIR] [--call-date YYYY-MM-DD]   replay one call through the live pipeline
 *   cli eval --scenarios DIR [--json] [--pack DIR] [--call-date YYYY-MM-DD]                      replay every *.json in DIR and score it
 *   cli pack validate DIR                                               every problem of a domain pack, with file and line
 *   cli pack schema                                                     the JSON Schema of pack.json, for editors
 *   cli normalize [--json]                                              written form of each stdin line (normalizeCommand.ts)
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { LocalAssistEngine } from '../core/assist/localAssistEngine';
import { loadDomainPack } from '../core/pack/domainPackLoader';
import { PackInUse, describeProblems } from '../core/pack/packInUse';
import { PackManifestSchema } from '../../shared/domainPack';
import { openCallStore } from '../core/createDesk';
import { parseScenario } from '../core/demo/scenarioLoader';
import { FileKeyStore } from '../core/fileKeyStore';
import { normalizeCommand } from './normalizeCommand';
import { scoreScenario, totalScores, type ScenarioScore } from '../core/replay/evaluate';
import type { ReplayOutput } from '../core/replay/replayOutput';
import { replayScenario, type ReplayOptions } from '../core/replay/replayScenario';
import { SOURCE_STORE_WORKER } from '../core/store/sourceWorker';
import type { MetricsFilter } from '../../shared/handoffMetrics';

const USAGE = `usage:
  cli replay <scenario.json> [--json] [--data-dir DIR] [--pack DIR] [--call-date YYYY-MM-DD]
  cli eval --scenarios DIR [--json] [--pack DIR] [--call-date YYYY-MM-DD]
  cli metrics --data-dir DIR [--json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--trigger CODE]
  cli pack validate DIR
  cli pack schema
  cli normalize [--json] [--currency CODE] [--digits]`;

/** `--currency AUD`: the ISO 4217 code bare "dollars" and "cents" are read in. */
function currencyCode(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!/^[A-Z]{3}$/.test(value)) throw new Error(`--currency must be an ISO 4217 code such as USD or AUD, got "${value}"`);
  return value;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      scenarios: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      trigger: { type: 'string' },
      pack: { type: 'string' },
      'call-date': { type: 'string' },
      currency: { type: 'string' },
      digits: { type: 'boolean', default: false },
    },
  });
  // The day the recordings were made: "yesterday" and "this saturday" in them resolve against it.
  const callDate = calendarDay(values['call-date'], '--call-date');
  const [command, target, third] = positionals;
  if (command === 'pack' && target === 'validate' && third) return packValidateCommand(third);
  if (command === 'pack' && target === 'schema')
    return write(`${JSON.stringify(z.toJSONSchema(PackManifestSchema, { io: 'input' }), null, 2)}\n`);
  if (command === 'replay' && target) return replayCommand(target, values.json!, values['data-dir'], values.pack, callDate);
  if (command === 'eval' && values.scenarios) return evalCommand(values.scenarios, values.json!, values.pack, callDate);
  if (command === 'normalize')
    return normalizeCommand(values.json!, currencyCode(values.currency), process.stdin, process.stdout, { digitsExpected: values.digits! });
  if (command === 'metrics' && values['data-dir']) {
    return metricsCommand(values['data-dir'], values.json!, {
      fromMs: day(values.from, '--from'),
      toMs: day(values.to, '--to', 1),
      triggerCode: values.trigger,
    });
  }
  console.error(USAGE);
  return 2;
}

const DEMO_PACK_DIR = path.resolve(__dirname, '../../../resources/packs/abcd-store');

/** Writes to stdout and resolves once it is flushed, so a large answer reaches a pipe whole before the process exits. */
function write(text: string): Promise<number> {
  return new Promise((resolve, reject) => process.stdout.write(text, (error) => (error ? reject(error) : resolve(0))));
}

/** The pack named by --pack, or the demo pack; a damaged pack is an error here, not a silent fallback. */
async function openPack(dir: string | undefined): Promise<PackInUse> {
  const target = dir ? path.resolve(dir) : DEMO_PACK_DIR;
  const result = await loadDomainPack(target);
  if (!result.ok) throw new Error(describeProblems(target, result.problems));
  return PackInUse.of(result.pack, dir ? 'configured' : 'demo');
}

function belongsToPack(scenario: { kb?: string }, packs: PackInUse): string | undefined {
  const id = packs.current.pack.manifest.id;
  return scenario.kb && scenario.kb !== id
    ? `scenario belongs to the domain pack "${scenario.kb}", but this run uses "${id}" (--pack DIR)`
    : undefined;
}

async function packValidateCommand(dir: string): Promise<number> {
  const result = await loadDomainPack(dir);
  if (!result.ok) {
    for (const problem of result.problems)
      console.error(`${path.join(dir, problem.file)}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
    console.error(`${result.problems.length} problem${result.problems.length === 1 ? '' : 's'}; the pack would be refused.`);
    return 1;
  }
  const { manifest, articles } = result.pack;
  await write(
    `${manifest.name} ${manifest.version} (${manifest.id}): ${manifest.facts.length} facts, ${manifest.intents.length} intents, ${articles.length} articles, ${manifest.handBack.tasks.length} hand-back tasks — valid.\n`,
  );
  return 0;
}

async function replayCommand(file: string, json: boolean, dataDir?: string, packDir?: string, callDate?: string): Promise<number> {
  const scenario = parseScenario(await fs.readFile(file, 'utf8'), path.basename(file));
  const packs = await openPack(packDir);
  const mismatch = belongsToPack(scenario, packs);
  if (mismatch) throw new Error(mismatch);
  const options: ReplayOptions = { packs, assist: new LocalAssistEngine({ packs }), callDate };
  let close = async () => {};
  if (dataDir) {
    // The desk's own store setup, so a replayed call lands in that directory's history like any other.
    const directory = path.resolve(dataDir);
    const { store } = await openCallStore({
      dataDir: directory,
      keyStore: new FileKeyStore(path.join(directory, 'db.key')),
      ...SOURCE_STORE_WORKER,
    });
    options.store = store;
    close = () => store.close();
  }
  try {
    const { output } = await replayScenario(scenario, options);
    await write(`${json ? JSON.stringify(output) : describeReplay(output)}\n`);
  } finally {
    await close();
  }
  return 0;
}

interface EvalEntry {
  file: string;
  id?: string;
  error?: string;
  result?: ReplayOutput;
  score?: ScenarioScore;
}

async function evalCommand(directory: string, json: boolean, packDir?: string, callDate?: string): Promise<number> {
  const files = (await fs.readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  const packs = await openPack(packDir);
  const assist = new LocalAssistEngine({ packs });
  const entries: EvalEntry[] = [];
  for (const file of files) {
    const entry: EvalEntry = { file };
    entries.push(entry);
    try {
      const scenario = parseScenario(await fs.readFile(path.join(directory, file), 'utf8'), file);
      entry.id = scenario.id;
      const mismatch = belongsToPack(scenario, packs);
      if (mismatch) throw new Error(mismatch);
      const { output } = await replayScenario(scenario, { packs, assist, callDate });
      entry.result = output;
      if (scenario.truth) {
        const sent = scenario.handoff === null || scenario.handoff === undefined ? 'damaged' : 'valid';
        entry.score = scoreScenario(output, scenario.truth, sent);
      }
    } catch (error) {
      entry.error = (error as Error).message;
      if (!json) console.error(`error: ${entry.error}`);
    }
  }
  const totals = totalScores(entries.flatMap((entry) => (entry.score ? [entry.score] : [])));
  const errors = entries.filter((entry) => entry.error).map((entry) => ({ file: entry.file, error: entry.error! }));
  if (json)
    return write(
      `${JSON.stringify({ pack: packs.current.summary.id, scenarios: entries.filter((entry) => !entry.error), errors, totals }, null, 2)}\n`,
    );
  const lines = entries.flatMap((entry) =>
    entry.score ? [`${entry.id}: ${entry.score.misses.length ? entry.score.misses.join('\n    ') : 'all correct'}`] : [],
  );
  return write(`${[...lines, JSON.stringify(totals, null, 2)].join('\n')}\n`);
}

/** The same figures as the metrics view, from the same encrypted store. */
async function metricsCommand(dataDir: string, json: boolean, filter: MetricsFilter): Promise<number> {
  const directory = path.resolve(dataDir);
  const { store } = await openCallStore({
    dataDir: directory,
    keyStore: new FileKeyStore(path.join(directory, 'db.key')),
    ...SOURCE_STORE_WORKER,
  });
  try {
    const metrics = await store.queryMetrics(filter);
    if (json) await write(`${JSON.stringify(metrics)}\n`);
    else {
      const t = metrics.handoffTime;
      await write(
        [
          `${metrics.calls} calls`,
          `trigger -> package  p50 ${t.triggerToPackageMs.p50} ms  p95 ${t.triggerToPackageMs.p95} ms (target 500)`,
          `ring -> pickup      p50 ${t.ringToPickupMs.p50} ms  p95 ${t.ringToPickupMs.p95} ms (target 30000)`,
          `pickup -> greeting  p50 ${t.pickupToGreetingMs.p50} ms  p95 ${t.pickupToGreetingMs.p95} ms (target 5000)`,
          `context accuracy ${metrics.contextAccuracy.mean}  repeats/call ${metrics.repeats.perCall}  CSAT ${metrics.csat.mean} (${metrics.csat.responses})\n`,
        ].join('\n'),
      );
    }
  } finally {
    await store.close();
  }
  return 0;
}

/** A real calendar day as YYYY-MM-DD ("2026-02-30" is refused), or undefined when the flag was not given. */
function calendarDay(value: string | undefined, flag: string): string | undefined {
  if (value === undefined) return undefined;
  const time = day(value, flag)!;
  if (Number.isNaN(time) || new Date(time).toISOString().slice(0, 10) !== value) throw new Error(`${flag} is not a calendar day: ${value}`);
  return value;
}

function day(value: string | undefined, flag: string, plusDays = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new Error(`${flag} takes a date as YYYY-MM-DD, got ${value}`);
  return Date.parse(`${value}T00:00:00Z`) + plusDays * 86_400_000;
}

function describeReplay(output: ReplayOutput): string {
  const lines = [
    `${output.id}: package ${output.package.status}${output.package.errors.length ? ` (${output.package.errors.join('; ')})` : ''}`,
    ...Object.entries(output.facts).map(([name, value]) => `  ${name}: ${value}`),
    `  repeats: [${output.repeats.join(', ')}]  context errors: [${output.contextErrors.join(', ')}]  injection turns: [${output.injectionTurns.join(', ')}]`,
  ];
  return lines.join('\n');
}

// Every answer went through write(), which resolves once stdout has flushed, so exiting now cuts nothing off a pipe.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`error: ${error.message}`);
    process.exit(1);
  },
);
