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
];
