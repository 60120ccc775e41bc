import { readFileSync } from 'node:fs';
import { requireDomainPack } from '/work/main/src/main/core/pack/domainPackLoader';
import { HandBackAdvisor, handBackRequested } from '/work/main/src/main/core/assist/handBackAdvisor';
import { SensitiveTopicDetector } from '/work/main/src/main/core/understanding/sensitiveTopics';
const pack = await requireDomainPack(process.argv[2]);
const s = JSON.parse(readFileSync(process.argv[3], 'utf8'));
const a = new HandBackAdvisor({ tasks: pack.manifest.handBack.tasks, sensitive: new SensitiveTopicDetector(pack.manifest.handBack.sensitiveTopics), allowList: ['*'], callerVerified: true });
s.turns.forEach((t: any, i: number) => { const r = a.addTurn({ turnIndex: i, speaker: t.speaker, text: t.text }); console.log(i, handBackRequested(t.text), JSON.stringify(r && [r.task, r.code, r.requestedInTurn])); });
