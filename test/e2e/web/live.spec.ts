/**
 * The live path in the real renderer: the harness runs the desk as a TaskRouter worker against the
 * local TaskRouter fake and a local token endpoint. A reservation rings with its package before hello;
 * a wrong queue is flagged on the card; an unanswered reservation is shown as missed, never held.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { startFakeTaskRouter, type FakeTaskRouter } from '../../support/fakeTaskRouter';
import { startTokenEndpoint, writeLiveDeskConfig, type TokenEndpoint } from '../../support/liveDeskConfig';
import { demoHandoff } from '../../support/taskRouterFixture';
import { startHarness, type RunningHarness } from '../../support/webHarness';

let fake: FakeTaskRouter;
let tokenEndpoint: TokenEndpoint;
let harness: RunningHarness;
let dataDir: string;
/** Whatever the page tried to reach beyond loopback (must stay empty: no Voice token here, so no Twilio). */
let offLoopback: string[];

test.beforeEach(async ({ page }) => {
  offLoopback = [];
  page.on('request', (request) => {
    if (!/^(https?|wss?):\/\/127\.0\.0\.1[:/]|^data:/.test(request.url())) offLoopback.push(request.url());
  });
  page.on('websocket', (socket) => {
    if (!/^wss?:\/\/127\.0\.0\.1[:/]/.test(socket.url())) offLoopback.push(socket.url());
  });
  fake = await startFakeTaskRouter({ workerAttributes: { skills: ['support'], languages: ['en'], contact_uri: 'client:agent-e2e' } });
  tokenEndpoint = await startTokenEndpoint({
    credential: 'e2e-credential',
    identity: 'agent-e2e',
    issue: (kind) => (kind === 'taskrouter' ? fake.mintToken() : undefined),
  });
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-e2e-live-'));
  writeLiveDeskConfig(dataDir, { tokenEndpoint, taskRouter: fake, credential: 'e2e-credential' });
  harness = await startHarness(dataDir);
});

test.afterEach(async () => {
  expect(offLoopback).toEqual([]);
  await harness.stop();
  tokenEndpoint.close();
  await fake.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('a reservation rings with its package, a wrong queue is flagged, and accept reaches TaskRouter', async ({ page }) => {
  await page.goto(harness.url);
  await expect.poll(() => fake.connections.length, { timeout: 15_000 }).toBeGreaterThan(0);
  fake.createReservation(
    { handoff: demoHandoff(), required_skill: 'billing', selected_language: 'es' },
    { queueName: 'Billing (Spanish)' },
  );
  await expect(page.getByTestId('ringing-card')).toBeVisible();
  await expect(page.getByTestId('caller-name')).toContainText('Beatrix Solano');
  await expect(page.getByTestId('routing-alert')).toContainText('Wrong queue?');
  await expect(page.getByTestId('routing-alert')).toContainText('Billing (Spanish)');
  await page.keyboard.press('a');
  await expect(page.getByTestId('call-view')).toBeVisible();
  await expect.poll(() => fake.requests.some((request) => request.params.ReservationStatus === 'accepted')).toBe(true);
});

test('the top bar shows the TaskRouter connection, and availability changes the worker activity', async ({ page }) => {
  await page.goto(harness.url);
  await expect(page.getByTestId('telephony-status')).toHaveAttribute('data-connected', 'true', { timeout: 15_000 });
  await expect(page.getByTestId('ring-demo')).toHaveCount(0);
  await page.getByTestId('availability').selectOption('Busy');
  await expect.poll(() => fake.activityName()).toBe('Busy');
  await expect(page.getByTestId('availability')).toHaveValue('Busy');
  await expect(page.getByTestId('idle')).toContainText('You are Busy: set Available');
  await page.getByTestId('availability').selectOption('Available');
  await expect(page.getByTestId('idle')).toContainText('The next escalated call will ring here');
});

test('a reservation nobody answers is marked missed, not held', async ({ page }) => {
  await page.goto(harness.url);
  await expect.poll(() => fake.connections.length, { timeout: 15_000 }).toBeGreaterThan(0);
  const { reservationSid } = fake.createReservation({ handoff: demoHandoff() });
  await expect(page.getByTestId('ringing-card')).toBeVisible();
  await expect(page.getByTestId('routing-alert')).toHaveCount(0);
  fake.timeoutReservation(reservationSid);
  await expect(page.getByTestId('ringing-card')).toBeHidden();
  await expect(page.getByTestId('notice').first()).toContainText('not answered in time');
});
