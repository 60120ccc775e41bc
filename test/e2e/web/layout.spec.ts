/**
 * The call view laid out for the screens agents have: 1440×900, 1366×768 and 1280×720. At each size a
 * screenshot is written (test-results/screens/, attached to the report) to be looked at, and the layout
 * is checked: the top bar is one row, the package essentials are above the fold, nothing scrolls
 * sideways, ids are never broken across lines, and the metrics phase table is not clipped.
 */
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, ringScenarioFile, test } from './fixtures';

const DEMOS = path.resolve(__dirname, '../../../resources/demo-scenarios');
const SCREENS = path.resolve(__dirname, '../../../test-results/screens');
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
] as const;

async function bottomOf(locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not laid out');
  return box.y + box.height;
}

/** How many rows the top bar's items sit on (items whose tops differ by more than half a button). */
async function topBarRows(page: Page): Promise<number> {
  return page.locator('.top-bar').evaluate((bar) => {
    const tops = [...bar.querySelectorAll('.top-bar-brand > *, .top-bar-actions > *')]
      .map((item) => item.getBoundingClientRect())
      .filter((box) => box.width > 0)
      .map((box) => box.top + box.height / 2);
    const rows: number[] = [];
    for (const middle of tops) if (!rows.some((row) => Math.abs(row - middle) < 12)) rows.push(middle);
    return rows.length;
  });
}

/** An element whose text is one token (an id, an email) is on one line. */
async function lineCount(locator: Locator): Promise<number> {
  return locator.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
    return tops.size;
  });
}

async function save(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SCREENS, `${name}.png`) });
  await test.info().attach(name, { path: path.join(SCREENS, `${name}.png`), contentType: 'image/png' });
}

for (const size of SIZES) {
  const tag = `${size.width}x${size.height}`;
  test(`at ${tag}: one-row top bar, the package essentials above the fold, ids whole, nothing clipped`, async ({ desk }) => {
    test.setTimeout(90_000);
    await desk.setViewportSize(size);
    await expect(desk.getByTestId('idle')).toBeVisible();
    expect.soft(await topBarRows(desk), 'the top bar is one row').toBe(1);
    await save(desk, `idle-${tag}`);

    await ringScenarioFile(desk, path.join(DEMOS, 'stained-jeans-label-rejected.json'));
    await expect(desk.getByTestId('ringing-card')).toBeVisible();
    await save(desk, `ringing-${tag}`);
    await desk.getByTestId('accept').click();
    const view = desk.getByTestId('call-view');
    await expect(view).toHaveAttribute('data-phase', 'active');
    await expect(desk.getByTestId('transcript').getByTestId('turn').nth(5)).toBeVisible({ timeout: 30_000 });
    expect.soft(await topBarRows(desk), 'the top bar is one row on a call').toBe(1);
    const header = await view.locator('.call-header').boundingBox();
    expect.soft(header!.height, 'the call header is one row').toBeLessThan(70);

    // The essentials an agent needs before hello: who, verified or not, why they called, what to say, the summary.
    // The name and the call's verification are in the call header; the package column does not repeat them.
    const pkg = view.locator('.call-package');
    for (const element of [
      view.locator('#call-heading'),
      view.getByTestId('caller-verified'),
      pkg.getByTestId('caller-phone'),
      pkg.getByTestId('intent'),
      pkg.getByTestId('first-sentence'),
      pkg.getByTestId('summary'),
    ]) {
      await expect(element).toBeVisible();
      expect.soft(await bottomOf(element), `${String(element)} is above the fold at ${tag}`).toBeLessThanOrEqual(size.height);
    }
    await expect(pkg.getByTestId('verification'), 'one verification state on a call: the header').toHaveCount(0);
    expect.soft(await bottomOf(view.getByTestId('notes')), 'the notes field is on screen').toBeLessThanOrEqual(size.height);
    const overflow = await desk.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect.soft(overflow, 'nothing scrolls sideways').toBeLessThanOrEqual(0);
    const orderId = pkg.locator('[data-fact="order_id"] .fact-value > .value').first();
    await expect(orderId).toBeVisible();
    expect.soft(await lineCount(orderId), 'the order id is on one line').toBe(1);
    const email = pkg.locator('[data-fact="email"] .fact-value > .value').first();
    if ((await email.count()) > 0) expect.soft(await lineCount(email), 'the email is on one line').toBe(1);
    await save(desk, `call-${tag}`);

    await desk.getByTestId('hang-up').click();
    await expect(desk.getByTestId('wrap-up')).toBeVisible();
    await save(desk, `wrap-up-${tag}`);

    await desk.getByTestId('metrics-toggle').click();
    const table = desk.getByTestId('handoff-time-table');
    await expect(table).toBeAttached();
    // Inside its card (a table spilling past the card is painted over by the next one), and not cut inside.
    const clipped = await table.evaluate((element) => {
      const box = element.getBoundingClientRect();
      const card = element.closest('.metrics-card')!.getBoundingClientRect();
      return box.right > card.right + 1 || box.left < card.left - 1 || element.scrollWidth > element.clientWidth + 1;
    });
    expect.soft(clipped, 'the metrics phase table is not clipped').toBe(false);
    await save(desk, `metrics-${tag}`);
  });
}
