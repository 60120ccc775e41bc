import path from 'node:path';
import { expect, FIXTURES, ringScenarioFile, test } from './fixtures';
import { builtChunks, loadedChunks } from './lazyChunks';

test('a demo call rings with the whole package rendered before accept', async ({ desk }) => {
  await desk.getByTestId('ring-demo').click();
  const card = desk.getByTestId('ringing-card');
  await expect(card).toBeVisible();
  await expect(desk.getByTestId('caller-name')).not.toBeEmpty();
  await expect(desk.getByTestId('verification')).toBeVisible();
  await expect(desk.getByTestId('intent')).toContainText('%');
  await expect(desk.getByTestId('summary')).not.toBeEmpty();
  await expect(desk.getByTestId('trigger')).not.toBeEmpty();
  await expect(desk.getByTestId('facts-table').getByTestId('fact-row').first()).toBeVisible();
  await expect(desk.getByTestId('attempts-table')).toBeVisible();
  await expect(desk.getByTestId('next-steps').locator('li').first()).toBeVisible();
  await expect(desk.getByTestId('first-sentence')).toContainText("I'm Alex");
  // Timings are for supervisors: not on the ringing card, but behind the call's Details toggle.
  await expect(card.getByTestId('timings')).toHaveCount(0);
  await expect(desk.getByTestId('accept')).toBeVisible();
  await desk.getByTestId('accept').click();
  await expect(desk.getByTestId('call-view').getByTestId('timings')).toHaveCount(0);
  // Turn numbers too: hidden on the bubbles until Details is on.
  const turnNumber = desk.getByTestId('turn').first().locator('.turn-number');
  await expect(desk.getByTestId('turn').first()).toBeVisible({ timeout: 20_000 });
  await expect(turnNumber).toBeHidden();
  await desk.getByTestId('call-details-toggle').click();
  await expect(desk.getByTestId('call-details').getByTestId('timings')).toContainText('ms');
  await expect(turnNumber).toBeVisible();
});

test('demo mode loads neither the Voice SDK nor the charts until they are needed', async ({ desk }) => {
  // Positive control: the build emits each lazy chunk under the name the detector looks for (and live mode
  // loads the Voice ones: liveVoice.spec.ts), so "not loaded" below cannot pass because a chunk was renamed.
  expect(builtChunks()).toEqual(['voiceClient', 'voiceLink', 'metrics']);
  await desk.getByTestId('ring-demo').click();
  await expect(desk.getByTestId('ringing-card')).toBeVisible();
  expect(await loadedChunks(desk)).toEqual([]);
  await desk.keyboard.press('d');
  await desk.keyboard.press('Control+Shift+M');
  await expect(desk.getByTestId('metrics-view')).toBeVisible();
  expect(await loadedChunks(desk)).toEqual(['metrics']);
});

test('an unverified caller gets a loud warning; a verified one shows how they were verified', async ({ desk }) => {
  const demos = path.resolve(FIXTURES, '../../../resources/demo-scenarios');
  await ringScenarioFile(desk, path.join(demos, 'reroute-boots-after-move.json'));
  await expect(desk.getByTestId('verification')).toContainText('NOT VERIFIED');
  await desk.getByTestId('decline').click();
  await ringScenarioFile(desk, path.join(demos, 'renewal-charged-twice.json'));
  await expect(desk.getByTestId('verification')).toContainText('Verified by full name and account ID');
  await expect(desk.getByTestId('verification')).not.toContainText('NOT VERIFIED');
});

test('a missing package still rings and says what to ask for', async ({ desk }) => {
  await ringScenarioFile(desk, path.join(FIXTURES, 'missing-package.json'));
  await expect(desk.getByTestId('package-missing')).toContainText('No context from the AI: ask for name, account, reason');
  await expect(desk.getByTestId('accept')).toBeVisible();
});

for (const [file, expected] of [
  ['malformed-truncated.json', /not valid JSON/],
  ['malformed-wrong-types.json', /field (intent\.confidence|caller\.verified|facts) invalid/],
  ['malformed-unknown-trigger.json', /field trigger\.code invalid/],
] as const) {
  test(`a damaged package (${file}) shows which field is wrong`, async ({ desk }) => {
    await ringScenarioFile(desk, path.join(FIXTURES, file));
    const damaged = desk.getByTestId('package-damaged');
    // The headline in an agent's words; the parser's message behind the technical-detail toggle.
    await expect(damaged.getByRole('heading', { level: 2 }).first()).toHaveText("The AI's notes for this call arrived damaged");
    await expect(damaged.getByTestId('package-errors')).toBeHidden();
    await damaged.getByTestId('package-technical').locator('summary').click();
    await expect(damaged.getByTestId('package-errors')).toContainText(expected);
    await expect(desk.getByTestId('accept')).toBeVisible();
  });
}

test('an oversize package is refused with its size, and the call still rings', async ({ desk }) => {
  const scenario = JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(path.join(FIXTURES, 'oversize-package.json'), 'utf8')));
  const pkg = JSON.parse(scenario.rawHandoff);
  pkg.summary = 'x'.repeat(600 * 1024);
  scenario.rawHandoff = JSON.stringify(pkg);
  await desk
    .locator('input[type=file]')
    .setInputFiles({ name: 'oversize.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  await desk.getByTestId('package-technical').locator('summary').click();
  await expect(desk.getByTestId('package-errors')).toContainText(/over the 512 KB limit/);
});

test('hostile text is inert: markup shown as text, direction overrides removed, 100 KB truncated with a way to expand', async ({
  desk,
}) => {
  const fs = await import('node:fs');
  const scenario = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'hostile-text.json'), 'utf8'));
  scenario.handoff.summary = `${scenario.handoff.summary} ${'A'.repeat(100 * 1024)}`;
  await desk
    .locator('input[type=file]')
    .setInputFiles({ name: 'hostile.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
  const summary = desk.getByTestId('summary');
  await expect(summary).toContainText('<script>');
  expect(await desk.locator('script:not([src])').count()).toBe(0);
  expect(await desk.locator('img[src=x]').count()).toBe(0);
  const name = (await desk.getByTestId('caller-name').textContent()) ?? '';
  expect(name).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  const collapsedLength = ((await summary.textContent()) ?? '').length;
  expect(collapsedLength).toBeLessThan(5_000);
  await summary.getByRole('button', { name: /show all/i }).click();
  await expect.poll(async () => ((await summary.textContent()) ?? '').length).toBeGreaterThan(100 * 1024);
});

test('a file that is not a call scenario gives a clear error and the desk keeps working', async ({ desk }) => {
  await desk
    .locator('input[type=file]')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{ "format": "call-scenario/1", "id": ') });
  await expect(desk.getByTestId('notice')).toContainText('broken.json is not valid JSON');
  await desk.getByTestId('ring-demo').click();
  await expect(desk.getByTestId('ringing-card')).toBeVisible();
});
