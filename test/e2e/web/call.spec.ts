import path from 'node:path';
import { expect, FIXTURES, ringScenarioFile, test } from './fixtures';
import { startHarness } from '../../support/webHarness';

test('accept by keyboard, live transcript, autosaved notes, hang up, and history after a restart', async ({
  desk,
  harness,
  dataDir,
  page,
}) => {
  await ringScenarioFile(desk, path.join(FIXTURES, 'missing-package.json'));
  await expect(desk.getByTestId('ringing-card')).toBeVisible();
  await desk.keyboard.press('a');
  await expect(desk.getByTestId('call-view')).toBeVisible();
  await expect(desk.getByTestId('package-missing')).toBeVisible();
  const turns = desk.getByTestId('transcript').getByTestId('turn');
  await expect(turns.first()).toBeVisible();
  await expect(desk.getByTestId('transcript')).toContainText(/Agent/);
  await expect(desk.getByTestId('transcript')).toContainText(/Customer/);

  const note = 'Caller asked for a callback tomorrow morning — note 8812';
  await desk.getByTestId('notes').fill(note);
  await expect(desk.getByTestId('notes-status')).toContainText(/saved/i);
  await desk.getByTestId('hang-up').click();
  await expect(desk.getByTestId('call-view')).toContainText(/ended/i);

  await harness.stop();
  const restarted = await startHarness(dataDir, ['--demo-speed', '40']);
  try {
    await page.goto(restarted.url);
    // The shortcuts are bound once the desk has loaded its snapshot; a key pressed before that is lost.
    await expect(page.getByTestId('ring-demo')).toBeVisible();
    await page.keyboard.press('Control+Shift+Y');
    const row = page.getByTestId('history').getByTestId('history-row').first();
    await expect(row).toBeVisible();
    await row.click();
    // The drafted wrap-up summary quotes the notes too; the notes themselves are the stored-notes block.
    await expect(page.getByTestId('stored-notes')).toHaveText(note);
  } finally {
    await restarted.stop();
  }
});

test('decline by keyboard puts the call in history as declined', async ({ desk }) => {
  await desk.getByTestId('ring-demo').click();
  await expect(desk.getByTestId('ringing-card')).toBeVisible();
  await desk.keyboard.press('d');
  await expect(desk.getByTestId('ringing-card')).toBeHidden();
  await desk.keyboard.press('Control+Shift+Y');
  await expect(desk.getByTestId('history').getByTestId('history-row').first()).toContainText(/declined/i);
});

test('the bridge refuses requests without the session token', async ({ harness, request }) => {
  const denied = await request.post(`${harness.origin}/api/invoke/getSnapshot`, { data: {} });
  expect(denied.status()).toBe(401);
  const allowed = await request.post(`${harness.origin}/api/invoke/getSnapshot`, { data: {}, headers: { 'x-desk-token': harness.token } });
  expect((await allowed.json()).ok).toBe(true);
  const invalid = await request.post(`${harness.origin}/api/invoke/saveNotes`, {
    data: { callId: 5 },
    headers: { 'x-desk-token': harness.token },
  });
  expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
});
