import { demoPacks } from '../../support/demoPack';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/main/core/demo/scenarioLoader';
import { replayScenario } from '../../../src/main/core/replay/replayScenario';

describe('cli replay of a package nested 10 000 levels deep', () => {
  it('replays the call with the package as malformed, and does not overflow the stack', { timeout: 30_000 }, async () => {
    const text = readFileSync(path.resolve(__dirname, '../../../resources/demo-scenarios/renewal-charged-twice.json'), 'utf8');
    const deep = `${'{"a":'.repeat(10_000)}"x"${'}'.repeat(10_000)}`;
    const hostile = text.replace(/"aiAttempts":\s*\[/, `"aiAttempts": [{"tool":"t","ok":true,"result":"r","input":${deep}},`);
    expect(hostile).not.toBe(text);
    const { output } = await replayScenario(parseScenario(hostile, 'deep.json'), { packs: demoPacks() });
    expect(output.package).toMatchObject({ status: 'malformed', errors: [expect.stringMatching(/nests deeper than 32 levels/)] });
    expect(output.facts).toBeTypeOf('object');
  });
});
