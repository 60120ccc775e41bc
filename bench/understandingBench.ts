/**
 * The whole understanding pipeline per turn (ITN, entities with the dialogue, comparison with the
 * package, steering, sensitive topics and hand-back advice, knowledge-base tracking, suggestions), as the
 * local engine runs it: 6 000 turns of the demo scenarios replayed on each pack's session, timed per turn.
 * Also: loading and indexing a pack of 1 000 articles, and knowledge-base search over it.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LocalAssistEngine } from '../src/main/core/assist/localAssistEngine';
import { rawPackageOf, parseScenario } from '../src/main/core/demo/scenarioLoader';
import { buildKnowledgeBase, requireDomainPack } from '../src/main/core/pack/domainPackLoader';
import { PackInUse } from '../src/main/core/pack/packInUse';
import { intakePackage } from '../src/shared/handoffIntake';
import { summarise } from './stats';

const ROOT = path.resolve(__dirname, '..');

async function perTurn(packDir: string, scenarioDir: string, turns: number) {
  const pack = await requireDomainPack(packDir);
  const packs = PackInUse.of(pack);
  const engine = new LocalAssistEngine({ packs });
  const scenarios = readdirSync(scenarioDir)
    .filter((name) => name.endsWith('.json'))
    .map((name) => parseScenario(readFileSync(path.join(scenarioDir, name), 'utf8'), name));
  const samples: number[] = [];
  for (let round = 0; samples.length < turns; round++) {
    for (const scenario of scenarios) {
      const session = engine.startSession(intakePackage(rawPackageOf(scenario), pack.facts), { callDate: '2026-06-15' });
      scenario.turns.forEach((turn, index) => {
        if (samples.length >= turns) return;
        const started = performance.now();
        session.onTurn({ index, atMs: turn.atMs, speaker: turn.speaker, text: turn.text });
        samples.push(performance.now() - started);
      });
      session.close();
    }
    if (round > 1000) break;
  }
  return summarise(samples);
}

/** A copy of the second pack with its articles multiplied to 1 000, each made distinct. */
async function thousandArticles() {
  const source = path.join(ROOT, 'resources/packs/northwind-connect');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pack-1000-'));
  try {
    cpSync(source, dir, { recursive: true });
    const articles = readdirSync(path.join(dir, 'articles')).filter((name) => name.endsWith('.md'));
    for (let i = 0; articles.length * (i + 1) < 1_000; i++) {
      for (const name of articles) {
        const text = readFileSync(path.join(dir, 'articles', name), 'utf8');
        const id = `${name.replace(/\.md$/, '')}_v${i}`;
        writeFileSync(
          path.join(dir, 'articles', `${id}.md`),
          text
            .replace(/^id: .*$/m, `id: ${id}`)
            .replace(
              /^title: (.*)$/m,
              (_line, title: string) => `title: ${JSON.stringify(`${title.replace(/^"|"$/g, '')} (variant ${i})`)}`,
            ),
        );
      }
    }
    const count = readdirSync(path.join(dir, 'articles')).length;
    const started = performance.now();
    const pack = await requireDomainPack(dir);
    const loadedAt = performance.now();
    // Indexed in slices; the longest the event loop waits between two slices is what a desk would feel.
    let longestStall = 0;
    let last = performance.now();
    const ticker = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
    }, 1);
    const kb = await buildKnowledgeBase(pack);
    const indexedAt = performance.now();
    clearInterval(ticker);
    const queries = [
      'my internet keeps dropping out',
      'charged for roaming in turkey',
      'lost my phone need a new sim',
      'engineer did not turn up',
      'how do I get my pac code',
      'bill is higher than usual',
    ];
    const searches: number[] = [];
    for (let i = 0; i < 600; i++) {
      const before = performance.now();
      kb.search(queries[i % queries.length]!, 3);
      searches.push(performance.now() - before);
    }
    return {
      articles: count,
      loadMs: Math.round(loadedAt - started),
      indexMs: Math.round(indexedAt - loadedAt),
      totalMs: Math.round(indexedAt - started),
      longestEventLoopStallMs: Math.round(longestStall),
      searchMs: summarise(searches),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runUnderstandingBench(turns = 6_000) {
  return {
    demoPackPerTurnMs: await perTurn(path.join(ROOT, 'resources/packs/abcd-store'), path.join(ROOT, 'resources/demo-scenarios'), turns),
    northwindPerTurnMs: await perTurn(
      path.join(ROOT, 'resources/packs/northwind-connect'),
      path.join(ROOT, 'resources/packs/northwind-connect/scenarios'),
      turns,
    ),
    pack1000Articles: await thousandArticles(),
  };
}

if (require.main === module) {
  runUnderstandingBench().then((result) => console.log(JSON.stringify(result, null, 2)));
}
