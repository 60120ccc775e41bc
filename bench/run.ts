/** `npm run bench`: every benchmark in one run, printed and saved to bench/results/latest.json. */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runAssistLatencyBench } from './assistLatencyBench';
import { runHandBackBench } from './handBackBench';
import { runMetricsBench } from './metricsBench';
import { runReservationToScreenBench } from './reservationToScreenBench';
import { runReservationBench } from './reservationBench';
import { runTranscriptionBench } from './transcriptionBench';
import { runTranscriptionToScreenBench } from './transcriptionToScreenBench';
import { runOpenAiOverheadBench } from './openAiOverheadBench';
import { runRingToRenderBench } from './ringToRenderBench';
import { runStoreInsertBench } from './storeInsertBench';
import { runTranscriptScrollBench } from './transcriptScrollBench';
import { runUnderstandingBench } from './understandingBench';
import { loadDemoPack } from '../test/support/demoPack';

async function main(): Promise<void> {
  await loadDemoPack();
  const results = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    storeInsert: runStoreInsertBench(),
    understanding: await runUnderstandingBench(Number(process.env.BENCH_UNDERSTANDING_TURNS ?? 6_000)),
    ringToRender: await runRingToRenderBench(Number(process.env.BENCH_RINGS ?? 200)),
    assistLatency: await runAssistLatencyBench(),
    openAiOverhead: await runOpenAiOverheadBench(),
    handBack: await runHandBackBench(),
    reservationToCore: await runReservationBench(),
    reservationToScreen: await runReservationToScreenBench(100),
    transcriptionEventToTurn: await runTranscriptionBench(),
    transcriptionEventToScreen: await runTranscriptionToScreenBench(100),
    metrics: runMetricsBench(),
    transcriptScroll: await runTranscriptScrollBench(Number(process.env.BENCH_TURNS ?? 10_000)),
  };
  const outDir = path.join(__dirname, 'results');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify(results, null, 2));
  console.log(JSON.stringify(results, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
