import { expect, test } from './fixtures';

test('a card number typed into the notes is masked, and the notes say so', async ({ desk }) => {
  await desk.getByTestId('ring-demo').click();
  await expect(desk.getByTestId('ringing-card')).toBeVisible();
  await desk.keyboard.press('a');
  await expect(desk.getByTestId('call-view')).toBeVisible();
  await desk.getByTestId('notes').fill('Customer read me 4111 1111 1111 1111 — refund promised');
  await expect(desk.getByTestId('notes-masked')).toBeVisible();
  await expect(desk.getByTestId('notes')).toHaveValue('Customer read me [card number removed] — refund promised');
});

test('the bridge refuses a foreign Origin even with the right token', async ({ harness, request }) => {
  const foreign = await request.post(`${harness.origin}/api/invoke/getSnapshot`, {
    data: {},
    headers: { 'x-desk-token': harness.token, origin: 'http://evil.example' },
  });
  expect(foreign.status()).toBe(403);
  const own = await request.post(`${harness.origin}/api/invoke/getSnapshot`, {
    data: {},
    headers: { 'x-desk-token': harness.token, origin: harness.origin },
  });
  expect((await own.json()).ok).toBe(true);
});
