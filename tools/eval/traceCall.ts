/**
 * Prints what the understanding stages make of one call, turn by turn: the written form (ITN), the
 * typed mentions, the facts after the turn and the repeats flagged. For reading a miss, not for scoring.
 *
 *   npx tsx tools/eval/traceCall.ts <scenario.json> [--pack DIR] [--turns 3,5]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { HandoffPackageSchema } from '../../src/shared/handoffPackage';
import { requireDomainPack } from '../../src/main/core/pack/domainPackLoader';
import { CallUnderstanding } from '../../src/main/core/understanding/callUnderstanding';
import { normalize } from '../../src/main/core/understanding/itn';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { pack: { type: 'string' }, turns: { type: 'string' } },
});
const file = positionals[0];
if (!file) throw new Error('usage: traceCall.ts <scenario.json> [--pack DIR] [--turns 3,5]');
const scenario = JSON.parse(readFileSync(file, 'utf8')) as {
  handoff: unknown;
  turns: Array<{ speaker: 'agent' | 'customer'; text: string; atMs: number }>;
};
async function main(): Promise<void> {
  const pack = await requireDomainPack(values.pack ?? path.resolve(__dirname, '../../resources/packs/abcd-store'));
  const parsed = scenario.handoff ? HandoffPackageSchema.safeParse(scenario.handoff) : undefined;
  const understanding = new CallUnderstanding(pack.facts, parsed?.success ? parsed.data : undefined, { year: 2026 });
  const shown = values.turns ? new Set(values.turns.split(',').map(Number)) : undefined;
  scenario.turns.forEach((turn, index) => {
    const before = understanding.repeated.length;
    const mentions = understanding.onTurn({ index, speaker: turn.speaker, text: turn.text, atMs: turn.atMs });
    if (shown && !shown.has(index)) return;
    console.log(`${index} ${turn.speaker}: ${turn.text}`);
    console.log(`   written: ${normalize(turn.text, { defaultCurrency: pack.facts.source.currency }).written}`);
    for (const mention of mentions) console.log(`   ${mention.fact} = ${mention.value} (${mention.evidence}: "${mention.said}")`);
    for (const repeat of understanding.repeated.slice(before)) console.log(`   REPEAT ${repeat.factName}`);
  });
  console.log(
    'facts:',
    understanding.heard.map((fact) => `${fact.name}=${fact.value}${fact.contradictedBy !== undefined ? ' (CONTRADICTED)' : ''}`).join('; '),
  );
}

void main();
