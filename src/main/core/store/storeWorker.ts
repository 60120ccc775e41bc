/** Worker-thread entry: owns the one database connection (the single writer) and answers StoreRequests. */
import { parentPort, workerData } from 'node:worker_threads';
import { CallDatabase } from './callDatabase';
import type { StoreReady, StoreRequest, StoreResponse, StoreWorkerData } from './storeProtocol';

const port = parentPort;
if (!port) throw new Error('storeWorker must run in a worker thread');

const { databasePath, keyHex } = workerData as StoreWorkerData;
let database: CallDatabase;
try {
  database = new CallDatabase(databasePath, keyHex);
  port.postMessage({ ready: true, schemaVersion: database.schemaVersion(), integrityProblems: database.integrityProblems } satisfies StoreReady);
} catch (error) {
  port.postMessage({ ready: false, error: serialiseError(error) } satisfies StoreReady);
  process.exit(0);
}

port.on('message', (request: StoreRequest) => {
  let response: StoreResponse;
  try {
    if (request.method === ('close' as string)) {
      database.close();
      port.postMessage({ id: request.id, ok: true, value: null } satisfies StoreResponse);
      port.close();
      return;
    }
    const method = database[request.method] as (...args: unknown[]) => unknown;
    response = { id: request.id, ok: true, value: method.apply(database, request.args) };
  } catch (error) {
    response = { id: request.id, ok: false, error: serialiseError(error) };
  }
  port.postMessage(response);
});

function serialiseError(error: unknown): { name: string; message: string } {
  return error instanceof Error ? { name: error.name, message: error.message } : { name: 'Error', message: String(error) };
}
