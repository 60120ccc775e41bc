/** vitest setup: what every test file may take for granted before it is imported. */
import { loadDemoPack } from './demoPack';

await loadDemoPack();
