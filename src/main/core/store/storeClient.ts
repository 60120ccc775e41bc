/**
 * The main thread's handle on the store worker: every store method (storeProtocol.ts) becomes a message
 * and a promise, so nothing on the main thread ever waits for the disk.
 */
import { Worker } from 'node:worker_threads';
import type { DatabaseKey } from '../ports';
import { StoreOpenError } from './storeOpenError';
import type { AsyncStore, StoreMethodName, StoreReady, StoreRequest, StoreResponse, StoreWorkerData } from './storeProtocol';
import { reviveStoreError, storeOver } from './storeRpc';

const OPEN_PROBLEMS: Record<string, string> = { WrongKeyError: 'wrong_key', DatabaseDamagedError: 'damaged' };

export type { AsyncStore } from './storeProtocol';
export { StoreOpenError } from './storeOpenError';

export interface StoreClientOptions {
  databasePath: string;
  key: DatabaseKey;
  /** Path of the built worker script (a .js file in the app, the .ts source under tsx). */
  workerPath: string;
  workerExecArgv?: string[];
}

/** The store's methods, plus what only the worker's owner may do: read the open's findings and close it. */
export type StoreClient = AsyncStore & {
  /** What the quick integrity check at open found (empty when the database is sound). */
  readonly integrityProblems: readonly string[];
  close(): Promise<void>;
};

export const StoreClient = {
  async open(options: StoreClientOptions): Promise<StoreClient> {
    const workerData: StoreWorkerData = { databasePath: options.databasePath, keyHex: options.key.key.toString('hex') };
    const worker = new Worker(options.workerPath, { workerData, execArgv: options.workerExecArgv });
    const ready = await new Promise<StoreReady>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    if (!ready.ready) {
      await worker.terminate();
      throw new StoreOpenError(ready.error.message, OPEN_PROBLEMS[ready.error.name] ?? ready.error.name);
    }
    const connection = new StoreConnection(worker);
    return Object.assign(
      storeOver((method, args) => connection.send({ kind: 'call', method, args })),
      { integrityProblems: ready.integrityProblems, close: () => connection.close() },
    );
  },
};

/** The worker and the requests waiting for its answers. */
class StoreConnection {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private closed = false;

  constructor(private readonly worker: Worker) {
    worker.on('message', (response: StoreResponse) => this.settle(response));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new Error('the store worker stopped')));
  }

  send(request: { kind: 'call'; method: StoreMethodName; args: unknown[] } | { kind: 'close' }): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, ...request } satisfies StoreRequest);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.send({ kind: 'close' });
    this.closed = true;
    await this.worker.terminate();
  }

  private settle(response: StoreResponse): void {
    const waiter = this.pending.get(response.id);
    if (!waiter) return;
    this.pending.delete(response.id);
    if (response.ok) waiter.resolve(response.value);
    else waiter.reject(reviveStoreError(response.error));
  }

  private failAll(error: Error): void {
    this.closed = true;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
