/**
 * The main thread's handle on the store worker: every StoreMethods call becomes a message and a promise,
 * so nothing on the main thread ever waits for the disk.
 */
import { Worker } from 'node:worker_threads';
import type { DatabaseKey } from '../ports';
import { StoreOpenError } from './storeOpenError';
import type { StoreMethods, StoreReady, StoreRequest, StoreResponse, StoreWorkerData } from './storeProtocol';

const OPEN_PROBLEMS: Record<string, string> = { WrongKeyError: 'wrong_key', DatabaseDamagedError: 'damaged' };

export type AsyncStore = { [K in keyof StoreMethods]: (...args: Parameters<StoreMethods[K]>) => Promise<ReturnType<StoreMethods[K]>> };

export { StoreOpenError } from './storeOpenError';

export interface StoreClientOptions {
  databasePath: string;
  key: DatabaseKey;
  /** Path of the built worker script (a .js file in the app, the .ts source under tsx). */
  workerPath: string;
  workerExecArgv?: string[];
}

export class StoreClient implements AsyncStore {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  private closed = false;

  private constructor(
    private readonly worker: Worker,
    /** What the quick integrity check at open found (empty when the database is sound). */
    readonly integrityProblems: readonly string[] = [],
  ) {
    worker.on('message', (response: StoreResponse) => this.settle(response));
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', () => this.failAll(new Error('the store worker stopped')));
  }

  static async open(options: StoreClientOptions): Promise<StoreClient> {
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
    return new StoreClient(worker, ready.integrityProblems);
  }

  saveCall = (...args: Parameters<StoreMethods['saveCall']>) => this.call('saveCall', args) as Promise<void>;
  appendTurns = (...args: Parameters<StoreMethods['appendTurns']>) => this.call('appendTurns', args) as Promise<void>;
  saveNotes = (...args: Parameters<StoreMethods['saveNotes']>) => this.call('saveNotes', args) as Promise<void>;
  listHistory = (...args: Parameters<StoreMethods['listHistory']>) =>
    this.call('listHistory', args) as Promise<ReturnType<StoreMethods['listHistory']>>;
  listUnfinishedCallIds = () => this.call('listUnfinishedCallIds', []) as Promise<string[]>;
  getStoredCall = (...args: Parameters<StoreMethods['getStoredCall']>) =>
    this.call('getStoredCall', args) as Promise<ReturnType<StoreMethods['getStoredCall']>>;
  schemaVersion = () => this.call('schemaVersion', []) as Promise<number>;
  saveCallRecord = (...args: Parameters<StoreMethods['saveCallRecord']>) => this.call('saveCallRecord', args) as Promise<void>;
  getCallRecord = (...args: Parameters<StoreMethods['getCallRecord']>) => this.call('getCallRecord', args) as Promise<ReturnType<StoreMethods['getCallRecord']>>;
  listCallRecords = (...args: Parameters<StoreMethods['listCallRecords']>) =>
    this.call('listCallRecords', args) as Promise<ReturnType<StoreMethods['listCallRecords']>>;
  queryMetrics = (...args: Parameters<StoreMethods['queryMetrics']>) => this.call('queryMetrics', args) as Promise<ReturnType<StoreMethods['queryMetrics']>>;
  appendAudit = (...args: Parameters<StoreMethods['appendAudit']>) => this.call('appendAudit', args) as Promise<void>;
  listAudit = (...args: Parameters<StoreMethods['listAudit']>) => this.call('listAudit', args) as Promise<ReturnType<StoreMethods['listAudit']>>;

  async close(): Promise<void> {
    if (this.closed) return;
    await this.call('close' as keyof StoreMethods, []);
    this.closed = true;
    await this.worker.terminate();
  }

  private call(method: keyof StoreMethods, args: unknown[]): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, method, args } satisfies StoreRequest);
    });
  }

  private settle(response: StoreResponse): void {
    const waiter = this.pending.get(response.id);
    if (!waiter) return;
    this.pending.delete(response.id);
    if (response.ok) waiter.resolve(response.value);
    else waiter.reject(Object.assign(new Error(response.error.message), { name: response.error.name }));
  }

  private failAll(error: Error): void {
    this.closed = true;
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }
}
