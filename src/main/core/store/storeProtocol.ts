/** The typed method map between the store client (main thread) and the store worker. */
import type { CallView, HistoryItem, StoredCall, TranscriptTurn } from '../../../shared/callState';
import type { HandoffMetrics, MetricsFilter } from '../../../shared/handoffMetrics';
import type { PostCallRecord } from '../../../shared/postCallRecord';

export interface AuditEntry {
  callId: string;
  at: number;
  kind: string;
  detail: Record<string, unknown>;
}

export interface StoreMethods {
  saveCall(view: CallView): void;
  appendTurns(callId: string, turns: TranscriptTurn[]): void;
  saveNotes(callId: string, text: string, savedAt: number): void;
  listHistory(limit: number): HistoryItem[];
  /** Calls still ringing or active in the store: at start, those the last run never closed. */
  listUnfinishedCallIds(): string[];
  getStoredCall(callId: string): StoredCall | null;
  schemaVersion(): number;
  saveCallRecord(record: PostCallRecord): void;
  getCallRecord(callId: string): PostCallRecord | null;
  listCallRecords(filter: MetricsFilter): PostCallRecord[];
  queryMetrics(filter: MetricsFilter): HandoffMetrics;
  appendAudit(entry: AuditEntry): void;
  listAudit(callId: string): AuditEntry[];
}

export type StoreMethodName = keyof StoreMethods;

export interface StoreRequest {
  id: number;
  method: StoreMethodName;
  args: unknown[];
}

export type StoreResponse =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; error: { name: string; message: string } };

export interface StoreWorkerData {
  databasePath: string;
  keyHex: string;
}

/** First message from the worker: the database is open and migrated, or why it is not. */
export type StoreReady = { ready: true; schemaVersion: number; integrityProblems: string[] } | { ready: false; error: { name: string; message: string } };
