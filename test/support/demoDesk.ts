/** A desk for core tests: demo simulator on a manual clock, local assist engine, in-memory store. */
import { checkedDeskEmitter } from '../../src/main/core/deskContractChecks';
import { LocalAssistEngine } from '../../src/main/core/assist/localAssistEngine';
import { DemoSimulator } from '../../src/main/core/demo/demoSimulator';
import { ManualClock } from '../../src/main/core/manualClock';
import { DeskService, type DeskServiceOptions } from '../../src/main/core/session/deskService';
import { SettingsStore } from '../../src/main/core/settingsStore';
import { CallDatabase } from '../../src/main/core/store/callDatabase';
import { inProcessStore } from '../../src/main/core/store/inProcessStore';
import type { CallScenario } from '../../src/shared/callScenario';
import type { DeskEventName } from '../../src/shared/ipc/deskContract';
import { contractCheckedDesk } from './contractCheckedDesk';
import { demoPacks } from './demoPack';

export interface DemoDeskOptions {
  scenarios?: CallScenario[];
  speed?: number;
  ringTimeoutMs?: number;
  startAt?: number;
  /** Anything else of DeskServiceOptions to set or replace (assist engine, hand-back transport…). */
  overrides?: Partial<DeskServiceOptions>;
}

export function demoDesk(options: DemoDeskOptions = {}) {
  const clock = new ManualClock(options.startAt ?? 1_000_000);
  const events: Array<{ event: DeskEventName; payload: unknown }> = [];
  const simulator = new DemoSimulator({
    clock,
    scenarios: options.scenarios ?? [],
    speed: () => options.speed ?? 1,
    ringTimeoutMs: options.ringTimeoutMs,
  });
  const database = CallDatabase.inMemory();
  const packs = demoPacks();
  const service = new DeskService({
    clock,
    telephony: simulator,
    transcripts: simulator,
    demo: simulator,
    assist: new LocalAssistEngine({ packs }),
    packs,
    store: inProcessStore(database),
    settings: new SettingsStore({}),
    storage: { protection: 'key-file' },
    // Every event a core test provokes is checked against its schema in the contract.
    emit: checkedDeskEmitter((event, payload) => events.push({ event, payload })),
    ...options.overrides,
  });
  // Every result of a contract method a core test calls is checked against its output schema.
  const desk = contractCheckedDesk(service);
  return { desk, clock, events, database, simulator };
}
