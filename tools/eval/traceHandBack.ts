/**
 * Prints what the hand-back advisor hears in one call, turn by turn: the sensitive topic a turn raises,
 * whether it asks for a hand-back, whether it reads as an attempt to steer the assistant, and the advice
 * after it. For reading a miss, not for scoring.
 *
 *   npx tsx tools/eval/traceHandBack.ts <scenario.json> [--pack DIR]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { requireDomainPack } from '../../src/main/core/pack/domainPackLoader';
import { HandBackAdvisor, handBackRequested } from '../../src/main/core/assist/handBackAdvisor';
import { sensitiveTopicsOf } from '../../src/main/core/understanding/sensitiveTopics';
import { detectSteering } from '../../src/main/core/understanding/steering/detectSteering';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { pack: { type: 'string' } } });
const file = positionals[0];
if (!file) throw new Error('usage: traceHandBack.ts <scenario.json> [--pack DIR]');
const scenario = JSON.parse(readFileSync(file, 'utf8')) as {
  handoff?: { caller?: { verified?: boolean } } | null;
  turns: Array<{ speaker: 'agent' | 'customer'; text: string }>;
  truth?: { handBack?: unknown };
};

async function main(): Promise<void> {
  const pack = await requireDomainPack(values.pack ?? path.resolve(__dirname, '../../resources/packs/abcd-store'));
  const sensitive = sensitiveTopicsOf(pack);
  const advisor = new HandBackAdvisor({
    tasks: pack.manifest.handBack.tasks,
    sensitive,
    allowList: ['*'],
    callerVerified: scenario.handoff?.caller?.verified === true,
  });
  console.log('truth', JSON.stringify(scenario.truth?.handBack));
  scenario.turns.forEach((turn, turnIndex) => {
    const topic = sensitive.detect(turn.text);
    const steering = detectSteering(turn.text, turn.speaker);
    const advice = advisor.addTurn({ turnIndex, speaker: turn.speaker, text: turn.text }, { steering: steering.attempt });
    const marks = [
      topic ? `topic=${topic.id}("${topic.said}")` : '',
      handBackRequested(turn.text) ? 'REQUEST' : '',
      steering.attempt ? `steering(${steering.score})` : '',
    ].filter(Boolean);
    console.log(`${String(turnIndex).padStart(2)} ${turn.speaker.slice(0, 4)} ${marks.join(' ')}\n     ${turn.text.slice(0, 220)}`);
    if (advice) console.log(`     → ${advice.task} ${advice.allowed ? 'allowed' : 'refused'} ${advice.code}`);
  });
}
void main();
