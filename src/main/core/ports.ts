/**
 * The small interfaces the core depends on. Each has a real adapter (Electron, Twilio, OpenAI) and
 * a local one (files, the demo simulator), so the whole core runs and is tested in plain Node.
 */
import type { LoadedPack } from './pack/packInUse';
import type { AssistState, CallSource, RoutingInfo, TranscriptTurn } from '../../shared/callSchemas';
import type { RawPackage } from '../../shared/handoffIntake';
import type { IntakeResult } from '../../shared/handoffPackage';
import type { StorageProtection } from '../../shared/settings';

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): { cancel(): void };
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    return { cancel: () => clearTimeout(handle) };
  },
};

export interface DatabaseKey {
  /** 32 random bytes. */
  key: Buffer;
  protection: StorageProtection;
  /** Shown to the agent when the protection is weaker than it looks (e.g. Linux basic_text). */
  warning?: string;
}

export interface KeyStore {
  /**
   * The key, or a new one when there is none and no database yet. With a database already there, a
   * missing or unreadable key is a StoreOpenError (key_missing / key_damaged): a new key would only lock it.
   */
  loadOrCreateKey(context: { databaseExists: boolean }): Promise<DatabaseKey>;
}

/** Names of the secrets the main process keeps; the renderer can set them but never read them. */
export type SecretName = 'openai_api_key' | 'hand_back_signing_secret' | 'token_endpoint_credential';

/** Where API keys live: only ever in the main process, never in settings.json or the call store. */
export interface SecretStore {
  get(name: SecretName): Promise<string | undefined>;
  /** An empty value removes the secret. */
  set(name: SecretName, value: string): Promise<void>;
}

/** A call offered to the agent, with the package as it arrived (not yet validated). */
export interface IncomingCall {
  callId: string;
  source: CallSource;
  scenarioId?: string;
  title?: string;
  rawPackage: RawPackage;
  /** Wall-clock time the package bytes arrived in this process. */
  packageReceivedAt: number;
  /** How the call was routed to this agent, when the telephony side knows (TaskRouter). */
  routing?: RoutingInfo;
  /** When the offer times out unanswered (a TaskRouter reservation's timeout, the demo's ring timeout); the desk's clock. */
  ringExpiresAt?: number;
  /** The day the call was made (YYYY-MM-DD), when the source knows it: a replay told its recording's date. */
  callDate?: string;
}

export interface TelephonyEvents {
  incoming(call: IncomingCall): void;
  /** The far side went away (customer hung up, reservation cancelled or timed out). */
  ended(callId: string, reason: 'remote_hangup' | 'missed' | 'cancelled'): void;
  /** The customer's post-handoff survey score (1-5), when the telephony side learns it. */
  csat(callId: string, score: number): void;
}

export interface TelephonyPort {
  attach(events: TelephonyEvents): void;
  accept(callId: string): Promise<void>;
  decline(callId: string): Promise<void>;
  hangUp(callId: string): Promise<void>;
  stop(): void;
}

export interface TranscriptSource {
  /** Starts delivering turns for an accepted call; returns a function that stops it. */
  startTranscript(callId: string, onTurn: (turn: Omit<TranscriptTurn, 'index'>) => void): () => void;
}

export interface AssistSession {
  /** Returns what is known at once; slower work (lookups, a remote model) arrives through onUpdate. */
  onTurn(turn: TranscriptTurn): AssistState;
  /** The agent stated that the caller is verified (never inferred from the transcript). */
  callerVerified(): AssistState;
  state(): AssistState;
  /** Resolves when every piece of slower work started so far has settled (replays and tests wait on it). */
  settled(): Promise<void>;
  close(): void;
}

export interface AssistSessionContext {
  /** YYYY-MM-DD; pins relative dates. Replays of recorded calls have none. */
  callDate?: string;
  /** Called whenever slower work changes the state after onTurn returned. */
  onUpdate?: (state: AssistState) => void;
  /** IT's list of tasks the AI may take back ("*" = every task the pack marks routine); the advice never calls another task allowed. Absent: every routine task. */
  handBackAllowList?: readonly string[];
  /** The domain pack this call was rung with; the engine's own pack when absent. */
  pack?: LoadedPack;
}

export interface AssistEngine {
  readonly name: 'local' | 'openai';
  startSession(intake: IntakeResult, context: AssistSessionContext): AssistSession;
}

export type LookupAnswer = { found: true; summary: string } | { found: false };

/**
 * What the assistant may look up. Read-only by construction: there is no method that changes anything,
 * so no text in a call, however persuasive, can make the assistant act.
 */
export interface LookupPort {
  lookupOrder(orderId: string): Promise<LookupAnswer>;
  lookupAccount(accountId: string): Promise<LookupAnswer>;
}
