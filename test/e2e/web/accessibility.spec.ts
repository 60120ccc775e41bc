/**
 * axe-core on every main screen of the desk (idle, ringing, call, hand-back review, wrap-up, history,
 * metrics, settings), each must have no violation at all: any rule axe reports, of any impact, fails.
 * The screens are reached the way an agent reaches them, through a real demo call.
 */
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, ringScenarioFile, test } from './fixtures';

const DEMOS = path.resolve(__dirname, '../../../resources/demo-scenarios');

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} (${violation.impact ?? 'n/a'}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`,
    ),
  );
}

async function expectNoViolations(page: Page, screen: string): Promise<void> {
  const started = Date.now();
  const found = await violations(page);
  console.log(`axe ${screen}: ran in ${Date.now() - started} ms`);
  // The per-screen list is printed so the report can quote it; the assertion is the contract.
  console.log(`axe ${screen}: ${found.length} violation(s)${found.length ? '\n  ' + found.join('\n  ') : ''}`);
  expect.soft(found, `axe violations on the ${screen} screen`).toEqual([]);
}

test('axe-core finds no violation on the idle, ringing, call, hand-back, wrap-up, history, metrics and settings screens', async ({
  desk,
}) => {
  // axe takes seconds per screen, tens of seconds on a loaded machine: room for eight of them.
  test.setTimeout(600_000);
  await expect(desk.getByTestId('idle')).toBeVisible();
  await expectNoViolations(desk, 'idle');

  await ringScenarioFile(desk, path.join(DEMOS, 'stained-jeans-label-rejected.json'));
  await expect(desk.getByTestId('ringing-card')).toBeVisible();
  await expectNoViolations(desk, 'ringing');

  await desk.getByTestId('accept').click();
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
  await expect(desk.getByTestId('transcript').getByTestId('turn').nth(3)).toBeVisible({ timeout: 30_000 });
  await expectNoViolations(desk, 'call');

  await desk.getByTestId('hand-back-open').click();
  await expect(desk.getByTestId('hand-back-dialog')).toBeVisible();
  await expectNoViolations(desk, 'hand-back review');
  await desk.getByTestId('hand-back-cancel').click();
  await expect(desk.getByTestId('hand-back-dialog')).toBeHidden();

  await desk.getByTestId('hang-up').click();
  await expect(desk.getByTestId('wrap-up')).toBeVisible();
  await expectNoViolations(desk, 'wrap-up');
  await desk.getByTestId('wrap-up-save').click();
  await expect(desk.getByTestId('wrap-up-state')).toHaveAttribute('data-state', 'saved');

  await desk.getByTestId('history-toggle').click();
  await expect(desk.getByTestId('history').getByTestId('history-row').first()).toBeVisible();
  await desk.getByTestId('history').getByTestId('history-row').first().click();
  await expect(desk.getByTestId('stored-call')).toBeVisible();
  await expectNoViolations(desk, 'history');

  await desk.getByTestId('metrics-toggle').click();
  await expect(desk.getByTestId('metrics-view')).toBeVisible();
  await expect(desk.getByTestId('daily-table')).toBeVisible();
  await expectNoViolations(desk, 'metrics');

  await desk.getByTestId('agent-name').click();
  await expect(desk.getByTestId('settings-dialog')).toBeVisible();
  await expectNoViolations(desk, 'settings');
});

test('axe-core finds no violation on a call whose package is damaged', async ({ desk }) => {
  test.setTimeout(240_000);
  await ringScenarioFile(desk, path.resolve(__dirname, '../../fixtures/scenarios/malformed-truncated.json'));
  await expect(desk.getByTestId('ringing-card')).toBeVisible();
  await expectNoViolations(desk, 'ringing, damaged package');
  await desk.getByTestId('accept').click();
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
  await expectNoViolations(desk, 'call, damaged package');
});
