import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { loadDomainPack } from '../../../../src/main/core/pack/domainPackLoader';
import { PackInUse } from '../../../../src/main/core/pack/packInUse';
import { CallUnderstanding } from '../../../../src/main/core/understanding/callUnderstanding';
import type { TranscriptTurn } from '../../../../src/shared/callSchemas';
import { PackManifestSchema } from '../../../../src/shared/domainPack';
import { DEMO_PACK_DIR, NORTHWIND_PACK_DIR } from '../../../support/demoPack';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the Northwind pack to damage. */
function copyOf(dir: string): string {
  const temp = mkdtempSync(path.join(os.tmpdir(), 'pack-'));
  temps.push(temp);
  cpSync(dir, temp, { recursive: true });
  return temp;
}

describe('domain packs', () => {
  it('loads the demo pack and the second pack with their facts, articles and tasks', async () => {
    for (const [dir, id, articles] of [
      [DEMO_PACK_DIR, 'abcd', 55],
      [NORTHWIND_PACK_DIR, 'northwind-connect', 32],
    ] as const) {
      const result = await loadDomainPack(dir);
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      expect(result.pack.manifest.id).toBe(id);
      expect(result.pack.articles).toHaveLength(articles);
      expect(result.pack.articles.every((article) => article.steps.length > 0)).toBe(true);
    }
  });

  it("the demo pack's steps are in an agent's words: no \"N/A\" step, no button of the guide's own tool, no Oracle, no button to click, no made-up details", async () => {
    const result = await loadDomainPack(DEMO_PACK_DIR);
    if (!result.ok) throw new Error('demo pack refused');
    const steps = result.pack.articles.flatMap((article) => article.steps.map((step) => ({ where: `${article.id}: ${step.title}`, step })));
    expect(steps.length).toBeGreaterThan(200);
    const leaks = steps.filter(
      ({ step }) =>
        /^n\/?a$/i.test(step.title) ||
        /\[[A-Z][^\]]*\]|\bOracle\b|click the button|random amount|make up/i.test(`${step.title}\n${step.text}`),
    );
    expect(leaks.map((leak) => leak.where)).toEqual([]);
    // What a button reference said is kept as the action, in words.
    const competitor = result.pack.articles.find((article) => article.id === 'bad_price_competitor')!;
    expect(competitor.steps[1]!.text).toContain('Enter this into the input box and note the reason');
    expect(competitor.steps[3]!.title).toBe('');
    expect(competitor.steps[3]!.text).toMatch(/^Try to convince the customer that sometimes the prices change/);
    const dispute = result.pack.articles.find((article) => article.id === 'manage_dispute_bill')!;
    expect(dispute.steps.map((step) => step.title)).toContain('Check the account records');
  });

  it('reads an article: front matter, description and the numbered steps with their detail lines', async () => {
    const result = await loadDomainPack(DEMO_PACK_DIR);
    if (!result.ok) throw new Error('demo pack refused');
    const article = result.pack.articles.find((candidate) => candidate.id === 'return_size')!;
    expect(article).toMatchObject({ title: 'Return Due to Size', group: 'Product Defect', intents: ['return_size'] });
    expect(article.steps.map((step) => step.title)).toEqual([
      'Pull up Account',
      'Validate Purchase',
      'Membership Privileges',
      'End Conversation',
      'Enter Details',
      'Update Order',
    ]);
    expect(article.steps[1]!.text.split('\n').length).toBeGreaterThan(1);
    expect(article.steps[0]!.facts).toEqual(['customer_name', 'account_id']);
  });

  it('reports every problem with its file and line, and returns no half-loaded pack', async () => {
    const dir = copyOf(NORTHWIND_PACK_DIR);
    const manifest = readFileSync(path.join(dir, 'pack.json'), 'utf8');
    // A fact of a type that does not exist, on a known line.
    const damaged = manifest.replace('"type": "email"', '"type": "emial"');
    writeFileSync(path.join(dir, 'pack.json'), damaged);
    const line = damaged.split('\n').findIndex((text) => text.includes('"emial"')) + 1;
    const article = path.join(dir, 'articles', 'broadband_outage.md');
    writeFileSync(article, readFileSync(article, 'utf8').replace(/## Steps[\s\S]*$/, 'No steps here.\n'));
    const result = await loadDomainPack(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual(expect.objectContaining({ file: 'pack.json', line, message: expect.stringMatching(/type/) }));
  });

  it('names an article problem with its file and line', async () => {
    const dir = copyOf(NORTHWIND_PACK_DIR);
    const article = path.join(dir, 'articles', 'broadband_outage.md');
    writeFileSync(
      article,
      readFileSync(article, 'utf8')
        .replace(/## Steps[\s\S]*$/, 'No steps here.\n')
        .replace(/^intents:.*$/m, 'intents: [no_such_intent]'),
    );
    const result = await loadDomainPack(dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problems = result.problems.filter((problem) => problem.file === path.join('articles', 'broadband_outage.md'));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]!.message).toMatch(/Steps/);
    expect(problems[0]!.line).toBeGreaterThan(1);
  });

  it('takes bareValues as true or as a list of the values said without a cue, and names a listed value the fact lacks', async () => {
    const dir = copyOf(NORTHWIND_PACK_DIR);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'pack.json'), 'utf8')) as { facts: Array<Record<string, unknown>> };
    const device = manifest.facts.find((fact) => fact.name === 'device')!;
    device.bareValues = ['wifi_disc'];
    writeFileSync(path.join(dir, 'pack.json'), JSON.stringify(manifest, null, 2));
    const loaded = await loadDomainPack(dir);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    const understanding = new CallUnderstanding(loaded.pack.facts, undefined, { callDate: '2026-06-15' });
    const heard = (text: string, index: number) =>
      understanding.onTurn({ index, speaker: 'customer', text, atMs: index } as TranscriptTurn).map((mention) => mention.value);
    // Named in the list, the disc counts said bare ("extender" is an everyday word); the backup dongle is not listed,
    // so said in everyday words it waits for a cue.
    expect(heard('the extender upstairs keeps blinking', 0)).toContain('wifi_disc');
    expect(heard('ok and the backup stick is in the drawer', 1)).not.toContain('backup_4g');

    device.bareValues = ['wifi_disc', 'no_such_device'];
    writeFileSync(path.join(dir, 'pack.json'), JSON.stringify(manifest, null, 2));
    const refused = await loadDomainPack(dir);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.problems.map((problem) => problem.message).join('\n')).toMatch(/"no_such_device" is not a value of fact "device"/);
  });

  it('refuses JSON that does not parse, with the line of the fault', async () => {
    const dir = copyOf(NORTHWIND_PACK_DIR);
    writeFileSync(path.join(dir, 'pack.json'), '{\n  "format": "domain-pack/1",\n  "id": "x",,\n}');
    const result = await loadDomainPack(dir);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]).toMatchObject({ file: 'pack.json', line: 3 });
  });

  it('keeps the desk on the demo pack when the configured one is damaged, and says why', async () => {
    const dir = copyOf(NORTHWIND_PACK_DIR);
    writeFileSync(path.join(dir, 'pack.json'), '{ "format": "domain-pack/1" }');
    const problems: string[] = [];
    const packs = await PackInUse.open({ configuredDir: dir, demoDir: DEMO_PACK_DIR }, problems);
    expect(packs.current.summary).toMatchObject({ id: 'abcd', origin: 'fallback' });
    expect(packs.current.summary.problem).toMatch(/refused/);
    expect(problems[0]).toMatch(/Using the demo pack/);
    // A later switch to a damaged pack keeps the last good one.
    const good = await packs.use(NORTHWIND_PACK_DIR);
    expect(good.ok && good.loaded.summary.id).toBe('northwind-connect');
    const bad = await packs.use(dir);
    expect(bad.ok).toBe(false);
    expect(packs.current.summary.id).toBe('northwind-connect');
  });

  it('exports a JSON Schema for editors that describes pack.json', () => {
    const schema = z.toJSONSchema(PackManifestSchema, { io: 'input' }) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['facts', 'intents', 'handBack', 'catalogue']));
    expect(schema.required).toEqual(expect.arrayContaining(['format', 'id', 'facts', 'intents']));
  });
});

describe('switching packs from settings', () => {
  it('loads the new pack before keeping the setting, and refuses a damaged one without losing the current pack', async () => {
    const { demoDesk } = await import('../../../support/demoDesk');
    const { desk } = demoDesk();
    expect(desk.getSnapshot().pack.id).toBe('abcd');
    await desk.updateSettings({ domainPack: NORTHWIND_PACK_DIR });
    expect(desk.getSnapshot().pack).toMatchObject({ id: 'northwind-connect', name: 'Northwind Connect' });
    const dir = copyOf(NORTHWIND_PACK_DIR);
    writeFileSync(path.join(dir, 'pack.json'), '{ "format": "domain-pack/1" }');
    await expect(desk.updateSettings({ domainPack: dir })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/refused/),
    });
    expect(desk.getSnapshot().pack.id).toBe('northwind-connect');
    expect(desk.getSnapshot().settings.domainPack).toBe(NORTHWIND_PACK_DIR);
  });
});
