/**
 * A 10 000-turn call in the real renderer: how long the turns take to arrive and show, how many turn
 * elements are in the DOM (virtualisation), and frame times while scrolling through the whole call.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness } from '../test/support/webHarness';
import { launchChromium } from './chromium';
import { summarise } from './stats';

const LINES = [
  'I ordered the Calvin Klein jeans last week and they still have not shipped.',
  'Let me check that for you. Can I have the order number?',
  "It's 6029 184 417, and the email is on the account.",
  'Thanks, I see it. It is packed and leaves the warehouse tomorrow morning.',
];

function longCall(turns: number): string {
  return JSON.stringify({
    format: 'call-scenario/1',
    id: 'bench-long-call',
    title: 'Benchmark: a very long call',
    handoff: null,
    pickupAtMs: 0,
    turns: Array.from({ length: turns }, (_, i) => ({
      atMs: 1000 + i * 1000,
      speaker: i % 2 ? 'agent' : 'customer',
      text: `${LINES[i % LINES.length]} (${i})`,
    })),
  });
}

/** Scrolls the transcript from top to bottom in steps, one per animation frame, and records frame intervals. */
const IN_PAGE_SCROLL = `async function () {
  const scroller = document.querySelector('[data-testid="transcript"]');
  scroller.scrollTop = 0;
  await new Promise(function (resolve) { requestAnimationFrame(function () { requestAnimationFrame(resolve); }); });
  const frames = [];
  let last = performance.now();
  const step = Math.max(200, Math.floor(scroller.scrollHeight / 600));
  while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2) {
    scroller.scrollTop += step;
    await new Promise(function (resolve) { requestAnimationFrame(resolve); });
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  return { frames: frames, domTurns: document.querySelectorAll('[data-testid="turn"]').length };
}`;

export async function runTranscriptScrollBench(turns = 10_000) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-bench-scroll-'));
  // 1000 ms between turns at 2000x: a turn every half millisecond of wall time.
  const harness = await startHarness(dataDir, ['--demo-speed', '1000']);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(harness.url);
    await page.getByTestId('ring-demo').waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'long.json', mimeType: 'application/json', buffer: Buffer.from(longCall(turns)) });
    await page.getByTestId('accept').click();
    const started = Date.now();
    await page.waitForFunction(
      (expected) => Number(document.querySelector('[data-testid="transcript"]')?.getAttribute('data-turns')) >= expected,
      turns,
      {
        timeout: 600_000,
        polling: 250,
      },
    );
    const deliveredMs = Date.now() - started;
    const scroll = (await page.evaluate(`(${IN_PAGE_SCROLL})()`)) as { frames: number[]; domTurns: number };
    return { turns, allTurnsShownAfterMs: deliveredMs, turnElementsInDom: scroll.domTurns, scrollFrameMs: summarise(scroll.frames) };
  } finally {
    await browser.close();
    await harness.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
