/** The store without a worker, for one-shot tools (CLI replay of a single call) and tests. */
import type { CallDatabase } from './callDatabase';
import type { AsyncStore } from './storeClient';

export function inProcessStore(database: CallDatabase): AsyncStore {
  return {
    saveCall: async (view) => database.saveCall(view),
    appendTurns: async (callId, turns) => database.appendTurns(callId, turns),
    saveNotes: async (callId, text, savedAt) => database.saveNotes(callId, text, savedAt),
    listHistory: async (limit) => database.listHistory(limit),
    listUnfinishedCallIds: async () => database.listUnfinishedCallIds(),
    getStoredCall: async (callId) => database.getStoredCall(callId),
    schemaVersion: async () => database.schemaVersion(),
    saveCallRecord: async (record) => database.saveCallRecord(record),
    getCallRecord: async (callId) => database.getCallRecord(callId),
    listCallRecords: async (filter) => database.listCallRecords(filter),
    queryMetrics: async (filter) => database.queryMetrics(filter),
    appendAudit: async (entry) => database.appendAudit(entry),
    listAudit: async (callId) => database.listAudit(callId),
  };
}
