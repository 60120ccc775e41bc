/** The store without a worker, for one-shot tools (CLI replay of a single call) and tests. */
import type { CallDatabase } from './callDatabase';
import type { AsyncStore } from './storeProtocol';
import { storeOver } from './storeRpc';

export function inProcessStore(database: CallDatabase): AsyncStore {
  // Each call runs at once, as a message to the worker is posted at once, and a throw becomes a rejection.
  return storeOver(async (method, args) => (database[method] as (...args: unknown[]) => unknown).apply(database, args));
}
