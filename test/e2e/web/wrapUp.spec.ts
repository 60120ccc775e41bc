/**
 * What is recorded is what the agent decided: a wrap-up left unsaved is "not wrapped up" in history and
 * the metrics (never the draft's "Resolved"), and leaving it with unsaved changes asks first.
 */
import path from 'node:path';
import { expect, ringScenarioFile, test } from './fixtures';

const DEMOS = path.resolve(__dirname, '../../../resources/demo-scenarios');

test('an unsaved wrap-up asks before leaving, and the call is recorded as not wrapped up, not as the draft', async ({ desk }) => {
  await ringScenarioFile(desk, path.join(DEMOS, 'stained-jeans-label-rejected.json'));
  await desk.getByTestId('accept').click();
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
  await desk.getByTestId('hang-up').click();
  const wrapUp = desk.getByTestId('wrap-up');
  await expect(wrapUp.getByTestId('wrap-up-disposition')).toHaveValue('resolved');
  await wrapUp.getByTestId('wrap-up-disposition').selectOption('follow_up');
  await expect(wrapUp.getByTestId('wrap-up-state')).toHaveAttribute('data-state', 'unsaved');

  await desk.getByTestId('call-done').click();
  const confirm = desk.getByTestId('leave-confirm');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Keep editing' }).click();
  await expect(confirm).toBeHidden();
  await expect(wrapUp.getByTestId('wrap-up-disposition')).toHaveValue('follow_up');

  await desk.getByTestId('call-done').click();
  await desk.getByTestId('leave-discard').click();
  await expect(desk.getByTestId('idle')).toBeVisible();

  await desk.getByTestId('history-toggle').click();
  await expect(desk.getByTestId('history').getByTestId('history-row').first()).toContainText('Not wrapped up');
  await desk.getByTestId('metrics-toggle').click();
  await expect(desk.getByTestId('trigger-mix-table')).toContainText('Not wrapped up 1');
  await expect(desk.getByTestId('trigger-mix-table')).not.toContainText('Resolved');
});

test('a saved wrap-up leaves without asking and is recorded with the disposition the agent chose', async ({ desk }) => {
  await ringScenarioFile(desk, path.join(DEMOS, 'stained-jeans-label-rejected.json'));
  await desk.getByTestId('accept').click();
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
  await desk.getByTestId('hang-up').click();
  const wrapUp = desk.getByTestId('wrap-up');
  await wrapUp.getByTestId('wrap-up-disposition').selectOption('follow_up');
  await wrapUp.getByTestId('wrap-up-save').click();
  await expect(wrapUp.getByTestId('wrap-up-state')).toHaveAttribute('data-state', 'saved');
  await desk.getByTestId('call-done').click();
  await expect(desk.getByTestId('leave-confirm')).toHaveCount(0);
  await expect(desk.getByTestId('idle')).toBeVisible();
  await desk.getByTestId('history-toggle').click();
  await expect(desk.getByTestId('history').getByTestId('history-row').first()).toContainText('Follow-up needed');
});

test('History or Metrics from an unsaved wrap-up asks first too; keeping on editing keeps the draft', async ({ desk }) => {
  await ringScenarioFile(desk, path.join(DEMOS, 'stained-jeans-label-rejected.json'));
  await desk.getByTestId('accept').click();
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
  await desk.getByTestId('hang-up').click();
  const wrapUp = desk.getByTestId('wrap-up');
  await wrapUp.getByTestId('wrap-up-disposition').selectOption('follow_up');
  await desk.getByTestId('history-toggle').click();
  const confirm = desk.getByTestId('leave-page-confirm');
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Keep editing' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(wrapUp.getByTestId('wrap-up-disposition')).toHaveValue('follow_up');
  await desk.keyboard.press('Control+Shift+M');
  await expect(confirm).toBeVisible();
  await desk.getByTestId('leave-page-discard').click();
  await expect(desk.getByTestId('metrics-view')).toBeVisible();
});
