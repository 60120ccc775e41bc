import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { emptyAssistState, type CallView } from '../../../src/shared/callSchemas';
import { CallDatabase, WrongKeyError } from '../../../src/main/core/store/callDatabase';
import { FileKeyStore } from '../../../src/main/core/fileKeyStore';
import { MIGRATIONS } from '../../../src/main/core/store/migrations';
import { SOURCE_STORE_WORKER } from '../../../src/main/core/store/sourceWorker';
import { StoreClient, StoreOpenError } from '../../../src/main/core/store/storeClient';
import { makeTempDir } from '../../support/tempDir';

const NOTE = 'Customer prefers a callback after 6pm — zebra-quokka-4417';
const CUSTOMER = 'Philippa Okonkwo-Lindgren';
const PHONE = '+15415550199';
/** A post-call record as version 2 wrote it; each test sets the call id and disposition. */
const RECORD_TEMPLATE = JSON.stringify({
  format: 'post-call/1',
  callId: 'x',
  ringingAt: 1000,
  endedAt: 2000,
  packageStatus: 'ok',
  intent: {},
  sentimentTrajectory: [],
  escalated: true,
  slots: { urgency: 'normal' },
  facts: [],
  repeats: 0,
  packageFieldCount: 1,
  contradictedFields: [],
  suggestionsUsed: [],
  lookupsRun: [],
  handBack: null,
  wrapUpNotes: '',
  disposition: 'resolved',
  timings: {},
  piiRedactions: 0,
});

function sampleView(callId: string): CallView {
  return {
    callId,
    source: 'demo',
    title: 'Return jeans',
    phase: 'ended',
    intake: {
      status: 'ok',
      warnings: [],
      package: {
        handoffId: 'ho_1',
        callSid: 'CA1',
        triggeredAtMs: 0,
        packagedAtMs: 300,
        caller: { name: CUSTOMER, phone: PHONE, verified: true, verification: 'email' },
        intent: { label: 'return_size', confidence: 0.8 },
        summary: 'Wants to return jeans.',
        facts: [],
        aiAttempts: [],
        trigger: { code: 'customer_request', detail: 'asked' },
        nextSteps: [],
        language: 'en',
      },
    },
    ringingAt: 1000,
    endedAt: 2000,
    timings: {},
    notes: '',
    turnCount: 0,
    assist: emptyAssistState(),
  };
}

function bytesOfDatabaseFiles(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir)
      .filter((name) => name.startsWith('calls.db'))
      .map((name) => readFileSync(path.join(dir, name))),
  );
}

const temps: Array<{ remove(): void }> = [];
function tempDir(): string {
  const temp = makeTempDir();
  temps.push(temp);
  return temp.dir;
}
afterAll(() => temps.forEach((temp) => temp.remove()));

describe('encrypted call store', () => {
  it('keeps notes, names and phone numbers out of the file bytes, and reads them back with the key', async () => {
    const dir = tempDir();
    const keyHex = randomBytes(32).toString('hex');
    const db = new CallDatabase(path.join(dir, 'calls.db'), keyHex);
    db.saveCall(sampleView('c1'));
    db.appendTurns('c1', [{ index: 0, atMs: 10, speaker: 'customer', text: `My number is ${PHONE}, name ${CUSTOMER}` }]);
    db.saveNotes('c1', NOTE, 3000);
    const bytes = bytesOfDatabaseFiles(dir);
    expect(bytes.length).toBeGreaterThan(4096);
    for (const secret of [NOTE, CUSTOMER, PHONE, 'zebra-quokka', 'Okonkwo']) {
      expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      expect(bytes.includes(Buffer.from(secret, 'utf16le'))).toBe(false);
    }
    expect(bytes.subarray(0, 16).toString('latin1')).not.toBe('SQLite format 3\u0000');
    db.close();

    const reopened = new CallDatabase(path.join(dir, 'calls.db'), keyHex);
    const stored = reopened.getStoredCall('c1');
    expect(stored?.call.notes).toBe(NOTE);
    expect(stored?.turns[0]?.text).toContain(CUSTOMER);
    reopened.close();
  });

  it('refuses a wrong key with a clear error and deletes nothing', () => {
    const dir = tempDir();
    const file = path.join(dir, 'calls.db');
    const db = new CallDatabase(file, randomBytes(32).toString('hex'));
    db.saveCall(sampleView('c1'));
    db.close();
    const sizeBefore = statSync(file).size;
    expect(() => new CallDatabase(file, randomBytes(32).toString('hex'))).toThrow(WrongKeyError);
    expect(() => new CallDatabase(file, randomBytes(32).toString('hex'))).toThrow(/Nothing was deleted/);
    expect(statSync(file).size).toBe(sizeBefore);
  });

  it('applies every numbered migration once and records the version', () => {
    const dir = tempDir();
    const keyHex = randomBytes(32).toString('hex');
    const file = path.join(dir, 'calls.db');
    new CallDatabase(file, keyHex, MIGRATIONS.slice(0, 1)).close();
    const extra = { version: 99, description: 'test column', sql: 'ALTER TABLE calls ADD COLUMN extra TEXT;' };
    const db = new CallDatabase(file, keyHex, [...MIGRATIONS, extra]);
    expect(db.schemaVersion()).toBe(99);
    db.close();
    // Running again must not re-apply (ALTER would fail on a duplicate column).
    new CallDatabase(file, keyHex, [...MIGRATIONS, extra]).close();
  });

  it('migration 1 creates the calls, turns and notes tables', () => {
    const dir = tempDir();
    const db = new CallDatabase(path.join(dir, 'calls.db'), randomBytes(32).toString('hex'));
    expect(db.schemaVersion()).toBe(MIGRATIONS.at(-1)!.version);
    db.saveCall(sampleView('x'));
    db.appendTurns('x', [{ index: 0, atMs: 1, speaker: 'agent', text: 'hi' }]);
    db.saveNotes('x', 'n', 1);
    expect(db.listHistory(10)).toMatchObject([{ callId: 'x', turnCount: 1, hasNotes: true }]);
    db.close();
  });

  it('migration 2 adds post-call records and the audit log, and upgrades a version-1 database in place', () => {
    const dir = tempDir();
    const keyHex = randomBytes(32).toString('hex');
    const file = path.join(dir, 'calls.db');
    const v1 = new CallDatabase(file, keyHex, MIGRATIONS.slice(0, 1));
    v1.saveCall(sampleView('old'));
    v1.close();
    const db = new CallDatabase(file, keyHex);
    expect(db.schemaVersion()).toBe(MIGRATIONS.at(-1)!.version);
    expect(db.getStoredCall('old')?.call.callId).toBe('old');
    db.appendAudit({ callId: 'old', at: 5, kind: 'hand_back_refused', detail: { reason: 'sensitive' } });
    expect(db.listAudit('old')).toEqual([{ callId: 'old', at: 5, kind: 'hand_back_refused', detail: { reason: 'sensitive' } }]);
    db.close();
  });

  it('migration 3 records an unsaved wrap-up as not wrapped up (a settled outcome or a saved one stays) and names a caller heard in the call', () => {
    const dir = tempDir();
    const keyHex = randomBytes(32).toString('hex');
    const file = path.join(dir, 'calls.db');
    const v2 = new CallDatabase(file, keyHex, MIGRATIONS.slice(0, 2));
    const record = (callId: string, disposition: string) =>
      ({ ...JSON.parse(RECORD_TEMPLATE), callId, disposition, wrapUpNotes: 'draft text', agentRating: 3 }) as never;
    const draft = { summary: 'draft text', disposition: 'resolved' as const };
    v2.saveCall({ ...sampleView('unsaved'), wrapUp: draft });
    v2.saveCallRecord(record('unsaved', 'resolved'));
    v2.saveCall({ ...sampleView('saved'), wrapUp: { ...draft, disposition: 'follow_up', savedAt: 5 } });
    v2.saveCallRecord(record('saved', 'follow_up'));
    v2.saveCall({ ...sampleView('declined'), phase: 'declined', wrapUp: { ...draft, disposition: 'declined' } });
    v2.saveCallRecord(record('declined', 'declined'));
    // A package without a name; the caller said it in the call (version 2 stored the package's empty name).
    const nameless = sampleView('heard');
    if (nameless.intake.status === 'ok') nameless.intake.package.caller.name = '';
    nameless.assist = { ...nameless.assist, facts: [{ name: 'customer_name', value: 'Dana Whitfield', source: 2 } as never] };
    v2.saveCall(nameless);
    v2.close();
    const db = new CallDatabase(file, keyHex);
    expect(db.getCallRecord('unsaved')).toMatchObject({ disposition: 'not_wrapped_up', wrapUpNotes: '' });
    expect(db.getCallRecord('saved')).toMatchObject({ disposition: 'follow_up', wrapUpNotes: 'draft text', agentRating: 3 });
    expect(db.getCallRecord('declined')).toMatchObject({ disposition: 'declined' });
    const history = Object.fromEntries(db.listHistory(10).map((item) => [item.callId, item]));
    expect(history.unsaved).toMatchObject({ disposition: 'not_wrapped_up', callerName: CUSTOMER });
    expect(history.heard).toMatchObject({ callerName: 'Dana Whitfield' });
    db.close();
  });

  it('names the caller the call established in history: the name heard in the call over an empty package name', () => {
    const db = new CallDatabase(path.join(tempDir(), 'calls.db'), randomBytes(32).toString('hex'));
    const view = sampleView('n');
    if (view.intake.status === 'ok') view.intake.package.caller.name = '';
    db.saveCall(view);
    expect(db.listHistory(1)[0]?.callerName).toBeUndefined();
    db.saveCall({ ...view, assist: { ...view.assist, facts: [{ name: 'customer_name', value: 'Dana Whitfield', source: 2 } as never] } });
    expect(db.listHistory(1)[0]?.callerName).toBe('Dana Whitfield');
    db.close();
  });

  it('runs in a worker thread behind the async client, and a wrong key fails the open', async () => {
    const dir = tempDir();
    const keyStore = new FileKeyStore(path.join(dir, 'db.key'));
    const key = await keyStore.loadOrCreateKey({ databaseExists: false });
    expect(statSync(path.join(dir, 'db.key')).mode & 0o777).toBe(0o600);
    const databasePath = path.join(dir, 'calls.db');
    const options = {
      databasePath,
      workerPath: SOURCE_STORE_WORKER.storeWorkerPath,
      workerExecArgv: SOURCE_STORE_WORKER.storeWorkerExecArgv,
    };
    const client = await StoreClient.open({ ...options, key });
    await client.saveCall(sampleView('w1'));
    await client.saveNotes('w1', NOTE, 5);
    expect((await client.getStoredCall('w1'))?.call.notes).toBe(NOTE);
    await client.close();
    await expect(StoreClient.open({ ...options, key: { key: randomBytes(32), protection: 'key-file' } })).rejects.toThrow(StoreOpenError);
    expect((await keyStore.loadOrCreateKey({ databaseExists: false })).key.equals(key.key)).toBe(true);
  });
});
