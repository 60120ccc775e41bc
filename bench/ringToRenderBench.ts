/**
 * Package bytes received → package rendered in the DOM, over many rings in Chromium against the web
 * harness (the same core and renderer as the app). Two views of the same rings:
 *  - desk: the core's packageToRenderMs (package received in the main process → renderer reports the card in the DOM);
 *  - page: from the page sending the scenario to the card carrying the new call's caller in the DOM (includes the HTTP hop).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startHarness, ROOT } from '../test/support/webHarness';
import { summarise } from './stats';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export async function runRingToRenderBench(rings = 200) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-bench-ring-'));
  const harness = await startHarness(dataDir);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(harness.url);
    await page.getByTestId('ring-demo').waitFor();
    const demoDir = path.join(ROOT, 'resources/demo-scenarios');
    const scenarios = readdirSync(demoDir).map((name) => readFileSync(path.join(demoDir, name), 'utf8'));
    const deskSamples: number[] = [];
    const pageSamples: number[] = [];
    for (let ring = 0; ring < rings; ring++) {
      const text = scenarios[ring % scenarios.length]!;
      const result = await page.evaluate(async (scenarioText) => {
        const bridge = window.whisperDesk!;
        const started = performance.now();
        const rung = await bridge.invoke('ringScenarioText', { fileName: 'bench.json', text: scenarioText });
        if (!rung.ok) throw new Error(rung.error.message);
        const callId = rung.value.callId;
        await new Promise<void>((resolve) => {
          const check = () => {
            const card = document.querySelector(`[data-testid="ringing-card"][data-call-id="${callId}"]`);
            if (card) resolve();
            else requestAnimationFrame(check);
          };
          check();
        });
        const pageMs = performance.now() - started;
        // Wait for the renderer's own report to reach the core, then read it back.
        let renderMs: number | undefined;
        for (let attempt = 0; attempt < 50 && renderMs === undefined; attempt++) {
          const snapshot = await bridge.invoke('getSnapshot', {});
          renderMs = snapshot.ok ? snapshot.value.activeCall?.timings.packageToRenderMs : undefined;
          if (renderMs === undefined) await new Promise((resolve) => setTimeout(resolve, 5));
        }
        await bridge.invoke('declineCall', { callId });
        return { pageMs, renderMs };
      }, text);
      pageSamples.push(result.pageMs);
      if (result.renderMs !== undefined) deskSamples.push(result.renderMs);
    }
    return { rings, deskPackageToRenderMs: summarise(deskSamples), pageRingToCardMs: summarise(pageSamples) };
  } finally {
    await browser.close();
    await harness.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
