/** Worker-thread entry: owns the one database connection (the single writer) and answers StoreRequests. */
import { parentPort, workerData } from 'node:worker_threads';
import { CallDatabase } from './callDatabase';
import type { StoreReady, StoreRequest, StoreResponse, StoreWorkerData } from './storeProtocol';
import { answerStoreCall, serialiseStoreError } from './storeRpc';

const port = parentPort;
if (!port) throw new Error('storeWorker must run in a worker thread');

const { databasePath, keyHex } = workerData as StoreWorkerData;
let database: CallDatabase;
try {
  database = new CallDatabase(databasePath, keyHex);
  port.postMessage({
    ready: true,
    schemaVersion: database.schemaVersion(),
    integrityProblems: database.integrityProblems,
  } satisfies StoreReady);
} catch (error) {
  port.postMessage({ ready: false, error: serialiseStoreError(error) } satisfies StoreReady);
  process.exit(0);
}

port.on('message', (request: StoreRequest) => {
  if (request.kind === 'close') {
    try {
      database.close();
    } catch (error) {
      port.postMessage({ id: request.id, ok: false, error: serialiseStoreError(error) } satisfies StoreResponse);
      return;
    }
    port.postMessage({ id: request.id, ok: true, value: null } satisfies StoreResponse);
    port.close();
    return;
  }
  // Anything else is a call, and only the method map's names are answered (others: UnknownStoreMethodError).
  port.postMessage(answerStoreCall(database, request));
});
