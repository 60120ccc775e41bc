/**
 * Both ends of the store's message protocol, derived from the one method map (storeProtocol.ts): the
 * worker answers only the names in the map, and a client is an object with one method per name. Written
 * here rather than with Comlink: Comlink's proxy forwards any property path to the exposed object (so
 * refusing unknown methods would still need a filtered facade), needs its node adapter for
 * worker_threads, rebuilds thrown errors as plain objects, and has no place for the open handshake
 * (StoreReady) or the close control message; this is the whole protocol in one small file.
 */
import {
  STORE_METHOD_NAMES,
  isStoreMethodName,
  type AsyncStore,
  type StoreErrorData,
  type StoreMethodName,
  type StoreMethods,
  type StoreResponse,
} from './storeProtocol';

/** The worker was asked for something that is not a store method (a typo, a prototype key, a private member). */
export class UnknownStoreMethodError extends Error {
  constructor(readonly method: string) {
    super(`The store has no method ${JSON.stringify(method).slice(0, 80)}.`);
    this.name = 'UnknownStoreMethodError';
  }
}

/** Worker side: one request in, one response out; only the map's names reach the database. */
export function answerStoreCall(database: StoreMethods, request: { id: number; method?: unknown; args?: unknown }): StoreResponse {
  try {
    if (!isStoreMethodName(request.method)) throw new UnknownStoreMethodError(String(request.method));
    if (!Array.isArray(request.args)) throw new TypeError(`The arguments of store method ${request.method} must be an array.`);
    const method = database[request.method] as (...args: unknown[]) => unknown;
    return { id: request.id, ok: true, value: method.apply(database, request.args) };
  } catch (error) {
    return { id: request.id, ok: false, error: serialiseStoreError(error) };
  }
}

/** How a client carries one call to the database; the answer's type comes from the map (the cast below). */
export type StoreInvoke = (method: StoreMethodName, args: unknown[]) => Promise<unknown>;

/** Client side: the AsyncStore whose every method is `invoke(name, args)`. */
export function storeOver(invoke: StoreInvoke): AsyncStore {
  return Object.fromEntries(STORE_METHOD_NAMES.map((name) => [name, (...args: unknown[]) => invoke(name, args)])) as AsyncStore;
}

export function serialiseStoreError(error: unknown): StoreErrorData {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}

/** An error back from the worker, as an Error with its name (and the typed class for an unknown method). */
export function reviveStoreError(error: StoreErrorData): Error {
  if (error.name === 'UnknownStoreMethodError') return Object.assign(new UnknownStoreMethodError(''), { message: error.message });
  return Object.assign(new Error(error.message), { name: error.name });
}
