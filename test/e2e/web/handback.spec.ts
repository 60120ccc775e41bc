/**
 * Hand-back to the AI, end to end in the browser: the review dialog opened by its key, the decision
 * and its reason, the notes and steps the agent edits, Confirm as the only way out, the status on the
 * call (sending → completed, failed → Retry → delivered, refused), and the wrap-up after the call.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, invokeDesk, ringScenarioFile, test } from './fixtures';

const ROOT = path.resolve(__dirname, '../../..');
const DEMOS = path.join(ROOT, 'resources/demo-scenarios');
const CALL_TIMEOUT = 45_000;

async function answer(desk: Page, ring: () => Promise<void>): Promise<void> {
  await ring();
  await expect(desk.getByTestId('ringing-card')).toBeVisible();
  await desk.keyboard.press('a');
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
}

/** A demo scenario with every turn from `fromTurn` on moved `delayMs` later (call-clock time). */
async function ringDelayed(desk: Page, file: string, fromTurn: number, delayMs: number): Promise<void> {
  const scenario = JSON.parse(readFileSync(file, 'utf8')) as { turns: { atMs: number }[] };
  scenario.turns = scenario.turns.map((turn, index) => (index >= fromTurn ? { ...turn, atMs: turn.atMs + delayMs } : turn));
  await desk
    .locator('input[type=file]')
    .setInputFiles({ name: path.basename(file), mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) });
}

test('hand back a routine task with edited notes: reviewed, confirmed, completed, and the call ends into its wrap-up', async ({ desk }) => {
  await answer(desk, () => ringScenarioFile(desk, path.join(DEMOS, 'stained-jeans-label-rejected.json')));
  // The assistant's candidate arrives near the end of the call (turn 11).
  const advice = desk.getByTestId('assist-panel').getByTestId('hand-back');
  await expect(advice).toHaveAttribute('data-allowed', 'true', { timeout: CALL_TIMEOUT });
  await expect(advice.getByTestId('hand-back-review')).toContainText('Ctrl+Shift+B');

  await desk.keyboard.press('Control+Shift+B');
  const dialog = desk.getByTestId('hand-back-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('hand-back-task')).toHaveValue('send_return_label');
  const decision = dialog.getByTestId('hand-back-decision');
  await expect(decision).toHaveAttribute('data-allowed', 'true');
  await expect(decision).toContainText('Can go back to the AI');
  await expect(dialog.getByTestId('hand-back-facts').locator('[data-fact="order_id"]')).toContainText('7392051846');
  // The call corrected the zip code: the facts carry the corrected one, the steps say so.
  await expect(dialog.getByTestId('hand-back-facts').locator('[data-fact="zip_code"]')).toContainText('53714');
  await expect(dialog.getByTestId('hand-back-done-line').first()).toContainText('Corrected zip code from 53704 to 53714');
  await expect(dialog.getByTestId('hand-back-confirm')).toBeEnabled();

  // The notes have focus; Enter there is a new line, never a confirmation.
  const notes = dialog.getByTestId('hand-back-notes');
  await expect(notes).toBeFocused();
  await desk.keyboard.type('Label by email, please.');
  await desk.keyboard.press('Enter');
  await desk.keyboard.type('She will drop it at the carrier tomorrow.');
  await expect(dialog).toBeVisible();
  await expect(notes).toHaveValue('Label by email, please.\nShe will drop it at the carrier tomorrow.');

  // What the human did: drop the lookup line, add one of their own (Enter in that field adds it).
  const lookupLine = dialog.getByTestId('hand-back-done-line').filter({ hasText: 'Looked up order' });
  await lookupLine.getByRole('button', { name: /Remove/ }).click();
  await expect(lookupLine).toHaveCount(0);
  await dialog.getByTestId('hand-back-done-input').fill('Confirmed the email address for the label');
  await desk.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('hand-back-done-line')).toHaveText([/Corrected zip code/, /Confirmed the email address for the label/]);

  // Tab cycles inside the dialog: from the last control back to the first.
  await dialog.getByTestId('hand-back-cancel').focus();
  await desk.keyboard.press('Tab');
  await expect(dialog.getByTestId('hand-back-task')).toBeFocused();

  await dialog.getByTestId('hand-back-confirm').focus();
  await desk.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  const status = desk.getByTestId('call-view').getByTestId('hand-back-status');
  await expect(status).toHaveAttribute('data-state', 'sending');
  await expect(status.locator('.spinner')).toBeVisible();
  // The demo AI finishes the task after 1.5 s; the human's part of the call is over.
  await expect(status).toHaveAttribute('data-state', 'completed', { timeout: 10_000 });
  await expect(status).toContainText('The AI completed the task');
  await expect(status).toContainText('Send a return label');
  await expect(status).toContainText('1 attempt');
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'ended');
  // The notes that went with it are the call's notes now.
  await expect(desk.getByTestId('notes')).toHaveValue('Label by email, please.\nShe will drop it at the carrier tomorrow.');

  // Wrap-up: the assistant's draft, disposition "handed back", the agent's own rating, saved.
  const wrapUp = desk.getByTestId('wrap-up');
  await expect(wrapUp.getByTestId('wrap-up-state')).toHaveAttribute('data-state', 'draft');
  await expect(wrapUp.getByTestId('wrap-up-disposition')).toHaveValue('handed_back');
  await expect(wrapUp.getByTestId('wrap-up-summary')).toHaveValue(/handed back to the AI to send a return label/i);
  await wrapUp.getByTestId('wrap-up-summary').fill('Return label for stained jeans sent by the AI after the zip fix.');
  await wrapUp.getByTestId('agent-rating').getByLabel('4').check();
  await expect(wrapUp.getByTestId('wrap-up-state')).toHaveAttribute('data-state', 'unsaved');
  await wrapUp.getByTestId('wrap-up-save').click();
  await expect(wrapUp.getByTestId('wrap-up-state')).toHaveAttribute('data-state', 'saved');
  // The customer's survey arrives after hang-up, labelled as theirs, apart from the agent's rating.
  await expect(wrapUp.getByTestId('csat')).toHaveText(/^Customer CSAT [1-5]\/5/, { timeout: 10_000 });
  await expect(wrapUp.getByTestId('agent-rating')).toContainText('Your rating of this handoff');

  // History shows the outcome and the saved wrap-up.
  await desk.keyboard.press('Control+Shift+Y');
  const row = desk.getByTestId('history-row').first();
  await expect(row.getByTestId('history-outcome')).toHaveText('Handed back to the AI');
  await expect(row.getByTestId('history-hand-back')).toHaveText('Send a return label: The AI completed the task');
  await expect(row.getByTestId('history-csat')).toHaveText(/^[1-5]\/5$/);
  await row.click();
  const stored = desk.getByTestId('stored-call');
  await expect(stored.getByTestId('hand-back-status')).toHaveAttribute('data-state', 'completed');
  await expect(stored.getByTestId('wrap-up-summary')).toHaveValue('Return label for stained jeans sent by the AI after the zip fix.');
  await expect(stored.getByTestId('agent-rating')).toHaveAttribute('data-value', '4');
  await expect(stored.getByTestId('wrap-up-state')).toHaveAttribute('data-state', 'saved');
});

test('a sensitive call is refused with its reason: Confirm stays disabled and nothing is sent', async ({ desk }) => {
  await answer(desk, () => ringScenarioFile(desk, path.join(DEMOS, 'widow-cancels-birthday-gift.json')));
  const advice = desk.getByTestId('assist-panel').getByTestId('hand-back');
  await expect(advice).toHaveAttribute('data-allowed', 'false', { timeout: CALL_TIMEOUT });

  await desk.keyboard.press('Control+Shift+B');
  const dialog = desk.getByTestId('hand-back-dialog');
  const decision = dialog.getByTestId('hand-back-decision');
  await expect(decision).toHaveAttribute('data-allowed', 'false');
  await expect(decision).toContainText('Cannot go back to the AI');
  await expect(dialog.getByTestId('hand-back-reason')).toHaveText(/\S{4,}/);
  expect(await decision.evaluate((node) => getComputedStyle(node).color)).toBe('rgb(176, 0, 32)');
  await expect(dialog.getByTestId('hand-back-confirm')).toBeDisabled();
  // The assistant's refused task is offered but marked, not silently swapped for an allowed one.
  await expect(dialog.getByTestId('hand-back-task').locator('option:checked')).toContainText('not on the list');

  await desk.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(desk.getByTestId('hand-back-status')).toHaveCount(0);
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
});

test('an unverified caller: tasks that act on the account are refused, the server re-checks, a link may go', async ({ desk }) => {
  // The agent's "that all matches" (turn 7) is held back 10 minutes: the caller stays unverified.
  await answer(desk, () => ringDelayed(desk, path.join(DEMOS, 'reroute-boots-after-move.json'), 6, 600_000));
  await expect(desk.getByTestId('transcript')).toHaveAttribute('data-turns', '6', { timeout: CALL_TIMEOUT });

  await desk.keyboard.press('Control+Shift+B');
  const dialog = desk.getByTestId('hand-back-dialog');
  const decision = dialog.getByTestId('hand-back-decision');
  // With no candidate from the assistant, nothing is pre-selected: the draft names no task, and nothing may go.
  await expect(decision).toHaveAttribute('data-task', 'remaining_task');
  await expect(decision).toHaveAttribute('data-allowed', 'false');
  await dialog.getByTestId('hand-back-task').selectOption('update_address_after_verification');
  await expect(decision).toHaveAttribute('data-task', 'update_address_after_verification');
  await expect(decision).toHaveAttribute('data-allowed', 'false');
  // Allowed by policy, held until the agent states the caller's verification.
  await expect(dialog.getByTestId('hand-back-reason')).toContainText('confirm the caller is verified');
  await expect(dialog.getByTestId('hand-back-confirm')).toBeDisabled();

  // A status link does not touch the account: allowed for an unverified caller.
  await dialog.getByTestId('hand-back-task').selectOption('send_shipping_status_link');
  await expect(decision).toHaveAttribute('data-task', 'send_shipping_status_link');
  await expect(decision).toHaveAttribute('data-allowed', 'true');
  await expect(dialog.getByTestId('hand-back-confirm')).toBeEnabled();
  await dialog.getByTestId('hand-back-cancel').click();
  await expect(dialog).toBeHidden();

  // Past the dialog, the main process refuses it too, and the call view says why, in red.
  const callId = await desk.getByTestId('call-view').getAttribute('data-call-id');
  const refused = await invokeDesk(desk, 'confirmHandBack', {
    callId: callId!,
    task: 'update_address_after_verification',
    notes: '',
    doneByHuman: [],
  });
  expect(refused.ok && refused.value.handBack?.state).toBe('refused');
  const status = desk.getByTestId('call-view').getByTestId('hand-back-status');
  await expect(status).toHaveAttribute('data-state', 'refused');
  await expect(status).toContainText('Hand-back refused');
  await expect(status).toContainText('confirm the caller is verified');
  await status.getByTestId('hand-back-retry').click();
  await expect(dialog).toBeVisible();
  await desk.keyboard.press('Escape');

  // The agent states the verification from the keyboard: the same task may now go, and the call says who verified.
  await desk.keyboard.press('Control+Shift+V');
  await expect(desk.getByTestId('verify-caller').locator('select')).toBeFocused();
  await desk.keyboard.press('Enter');
  await expect(desk.getByTestId('caller-verified')).toHaveText(/Verified by you · Security questions/);
  await desk.keyboard.press('Control+Shift+B');
  await dialog.getByTestId('hand-back-task').selectOption('update_address_after_verification');
  await expect(decision).toHaveAttribute('data-allowed', 'true');
  await desk.keyboard.press('Escape');
  await desk.keyboard.press('Control+Shift+H');
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'ended');
});

test('a failed delivery is red with its detail, and Retry reopens the review and delivers', async ({ desk, dataDir }) => {
  // IT's setup: a signed HTTPS endpoint (here a local receiver that refuses the first attempt).
  let requests = 0;
  const receiver = http.createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      requests += 1;
      if (requests === 1) return void response.writeHead(400).end('bad request');
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ accepted: true, status: 'queued', detail: 'Queued for the voice agent.' }));
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  try {
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hand-back`;
    const saved = await invokeDesk(desk, 'updateSettings', { handBackEndpoint: endpoint });
    expect(saved.ok).toBe(true);
    // The secret comes after the endpoint: changing the endpoint clears the secret that went to the old one.
    writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify({ hand_back_signing_secret: 'e2e-signing-secret-0123456789' }), {
      mode: 0o600,
    });

    await answer(desk, () => ringScenarioFile(desk, path.join(DEMOS, 'stained-jeans-label-rejected.json')));
    await expect(desk.getByTestId('assist-panel').getByTestId('hand-back')).toHaveAttribute('data-allowed', 'true', {
      timeout: CALL_TIMEOUT,
    });
    await desk.getByTestId('hand-back-open').click();
    await desk.getByTestId('hand-back-confirm').click();
    const status = desk.getByTestId('call-view').getByTestId('hand-back-status');
    await expect(status).toHaveAttribute('data-state', 'failed');
    await expect(status).toContainText('Hand-back failed');
    await expect(status).toContainText('receiver refused it (400)');
    await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');

    await status.getByTestId('hand-back-retry').click();
    await desk.getByTestId('hand-back-confirm').click();
    await expect(status).toHaveAttribute('data-state', 'delivered');
    await expect(status).toContainText('Queued for the voice agent.');
    await expect(status).toContainText('1 attempt');
    await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'ended');
    expect(requests).toBe(2);
  } finally {
    await new Promise((resolve) => receiver.close(resolve));
  }
});

test('secrets said on the call are masked in the transcript, styled as masks and counted, live and in history', async ({ desk }) => {
  const file = path.join(DEMOS, 'renewal-charged-twice.json');
  const scenario = JSON.parse(readFileSync(file, 'utf8')) as { turns: { speaker: string; text: string }[] };
  const said = 'The card is 4111 1111 1111 1111, security code 737, and my password is Tulip-77 if you need it.';
  scenario.turns[3] = { ...scenario.turns[3]!, text: said };
  await answer(desk, () =>
    desk
      .locator('input[type=file]')
      .setInputFiles({ name: 'secrets.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(scenario)) }),
  );

  const turn = desk.getByTestId('transcript').locator('[data-testid="turn"][data-index="3"]');
  await expect(turn.getByTestId('pii-mask')).toHaveText(['[card number removed]', '[security code removed]', '[password removed]'], {
    timeout: CALL_TIMEOUT,
  });
  await expect(turn).not.toContainText('4111');
  await expect(turn).not.toContainText('Tulip-77');
  // A mask reads as a mask (dark bar), not as words the customer said.
  expect(
    await turn
      .getByTestId('pii-mask')
      .first()
      .evaluate((node) => getComputedStyle(node).backgroundColor),
  ).toBe('rgb(59, 70, 84)');
  await expect(desk.getByTestId('pii-mask-count')).toContainText('3 secrets masked in the transcript');

  await desk.keyboard.press('Control+Shift+H');
  await expect(desk.getByTestId('call-view')).toHaveAttribute('data-phase', 'ended');
  await desk.keyboard.press('Control+Shift+Y');
  await desk.getByTestId('history-row').first().click();
  await expect(desk.getByTestId('stored-call').getByTestId('pii-mask-count')).toHaveAttribute('data-count', '3');
  await expect(desk.getByTestId('stored-call').getByTestId('pii-mask')).toHaveCount(3);
});
