/** The first step of `npm test`: name the browser the end-to-end tests will use, or stop with one line (exit 1). */
import { checkBrowser } from './findBrowser';

process.exitCode = checkBrowser();
