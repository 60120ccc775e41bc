/** IT's policies in the app: a key set by policy shows its value, is locked in the settings dialog, and the desk refuses to change it; a damaged value is ignored. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startHarness } from '../../support/webHarness';
import { invokeDesk } from './fixtures';

test('a policy wins, is locked in the UI, and a damaged policy value is ignored', async ({ page }) => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-e2e-'));
  const policyFile = path.join(dataDir, 'managed-settings.json');
  // agentName is valid; demoSpeed is damaged (a word, not a number) and must fall back to the agent's own value.
  writeFileSync(policyFile, JSON.stringify({ agentName: 'Desk 42', demoSpeed: 'fast' }));
  const harness = await startHarness(dataDir, ['--managed-settings', policyFile]);
  try {
    await page.goto(harness.url);
    await expect(page.getByTestId('agent-name')).toContainText('Desk 42');
    await page.getByTestId('agent-name').click();
    const dialog = page.getByTestId('settings-dialog');
    const name = dialog.locator('#setting-agentName');
    await expect(name).toHaveValue('Desk 42');
    await expect(name).toHaveAttribute('readonly', '');
    await expect(dialog.getByText('Set by your IT administrator')).toHaveCount(1);
    const speed = dialog.locator('#setting-demoSpeed');
    await expect(speed).toHaveValue('1');
    await expect(speed).not.toHaveAttribute('readonly', '');
    const refused = await invokeDesk(page, 'updateSettings', { agentName: 'Someone else' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  } finally {
    await harness.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
