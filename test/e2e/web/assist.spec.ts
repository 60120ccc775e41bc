/**
 * Whisper mode in the call view, live: scenario files are rung, accepted with "a", and their turns
 * arrive at 40× speed while the assertions poll. Each test names the turn, field or title the app must
 * show, so a flag on the wrong turn, a missing highlight or a broken shortcut fails it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, ringScenarioFile, test } from './fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const SCENARIOS = path.join(ROOT, 'test/scenarios');
const DEMOS = path.join(ROOT, 'resources/demo-scenarios');
/** A whole scenario at 40× speed takes under 12 s; this leaves room for a slow machine. */
const CALL_TIMEOUT = 45_000;

function turnCount(file: string): number {
  return (JSON.parse(readFileSync(file, 'utf8')) as { turns: unknown[] }).turns.length;
}

async function answer(desk: Page, file: string): Promise<void> {
  await ringScenarioFile(desk, file);
  await expect(desk.getByTestId('ringing-card')).toBeVisible();
  await desk.keyboard.press('a');
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
}

/** Waits until every turn of the scenario has arrived, after which the assist state no longer changes. */
async function allTurnsIn(desk: Page, file: string): Promise<void> {
  await expect(desk.getByTestId('transcript')).toHaveAttribute('data-turns', String(turnCount(file)), { timeout: CALL_TIMEOUT });
}

function turn(desk: Page, index: number): Locator {
  return desk.getByTestId('transcript').locator(`[data-testid="turn"][data-index="${index}"]`);
}

/** The transcript turns (by index) that carry a flag of this kind. */
async function flaggedTurns(desk: Page, flag: 'flag-repeat' | 'flag-injection'): Promise<number[]> {
  const turns = desk
    .getByTestId('transcript')
    .getByTestId('turn')
    .filter({ has: desk.getByTestId(flag) });
  return (await turns.evaluateAll((nodes) => nodes.map((node) => Number(node.getAttribute('data-index'))))).sort((a, b) => a - b);
}

async function itemIds(list: Locator): Promise<string[]> {
  return list.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('data-item-id') ?? ''));
}

test('new apartment: repeats on the right turns, a contradicted address with its turn, the guideline step, a hand-back candidate', async ({
  desk,
}) => {
  const file = path.join(SCENARIOS, 'new-apartment-address-misheard.json');
  await answer(desk, file);
  const panel = desk.getByTestId('assist-panel');
  await expect(panel.getByTestId('engine-status')).toHaveText('Assistant: local');

  // Turn 6 (index 5) restates the zip code the package already had: flagged on that turn as it arrives.
  await expect(turn(desk, 5).getByTestId('flag-repeat')).toContainText('Customer repeated: Zip code', { timeout: CALL_TIMEOUT });
  await expect(panel.getByTestId('flag-repeat').filter({ hasText: 'Zip code' })).toBeVisible();

  // The package said 1490, the customer corrected it in turn 4 (index 3).
  const fromPackage = desk.getByTestId('facts-table').locator('[data-testid="fact-row"][data-fact="street_address"]');
  await expect(fromPackage).toHaveAttribute('data-contradicted', 'true', { timeout: CALL_TIMEOUT });
  const tableFlag = fromPackage.getByTestId('flag-contradicted');
  await expect(tableFlag).toHaveAttribute('data-turn', '3');
  await expect(tableFlag).toContainText('said in turn 4');
  await expect(tableFlag.locator('del')).toHaveText('1490 Alder Crest Drive');
  await expect(tableFlag.locator('ins')).toHaveText('1419 Alder Crest Drive');
  const heardFlag = desk.getByTestId('heard-facts').locator('[data-fact="street_address"]').getByTestId('flag-contradicted');
  await expect(heardFlag).toContainText('said in turn 4');
  await expect(heardFlag.locator('del')).toHaveText('1490 Alder Crest Drive');
  await expect(panel.getByTestId('flag-contradicted').first()).toContainText('Street address');
  await expect(panel.getByTestId('contradicted-count')).toHaveText('1 package field contradicted');
  await expect(desk.getByTestId('package-contradicted-count')).toContainText('1 package field contradicted');

  // The best guideline is expanded, with exactly one step marked as the current one.
  const best = panel.getByTestId('guideline').first();
  await expect(best).toContainText('Manage Change Address');
  await expect(best).toContainText('Manage Account');
  await expect(best.locator('[data-testid="guideline-step"][data-current="true"]')).toHaveCount(1);
  await expect(best.locator('[data-testid="guideline-step"][data-current="true"]')).toContainText('You are here');

  await allTurnsIn(desk, file);
  expect(await flaggedTurns(desk, 'flag-repeat')).toEqual([5, 7]);
  expect(await flaggedTurns(desk, 'flag-injection')).toEqual([]);
  const current = best.locator('[data-testid="guideline-step"][data-current="true"]');
  await expect(current).toContainText('Update Account');
  await expect(current.locator('.step-text')).toBeVisible();
  expect(
    await best
      .getByTestId('guideline-step')
      .evaluateAll((steps) => steps.findIndex((step) => step.getAttribute('data-current') === 'true')),
  ).toBe(3);

  // Every other guideline is a closed citation that opens to its full steps.
  const second = panel.getByTestId('guideline').nth(1);
  await expect(second.getByTestId('guideline-step').first()).toBeHidden();
  await second.getByText(/Guideline steps/).click();
  await expect(second.getByTestId('guideline-step').first()).toBeVisible();

  const handBack = panel.getByTestId('hand-back');
  await expect(handBack).toHaveAttribute('data-allowed', 'true');
  await expect(handBack).toContainText('Hand-back candidate: update address after verification');
  // The agent's "I'll hand you back to our assistant to make the update…" (turn 13) names the task; the
  // customer's later "send me back to the robot" names none, so the request that did is kept.
  await expect(handBack).toContainText('asked in turn 13');
});

test('a refused hand-back says why, and a contradicted order id shows its evidence turn', async ({ desk }) => {
  const file = path.join(SCENARIOS, 'charge-for-jeans-never-ordered.json');
  await answer(desk, file);
  const panel = desk.getByTestId('assist-panel');

  const orderFlag = panel.getByTestId('flag-item').locator('[data-testid="flag-contradicted"][data-fact="order_id"]');
  await expect(orderFlag).toContainText('said in turn 4', { timeout: CALL_TIMEOUT });
  await expect(orderFlag.locator('del')).toHaveText('9023516648');
  await expect(orderFlag.locator('ins')).toHaveText('9023516684');
  const row = desk.getByTestId('facts-table').locator('[data-testid="fact-row"][data-fact="order_id"]');
  await expect(row.getByTestId('flag-contradicted')).toHaveAttribute('data-turn', '3');

  const handBack = panel.getByTestId('hand-back');
  await expect(handBack).toHaveAttribute('data-allowed', 'false', { timeout: CALL_TIMEOUT });
  // The caller threatens the attorney general and says they were hacked: a sensitive matter, which the
  // policy table weighs before the refund (an exception) that would refuse it too.
  await expect(handBack).toContainText(/Hand-back not allowed: Sensitive matter in this call \((legal action|suspected fraud)\)/);
  await expect(handBack).not.toContainText('candidate');
});

test('a turn that tries to instruct the assistant is flagged on that turn only', async ({ desk }) => {
  const file = path.join(SCENARIOS, 'search-broken-then-jeans-shrink.json');
  await answer(desk, file);
  await expect(turn(desk, 9).getByTestId('flag-injection')).toContainText('Tries to instruct the assistant — ignored', {
    timeout: CALL_TIMEOUT,
  });
  await expect(desk.getByTestId('assist-panel').locator('[data-testid="flag-injection"][data-turn="9"]')).toBeVisible();
  await allTurnsIn(desk, file);
  expect(await flaggedTurns(desk, 'flag-injection')).toEqual([9]);
  expect(await flaggedTurns(desk, 'flag-repeat')).toEqual([1]);
});

test('a package next step aimed at the assistant is flagged before hello and during the call', async ({ desk }) => {
  await ringScenarioFile(desk, path.join(SCENARIOS, 'unknown-service-after-news-story.json'));
  const card = desk.getByTestId('ringing-card');
  await expect(card).toBeVisible();
  const steps = card.getByTestId('next-steps').locator('li');
  await expect(steps.nth(2).getByTestId('flag-injection')).toContainText('Tries to instruct the assistant — ignored');
  await expect(steps.nth(0).getByTestId('flag-injection')).toHaveCount(0);
  await expect(card.getByTestId('package-injection-count')).toContainText('1 package field tries to instruct the assistant');
  await expect(card.getByTestId('package-injection-count')).toContainText('Next step 3');

  await desk.keyboard.press('a');
  const view = desk.getByTestId('call-view');
  await expect(view).toHaveAttribute('data-phase', 'active');
  await expect(view.getByTestId('next-steps').locator('li').nth(2).getByTestId('flag-injection')).toBeVisible();
  await expect(desk.getByTestId('assist-panel').getByTestId('flag-injection')).toContainText('Package, Next step 3');
});

test('a demo call: an order lookup with its result, suggestions with sources, Alt+1 into the notes (saved), Alt+Shift+2 copied', async ({
  desk,
  harness,
  context,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: harness.origin });
  const file = path.join(DEMOS, 'stained-jeans-label-rejected.json');
  await answer(desk, file);
  const panel = desk.getByTestId('assist-panel');

  const lookup = panel.locator('[data-testid="lookup"][data-tool="lookup_order"]');
  await expect(lookup).toContainText('Order lookup');
  await expect(lookup).toContainText('order_id: 7392051846');
  await expect(lookup).toHaveAttribute('data-status', 'ok', { timeout: CALL_TIMEOUT });
  await expect(lookup.getByTestId('lookup-status')).toHaveText('Found');
  await expect(lookup.getByTestId('lookup-result')).toHaveText('Order 7392051846 for Marguerite Okafor · guess jeans');

  // Suggestions change with the conversation; once every turn is in they hold still.
  await allTurnsIn(desk, file);
  const suggestions = panel.getByTestId('suggestion');
  await expect(suggestions).toHaveCount(3);
  for (const suggestion of await suggestions.all()) {
    await expect(suggestion.getByTestId('suggestion-source')).toHaveText(/^From \S/);
    await expect(suggestion.getByTestId('suggestion-kind')).toHaveText(/Ask|Say|Do|Caution/);
  }
  await expect(suggestions.first().getByTestId('suggestion-source')).toHaveText('From Wrong-context flag, turn 4');
  const first = (await suggestions.first().locator('.suggestion-text').textContent()) ?? '';
  expect(first).toContain('Confirm the corrected zip code (53714)');

  await desk.getByTestId('transcript').focus();
  await desk.keyboard.press('Alt+1');
  await expect(desk.getByTestId('notes')).toHaveValue(first);
  await expect(suggestions.first().getByTestId('suggestion-feedback')).toHaveText('Added to notes');
  await expect(desk.getByTestId('notes-status')).toHaveAttribute('data-state', 'saved');
  await expect(desk.getByTestId('notes-status')).toContainText('Saved');
  // Saved for real: the desk hands the notes back.
  const callId = (await desk.getByTestId('call-view').getAttribute('data-call-id'))!;
  const stored = await desk.request.post(`${harness.origin}/api/invoke/getStoredCall`, {
    data: { callId },
    headers: { 'x-desk-token': harness.token },
  });
  expect(((await stored.json()) as { value: { call: { notes: string } } }).value.call.notes).toBe(first);

  // A second insert goes on its own line after what is there.
  const second = (await suggestions.nth(1).locator('.suggestion-text').textContent()) ?? '';
  await suggestions.nth(1).getByTestId('suggestion-insert').click();
  await expect(desk.getByTestId('notes')).toHaveValue(`${first}\n${second}`);

  await desk.keyboard.press('Alt+Shift+2');
  await expect(suggestions.nth(1).getByTestId('suggestion-feedback')).toHaveText('Copied');
  await expect.poll(() => desk.evaluate(() => navigator.clipboard.readText())).toBe(second);
});

test('dismissed items stay gone for the call, pinned items stay on top, and the panel works from the keyboard', async ({ desk }) => {
  const file = path.join(SCENARIOS, 'new-apartment-address-misheard.json');
  await answer(desk, file);
  const panel = desk.getByTestId('assist-panel');
  const flags = panel.getByTestId('flag-item');

  // Dismissed while the call goes on: later turns bring the same flag again, and it stays dismissed.
  const contradicted = flags.filter({ has: desk.getByTestId('flag-contradicted') });
  await expect(contradicted).toBeVisible({ timeout: CALL_TIMEOUT });
  await contradicted.getByTestId('item-dismiss').click();
  await expect(contradicted).toHaveCount(0);
  await allTurnsIn(desk, file);
  await expect(contradicted).toHaveCount(0);
  // Only the flag went: the package and the facts heard keep their marks.
  await expect(desk.getByTestId('facts-table').getByTestId('flag-contradicted')).toBeVisible();
  await expect(panel.getByTestId('heard-facts').getByTestId('flag-contradicted')).toBeVisible();
  await expect(panel.getByTestId('restore-dismissed')).toHaveText('Restore 1 dismissed');

  // Pin the last flag: it moves to the top.
  await expect(flags).toHaveCount(2);
  const [newest, oldest] = await itemIds(flags);
  expect(oldest).toBe('repeat:5:zip_code');
  await flags.nth(1).getByTestId('item-pin').click();
  await expect.poll(() => itemIds(flags)).toEqual([oldest, newest]);
  await expect(flags.first()).toHaveAttribute('data-pinned', 'true');
  await expect(flags.first().getByTestId('item-pin')).toHaveAttribute('aria-pressed', 'true');

  // Keyboard: ↓ walks the items, P pins the focused one, Delete dismisses it.
  const guidelines = panel.getByTestId('guideline');
  await expect(guidelines).toHaveCount(3);
  const third = (await guidelines.nth(2).getAttribute('data-item-id'))!;
  await guidelines.nth(1).focus();
  await desk.keyboard.press('ArrowDown');
  await expect(guidelines.nth(2)).toBeFocused();
  await desk.keyboard.press('p');
  await expect(guidelines.first()).toHaveAttribute('data-item-id', third);
  await expect(guidelines.first()).toHaveAttribute('data-pinned', 'true');
  await expect(guidelines.first()).toBeFocused();

  const suggestions = panel.getByTestId('suggestion');
  const before = await itemIds(suggestions);
  expect(before.length).toBeGreaterThan(1);
  await suggestions.first().focus();
  await desk.keyboard.press('Delete');
  await expect(suggestions).toHaveCount(before.length - 1);
  await expect.poll(() => itemIds(suggestions)).toEqual(before.slice(1));
  // Focus moves on to the next item rather than being lost.
  await expect(suggestions.first()).toBeFocused();

  await panel.getByTestId('restore-dismissed').click();
  await expect.poll(() => itemIds(suggestions)).toEqual(before);
  await expect(contradicted).toBeVisible();
});

test('the engine line follows the state: OpenAI working, then the amber fallback with its reason', async ({ desk }) => {
  // The harness runs the local engine only. The OpenAI states are put on the callChanged events the page
  // receives (at the bridge, the renderer's only input): window.__setEngine re-sends the last call view
  // with the given engine status, and later events keep it.
  await desk.addInitScript(() => {
    type Listener = (payload: unknown) => void;
    type View = { assist: { engine: unknown } } | null;
    const scope = window as unknown as { __setEngine(engine: unknown): void };
    const callListeners = new Set<Listener>();
    let engine: unknown;
    let last: View = null;
    let bridge: unknown;
    const doctor = (view: View): View => (view && engine ? { ...view, assist: { ...view.assist, engine } } : view);
    scope.__setEngine = (next) => {
      engine = next;
      for (const listener of callListeners) listener(doctor(last));
    };
    Object.defineProperty(window, 'whisperDesk', {
      configurable: true,
      get: () => bridge,
      set(real: { invoke: unknown; on(event: string, listener: Listener): () => void }) {
        bridge = {
          invoke: real.invoke,
          on(event: string, listener: Listener) {
            if (event !== 'callChanged') return real.on(event, listener);
            callListeners.add(listener);
            const off = real.on(event, (payload) => {
              last = payload as View;
              listener(doctor(last));
            });
            return () => {
              callListeners.delete(listener);
              off();
            };
          },
        };
      },
    });
  });
  await desk.reload();
  await expect(desk.getByTestId('ring-demo')).toBeVisible();
  await answer(desk, path.join(SCENARIOS, 'new-apartment-address-misheard.json'));
  const status = desk.getByTestId('assist-panel').getByTestId('engine-status');
  await expect(status).toHaveText('Assistant: local');
  // Turn 2 on screen means the active call's own callChanged (sent after turn 1) has been received.
  await expect(turn(desk, 1)).toBeVisible({ timeout: CALL_TIMEOUT });

  await desk.evaluate(() =>
    (window as unknown as { __setEngine(engine: unknown): void }).__setEngine({ engine: 'openai', state: 'working' }),
  );
  await expect(status).toHaveAttribute('data-state', 'working');
  await expect(status).toHaveText(/^Assistant: OpenAI\s*working…$/);

  await desk.evaluate(() =>
    (window as unknown as { __setEngine(engine: unknown): void }).__setEngine({
      engine: 'openai',
      state: 'fallback',
      message: 'no answer within 8 s',
    }),
  );
  await expect(status).toHaveAttribute('data-state', 'fallback');
  await expect(status).toHaveText('⚠︎ OpenAI unavailable — using the local assistant: no answer within 8 s');
  await expect(status).toHaveCSS('background-color', 'rgb(255, 243, 209)');
});
