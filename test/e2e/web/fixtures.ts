/** A fresh harness (own data directory) per test, and the app page opened on it. */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import type { DeskInput, DeskMethodName, DeskOutput } from '../../../src/shared/ipc/deskContract';
import type { Envelope } from '../../../src/shared/ipc/envelope';
import { startHarness, type RunningHarness } from '../../support/webHarness';

export const FIXTURES = path.resolve(__dirname, '../../fixtures/scenarios');

interface DeskFixtures {
  dataDir: string;
  harness: RunningHarness;
  desk: Page;
}

export const test = base.extend<DeskFixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  harness: async ({ dataDir }, use) => {
    const harness = await startHarness(dataDir, ['--demo-speed', '40']);
    await use(harness);
    await harness.stop();
  },
  desk: async ({ page, harness }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('console', (message) => {
      // A refused connection is the harness being restarted on purpose (the restart test); anything else counts.
      if (message.type() === 'error' && !message.text().includes('ERR_CONNECTION_REFUSED'))
        problems.push(`console error: ${message.text()}`);
    });
    page.on('dialog', (dialog) => {
      problems.push(`unexpected dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await page.goto(harness.url);
    await expect(page.getByTestId('ring-demo')).toBeVisible();
    await use(page);
    expect(problems, 'no page errors, no dialogs (hostile text must stay inert)').toEqual([]);
  },
});

export { expect };

/** Rings a scenario file through the "Load scenario…" file input, as the agent would. */
export async function ringScenarioFile(page: Page, file: string): Promise<void> {
  await page.locator('input[type=file]').setInputFiles(file);
}

/** A request straight to the desk, as the renderer's bridge sends it: for what the UI deliberately cannot do. */
export function invokeDesk<M extends DeskMethodName>(page: Page, method: M, input: DeskInput<M>): Promise<Envelope<DeskOutput<M>>> {
  return page.evaluate(
    // Typed by this function's signature; inside the page the bridge is called as it is.
    ({ method, input }) =>
      (window as unknown as { whisperDesk: { invoke(method: string, input: unknown): Promise<unknown> } }).whisperDesk.invoke(
        method,
        input,
      ),
    { method, input },
  ) as Promise<Envelope<DeskOutput<M>>>;
}
