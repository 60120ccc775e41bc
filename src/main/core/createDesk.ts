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
import { loadKnowledgeBase, type KnowledgeBase } from './assist/knowledgeBase';
import { LocalAssistEngine } from './assist/localAssistEngine';
import { DemoSimulator } from './demo/demoSimulator';
import { loadScenarioDirectory } from './demo/scenarioLoader';
import { redactTurnText } from './privacy/piiRedactor';
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
  /** The ABCD guideline data (guidelines.json, kb.json, ontology.json). */
  knowledgeBaseDir: string;
  storeWorkerPath: string;
  /** ['--import', 'tsx'] when the worker is TypeScript source (harness, CLI, tests). */
  storeWorkerExecArgv?: string[];
  /** The managed-settings JSON file as the only policy source (harness, CLI); the app passes policySources. */
  managedSettingsPath?: string;
  /** IT's policies, highest precedence first (platformPolicySources). */
  policySources?: readonly PolicySource[];
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
  const key = await config.keyStore.loadOrCreateKey();
  const store = await StoreClient.open({
    databasePath: path.join(config.dataDir, DATABASE_FILE),
    key,
    workerPath: config.storeWorkerPath,
    workerExecArgv: config.storeWorkerExecArgv,
  });
  return { store, key };
}

export async function createDesk(config: DeskConfig): Promise<Desk> {
  const clock = config.clock ?? systemClock;
  const { store, key } = await openCallStore(config);
  const settings = new SettingsStore({
    userPath: path.join(config.dataDir, 'settings.json'),
    managedPath: config.managedSettingsPath,
    policySources: config.policySources,
  });
  await settings.load();
  const demoScenarios = await loadScenarioDirectory(config.demoScenarioDir).catch((error: Error) => ({
    scenarios: [],
    errors: [`Demo scenarios could not be read: ${error.message}`],
  }));
  const problems = [...settings.problems, ...demoScenarios.errors];
  // Whisper mode works without guidelines; a damaged knowledge base is reported, not fatal.
  const knowledgeBase = await loadKnowledgeBase(config.knowledgeBaseDir).catch((error: Error): KnowledgeBase | undefined => {
    problems.push(`The guideline knowledge base could not be loaded: ${error.message}`);
    return undefined;
  });
  const { lookupBaseUrl } = settings.current;
  const lookups = lookupBaseUrl ? new HttpLookups(lookupBaseUrl) : new DemoLookups(demoScenarios.scenarios);
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
      local: new LocalAssistEngine({ knowledgeBase, lookups }),
      knowledgeBase,
      lookups,
    },
    problems,
  );
  const telemetry = await startTelemetry(config.dataDir, settings.current.otlpEndpoint, problems);
  // A real contact center only when IT asked for it and said where tokens come from; demo mode otherwise.
  const wantsLive = settings.current.telephonyMode === 'twilio';
  if (wantsLive && !settings.current.tokenEndpointUrl) problems.push('Telephony is set to Twilio but no token endpoint is configured; running in demo mode.');
  const live =
    wantsLive && settings.current.tokenEndpointUrl
      ? createLivePorts({ settings: settings.current, secrets: config.secretStore, clock, callClockStart: (callId) => service.acceptedAt(callId) })
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
    store,
    settings,
    storage: { protection: key.protection, warning: key.warning },
    emit: config.emit,
    handBackTransport: async () => {
      const { handBackEndpoint, handBackAllowList } = settings.current;
      if (!handBackEndpoint) return new DemoHandBackTransport(clock, handBackAllowList);
      const secret = await config.secretStore.get('hand_back_signing_secret');
      if (!secret) throw new DeskError('wrong_state', 'A hand-back endpoint is set but no signing secret is stored on this desk; ask IT.');
      return new HttpHandBackTransport({ endpoint: handBackEndpoint, secret });
    },
    telemetry: () => telemetry,
  });
  if (live) {
    live.transcripts.onStatus((status) => {
      service.transcriptionChanged(status.callId, status);
      if (status.state === 'failed') config.emit('notice', { level: 'warning', message: `Live transcript: ${status.message}` });
    });
    // Interim words are shown as they come, so they are masked like finished turns.
    live.transcripts.onInterim((callId, speaker, text) => config.emit('transcriptInterim', { callId, speaker, text: redactTurnText(text).text }));
    live
      .start((status) => {
        telephonyStatus = { mode: 'twilio', connected: status.connected, availability: status.availability, error: status.error };
        config.emit('telephonyStatus', telephonyStatus);
      })
      .catch((error: Error) => {
        telephonyStatus = { mode: 'twilio', connected: false, error: error.message };
        config.emit('telephonyStatus', telephonyStatus);
      });
  }
  return {
    service,
    store,
    handle: createDeskRequestHandler(service, config.log),
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
