/**
 * Whisper mode's speed where the agent sees it: a transcript turn arrives in the renderer → its repeat
 * flag is on the turn, the flag is in the assist panel and the suggestion citing it is shown. Every
 * customer turn of the synthetic call restates the package's order ID, so every one of them must flag.
 * (The core's own per-turn work happens before the turn is sent; `cli replay` reports it as
 * turnProcessingP50/Max.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, startHarness } from '../test/support/webHarness';
import { launchChromium } from './chromium';
import { summarise } from './stats';

function repeatingCall(turns: number): string {
  const base = JSON.parse(readFileSync(path.join(ROOT, 'resources/demo-scenarios/stained-jeans-label-rejected.json'), 'utf8'));
  return JSON.stringify({
    ...base,
    id: 'bench-assist-latency',
    turns: Array.from({ length: turns }, (_, i) => ({
      atMs: base.pickupAtMs + 1000 + i * 1000,
      speaker: i % 2 ? 'customer' : 'agent',
      text: i % 2 ? `It's order 7392 051 846, like I said (${i}).` : `Could you confirm the order number for me? (${i})`,
    })),
  });
}

const IN_PAGE_COLLECT = `function (expected) {
  return new Promise(function (resolve) {
    const samples = [];
    const pending = new Map();
    window.whisperDesk.on('turnAdded', function (event) {
      if (event.turn.speaker === 'customer') pending.set(event.turn.index, performance.now());
    });
    (function poll() {
      for (const [index, start] of pending) {
        const onTurn = document.querySelector('[data-testid="turn"][data-index="' + index + '"] [data-testid="flag-repeat"]');
        const inPanel = document.querySelector('[data-testid="assist-panel"] [data-testid="flag-repeat"][data-turn="' + index + '"]');
        const suggestion = Array.from(document.querySelectorAll('[data-testid="suggestion-source"]')).some(function (el) { return el.textContent.indexOf('turn ' + (index + 1)) >= 0; });
        if (onTurn && inPanel && suggestion) {
          samples.push(performance.now() - start);
          pending.delete(index);
        }
      }
      if (samples.length >= expected) resolve(samples);
      else requestAnimationFrame(poll);
    })();
  });
}`;

export async function runAssistLatencyBench(turns = 120) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-bench-assist-'));
  // 1000 ms of call clock between turns at 4x: a turn every 250 ms, like a brisk conversation.
  const harness = await startHarness(dataDir, ['--demo-speed', '4']);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(harness.url);
    await page.getByTestId('ring-demo').waitFor();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'latency.json', mimeType: 'application/json', buffer: Buffer.from(repeatingCall(turns)) });
    await page.getByTestId('accept').waitFor();
    const collecting = page.evaluate(`(${IN_PAGE_COLLECT})(${Math.floor(turns / 2)})`) as Promise<number[]>;
    await page.getByTestId('accept').click();
    const samples = await collecting;
    return { customerTurns: samples.length, turnToFlagsAndSuggestionMs: summarise(samples) };
  } finally {
    await browser.close();
    await harness.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
