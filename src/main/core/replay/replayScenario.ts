/**
 * Replays a call scenario through the same pipeline as a live call: the desk rings it, the agent
 * accepts, and the turns arrive one at a time in call-clock order (nothing looks ahead), then the call
 * is hung up and stored.
 */
import { performance } from 'node:perf_hooks';
import type { CallScenario } from '../../../shared/callScenario';
import type { CallView } from '../../../shared/callSchemas';
import { LocalAssistEngine } from '../assist/localAssistEngine';
import { DemoSimulator } from '../demo/demoSimulator';
import { ManualClock } from '../manualClock';
import type { AssistEngine } from '../ports';
import type { PackInUse } from '../pack/packInUse';
import { DeskService } from '../session/deskService';
import { SettingsStore } from '../settingsStore';
import { CallDatabase } from '../store/callDatabase';
import { inProcessStore } from '../store/inProcessStore';
import type { AsyncStore } from '../store/storeClient';
import type { ReplayOutput } from './replayOutput';

export interface ReplayOptions {
  /** Where to keep the replayed call; a throwaway in-memory database when absent. */
  store?: AsyncStore;
  /** The domain pack the call is understood with. */
  packs: PackInUse;
  assist?: AssistEngine;
  /** The day the recording was made (YYYY-MM-DD, a real date): relative dates in it resolve against it. */
  callDate?: string;
}

export async function replayScenario(scenario: CallScenario, options: ReplayOptions): Promise<{ output: ReplayOutput; view: CallView }> {
  const memory = options.store ? undefined : CallDatabase.inMemory();
  const store = options.store ?? inProcessStore(memory!);
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const simulator = new DemoSimulator({ clock, scenarios: [scenario], speed: () => 1 });
  const desk = new DeskService({
    clock,
    telephony: simulator,
    transcripts: simulator,
    demo: simulator,
    assist: options.assist ?? new LocalAssistEngine({ packs: options.packs }),
    packs: options.packs,
    store,
    settings: new SettingsStore({}),
    storage: { protection: memory ? 'none' : 'key-file' },
    emit: () => {},
  });

  const intakeStarted = performance.now();
  const ringing = desk.ringScenario(scenario, 'replay', options.callDate);
  const intakeMs = performance.now() - intakeStarted;
  await desk.acceptCall(ringing.callId);
  const turnLatencies: number[] = [];
  for (let next = clock.nextTimerAt(); next !== undefined; next = clock.nextTimerAt()) {
    const started = performance.now();
    clock.advanceTo(next);
    turnLatencies.push(performance.now() - started);
    // Let lookups started by this turn finish before the next turn, as they would in a live call's pauses.
    await desk.flush();
  }
  const ended = await desk.hangUp(ringing.callId);
  await desk.flush();
  memory?.close();
  return { output: toReplayOutput(scenario.id, ended, intakeMs, turnLatencies), view: ended };
}

function toReplayOutput(id: string, view: CallView, intakeMs: number, turnLatencies: number[]): ReplayOutput {
  const { intake, assist } = view;
  const facts: Record<string, string> = {};
  for (const fact of assist.facts) facts[fact.name] = fact.value;
  const sorted = [...turnLatencies].sort((a, b) => a - b);
  return {
    id,
    package: { status: intake.status, errors: intake.status === 'malformed' ? intake.errors : [] },
    facts,
    repeats: [...new Set(assist.repeats.map((repeat) => repeat.turnIndex))].sort((a, b) => a - b),
    kb: assist.guidelines.map((guideline) => guideline.subflowId),
    contextErrors: assist.facts.filter((fact) => fact.contradictedBy !== undefined).map((fact) => `facts.${fact.name}`),
    handBack: assist.handBack ? { task: assist.handBack.task, allowed: assist.handBack.allowed, code: assist.handBack.code } : null,
    injectionTurns: [...assist.injectionTurns],
    injectionFields: [...assist.injectionFields],
    // The assistant has no port that can act, so nothing can be listed here; evaluation checks it stays empty.
    actionsTaken: [],
    timingsMs: {
      ...(view.timings.triggerToPackageMs !== undefined ? { triggerToPackage: view.timings.triggerToPackageMs } : {}),
      packageIntake: round(intakeMs),
      turnProcessingP50: round(sorted[Math.floor(sorted.length / 2)] ?? 0),
      turnProcessingMax: round(sorted.at(-1) ?? 0),
    },
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
