/**
 * Issue 5's figure: a TaskRouter reservation created on the (local, fake) backend → the package on
 * screen in the real renderer, through the real SDK, the desk in live mode and the harness bridge.
 * Both ends read the same wall clock (Date.now), so figures are whole milliseconds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startFakeTaskRouter } from '../test/support/fakeTaskRouter';
import { startTokenEndpoint, writeLiveDeskConfig } from '../test/support/liveDeskConfig';
import { demoHandoff } from '../test/support/taskRouterFixture';
import { startHarness } from '../test/support/webHarness';
import { launchChromium } from './chromium';
import { summarise } from './stats';

const IN_PAGE_WATCH = `function () {
  window.__seenCards = {};
  (function poll() {
    for (const card of document.querySelectorAll('[data-testid="ringing-card"][data-call-id]')) {
      const id = card.getAttribute('data-call-id');
      if (!(id in window.__seenCards)) window.__seenCards[id] = Date.now();
    }
    requestAnimationFrame(poll);
  })();
}`;

export async function runReservationToScreenBench(reservations = 100) {
  const fake = await startFakeTaskRouter();
  const tokenEndpoint = await startTokenEndpoint({
    credential: 'bench-credential',
    identity: 'bench',
    issue: (kind) => (kind === 'taskrouter' ? fake.mintToken() : undefined),
  });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-bench-live-'));
  writeLiveDeskConfig(dataDir, { tokenEndpoint, taskRouter: fake, credential: 'bench-credential' });
  const harness = await startHarness(dataDir);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(harness.url);
    await page.getByTestId('ring-demo').or(page.getByTestId('idle')).first().waitFor();
    await page.evaluate(`(${IN_PAGE_WATCH})()`);
    const handoff = demoHandoff();
    const samples: number[] = [];
    for (let i = 0; i < reservations; i++) {
      const createdAt = Date.now();
      const { reservationSid } = fake.createReservation({ handoff });
      // A function, not a string: the page's CSP forbids eval, which string predicates need.
      await page.waitForFunction(
        (sid) => (window as unknown as { __seenCards: Record<string, number> }).__seenCards[sid] !== undefined,
        reservationSid,
        {
          timeout: 10_000,
          polling: 'raf',
        },
      );
      const shownAt = (await page.evaluate(`window.__seenCards[${JSON.stringify(reservationSid)}]`)) as number;
      samples.push(shownAt - createdAt);
      await page.evaluate(`window.whisperDesk.invoke('declineCall', { callId: ${JSON.stringify(reservationSid)} })`);
      await page.getByTestId('ringing-card').waitFor({ state: 'detached', timeout: 10_000 });
    }
    return { reservations: samples.length, reservationToPackageOnScreenMs: summarise(samples) };
  } finally {
    await browser.close();
    await harness.stop();
    tokenEndpoint.close();
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
