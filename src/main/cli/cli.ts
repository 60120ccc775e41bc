/**
 * Headless CLI on the same core as the app.
 *
 *   cli replay <scenario.json> [--json] [--data-dir DIR]   replay one call through the live pipeline
 *   cli eval --scenarios DIR [--json]                      replay every *.json in DIR and score it
 *   cli normalize [--json]                                 written form of each stdin line (normalizeCommand.ts)
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { LocalAssistEngine } from '../core/assist/localAssistEngine';
import { loadKnowledgeBase } from '../core/assist/knowledgeBase';
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
  cli replay <scenario.json> [--json] [--data-dir DIR]
  cli eval --scenarios DIR [--json]
  cli metrics --data-dir DIR [--json] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--trigger CODE]
  cli normalize [--json]`;

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
    },
  });
  const [command, target] = positionals;
  if (command === 'replay' && target) return replayCommand(target, values.json!, values['data-dir']);
  if (command === 'eval' && values.scenarios) return evalCommand(values.scenarios, values.json!);
  if (command === 'normalize') return normalizeCommand(values.json!);
  if (command === 'metrics' && values['data-dir']) {
    return metricsCommand(values['data-dir'], values.json!, { fromMs: day(values.from, '--from'), toMs: day(values.to, '--to', 1), triggerCode: values.trigger });
  }
  console.error(USAGE);
  return 2;
}

const KNOWLEDGE_BASE_DIR = path.resolve(__dirname, '../../../resources/kb/abcd');

async function assistEngine(): Promise<LocalAssistEngine> {
  return new LocalAssistEngine({ knowledgeBase: await loadKnowledgeBase(KNOWLEDGE_BASE_DIR) });
}

async function replayCommand(file: string, json: boolean, dataDir?: string): Promise<number> {
  const scenario = parseScenario(await fs.readFile(file, 'utf8'), path.basename(file));
  const options: ReplayOptions = { assist: await assistEngine() };
  let close = async () => {};
  if (dataDir) {
    // The desk's own store setup, so a replayed call lands in that directory's history like any other.
    const directory = path.resolve(dataDir);
    const { store } = await openCallStore({ dataDir: directory, keyStore: new FileKeyStore(path.join(directory, 'db.key')), ...SOURCE_STORE_WORKER });
    options.store = store;
    close = () => store.close();
  }
  try {
    const { output } = await replayScenario(scenario, options);
    console.log(json ? JSON.stringify(output) : describeReplay(output));
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

async function evalCommand(directory: string, json: boolean): Promise<number> {
  const files = (await fs.readdir(directory)).filter((name) => name.endsWith('.json')).sort();
  const assist = await assistEngine();
  const entries: EvalEntry[] = [];
  for (const file of files) {
    const entry: EvalEntry = { file };
    entries.push(entry);
    try {
      const scenario = parseScenario(await fs.readFile(path.join(directory, file), 'utf8'), file);
      entry.id = scenario.id;
      const { output } = await replayScenario(scenario, { assist });
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
  if (json) {
    console.log(JSON.stringify({ scenarios: entries.filter((entry) => !entry.error), errors, totals }, null, 2));
  } else {
    for (const entry of entries) {
      if (entry.score) console.log(`${entry.id}: ${entry.score.misses.length ? entry.score.misses.join('\n    ') : 'all correct'}`);
    }
    console.log(JSON.stringify(totals, null, 2));
  }
  return 0;
}

/** The same figures as the metrics view, from the same encrypted store. */
async function metricsCommand(dataDir: string, json: boolean, filter: MetricsFilter): Promise<number> {
  const directory = path.resolve(dataDir);
  const { store } = await openCallStore({ dataDir: directory, keyStore: new FileKeyStore(path.join(directory, 'db.key')), ...SOURCE_STORE_WORKER });
  try {
    const metrics = await store.queryMetrics(filter);
    if (json) console.log(JSON.stringify(metrics));
    else {
      const t = metrics.handoffTime;
      console.log(`${metrics.calls} calls`);
      console.log(`trigger -> package  p50 ${t.triggerToPackageMs.p50} ms  p95 ${t.triggerToPackageMs.p95} ms (target 500)`);
      console.log(`ring -> pickup      p50 ${t.ringToPickupMs.p50} ms  p95 ${t.ringToPickupMs.p95} ms (target 30000)`);
      console.log(`pickup -> greeting  p50 ${t.pickupToGreetingMs.p50} ms  p95 ${t.pickupToGreetingMs.p95} ms (target 5000)`);
      console.log(`context accuracy ${metrics.contextAccuracy.mean}  repeats/call ${metrics.repeats.perCall}  CSAT ${metrics.csat.mean} (${metrics.csat.responses})`);
    }
  } finally {
    await store.close();
  }
  return 0;
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`error: ${error.message}`);
    process.exit(1);
  },
);
