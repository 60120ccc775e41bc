/**
 * A whole call by keyboard only, and where focus is after each step; the command palette and the
 * shortcut overlay, both made from the key-binding table; Esc never declines.
 */
import path from 'node:path';
import type { Page } from '@playwright/test';
import { KEY_BINDINGS } from '../../../src/renderer/src/keyBindings';
import { expect, FIXTURES, ringScenarioFile, test } from './fixtures';

const DEMOS = path.resolve(FIXTURES, '../../../resources/demo-scenarios');

/** What has focus, in words a failure message can show: tag, test id or id, and its text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return 'body';
    const name = element.getAttribute('data-testid') ?? element.id ?? '';
    return `${element.tagName.toLowerCase()}${name ? `#${name}` : ''}`;
  });
}

async function expectFocus(page: Page, locator: ReturnType<Page['locator']>, step: string) {
  await expect(locator, `${step}: focus is on ${await focused(page)}`).toBeFocused();
}

test('a whole call by keyboard: ring, accept, notes, verify, hand-back review, hang up, wrap-up, done, history', async ({ desk }) => {
  // Many steps, each waiting on the page: on a loaded machine the default 60 s is close.
  test.setTimeout(150_000);
  // The call rings (the contact center rings it; here a demo scenario with a caller the AI did not
  // verify). The Accept button has focus.
  await ringScenarioFile(desk, path.join(DEMOS, 'reroute-boots-after-move.json'));
  await expect(desk.getByTestId('ringing-card')).toBeVisible();
  await expectFocus(desk, desk.getByTestId('accept'), 'ringing');

  // Esc is "close", never "decline": the call keeps ringing.
  await desk.keyboard.press('Escape');
  await expect(desk.getByTestId('ringing-card')).toBeVisible();

  // Accept: A. Focus goes to the notes.
  await desk.keyboard.press('a');
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
  await expectFocus(desk, desk.getByTestId('notes'), 'after accept');
  await desk.keyboard.type('Caller wants the order checked.');
  await expect(desk.getByTestId('notes')).toHaveValue('Caller wants the order checked.');

  // Verify the caller: Ctrl+Shift+V focuses the method, Enter confirms, focus returns to the notes.
  await desk.keyboard.press('Control+Shift+V');
  await expectFocus(desk, desk.getByTestId('verify-caller').locator('select'), 'verify');
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('caller-verified')).toBeVisible();
  await expectFocus(desk, desk.getByTestId('notes'), 'after verify');

  // Review a hand-back: Ctrl+Shift+B; Esc closes it and focus is back in the notes.
  await desk.keyboard.press('Control+Shift+B');
  const dialog = desk.getByTestId('hand-back-dialog');
  await expect(dialog).toBeVisible();
  await expect.poll(() => dialog.evaluate((node) => node.contains(document.activeElement))).toBe(true);
  await desk.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
  await expectFocus(desk, desk.getByTestId('notes'), 'after closing the hand-back review');

  // Hang up: Ctrl+Shift+H. Focus goes to the wrap-up.
  await desk.keyboard.press('Control+Shift+H');
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'ended');
  const wrapUp = desk.getByTestId('wrap-up');
  await expectFocus(desk, wrapUp.getByTestId('wrap-up-summary'), 'after hang-up');

  // Tab through the wrap-up: disposition, the rating (one tab stop), then straight to Save.
  await desk.keyboard.press('Tab');
  await expectFocus(desk, wrapUp.getByTestId('wrap-up-disposition'), 'tab 1');
  await desk.keyboard.press('Tab');
  await expectFocus(desk, wrapUp.getByTestId('agent-rating').getByLabel('No rating'), 'tab 2');
  await desk.keyboard.press('ArrowRight');
  await expect(wrapUp.getByTestId('agent-rating')).toHaveAttribute('data-value', '1');
  await desk.keyboard.press('Tab');
  await expectFocus(desk, wrapUp.getByTestId('wrap-up-save'), 'tab 3: Save, not Clear');

  // Save: Ctrl+S (from anywhere in the ended call); focus stays where it was.
  await desk.keyboard.press('Control+S');
  await expect(wrapUp).toHaveAttribute('data-saved', 'true');
  await expectFocus(desk, wrapUp.getByTestId('wrap-up-save'), 'after save');

  // Done: Ctrl+Shift+D. The idle desk's heading has focus.
  await desk.keyboard.press('Control+Shift+D');
  await expect(desk.getByTestId('idle')).toBeVisible();
  await expectFocus(desk, desk.getByTestId('idle').getByRole('heading'), 'after done');

  // History: Ctrl+Shift+Y; its first control has focus; Tab reaches the call, Enter opens it.
  await desk.keyboard.press('Control+Shift+Y');
  const history = desk.getByTestId('history');
  await expect(history.getByTestId('history-row').first()).toBeVisible();
  await expectFocus(desk, desk.locator('.history-view').getByRole('button', { name: 'Refresh' }), 'history');
  await desk.keyboard.press('Tab');
  await expectFocus(desk, history.getByTestId('history-row').first(), 'history row');
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('stored-notes')).toHaveText('Caller wants the order checked.');

  // Metrics: Ctrl+Shift+M; its first control has focus.
  await desk.keyboard.press('Control+Shift+M');
  await expect(desk.getByTestId('metrics-view')).toBeVisible();
  await expect
    .poll(() => desk.evaluate(() => document.querySelector('[data-testid="metrics-view"]')?.contains(document.activeElement)))
    .toBe(true);
});

test('the command palette lists every action with its key, filters, runs with Enter and closes with Esc', async ({ desk }) => {
  const ring = desk.getByTestId('ring-demo');
  await ring.focus();
  await desk.keyboard.press('Control+K');
  const palette = desk.getByTestId('command-palette');
  await expect(palette).toBeVisible();
  const input = palette.getByRole('combobox');
  await expectFocus(desk, input, 'palette opens');
  await expect(input).toHaveAttribute('aria-controls', 'palette-options');
  await expect(palette.getByRole('listbox').getByRole('option')).toHaveCount(Object.keys(KEY_BINDINGS).length);
  await expect(palette.getByRole('option', { name: /Ring a demo call/ })).toContainText('Ctrl+Shift+R');

  // Filter, move with the arrows (aria-activedescendant follows), Esc closes and gives focus back.
  await input.fill('history');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await desk.keyboard.press('Escape');
  await expect(palette).toBeHidden();
  await expectFocus(desk, ring, 'palette closed');

  await desk.keyboard.press('Control+K');
  await desk.keyboard.type('ring demo');
  const first = palette.getByRole('option').first();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
  await desk.keyboard.press('Enter');
  await expect(palette).toBeHidden();
  await expect(desk.getByTestId('ringing-card')).toBeVisible();
  await expectFocus(desk, desk.getByTestId('accept'), 'ringing from the palette');

  // An action that cannot run now says so and keeps the palette open.
  await desk.keyboard.press('Control+K');
  await desk.keyboard.type('hang up');
  await expect(palette.getByRole('option').first()).toHaveAttribute('aria-disabled', 'true');
  await desk.keyboard.press('Enter');
  await expect(palette.getByTestId('palette-status')).toContainText('only when: in a call');
  await input.fill('accept');
  await desk.keyboard.press('ArrowDown');
  await desk.keyboard.press('ArrowUp');
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
});

test('? shows every shortcut from the same table; Esc closes it', async ({ desk }) => {
  await desk.keyboard.press('Shift+?');
  const overlay = desk.getByTestId('shortcut-overlay');
  await expect(overlay).toBeVisible();
  await expect(overlay.getByTestId('shortcut-row')).toHaveCount(Object.keys(KEY_BINDINGS).length);
  await expect(overlay.locator('[data-action="decline"]')).toContainText('D');
  await expect(overlay.locator('[data-action="decline"]')).not.toContainText('Esc');
  await desk.keyboard.press('Escape');
  await expect(overlay).toBeHidden();
});

test('guideline steps are one tab stop; arrow keys move inside; the assist panel has its own key', async ({ desk }) => {
  await desk.keyboard.press('Control+Shift+R');
  await expect(desk.getByTestId('ringing-card')).toBeVisible();
  await desk.keyboard.press('a');
  const panel = desk.getByTestId('assist-panel');
  const steps = panel.locator('.step-list').first().locator(':scope > li > details > summary');
  await expect.poll(() => steps.count(), { timeout: 20_000 }).toBeGreaterThan(2);
  const tabStops = await steps.evaluateAll((summaries) => summaries.filter((summary) => (summary as HTMLElement).tabIndex === 0).length);
  expect(tabStops).toBe(1);
  await steps.evaluateAll((summaries) => (summaries.find((summary) => (summary as HTMLElement).tabIndex === 0) as HTMLElement).focus());
  const at = await steps.evaluateAll((summaries) => summaries.indexOf(document.activeElement as HTMLElement));
  await desk.keyboard.press(at === 0 ? 'ArrowDown' : 'ArrowUp');
  await expectFocus(desk, steps.nth(at === 0 ? 1 : at - 1), 'arrow inside the steps');
  await expect
    .poll(() => steps.evaluateAll((summaries) => summaries.filter((summary) => (summary as HTMLElement).tabIndex === 0).length))
    .toBe(1);

  await desk.keyboard.press('Control+Shift+N');
  await expectFocus(desk, desk.getByTestId('notes'), 'notes key');
  await desk.keyboard.press('Control+Shift+P');
  await expect
    .poll(() => panel.evaluate((node) => document.activeElement?.matches('[data-assist-item]') && node.contains(document.activeElement)))
    .toBe(true);
});
