/**
 * A child process that autosaves like a desk in a call, against the real store (worker thread, encrypted
 * SQLite on disk): it saves the notes and appends a turn over and over, and prints a line for each write
 * the store acknowledged. The kill -9 test kills it at a random moment and checks nothing acknowledged is lost.
 * Usage: node autosaveChild.js DATA_DIR CALL_ID STORE_WORKER_JS (bundled by the test, so a start takes milliseconds)
 */
import path from 'node:path';
import { openCallStore } from '../../src/main/core/createDesk';
import { FileKeyStore } from '../../src/main/core/fileKeyStore';
import { sampleCallView } from './sampleCallView';

async function main(): Promise<void> {
  const [dataDir, callId, storeWorkerPath] = process.argv.slice(2);
  if (!dataDir || !callId || !storeWorkerPath) throw new Error('usage: autosaveChild DATA_DIR CALL_ID STORE_WORKER_JS');
  const { store } = await openCallStore({ dataDir, keyStore: new FileKeyStore(path.join(dataDir, 'db.key')), storeWorkerPath });
  await store.saveCall(sampleCallView(callId, { phase: 'active', endedAt: undefined }));
  process.stdout.write('ready\n');
  for (let n = 1; ; n++) {
    // Notes grow like typing does, so pages split and the WAL grows while the kill may land.
    await store.saveNotes(callId, `notes version ${n} `.repeat(1 + (n % 40)), n);
    process.stdout.write(`notes ${n}\n`);
    await store.appendTurns(callId, [
      { index: n - 1, atMs: n, speaker: n % 2 ? 'customer' : 'agent', text: `turn ${n} `.repeat(1 + (n % 25)) },
    ]);
    process.stdout.write(`turn ${n}\n`);
  }
}

main().catch((error: Error) => {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
});
