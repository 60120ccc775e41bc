/**
 * A replayed recording has no call date of its own: told one (`cli replay|eval --call-date`), its
 * relative dates resolve against it; not told, they stay unresolved. "Today" said in passing is the
 * present moment, not a date given as a value.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/main/core/demo/scenarioLoader';
import { replayScenario } from '../../../src/main/core/replay/replayScenario';
import { demoPacks } from '../../support/demoPack';

/** The demo call with these turns; `undated`: its package without the date fact. */
function scenarioWith(turns: Array<['agent' | 'customer', string]>, undated = false) {
  const base = JSON.parse(
    readFileSync(path.resolve(__dirname, '../../../resources/demo-scenarios/renewal-charged-twice.json'), 'utf8'),
  ) as { turns: Array<{ speaker: string; text: string; atMs: number }>; id: string; handoff: { facts: Array<{ name: string }> } };
  base.id = 'call-date';
  if (undated) base.handoff.facts = base.handoff.facts.filter((fact) => fact.name !== 'date');
  base.turns = turns.map(([speaker, text], k) => ({ speaker, text, atMs: 1_000 * (k + 1) }));
  return parseScenario(JSON.stringify(base), 'call-date.json');
}

describe('replay with the call date of the recording', () => {
  const turns: Array<['agent' | 'customer', string]> = [
    ['agent', 'and when did the second charge show up?'],
    ['customer', 'yesterday, i saw it on my banking app'],
    ['agent', 'thanks, I will look into it today'],
  ];

  it('resolves a relative date against the call date it is given', async () => {
    const { output } = await replayScenario(scenarioWith(turns), { packs: demoPacks(), callDate: '2026-03-10' });
    expect(output.facts.date).toBe('2026-03-09');
  });

  // The package says the first charge was on 2026-03-04; only a resolved date said in the call replaces it.
  it('leaves a relative date unresolved without one', async () => {
    const { output } = await replayScenario(scenarioWith(turns), { packs: demoPacks() });
    expect(output.facts.date).toBe('2026-03-04');
  });

  it('takes "today" as the date only when it answers when', async () => {
    const passing = await replayScenario(scenarioWith([['customer', 'can you sort it out today please']], true), {
      packs: demoPacks(),
      callDate: '2026-03-10',
    });
    expect(passing.output.facts.date).toBeUndefined();
    const answered = await replayScenario(
      scenarioWith([
        ['agent', 'when did it arrive?'],
        ['customer', 'today, this morning'],
      ]),
      { packs: demoPacks(), callDate: '2026-03-10' },
    );
    expect(answered.output.facts.date).toBe('2026-03-10');
  });
});
