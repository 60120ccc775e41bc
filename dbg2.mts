import { readFileSync } from 'node:fs';
import { normalize } from '/work/main/src/main/core/understanding/itn';
import { resolveDates } from '/work/main/src/main/core/understanding/dateResolver';
const sc = JSON.parse(readFileSync(process.argv[2], 'utf8'));
sc.turns.forEach((t: any, i: number) => { const d = resolveDates(normalize(t.text).written, {}); if (d.length) console.log(i, t.text, d); });
