import { readFileSync } from 'node:fs';
import { requireDomainPack } from '/work/main/src/main/core/pack/domainPackLoader';
import { PackInUse } from '/work/main/src/main/core/pack/packInUse';
import { replayScenario } from '/work/main/src/main/core/replay/replayScenario';
import { parseScenario } from '/work/main/src/main/core/demo/scenarioLoader';
const packs = PackInUse.of(await requireDomainPack(process.argv[3] || '/work/main/resources/packs/abcd-store'));
for (const f of process.argv.slice(4)) { const { view } = await replayScenario(parseScenario(readFileSync(f, 'utf8'), f), { packs }); console.log(f.split('/').pop(), JSON.stringify(view.assist.handBack)); }
