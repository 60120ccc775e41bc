/**
 * The composition root shared by the Electron shell, the web harness and the CLI: opens the encrypted
 * store, loads settings and demo scenarios, and wires the desk to its ports.
 */
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { DeskError } from '../../shared/ipc/envelope';
import { DemoHandBackTransport } from './handback/demoHandBackTransport';
import { HttpHandBackTransport } from './handback/httpHandBackTransport';
import { HandoffTelemetry } from './telemetry/handoffTelemetry';
import { createLivePorts } from './telephony/liveTelephony';
import { TokenEndpointError } from './telephony/tokenEndpoint';
import type { TelephonyStatusView } from '../../shared/ipc/deskContract';
import path from 'node:path';
import { AssistEngineSelector } from './assist/assistEngineSelector';
import { DemoLookups } from './assist/demoLookups';
import { HttpLookups } from './assist/httpLookups';
import { LocalAssistEngine } from './assist/localAssistEngine';
import { PackInUse } from './pack/packInUse';
import { choosableTasks } from './session/handBackFlow';
import { DemoSimulator } from './demo/demoSimulator';
import { loadScenarioDirectory } from './demo/scenarioLoader';
import { redactTurnText } from './privacy/piiRedactor';
import { checkedDeskEmitter, contractChecksEnabled } from './deskContractChecks';
import { createDeskRequestHandler, type DeskRequestHandler } from './deskRequestHandler';
import { systemClock, type Clock, type KeyStore, type SecretStore } from './ports';
import { DeskService, type DeskEmitter } from './session/deskService';
import type { PolicySource } from './policy/managedPolicy';
import { SettingsStore } from './settingsStore';
import { StoreClient, type AsyncStore } from './store/storeClient';

const APP_VERSION = '0.1.0';

export interface DeskConfig {
  dataDir: string;
  keyStore: KeyStore;
  /** Where the OpenAI API key is kept; only the main process ever reads it. */
  secretStore: SecretStore;
  demoScenarioDir: string;
  /** The embedded demo domain pack (resources/packs/abcd-store), used when settings name none or theirs is refused. */
  demoPackDir: string;
  /** A pack folder that wins over settings (the harness's and CLI's --pack). */
  packOverrideDir?: string;
  storeWorkerPath: string;
  /** ['--import', 'tsx'] when the worker is TypeScript source (harness, CLI, tests). */
  storeWorkerExecArgv?: string[];
  /** The managed-settings JSON file as the only policy source (harness, CLI); the app passes policySources. */
  managedSettingsPath?: string;
  /** IT's policies, highest precedence first (platformPolicySources). */
  policySources?: readonly PolicySource[];
  clock?: Clock;
  emit: DeskEmitter;
  /**
   * Check request outputs and event payloads against the contract's schemas, throwing a
   * ContractViolationError on a mismatch (deskContractChecks.ts). Default: contractChecksEnabled().
   */
  checkContracts?: boolean;
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

/** OTLP export when IT set a collector; the desk id is a random install id, never a person or a host name. */
async function startTelemetry(dataDir: string, endpoint: string, problems: string[]): Promise<HandoffTelemetry | undefined> {
  if (!endpoint) return undefined;
  try {
    const idFile = path.join(dataDir, 'desk-id');
    const deskId = await fs.readFile(idFile, 'utf8').catch(async () => {
      const id = randomUUID();
      await fs.writeFile(idFile, id, { mode: 0o600 });
      return id;
    });
    return new HandoffTelemetry({ endpoint, deskId: deskId.trim(), appVersion: APP_VERSION });
  } catch (error) {
    problems.push(`Metrics export is off: ${(error as Error).message}`);
    return undefined;
  }
}

/** Opens (creating if needed) the encrypted call store in dataDir, in its worker thread. */
export async function openCallStore(config: Pick<DeskConfig, 'dataDir' | 'keyStore' | 'storeWorkerPath' | 'storeWorkerExecArgv'>) {
  await fs.mkdir(config.dataDir, { recursive: true, mode: 0o700 });
  const databasePath = path.join(config.dataDir, DATABASE_FILE);
  const databaseExists = await fs.stat(databasePath).then(
    (stat) => stat.size > 0,
    () => false,
  );
  const key = await config.keyStore.loadOrCreateKey({ databaseExists });
  const store = await StoreClient.open({
    databasePath,
    key,
    workerPath: config.storeWorkerPath,
    workerExecArgv: config.storeWorkerExecArgv,
  });
  return { store, key };
}

export async function createDesk(config: DeskConfig): Promise<Desk> {
  const clock = config.clock ?? systemClock;
  const checkContracts = config.checkContracts ?? contractChecksEnabled();
  const emit = checkContracts ? checkedDeskEmitter(config.emit) : config.emit;
  const { store, key } = await openCallStore(config);
  const settings = new SettingsStore(
    { userPath: path.join(config.dataDir, 'settings.json'), managedPath: config.managedSettingsPath, policySources: config.policySources },
    { clearSecret: (name) => config.secretStore.set(name, '') },
  );
  await settings.load();
  const demoScenarios = await loadScenarioDirectory(config.demoScenarioDir).catch((error: Error) => ({
    scenarios: [],
    errors: [`Demo scenarios could not be read: ${error.message}`],
  }));
  const problems = [...settings.problems, ...demoScenarios.errors];
  // A damaged pack is refused with its problems and the desk runs on the demo pack: never a blank panel.
  const packs = await PackInUse.open(
    { configuredDir: config.packOverrideDir ?? (settings.current.domainPack || undefined), demoDir: config.demoPackDir },
    problems,
  );
  settings.restrictHandBackTasks((task) =>
    packs.current.pack.manifest.handBack.tasks.some((candidate) => candidate.id === task && candidate.routine),
  );
  problems.push(...settings.problems.filter((problem) => !problems.includes(problem)));
  if (store.integrityProblems.length) {
    problems.push(
      `The call database's integrity check found damage (${store.integrityProblems.slice(0, 3).join('; ')}). Calls may be missing from history; ask IT to restore a backup.`,
    );
  }
  const { lookupBaseUrl } = settings.current;
  const lookups = lookupBaseUrl ? new HttpLookups(lookupBaseUrl) : new DemoLookups(demoScenarios.scenarios, packs);
  const demo = new DemoSimulator({
    clock,
    scenarios: demoScenarios.scenarios,
    speed: () => config.demoSpeedOverride ?? settings.current.demoSpeed,
    ringTimeoutMs: 120_000,
  });
  // The engine is chosen per call (settings.assistEngine and a stored key), so a change needs no restart.
  const assist = await AssistEngineSelector.create(
    {
      settings: () => settings.current,
      secrets: config.secretStore,
      local: new LocalAssistEngine({ packs, lookups }),
      packs,
      lookups,
    },
    problems,
  );
  const telemetry = await startTelemetry(config.dataDir, settings.current.otlpEndpoint, problems);
  // A real contact center only when IT asked for it and said where tokens come from; demo mode otherwise.
  const wantsLive = settings.current.telephonyMode === 'twilio';
  if (wantsLive && !settings.current.tokenEndpointUrl)
    problems.push('Telephony is set to Twilio but no token endpoint is configured; running in demo mode.');
  const live =
    wantsLive && settings.current.tokenEndpointUrl
      ? createLivePorts({
          settings: settings.current,
          secrets: config.secretStore,
          clock,
          callClockStart: (callId) => service.acceptedAt(callId),
        })
      : undefined;
  let telephonyStatus: TelephonyStatusView = { mode: 'twilio', connected: false, error: 'Connecting to TaskRouter…' };
  const service: DeskService = new DeskService({
    clock,
    telephony: live?.telephony ?? demo,
    transcripts: live?.transcripts ?? demo,
    demo: live ? undefined : demo,
    live: live && {
      status: () => telephonyStatus,
      setAvailability: (availability) => live.telephony.setAvailability(availability),
      voiceToken: async () => {
        try {
          const { token, identity, iceServers } = await live.tokens.fetchToken('voice');
          return { token, identity, ...(iceServers ? { iceServers } : {}) };
        } catch (error) {
          // Its messages are written for the agent; the endpoint's URL and credential are not in them.
          if (error instanceof TokenEndpointError) throw new DeskError('unavailable', error.message);
          throw error;
        }
      },
      pushAudio: (callId, speaker, pcm16) => live.transcripts.pushAudio(callId, speaker, pcm16),
    },
    assist,
    assistant: assist,
    packs,
    store,
    settings,
    storage: { protection: key.protection, warning: key.warning },
    emit,
    handBackTransport: async () => {
      const { handBackEndpoint, handBackAllowList } = settings.current;
      // The demo AI agent can do the pack's routine tasks IT allows.
      if (!handBackEndpoint) return new DemoHandBackTransport(clock, choosableTasks(packs.current, handBackAllowList));
      const secret = await config.secretStore.get('hand_back_signing_secret');
      if (!secret) throw new DeskError('wrong_state', 'A hand-back endpoint is set but no signing secret is stored on this desk; ask IT.');
      return new HttpHandBackTransport({ endpoint: handBackEndpoint, secret });
    },
    telemetry: () => telemetry,
  });
  // Calls the last run never closed (a crash, a kill) are closed now, so history and metrics count them.
  const recovered = await service.recoverInterruptedCalls();
  if (recovered.length) {
    problems.push(
      `${recovered.length} call${recovered.length === 1 ? ' was' : 's were'} interrupted when the app last stopped; ${recovered.length === 1 ? 'it is' : 'they are'} in the call history, marked interrupted.`,
    );
  }
  if (live) {
    live.transcripts.onStatus((status) => {
      service.transcriptionChanged(status.callId, status);
      if (status.state === 'failed') emit('notice', { level: 'warning', message: `Live transcript: ${status.message}` });
    });
    // Interim words are shown as they come, so they are masked like finished turns.
    live.transcripts.onInterim((callId, speaker, text) => emit('transcriptInterim', { callId, speaker, text: redactTurnText(text).text }));
    live
      .start((status) => {
        telephonyStatus = { mode: 'twilio', connected: status.connected, availability: status.availability, error: status.error };
        emit('telephonyStatus', telephonyStatus);
      })
      .catch((error: Error) => {
        telephonyStatus = { mode: 'twilio', connected: false, error: error.message };
        emit('telephonyStatus', telephonyStatus);
      });
  }
  return {
    service,
    store,
    handle: createDeskRequestHandler(service, { log: config.log, checkOutputs: checkContracts }),
    startupProblems: problems,
    async close() {
      demo.stop();
      live?.stop();
      await service.flush();
      await telemetry?.shutdown().catch(() => undefined);
      await store.close();
    },
  };
}
