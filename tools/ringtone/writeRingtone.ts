/** Writes the synthesised ringtone where the renderer bundles it: `npx tsx tools/ringtone/writeRingtone.ts`. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { synthesizeRingtone } from './ringtone';

export const RINGTONE_PATH = path.resolve(__dirname, '../../src/renderer/src/assets/ringtone.wav');

writeFileSync(RINGTONE_PATH, synthesizeRingtone());
console.log(`wrote ${path.relative(process.cwd(), RINGTONE_PATH)}`);
