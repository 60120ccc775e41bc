import { readFileSync } from 'node:fs';
import { normalize } from '/work/main/src/main/core/understanding/itn';
const file = process.argv[2]; const grep = process.argv[3] ? new RegExp(process.argv[3], 'i') : /./;
const sc = JSON.parse(readFileSync(file, 'utf8'));
sc.turns.forEach((t: any, i: number) => { if (grep.test(t.text)) { const n = normalize(t.text); console.log(i, t.speaker, '|', t.text, '\n   =>', n.written, JSON.stringify(n.spans.map((s) => [s.kind, s.text, s.groups]))); } });
console.log(JSON.stringify(sc.truth));
