/**
 * Package bytes received → package rendered in the DOM, over many rings in Chromium against the web
 * harness (the same core and renderer as the app). Two views of the same rings:
 *  - desk: the core's packageToRenderMs (package received in the main process → renderer reports the card in the DOM);
 *  - page: from the page sending the scenario to the card carrying the new call's caller in the DOM (includes the HTTP hop).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startHarness, ROOT } from '../test/support/webHarness';
import { launchChromium } from './chromium';
import { summarise } from './stats';

/** Runs in the page: ring one scenario through the bridge, wait for its card, read back the core's timing, decline. */
const IN_PAGE_RING = `async function (scenarioText) {
  const bridge = window.whisperDesk;
  const started = performance.now();
  const rung = await bridge.invoke('ringScenarioText', { fileName: 'bench.json', text: scenarioText });
  if (!rung.ok) throw new Error(rung.error.message);
  const callId = rung.value.callId;
  await new Promise(function (resolve) {
    (function check() {
      if (document.querySelector('[data-testid="ringing-card"][data-call-id="' + callId + '"]')) resolve();
      else requestAnimationFrame(check);
    })();
  });
  const pageMs = performance.now() - started;
  let renderMs;
  for (let attempt = 0; attempt < 50 && renderMs === undefined; attempt++) {
    const snapshot = await bridge.invoke('getSnapshot', {});
    renderMs = snapshot.ok && snapshot.value.activeCall ? snapshot.value.activeCall.timings.packageToRenderMs : undefined;
    if (renderMs === undefined) await new Promise(function (resolve) { setTimeout(resolve, 5); });
  }
  await bridge.invoke('declineCall', { callId });
  return { pageMs, renderMs };
}`;

export async function runRingToRenderBench(rings = 200) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-bench-ring-'));
  const harness = await startHarness(dataDir);
  const browser = await launchChromium();
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
      // Sent as source text: the bundler's helper names (e.g. __name) do not exist in the page.
      const result = (await page.evaluate(`(${IN_PAGE_RING})(${JSON.stringify(text)})`)) as { pageMs: number; renderMs?: number };
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
