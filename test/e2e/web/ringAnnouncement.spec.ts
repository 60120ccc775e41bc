/**
 * A ringing call announces itself: the window title, one live-region sentence, a countdown, the
 * ringtone (observed on its <audio> element), and a notification (the page's Notification is a stub
 * that records what was shown) whose click accepts. Everything stops when the ring stops.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

interface RecordedNotification {
  title: string;
  body: string;
  closed: boolean;
}

/** Replaces window.Notification before the app loads: granted, and every notification kept for the test. */
async function stubNotifications(page: Page, permission: 'granted' | 'denied' = 'granted') {
  await page.addInitScript((permission) => {
    const shown: { title: string; options: NotificationOptions; closed: boolean; onclick: (() => void) | null }[] = [];
    class StubNotification {
      static permission = permission;
      static requestPermission = async () => permission;
      title: string;
      options: NotificationOptions;
      closed = false;
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        this.title = title;
        this.options = options;
        shown.push(this);
      }
      close() {
        this.closed = true;
      }
    }
    Object.defineProperty(window, 'Notification', { value: StubNotification, configurable: true });
    (window as unknown as { __notifications: typeof shown }).__notifications = shown;
  }, permission);
}

function notifications(page: Page): Promise<RecordedNotification[]> {
  return page.evaluate(() =>
    (window as unknown as { __notifications: { title: string; options: NotificationOptions; closed: boolean }[] }).__notifications.map(
      (n) => ({
        title: n.title,
        body: n.options.body ?? '',
        closed: n.closed,
      }),
    ),
  );
}

const ringtonePlaying = (page: Page) => page.getByTestId('ringtone').evaluate((audio) => !(audio as HTMLAudioElement).paused);

test('a ringing call sets the title, announces itself, counts down, rings, notifies; clicking the notification accepts', async ({
  page,
  harness,
}) => {
  await stubNotifications(page);
  await page.goto(harness.url);
  await expect(page.getByTestId('ring-demo')).toBeVisible();
  const idleTitle = await page.title();
  await page.getByTestId('ring-demo').click();
  await expect(page.getByTestId('ringing-card')).toBeVisible();
  const caller = (await page.getByTestId('caller-name').first().textContent())!.trim();

  await expect(page).toHaveTitle(`Ringing — ${caller}`);
  await expect(page.getByTestId('ring-announcement')).toHaveText(
    `Incoming escalated call from ${caller}. Press A or Enter to accept, D to decline.`,
  );
  await expect(page.getByTestId('ring-announcement')).toHaveAttribute('aria-live', 'assertive');

  // The demo's ring gives up after 120 s: the countdown shows it and goes down.
  const countdown = page.getByTestId('ring-countdown');
  await expect(countdown).toContainText(/Back to the queue in [12]:\d\d/);
  await expect(countdown).toHaveAttribute('role', 'timer');
  const first = Number(await countdown.getAttribute('data-seconds'));
  expect(first).toBeGreaterThan(100);
  await expect.poll(async () => Number(await countdown.getAttribute('data-seconds'))).toBeLessThan(first);

  await expect.poll(() => ringtonePlaying(page)).toBe(true);
  await expect(page.getByTestId('ringtone')).toHaveAttribute('data-state', 'playing');
  expect(
    await page.getByTestId('ringtone').evaluate((audio) => [(audio as HTMLAudioElement).loop, (audio as HTMLAudioElement).volume]),
  ).toEqual([true, 0.8]);

  await expect.poll(() => notifications(page)).toHaveLength(1);
  expect((await notifications(page))[0]).toMatchObject({ title: `Incoming escalated call: ${caller}`, closed: false });

  // The agent clicks the notification: the call is accepted, and everything that rang stops.
  await page.evaluate(() => (window as unknown as { __notifications: { onclick(): void }[] }).__notifications[0]!.onclick());
  await expect(page.getByTestId('call-view')).toHaveAttribute('data-phase', 'active');
  await expect(page.getByTestId('notes')).toBeFocused();
  await expect(page).toHaveTitle(idleTitle);
  await expect.poll(() => ringtonePlaying(page)).toBe(false);
  await expect(page.getByTestId('ringtone')).toHaveAttribute('data-state', 'stopped');
  expect((await notifications(page))[0]!.closed).toBe(true);
  await expect(page.getByTestId('ring-announcement')).toHaveText('');
});

test('declining stops the ringtone, the notification and the title; History does not silence a ringing call', async ({ page, harness }) => {
  await stubNotifications(page);
  await page.goto(harness.url);
  await expect(page.getByTestId('ring-demo')).toBeVisible();
  const idleTitle = await page.title();
  await page.keyboard.press('Control+Shift+R');
  await expect(page.getByTestId('ringing-card')).toBeVisible();
  await expect.poll(() => ringtonePlaying(page)).toBe(true);

  await page.keyboard.press('Control+Shift+Y');
  await expect(page.getByTestId('history')).toBeVisible();
  expect(await ringtonePlaying(page)).toBe(true);
  await expect(page).toHaveTitle(/^Ringing — /);
  await page.keyboard.press('Control+Shift+Y');

  await page.keyboard.press('d');
  await expect(page.getByTestId('ringing-card')).toBeHidden();
  await expect.poll(() => ringtonePlaying(page)).toBe(false);
  await expect(page).toHaveTitle(idleTitle);
  expect((await notifications(page)).map((n) => n.closed)).toEqual([true]);
});

test('where notifications are refused (as the app window refuses them: the shell shows its own) none is shown', async ({
  page,
  harness,
}) => {
  await stubNotifications(page, 'denied');
  await page.goto(harness.url);
  await expect(page.getByTestId('ring-demo')).toBeVisible();
  await page.getByTestId('ring-demo').click();
  await expect(page).toHaveTitle(/^Ringing — /);
  await expect.poll(() => ringtonePlaying(page)).toBe(true);
  expect(await notifications(page)).toEqual([]);
});

test('the ringtone plays at the volume chosen in the settings, with the speakers listed from enumerateDevices', async ({
  page,
  harness,
}) => {
  await stubNotifications(page);
  await page.goto(harness.url);
  await expect(page.getByTestId('ring-demo')).toBeVisible();
  await page.keyboard.press('Control+,');
  const dialog = page.getByTestId('settings-dialog');
  await expect(dialog).toBeVisible();
  const outputs = await page.evaluate(
    async () =>
      (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audiooutput' && d.deviceId !== 'default').length,
  );
  // The default output, then one option per speaker the browser reports.
  await expect(dialog.locator('#setting-ringtoneOutputDevice option')).toHaveCount(1 + outputs);
  await expect(dialog.locator('#setting-ringtoneOutputDevice')).toHaveValue('');
  const volume = dialog.locator('#setting-ringtoneVolume');
  await expect(volume).toHaveValue('0.8');
  await volume.focus();
  for (let i = 0; i < 10; i += 1) await page.keyboard.press('ArrowLeft');
  await expect(volume).toHaveValue('0.3');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();

  await page.keyboard.press('Control+Shift+R');
  await expect(page.getByTestId('ringing-card')).toBeVisible();
  await expect.poll(() => ringtonePlaying(page)).toBe(true);
  expect(await page.getByTestId('ringtone').evaluate((audio) => (audio as HTMLAudioElement).volume)).toBeCloseTo(0.3);
});
