/** The store's one method map: the worker answers its names and only them; both clients are built from it. */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, it } from 'vitest';
import { CallDatabase } from '../../../src/main/core/store/callDatabase';
import { inProcessStore } from '../../../src/main/core/store/inProcessStore';
import { MIGRATIONS } from '../../../src/main/core/store/migrations';
import { SOURCE_STORE_WORKER } from '../../../src/main/core/store/sourceWorker';
import { StoreClient } from '../../../src/main/core/store/storeClient';
import { STORE_METHOD_NAMES, type StoreReady, type StoreResponse, type StoreWorkerData } from '../../../src/main/core/store/storeProtocol';
import { answerStoreCall, reviveStoreError, UnknownStoreMethodError } from '../../../src/main/core/store/storeRpc';

/** The schema version a fresh store reaches: the last migration's. */
const LATEST = MIGRATIONS.at(-1)!.version;
import { makeTempDir } from '../../support/tempDir';

const temps: Array<{ remove(): void }> = [];
function databasePath(): string {
  const temp = makeTempDir();
  temps.push(temp);
  return path.join(temp.dir, 'calls.db');
}
afterAll(() => temps.forEach((temp) => temp.remove()));

/** The real worker script, spoken to with raw messages as the client would (or a stray message might). */
async function rawWorker() {
  const workerData: StoreWorkerData = { databasePath: databasePath(), keyHex: randomBytes(32).toString('hex') };
  const worker = new Worker(SOURCE_STORE_WORKER.storeWorkerPath, { workerData, execArgv: SOURCE_STORE_WORKER.storeWorkerExecArgv });
  const ready = await new Promise<StoreReady>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  expect(ready).toMatchObject({ ready: true });
  const answers = new Map<number, (response: StoreResponse) => void>();
  worker.on('message', (response: StoreResponse) => answers.get(response.id)?.(response));
  let nextId = 1;
  const ask = (message: Record<string, unknown>) =>
    new Promise<StoreResponse>((resolve) => {
      const id = nextId++;
      answers.set(id, resolve);
      worker.postMessage({ id, ...message });
    });
  return { ask, stop: () => worker.terminate() };
}

describe('store method map', () => {
  it('the worker refuses a name outside the map with UnknownStoreMethodError, and answers one inside it', async () => {
    const worker = await rawWorker();
    try {
      for (const method of ['dropTables', 'constructor', '__proto__', 'toString', 'migrate', 'close', 'db']) {
        const response = await worker.ask({ kind: 'call', method, args: [] });
        expect(response, method).toMatchObject({ ok: false, error: { name: 'UnknownStoreMethodError' } });
      }
      expect(await worker.ask({ kind: 'call', method: 'schemaVersion', args: [] })).toEqual({
        id: expect.any(Number),
        ok: true,
        value: LATEST,
      });
      expect(await worker.ask({ kind: 'call', method: 'listUnfinishedCallIds', args: [] })).toMatchObject({ ok: true, value: [] });
      expect(await worker.ask({ kind: 'call', method: 'listHistory', args: 5 })).toMatchObject({ ok: false, error: { name: 'TypeError' } });
      // The refusals closed nothing: the connection still answers.
      expect(await worker.ask({ kind: 'call', method: 'listAudit', args: ['nobody'] })).toMatchObject({ ok: true, value: [] });
    } finally {
      await worker.stop();
    }
  });

  it('dispatches only own names of the map (the same function the worker runs)', () => {
    const database = CallDatabase.inMemory();
    expect(answerStoreCall(database, { id: 1, method: 'schemaVersion', args: [] })).toEqual({ id: 1, ok: true, value: LATEST });
    expect(answerStoreCall(database, { id: 2, method: 'hasOwnProperty', args: ['db'] })).toMatchObject({
      id: 2,
      ok: false,
      error: { name: 'UnknownStoreMethodError' },
    });
    expect(answerStoreCall(database, { id: 3, method: 42, args: [] })).toMatchObject({
      id: 3,
      ok: false,
      error: { name: 'UnknownStoreMethodError' },
    });
    expect(answerStoreCall(database, { id: 4, method: 'getStoredCall', args: ['missing'] })).toEqual({ id: 4, ok: true, value: null });
    database.close();
  });

  it('an UnknownStoreMethodError crosses back as its own class', () => {
    const revived = reviveStoreError({ name: 'UnknownStoreMethodError', message: 'The store has no method "x".' });
    expect(revived).toBeInstanceOf(UnknownStoreMethodError);
    expect(revived.message).toBe('The store has no method "x".');
    expect(reviveStoreError({ name: 'WrongKeyError', message: 'm' })).toMatchObject({ name: 'WrongKeyError', message: 'm' });
  });

  it('the worker client and the in-process store both have exactly the map methods', async () => {
    const memory = inProcessStore(CallDatabase.inMemory());
    expect(Object.keys(memory).sort()).toEqual([...STORE_METHOD_NAMES].sort());
    expect(await memory.schemaVersion()).toBe(LATEST);
    const client = await StoreClient.open({
      databasePath: databasePath(),
      key: { key: randomBytes(32), protection: 'key-file' },
      workerPath: SOURCE_STORE_WORKER.storeWorkerPath,
      workerExecArgv: SOURCE_STORE_WORKER.storeWorkerExecArgv,
    });
    expect(Object.keys(client).sort()).toEqual([...STORE_METHOD_NAMES, 'close', 'integrityProblems'].sort());
    expect(await client.schemaVersion()).toBe(LATEST);
    expect(await client.listHistory(10)).toEqual([]);
    await client.close();
    await expect(client.schemaVersion()).rejects.toThrow('the store is closed');
  });

  it('an in-process method that throws answers with a rejection, as the worker does', async () => {
    const database = CallDatabase.inMemory();
    const store = inProcessStore(database);
    database.close();
    await expect(store.listHistory(1)).rejects.toThrow();
  });
});
