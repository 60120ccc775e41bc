import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openCallStore } from '../../../src/main/core/createDesk';
import { FileKeyStore } from '../../../src/main/core/fileKeyStore';
import { CallDatabase, DatabaseDamagedError, WrongKeyError } from '../../../src/main/core/store/callDatabase';
import { SOURCE_STORE_WORKER } from '../../../src/main/core/store/sourceWorker';
import { StoreOpenError } from '../../../src/main/core/store/storeOpenError';
import { sampleCallView } from '../../support/sampleCallView';
import { makeTempDir } from '../../support/tempDir';

const temps: Array<{ remove(): void }> = [];
function tempDir(): string {
  const temp = makeTempDir();
  temps.push(temp);
  return temp.dir;
}
afterAll(() => temps.forEach((temp) => temp.remove()));

function filledDatabase(file: string, keyHex: string): void {
  const db = new CallDatabase(file, keyHex);
  for (let i = 0; i < 40; i++) {
    db.saveCall(sampleCallView(`call-${i}`));
    db.saveNotes(`call-${i}`, `note ${i} `.repeat(50), i);
  }
  db.close();
}

describe('opening the store: keys, damage, permissions', () => {
  it('a missing db.key beside an existing database is named as such, and no new key is written over it', async () => {
    const dir = tempDir();
    const keyStore = new FileKeyStore(path.join(dir, 'db.key'));
    const { store } = await openCallStore({ dataDir: dir, keyStore, ...SOURCE_STORE_WORKER });
    await store.saveCall(sampleCallView('c1'));
    await store.saveNotes('c1', 'kept', 1);
    await store.close();
    const { rmSync } = await import('node:fs');
    rmSync(path.join(dir, 'db.key'));
    const attempt = openCallStore({ dataDir: dir, keyStore, ...SOURCE_STORE_WORKER });
    await expect(attempt).rejects.toBeInstanceOf(StoreOpenError);
    await expect(attempt).rejects.toMatchObject({ causeName: 'key_missing', message: expect.stringMatching(/db\.key.*missing/) });
    expect(existsSync(path.join(dir, 'db.key'))).toBe(false);
  });

  it('a damaged db.key is a StoreOpenError with what is wrong (no stack trace), and the file is left as it is', async () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'db.key'), 'not-a-key');
    const attempt = new FileKeyStore(path.join(dir, 'db.key')).loadOrCreateKey({ databaseExists: true });
    await expect(attempt).rejects.toBeInstanceOf(StoreOpenError);
    await expect(attempt).rejects.toMatchObject({ causeName: 'key_damaged' });
    expect(readFileSync(path.join(dir, 'db.key'), 'utf8')).toBe('not-a-key');
  });

  it('tells a damaged first page (right key) from a wrong key', () => {
    const dir = tempDir();
    const file = path.join(dir, 'calls.db');
    const keyHex = randomBytes(32).toString('hex');
    filledDatabase(file, keyHex);
    expect(() => new CallDatabase(file, randomBytes(32).toString('hex'))).toThrow(WrongKeyError);
    const bytes = readFileSync(file);
    bytes[100] = bytes[100]! ^ 0xff;
    writeFileSync(file, bytes);
    expect(() => new CallDatabase(file, keyHex)).toThrow(DatabaseDamagedError);
    expect(() => new CallDatabase(file, keyHex)).toThrow(/first page/);
  });

  it('runs a quick integrity check at start and says what it found', () => {
    const dir = tempDir();
    const file = path.join(dir, 'calls.db');
    const keyHex = randomBytes(32).toString('hex');
    filledDatabase(file, keyHex);
    const healthy = new CallDatabase(file, keyHex);
    expect(healthy.integrityProblems).toEqual([]);
    healthy.close();
    const bytes = readFileSync(file);
    const pages = bytes.length / 4096;
    expect(pages).toBeGreaterThan(3);
    const offset = (pages - 1) * 4096 + 200;
    bytes[offset] = bytes[offset]! ^ 0xff;
    writeFileSync(file, bytes);
    let problems: string[];
    try {
      const damaged = new CallDatabase(file, keyHex);
      problems = damaged.integrityProblems;
      damaged.close();
    } catch (error) {
      expect(error).toBeInstanceOf(DatabaseDamagedError);
      problems = ['refused'];
    }
    expect(problems.length).toBeGreaterThan(0);
  });

  it('creates the database, its WAL and shared-memory files and the key check with mode 0600', async () => {
    const dir = tempDir();
    const { store } = await openCallStore({ dataDir: dir, keyStore: new FileKeyStore(path.join(dir, 'db.key')), ...SOURCE_STORE_WORKER });
    await store.saveCall(sampleCallView('c1'));
    await store.saveNotes('c1', 'kept', 1);
    for (const name of ['whisper-desk.db', 'whisper-desk.db-wal', 'whisper-desk.db-shm', 'whisper-desk.db.keycheck', 'db.key']) {
      expect(existsSync(path.join(dir, name)), name).toBe(true);
      expect(statSync(path.join(dir, name)).mode & 0o777, name).toBe(0o600);
    }
    await store.close();
  });
});
