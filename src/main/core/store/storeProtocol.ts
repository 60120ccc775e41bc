/**
 * The one method map of the call store. `CallDatabase` implements it synchronously inside the worker;
 * the worker dispatches only its names (storeRpc.ts), and the main thread's `StoreClient` and the
 * worker-less `inProcessStore` are built from the same list. A new store method is one line here plus
 * its implementation in `CallDatabase`: the compiler names every place that is then missing.
 */
import type { CallView, HistoryItem, StoredCall, TranscriptTurn } from '../../../shared/callSchemas';
import type { HandoffMetrics, MetricsFilter } from '../../../shared/handoffMetrics';
import type { PostCallRecord } from '../../../shared/postCallRecord';

export interface AuditEntry {
  callId: string;
  at: number;
  kind: string;
  detail: Record<string, unknown>;
}

/** A method's signature, as a type only: the runtime value is an empty marker. */
interface StoreMethodSpec<Args extends unknown[], Result> {
  readonly signature?: (...args: Args) => Result;
}

function method<Args extends unknown[], Result>(): StoreMethodSpec<Args, Result> {
  return {};
}

/**
 * Arguments and results cross the worker boundary by structured clone, between two threads of this
 * process that share these types, so they are typed here and not parsed again at run time (a zod parse
 * of a whole CallView on every autosave would cost more than the write).
 */
export const storeMethods = {
  saveCall: method<[view: CallView], void>(),
  appendTurns: method<[callId: string, turns: TranscriptTurn[]], void>(),
  saveNotes: method<[callId: string, text: string, savedAt: number], void>(),
  listHistory: method<[limit: number], HistoryItem[]>(),
  /** Calls still ringing or active in the store: at start, those the last run never closed. */
  listUnfinishedCallIds: method<[], string[]>(),
  getStoredCall: method<[callId: string], StoredCall | null>(),
  schemaVersion: method<[], number>(),
  saveCallRecord: method<[record: PostCallRecord], void>(),
  getCallRecord: method<[callId: string], PostCallRecord | null>(),
  listCallRecords: method<[filter: MetricsFilter], PostCallRecord[]>(),
  queryMetrics: method<[filter: MetricsFilter], HandoffMetrics>(),
  appendAudit: method<[entry: AuditEntry], void>(),
  listAudit: method<[callId: string], AuditEntry[]>(),
} as const;

export type StoreMethodName = keyof typeof storeMethods;
export const STORE_METHOD_NAMES = Object.keys(storeMethods) as StoreMethodName[];

type Signature<M extends StoreMethodName> = NonNullable<(typeof storeMethods)[M]['signature']>;
export type StoreArgs<M extends StoreMethodName> = Parameters<Signature<M>>;
export type StoreResult<M extends StoreMethodName> = ReturnType<Signature<M>>;

/** The store as the worker's database implements it: synchronous. */
export type StoreMethods = { [M in StoreMethodName]: (...args: StoreArgs<M>) => StoreResult<M> };
/** The store as the main thread sees it: every method answers with a promise. */
export type AsyncStore = { [M in StoreMethodName]: (...args: StoreArgs<M>) => Promise<StoreResult<M>> };

export function isStoreMethodName(name: unknown): name is StoreMethodName {
  return typeof name === 'string' && Object.hasOwn(storeMethods, name);
}

/** A call of a store method, or the one control message that closes the connection. */
export type StoreRequest = { id: number; kind: 'call'; method: StoreMethodName; args: unknown[] } | { id: number; kind: 'close' };

export interface StoreErrorData {
  name: string;
  message: string;
}

export type StoreResponse = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: StoreErrorData };

export interface StoreWorkerData {
  databasePath: string;
  keyHex: string;
}

/** First message from the worker: the database is open and migrated, or why it is not. */
export type StoreReady = { ready: true; schemaVersion: number; integrityProblems: string[] } | { ready: false; error: StoreErrorData };
