import { readFileSync } from 'node:fs';
import { SensitiveTopicDetector } from '/work/main/src/main/core/understanding/sensitiveTopics';
import { requireDomainPack } from '/work/main/src/main/core/pack/domainPackLoader';
const pack = await requireDomainPack('/work/main/resources/packs/northwind-connect');
const d = new SensitiveTopicDetector(pack.manifest.handBack.sensitiveTopics, pack.articles.map((a) => `${a.title}\n${a.description}\n${a.steps.map((s) => s.text).join('\n')}`));
for (const f of process.argv.slice(2)) { const s = JSON.parse(readFileSync(f, 'utf8')); s.turns.forEach((t: any, i: number) => { const h = d.detect(t.text); if (h) console.log(f.split('/').pop(), i, JSON.stringify(h), '|', t.text.slice(0, 100)); }); }
