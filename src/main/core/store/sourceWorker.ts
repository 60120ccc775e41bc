/** Where the store worker is when the core runs from TypeScript source under tsx (harness, CLI, tests). */
import path from 'node:path';

export const SOURCE_STORE_WORKER = {
  storeWorkerPath: path.join(__dirname, 'storeWorker.ts'),
  storeWorkerExecArgv: ['--import', 'tsx'],
};
