/**
 * Numbered schema migrations. Each runs once, in order, inside a transaction; the applied version is
 * kept in PRAGMA user_version. Never edit a shipped migration: add the next number.
 */
export interface Migration {
  version: number;
  description: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'calls, transcript turns and notes',
    sql: `
      CREATE TABLE calls (
        call_id TEXT PRIMARY KEY,
        ringing_at INTEGER NOT NULL,
        ended_at INTEGER,
        phase TEXT NOT NULL,
        package_status TEXT NOT NULL,
        title TEXT NOT NULL,
        caller_name TEXT,
        trigger_code TEXT,
        view_json TEXT NOT NULL
      );
      CREATE INDEX calls_by_ringing_at ON calls (ringing_at DESC);
      CREATE TABLE turns (
        call_id TEXT NOT NULL REFERENCES calls (call_id) ON DELETE CASCADE,
        turn_index INTEGER NOT NULL,
        at_ms REAL NOT NULL,
        speaker TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (call_id, turn_index)
      );
      CREATE TABLE notes (
        call_id TEXT PRIMARY KEY REFERENCES calls (call_id) ON DELETE CASCADE,
        text TEXT NOT NULL,
        saved_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    description: 'post-call records (one row per call, numeric columns for the metrics) and the audit log',
    sql: `
      CREATE TABLE call_records (
        call_id TEXT PRIMARY KEY REFERENCES calls (call_id) ON DELETE CASCADE,
        ended_at INTEGER NOT NULL,
        trigger_code TEXT,
        package_status TEXT NOT NULL,
        disposition TEXT NOT NULL,
        trigger_to_package_ms REAL,
        package_to_ring_ms REAL,
        ring_to_pickup_ms REAL,
        pickup_to_greeting_ms REAL,
        package_fields INTEGER NOT NULL,
        contradicted_fields INTEGER NOT NULL,
        repeats INTEGER NOT NULL,
        csat REAL,
        agent_rating INTEGER,
        record_json TEXT NOT NULL
      );
      CREATE INDEX call_records_by_end ON call_records (ended_at);
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        call_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        kind TEXT NOT NULL,
        detail_json TEXT NOT NULL
      );
      CREATE INDEX audit_log_by_call ON audit_log (call_id, at);
    `,
  },
  {
    version: 3,
    description:
      'a call without a saved wrap-up is recorded as not wrapped up (not as its draft); history names the caller the call established',
    // Before this, a record took its disposition from the unsaved draft ("resolved" by default). An outcome
    // the call settled by itself (declined, missed, interrupted, handed back) stays; the rest were never decided.
    sql: `
      UPDATE call_records
         SET disposition = 'not_wrapped_up',
             record_json = json_set(record_json, '$.disposition', 'not_wrapped_up', '$.wrapUpNotes', ''),
             agent_rating = NULL
       WHERE disposition NOT IN ('declined', 'missed', 'interrupted', 'handed_back')
         AND call_id IN (SELECT call_id FROM calls WHERE json_extract(view_json, '$.wrapUp.savedAt') IS NULL);
      UPDATE calls
         SET caller_name = (
           SELECT json_extract(fact.value, '$.value') FROM json_each(calls.view_json, '$.assist.facts') AS fact
            WHERE json_extract(fact.value, '$.name') = 'customer_name' LIMIT 1)
       WHERE coalesce(trim(caller_name), '') = ''
         AND EXISTS (
           SELECT 1 FROM json_each(calls.view_json, '$.assist.facts') AS fact WHERE json_extract(fact.value, '$.name') = 'customer_name');
    `,
  },
];
