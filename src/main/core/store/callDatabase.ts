/**
 * The encrypted SQLite database itself, synchronous (better-sqlite3 style). It runs inside the store
 * worker so the main thread never waits on disk; tests may also use it directly.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { chmodSync, closeSync, copyFileSync, existsSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import type { CallView, HistoryItem, StoredCall, TranscriptTurn } from '../../../shared/callSchemas';
import { MIGRATIONS, type Migration } from './migrations';
import { inspectWal } from './walInspection';
import type { HandoffMetrics, MetricsFilter } from '../../../shared/handoffMetrics';
import type { PostCallRecord } from '../../../shared/postCallRecord';
import { queryMetrics, saveCallRecord } from './metricsQueries';
import type { AuditEntry, StoreMethods } from './storeProtocol';

export class WrongKeyError extends Error {
  constructor(databasePath: string, certain: boolean) {
    super(
      `The call database at ${databasePath} could not be opened with this device's key` +
        (certain ? '' : ' (or its first page is damaged: with no key check beside it the two cannot be told apart)') +
        '. Nothing was deleted. If the key was lost or changed, restore it or move the database aside.',
    );
    this.name = 'WrongKeyError';
  }
}

/** The key is the right one (its check matches) but the database does not read: damage, not a wrong key. */
export class DatabaseDamagedError extends Error {
  constructor(databasePath: string, what: string) {
    super(
      `The call database at ${databasePath} is damaged (${what}). The key is the right one. Nothing was deleted; restore the file from a backup or move it aside.`,
    );
    this.name = 'DatabaseDamagedError';
  }
}

/** Files the store creates hold call data or derive from the key: only the user may read them. */
const PRIVATE_FILE_MODE = 0o600;
const KEY_CHECK_LABEL = 'whisper-desk database key check v1';

/**
 * A wrong key and a damaged first page both read as "not a database" to SQLite. A key check value kept
 * beside the database (an HMAC of a fixed label under the key: it reveals nothing of the key) tells them apart.
 */
function keyCheckValue(keyHex: string): Buffer {
  return createHmac('sha256', Buffer.from(keyHex, 'hex')).update(KEY_CHECK_LABEL).digest();
}

export class CallDatabase implements StoreMethods {
  private readonly db: Database.Database;
  /** What `PRAGMA quick_check` found at open; empty when the database is sound. */
  readonly integrityProblems: string[] = [];

  /** An unkeyed database that never touches the disk (replays that keep nothing). */
  static inMemory(): CallDatabase {
    return new CallDatabase(':memory:', null);
  }

  /** Benchmarks only: the same schema and statements without encryption, to measure what encryption costs. */
  static plaintextForComparison(databasePath: string): CallDatabase {
    return new CallDatabase(databasePath, null, MIGRATIONS, true);
  }

  constructor(
    readonly databasePath: string,
    keyHex: string | null,
    migrations: readonly Migration[] = MIGRATIONS,
    allowPlaintextOnDisk = false,
  ) {
    if (keyHex === null ? databasePath !== ':memory:' && !allowPlaintextOnDisk : !/^[0-9a-f]{64}$/.test(keyHex)) {
      throw new Error('a database on disk needs a key of 32 bytes in hex');
    }
    const onDisk = databasePath !== ':memory:';
    const keyCheckPath = `${databasePath}.keycheck`;
    // Created by us first, so SQLite opens a 0600 file (and gives its -wal and -shm the same mode).
    if (onDisk) closeSync(openSync(databasePath, 'a', PRIVATE_FILE_MODE));
    // Before SQLite replays the WAL (and drops what follows a bad frame): say so, and keep a copy.
    const walProblems: string[] = [];
    const wal = onDisk ? inspectWal(`${databasePath}-wal`) : undefined;
    if (wal?.damagedAt !== undefined) {
      const kept = `${databasePath}-wal.damaged-${Date.now()}`;
      copyFileSync(`${databasePath}-wal`, kept);
      chmodSync(kept, PRIVATE_FILE_MODE);
      walProblems.push(
        `the write-ahead log is damaged at frame ${wal.damagedAt + 1} of ${wal.frames}: changes after it were not applied (a copy is kept at ${kept})`,
      );
    }
    this.db = new Database(databasePath);
    try {
      if (keyHex !== null) {
        this.db.pragma(`cipher='chacha20'`);
        this.db.pragma(`hexkey='${keyHex}'`);
      }
      // The first read is where a wrong key shows: the header does not decrypt.
      this.db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    } catch (error) {
      this.db.close();
      const code = (error as { code?: string }).code;
      if (code === 'SQLITE_NOTADB' && keyHex !== null && onDisk) {
        const stored = existsSync(keyCheckPath) ? readFileSync(keyCheckPath) : undefined;
        const expected = keyCheckValue(keyHex);
        if (stored && stored.length === expected.length && timingSafeEqual(stored, expected)) {
          throw new DatabaseDamagedError(databasePath, 'its first page does not decrypt with the right key');
        }
        throw new WrongKeyError(databasePath, stored !== undefined);
      }
      if (code === 'SQLITE_CORRUPT') throw new DatabaseDamagedError(databasePath, (error as Error).message);
      throw error;
    }
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    if (onDisk) {
      // Quick, not full: it reads every page once but skips index cross-checks, so a start stays fast.
      try {
        const rows = this.db.pragma('quick_check(20)') as Array<{ quick_check: string }>;
        this.integrityProblems = [...walProblems, ...rows.map((row) => row.quick_check).filter((line) => line !== 'ok')];
      } catch (error) {
        this.integrityProblems = [...walProblems, (error as Error).message];
      }
      if (keyHex !== null && !existsSync(keyCheckPath))
        writeFileSync(keyCheckPath, keyCheckValue(keyHex), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    }
    this.migrate(migrations);
    if (onDisk)
      for (const suffix of ['', '-wal', '-shm']) if (existsSync(databasePath + suffix)) chmodSync(databasePath + suffix, PRIVATE_FILE_MODE);
  }

  private migrate(migrations: readonly Migration[]): void {
    const current = this.schemaVersion();
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      this.db.transaction(() => {
        this.db.exec(migration.sql);
        this.db.pragma(`user_version = ${migration.version}`);
      })();
    }
  }

  schemaVersion(): number {
    return this.db.pragma('user_version', { simple: true }) as number;
  }

  saveCall(view: CallView): void {
    const pkg = view.intake.status === 'ok' ? view.intake.package : undefined;
    this.db
      .prepare(
        `INSERT INTO calls (call_id, ringing_at, ended_at, phase, package_status, title, caller_name, trigger_code, view_json)
         VALUES (@callId, @ringingAt, @endedAt, @phase, @packageStatus, @title, @callerName, @triggerCode, @viewJson)
         ON CONFLICT (call_id) DO UPDATE SET ended_at = excluded.ended_at, phase = excluded.phase, caller_name = excluded.caller_name,
           view_json = excluded.view_json`,
      )
      .run({
        callId: view.callId,
        ringingAt: view.ringingAt,
        endedAt: view.endedAt ?? null,
        phase: view.phase,
        packageStatus: view.intake.status,
        title: view.title ?? pkg?.intent.label ?? 'Escalated call',
        callerName: callerNameOf(view),
        triggerCode: pkg?.trigger.code ?? null,
        viewJson: JSON.stringify(view),
      });
  }

  appendTurns(callId: string, turns: TranscriptTurn[]): void {
    const insert = this.db.prepare('INSERT OR REPLACE INTO turns (call_id, turn_index, at_ms, speaker, text) VALUES (?, ?, ?, ?, ?)');
    this.db.transaction(() => {
      for (const turn of turns) insert.run(callId, turn.index, turn.atMs, turn.speaker, turn.text);
    })();
  }

  saveNotes(callId: string, text: string, savedAt: number): void {
    this.db
      .prepare(
        `INSERT INTO notes (call_id, text, saved_at) VALUES (?, ?, ?)
         ON CONFLICT (call_id) DO UPDATE SET text = excluded.text, saved_at = excluded.saved_at`,
      )
      .run(callId, text, savedAt);
  }

  listHistory(limit: number): HistoryItem[] {
    const rows = this.db
      .prepare(
        `SELECT c.call_id, c.title, c.caller_name, c.trigger_code, c.package_status, c.phase, c.ringing_at, c.ended_at,
                (SELECT count(*) FROM turns t WHERE t.call_id = c.call_id) AS turn_count,
                (SELECT length(n.text) > 0 FROM notes n WHERE n.call_id = c.call_id) AS has_notes,
                r.disposition, r.csat,
                json_extract(r.record_json, '$.handBack.task') AS hand_back_task,
                json_extract(r.record_json, '$.handBack.state') AS hand_back_state,
                json_extract(r.record_json, '$.handoffMode') AS handoff_mode,
                json_extract(c.view_json, '$.interrupted.lastPhase') AS interrupted_from
         FROM calls c LEFT JOIN call_records r ON r.call_id = c.call_id
         ORDER BY c.ringing_at DESC LIMIT ?`,
      )
      .all(limit) as HistoryRow[];
    return rows.map((row) => ({
      callId: row.call_id,
      title: row.title,
      callerName: row.caller_name ?? undefined,
      triggerCode: row.trigger_code ?? undefined,
      packageStatus: row.package_status as HistoryItem['packageStatus'],
      phase: row.phase as HistoryItem['phase'],
      ringingAt: row.ringing_at,
      endedAt: row.ended_at ?? undefined,
      turnCount: row.turn_count,
      hasNotes: row.has_notes === 1,
      ...(row.disposition ? { disposition: row.disposition as HistoryItem['disposition'] } : {}),
      ...(row.hand_back_task && row.hand_back_state ? { handBack: { task: row.hand_back_task, state: row.hand_back_state } } : {}),
      ...(row.csat !== null ? { csat: row.csat } : {}),
      ...(row.handoff_mode === 'warm' || row.handoff_mode === 'cold' ? { handoffMode: row.handoff_mode } : {}),
      ...(row.interrupted_from ? { interrupted: true } : {}),
    }));
  }

  listUnfinishedCallIds(): string[] {
    return this.db.prepare(`SELECT call_id FROM calls WHERE phase IN ('ringing', 'active') ORDER BY ringing_at`).pluck().all() as string[];
  }

  getStoredCall(callId: string): StoredCall | null {
    const row = this.db.prepare('SELECT view_json FROM calls WHERE call_id = ?').get(callId) as { view_json: string } | undefined;
    if (!row) return null;
    const call = JSON.parse(row.view_json) as CallView;
    const notes = this.db.prepare('SELECT text, saved_at FROM notes WHERE call_id = ?').get(callId) as
      { text: string; saved_at: number } | undefined;
    const turns = (
      this.db.prepare('SELECT turn_index, at_ms, speaker, text FROM turns WHERE call_id = ? ORDER BY turn_index').all(callId) as TurnRow[]
    ).map((turn) => ({ index: turn.turn_index, atMs: turn.at_ms, speaker: turn.speaker, text: turn.text }));
    return {
      call: { ...call, notes: notes?.text ?? call.notes, notesSavedAt: notes?.saved_at ?? call.notesSavedAt, turnCount: turns.length },
      turns,
    };
  }

  saveCallRecord(record: PostCallRecord): void {
    saveCallRecord(this.db, record);
  }

  getCallRecord(callId: string): PostCallRecord | null {
    const json = this.db.prepare('SELECT record_json FROM call_records WHERE call_id = ?').pluck().get(callId) as string | undefined;
    return json ? (JSON.parse(json) as PostCallRecord) : null;
  }

  listCallRecords(filter: MetricsFilter): PostCallRecord[] {
    const rows = this.db
      .prepare(
        `SELECT record_json FROM call_records
         WHERE (@fromMs IS NULL OR ended_at >= @fromMs) AND (@toMs IS NULL OR ended_at < @toMs) AND (@trigger IS NULL OR trigger_code = @trigger)
         ORDER BY ended_at`,
      )
      .pluck()
      .all({ fromMs: filter.fromMs ?? null, toMs: filter.toMs ?? null, trigger: filter.triggerCode ?? null }) as string[];
    return rows.map((json) => JSON.parse(json) as PostCallRecord);
  }

  queryMetrics(filter: MetricsFilter): HandoffMetrics {
    return queryMetrics(this.db, filter);
  }

  appendAudit(entry: AuditEntry): void {
    this.db
      .prepare('INSERT INTO audit_log (call_id, at, kind, detail_json) VALUES (?, ?, ?, ?)')
      .run(entry.callId, entry.at, entry.kind, JSON.stringify(entry.detail));
  }

  listAudit(callId: string): AuditEntry[] {
    const rows = this.db
      .prepare('SELECT call_id, at, kind, detail_json FROM audit_log WHERE call_id = ? ORDER BY id')
      .all(callId) as Array<{
      call_id: string;
      at: number;
      kind: string;
      detail_json: string;
    }>;
    return rows.map((row) => ({
      callId: row.call_id,
      at: row.at,
      kind: row.kind,
      detail: JSON.parse(row.detail_json) as Record<string, unknown>,
    }));
  }

  close(): void {
    this.db.close();
  }
}

interface HistoryRow {
  call_id: string;
  title: string;
  caller_name: string | null;
  trigger_code: string | null;
  package_status: string;
  phase: string;
  ringing_at: number;
  ended_at: number | null;
  turn_count: number;
  has_notes: number | null;
  disposition: string | null;
  csat: number | null;
  hand_back_task: string | null;
  hand_back_state: string | null;
  handoff_mode: string | null;
  interrupted_from: string | null;
}

interface TurnRow {
  turn_index: number;
  at_ms: number;
  speaker: 'agent' | 'customer';
  text: string;
}

/** Who called, as the call established it: the name heard (or confirmed) in the call, else the package's. */
function callerNameOf(view: CallView): string | null {
  const heard = view.assist.facts.find((fact) => fact.name === 'customer_name')?.value.trim();
  const given = view.intake.status === 'ok' ? view.intake.package.caller.name.trim() : '';
  return heard || given || null;
}
