/**
 * The metrics view against the CLI: 20 calls are finished quickly through the bridge (the demo
 * scenarios in turn, plus two fixture files), then the view is opened by its key and every figure it
 * prints — and every value it hands to a chart — must match `cli metrics --json` on the same encrypted
 * store, with and without filters. The CSV export must download one row per call.
 *
 * The CLI opens the store while the harness still has it open: the database is in WAL mode, so a
 * second connection reads a consistent snapshot without stopping the harness.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import type { DeskInput, DeskMethodName, DeskOutput } from '../../../src/shared/ipc/deskContract';
import type { HandoffMetrics } from '../../../src/shared/handoffMetrics';
import { expect, FIXTURES, invokeDesk, test } from './fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const CALLS = 20;
const run = promisify(execFile);

async function ok<M extends DeskMethodName>(page: Page, method: M, input: DeskInput<M>): Promise<DeskOutput<M>> {
  const result = await invokeDesk(page, method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.message}`);
  return result.value;
}

async function cliMetrics(dataDir: string, ...args: string[]): Promise<HandoffMetrics> {
  const { stdout } = await run('npm', ['run', '-s', 'cli', '--', 'metrics', '--data-dir', dataDir, '--json', ...args], { cwd: ROOT });
  return JSON.parse(stdout) as HandoffMetrics;
}

/** "470 ms" → 470, "30.0 s" → 30000, "—" → null (a note after the figure is ignored); with the rounding the view uses. */
function parseMs(text: string): { value: number | null; tolerance: number } {
  const match = /^([\d.]+) (ms|s)\b/.exec(text.trim());
  if (!match) return { value: null, tolerance: 0 };
  return match[2] === 's' ? { value: Number(match[1]) * 1000, tolerance: 50 } : { value: Number(match[1]), tolerance: 0.5 };
}

async function expectMs(cell: Locator, expected: number | null): Promise<void> {
  const { value, tolerance } = parseMs(await cell.innerText());
  if (expected === null) return expect(value).toBeNull();
  expect(Math.abs(value! - expected)).toBeLessThanOrEqual(tolerance);
  await expect(cell).toHaveAttribute('data-value', String(expected));
}

/** "99.2%" against 0.9917; "0.92" against 0.9167; "—" against null. */
async function expectFigure(figure: Locator, expected: number | null, kind: 'share' | 'mean' | 'count'): Promise<void> {
  const text = (await figure.locator('.metrics-figure-value').innerText()).trim();
  if (expected === null) return expect(text).toBe('—');
  const shown = kind === 'share' ? Number(text.replace('%', '')) / 100 : Number(text);
  const tolerance = kind === 'share' ? 0.0005 : kind === 'mean' ? 0.005 : 0;
  expect(Math.abs(shown - expected), `${text} vs ${expected}`).toBeLessThanOrEqual(tolerance + 1e-9);
  await expect(figure).toHaveAttribute('data-value', String(expected));
}

async function plotted(canvas: Locator): Promise<{ label: string; data: (number | null)[] }[]> {
  return JSON.parse((await canvas.getAttribute('data-plotted')) ?? '[]') as { label: string; data: (number | null)[] }[];
}

/** Every figure on the view, and every value given to the charts, against the CLI's JSON. */
async function expectViewMatches(view: Locator, cli: HandoffMetrics): Promise<void> {
  await expect(view).toHaveAttribute('data-calls', String(cli.calls));
  await expect(view.getByTestId('metrics-calls')).toHaveText(String(cli.calls));

  const phases = ['triggerToPackageMs', 'packageToRingMs', 'ringToPickupMs', 'pickupToGreetingMs'] as const;
  for (const phase of phases) {
    const row = view.locator(`[data-testid="handoff-row"][data-phase="${phase}"]`);
    await expect(row.getByTestId('n')).toHaveText(String(cli.handoffTime[phase].n));
    await expectMs(row.getByTestId('p50'), cli.handoffTime[phase].p50);
    await expectMs(row.getByTestId('p95'), cli.handoffTime[phase].p95);
  }
  const handoffPlot = await plotted(view.getByTestId('chart-handoff-time'));
  const onLog = (ms: number | null) => (ms === null ? null : Math.max(1, ms));
  expect(handoffPlot.find((set) => set.label === 'p50')?.data).toEqual(phases.map((phase) => onLog(cli.handoffTime[phase].p50)));
  expect(handoffPlot.find((set) => set.label === 'p95')?.data).toEqual(phases.map((phase) => onLog(cli.handoffTime[phase].p95)));
  expect(handoffPlot.find((set) => set.label === 'Target')?.data).toEqual([500, null, 30_000, 5_000]);

  await expectFigure(view.getByTestId('figure-accuracy-mean'), cli.contextAccuracy.mean, 'share');
  await expectFigure(view.getByTestId('figure-accuracy-calls'), cli.contextAccuracy.callsWithPackage, 'count');
  await expectFigure(view.getByTestId('figure-repeats-per-call'), cli.repeats.perCall, 'mean');
  await expectFigure(view.getByTestId('figure-repeats-share'), cli.repeats.shareOfCallsWithAny, 'share');
  await expectFigure(view.getByTestId('figure-csat-mean'), cli.csat.mean, 'mean');
  await expectFigure(view.getByTestId('figure-csat-responses'), cli.csat.responses, 'count');
  const rating = view.getByTestId('figure-agent-rating');
  await expect(rating).toHaveAttribute('data-value', String(cli.agentRating.mean ?? ''));
  await expect(rating).toHaveAttribute('data-responses', String(cli.agentRating.responses));
  await expect(rating).toContainText(
    `${cli.agentRating.mean === null ? '—' : cli.agentRating.mean.toFixed(2)} / 5 from ${cli.agentRating.responses}`,
  );

  const percent = (fraction: number | null) => (fraction === null ? null : Math.round(fraction * 1000) / 10);
  expect((await plotted(view.getByTestId('chart-context-accuracy')))[0]?.data).toEqual(
    cli.daily.map((day) => percent(day.contextAccuracy)),
  );
  expect((await plotted(view.getByTestId('chart-repeat-rate')))[0]?.data).toEqual(cli.daily.map((day) => day.repeatsPerCall));
  expect((await plotted(view.getByTestId('chart-csat')))[0]?.data).toEqual(cli.daily.map((day) => day.csat));
  await expect(view.getByTestId('daily-row')).toHaveCount(cli.daily.length);
  for (const day of cli.daily) {
    await expect(view.locator(`[data-testid="daily-row"][data-day="${day.day}"] td`).first()).toHaveText(String(day.calls));
  }

  await expect(view.getByTestId('trigger-row')).toHaveCount(cli.triggerMix.length);
  const mixPlot = await plotted(view.getByTestId('chart-trigger-mix'));
  for (const [index, mix] of cli.triggerMix.entries()) {
    const row = view.locator(`[data-testid="trigger-row"][data-trigger="${mix.triggerCode}"]`);
    await expect(row.getByTestId('calls')).toHaveText(String(mix.calls));
    // The stacked bars for this trigger add up to its calls, disposition by disposition.
    expect(mixPlot.reduce((sum, set) => sum + (set.data[index] ?? 0), 0)).toBe(mix.calls);
    for (const [disposition, count] of Object.entries(mix.byDisposition)) {
      await expect(row).toContainText(String(count));
      expect(
        mixPlot.some((set) => set.data[index] === count),
        `${mix.triggerCode}/${disposition}`,
      ).toBe(true);
    }
  }
}

test('20 replayed calls: the metrics view plots the numbers the CLI prints, filters agree, the CSV has 20 rows', async ({
  desk,
  dataDir,
}) => {
  test.setTimeout(90_000);
  const fixtures = ['missing-package.json', 'hostile-text.json'].map((name) => ({
    name,
    text: readFileSync(path.join(FIXTURES, name), 'utf8'),
  }));
  const dispositions = ['resolved', 'follow_up', 'transferred', 'unresolved'] as const;
  for (let i = 0; i < CALLS; i++) {
    const fixture = i % 10 === 9 ? fixtures[i === 9 ? 0 : 1]! : null;
    const ringing = fixture
      ? await ok(desk, 'ringScenarioText', { fileName: fixture.name, text: fixture.text })
      : await ok(desk, 'ringDemoCall', {});
    await ok(desk, 'acceptCall', { callId: ringing.callId });
    // A few turns on some calls, none on others (then there is no greeting to time).
    await desk.waitForTimeout([0, 150, 400, 700][i % 4]!);
    await ok(desk, 'hangUp', { callId: ringing.callId });
    if (i % 4 === 1) {
      const wrapUp = { summary: `Call ${i}`, disposition: dispositions[i % dispositions.length]!, agentRating: 1 + (i % 5) };
      await ok(desk, 'saveWrapUp', { callId: ringing.callId, wrapUp });
    }
  }
  // The demo customers answer their survey 3 s after hanging up.
  await expect.poll(async () => (await ok(desk, 'getMetrics', {})).csat.responses, { timeout: 15_000 }).toBe(CALLS);

  await desk.keyboard.press('Control+Shift+M');
  const view = desk.getByTestId('metrics-view');
  await expect(view).toHaveAttribute('data-state', 'ready');
  await expect(view).toHaveAttribute('data-calls', String(CALLS));
  const all = await cliMetrics(dataDir);
  expect(all.calls).toBe(CALLS);
  expect(all.agentRating.responses).toBe(5);
  expect(all.triggerMix.length).toBeGreaterThanOrEqual(4);
  await expectViewMatches(view, all);

  // One trigger: the view and `cli metrics --trigger` count the same calls.
  const trigger = all.triggerMix.find((mix) => mix.triggerCode !== 'none' && mix.calls > 1)!.triggerCode;
  await view.getByTestId('metrics-trigger').selectOption(trigger);
  const byTrigger = await cliMetrics(dataDir, '--trigger', trigger);
  await expect(view).toHaveAttribute('data-calls', String(byTrigger.calls));
  await expect(view).toHaveAttribute('data-loading', 'false');
  await expectViewMatches(view, byTrigger);

  // Days: today (UTC) holds every call; a range that ends yesterday holds none (the empty state).
  await view.getByTestId('metrics-clear').click();
  const today = all.daily.at(-1)!.day;
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  await view.getByTestId('metrics-from').fill(today);
  await view.getByTestId('metrics-to').fill(today);
  await expect(view).toHaveAttribute('data-calls', String(CALLS));
  await view.getByTestId('metrics-from').fill(yesterday);
  await view.getByTestId('metrics-to').fill(yesterday);
  await expect(view).toHaveAttribute('data-state', 'empty');
  await expect(view.getByTestId('metrics-empty')).toContainText('No calls match these filters');
  expect((await cliMetrics(dataDir, '--from', yesterday, '--to', yesterday)).calls).toBe(0);
  await expect(view.getByTestId('metrics-export')).toBeDisabled();

  // CSV of every call, downloaded as a file.
  await view.getByTestId('metrics-clear').click();
  await expect(view).toHaveAttribute('data-calls', String(CALLS));
  const [download] = await Promise.all([desk.waitForEvent('download'), view.getByTestId('metrics-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^whisper-desk-calls-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync((await download.path())!, 'utf8');
  const lines = csv.split('\r\n').filter((line) => line !== '');
  expect(lines[0]).toMatch(/^call_id,ended_at,trigger_code,/);
  expect(lines).toHaveLength(1 + CALLS);
  await expect(view.getByTestId('metrics-exported')).toContainText(`${CALLS} calls exported`);
});

test('the metrics view says so when there are no calls yet, and refreshes itself when the store changes', async ({ desk }) => {
  await desk.keyboard.press('Control+Shift+M');
  const view = desk.getByTestId('metrics-view');
  await expect(view).toHaveAttribute('data-state', 'empty');
  await expect(view.getByTestId('metrics-empty')).toContainText('No calls stored yet');
  await expect(desk.getByTestId('metrics-toggle')).toHaveAttribute('aria-pressed', 'true');

  // A ringing call takes the screen; afterwards the view opens again with the call in it.
  const ringing = await ok(desk, 'ringDemoCall', {});
  await expect(view).toBeHidden();
  await ok(desk, 'acceptCall', { callId: ringing.callId });
  await ok(desk, 'hangUp', { callId: ringing.callId });
  await desk.keyboard.press('Control+Shift+M');
  await expect(view).toHaveAttribute('data-calls', '1');
  await expect(view.getByTestId('figure-agent-rating')).toHaveAttribute('data-responses', '0');

  // A wrap-up saved meanwhile (historyChanged) shows up without a manual refresh.
  await ok(desk, 'saveWrapUp', { callId: ringing.callId, wrapUp: { summary: 'Done', disposition: 'resolved', agentRating: 5 } });
  await expect(view.getByTestId('figure-agent-rating')).toHaveAttribute('data-responses', '1');
  await expect(view.getByTestId('figure-agent-rating')).toContainText('5.00 / 5 from 1 rating');
  await desk.keyboard.press('Control+Shift+M');
  await expect(view).toBeHidden();
});
