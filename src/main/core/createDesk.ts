/**
 * The composition root shared by the Electron shell, the web harness and the CLI: opens the encrypted
 * store, loads settings and demo scenarios, and wires the desk to its ports.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LocalAssistEngine } from './assist/localAssistEngine';
import { DemoSimulator } from './demo/demoSimulator';
import { loadScenarioDirectory } from './demo/scenarioLoader';
import { createDeskRequestHandler, type DeskRequestHandler } from './deskRequestHandler';
import { systemClock, type Clock, type KeyStore } from './ports';
import { DeskService, type DeskEmitter } from './session/deskService';
import { SettingsStore } from './settingsStore';
import { StoreClient, type AsyncStore } from './store/storeClient';

export interface DeskConfig {
  dataDir: string;
  keyStore: KeyStore;
  demoScenarioDir: string;
  storeWorkerPath: string;
  /** ['--import', 'tsx'] when the worker is TypeScript source (harness, CLI, tests). */
  storeWorkerExecArgv?: string[];
  managedSettingsPath?: string;
  clock?: Clock;
  emit: DeskEmitter;
  log?: (message: string) => void;
  /** Overrides the saved demo speed (tests and demos run faster than real time). */
  demoSpeedOverride?: number;
}

export interface Desk {
  service: DeskService;
  store: AsyncStore;
  handle: DeskRequestHandler;
  startupProblems: string[];
  close(): Promise<void>;
}

export const DATABASE_FILE = 'whisper-desk.db';

export async function createDesk(config: DeskConfig): Promise<Desk> {
  const clock = config.clock ?? systemClock;
  await fs.mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const key = await config.keyStore.loadOrCreateKey();
  const store = await StoreClient.open({
    databasePath: path.join(config.dataDir, DATABASE_FILE),
    key,
    workerPath: config.storeWorkerPath,
    workerExecArgv: config.storeWorkerExecArgv,
  });
  const settings = new SettingsStore({ userPath: path.join(config.dataDir, 'settings.json'), managedPath: config.managedSettingsPath });
  await settings.load();
  const demoScenarios = await loadScenarioDirectory(config.demoScenarioDir).catch((error: Error) => ({
    scenarios: [],
    errors: [`Demo scenarios could not be read: ${error.message}`],
  }));
  const demo = new DemoSimulator({
    clock,
    scenarios: demoScenarios.scenarios,
    speed: () => config.demoSpeedOverride ?? settings.current.demoSpeed,
    ringTimeoutMs: 120_000,
  });
  const service = new DeskService({
    clock,
    telephony: demo,
    transcripts: demo,
    demo,
    assist: new LocalAssistEngine(),
    store,
    settings,
    storage: { protection: key.protection, warning: key.warning },
    emit: config.emit,
  });
  return {
    service,
    store,
    handle: createDeskRequestHandler(service, config.log),
    startupProblems: [...settings.problems, ...demoScenarios.errors],
    async close() {
      demo.stop();
      await service.flush();
      await store.close();
    },
  };
}
