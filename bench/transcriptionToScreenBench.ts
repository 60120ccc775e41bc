/**
 * Issue 5's second figure: a transcription `completed` event written by the (local, fake) OpenAI
 * Realtime server → that turn's text in the transcript in the real renderer, through the real `openai`
 * Realtime client in the desk core, the desk in live mode and the harness bridge. The call is a real
 * TaskRouter reservation accepted in the page. Both ends read wall-clock time at sub-millisecond
 * resolution (performance.timeOrigin + performance.now()) on this one machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startFakeOpenAiRealtime } from '../test/support/fakeOpenAiRealtime';
import { startFakeTaskRouter } from '../test/support/fakeTaskRouter';
import { startTokenEndpoint, writeLiveDeskConfig } from '../test/support/liveDeskConfig';
import { demoHandoff } from '../test/support/taskRouterFixture';
import { startHarness } from '../test/support/webHarness';
import { launchChromium } from './chromium';
import { summarise } from './stats';

const OPENAI_KEY = 'sk-bench';

/** Records when each `bench-N` marker first shows in a transcript turn (not in the interim line). */
const IN_PAGE_WATCH = `function () {
  window.__seenTurns = {};
  new MutationObserver(() => {
    for (const row of document.querySelectorAll('[data-testid="transcript"] .transcript-row')) {
      const marker = /bench-\\d+/.exec(row.textContent || '');
      if (marker && !(marker[0] in window.__seenTurns)) window.__seenTurns[marker[0]] = performance.timeOrigin + performance.now();
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}`;

export async function runTranscriptionToScreenBench(turns = 100) {
  const taskRouter = await startFakeTaskRouter();
  const realtime = await startFakeOpenAiRealtime({ apiKey: OPENAI_KEY });
  const tokenEndpoint = await startTokenEndpoint({
    credential: 'bench-credential',
    identity: 'bench',
    issue: (kind) => (kind === 'taskrouter' ? taskRouter.mintToken() : undefined),
  });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-bench-transcript-'));
  writeLiveDeskConfig(dataDir, {
    tokenEndpoint,
    taskRouter,
    credential: 'bench-credential',
    settings: { openaiBaseUrl: realtime.baseURL },
    secrets: { openai_api_key: OPENAI_KEY },
  });
  const caFile = path.join(dataDir, 'realtime-ca.pem');
  writeFileSync(caFile, realtime.ca);
  const harness = await startHarness(dataDir, [], { NODE_EXTRA_CA_CERTS: caFile, OPENAI_API_KEY: '' });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(harness.url);
    await page.getByTestId('idle').waitFor();
    taskRouter.createReservation({ handoff: demoHandoff() });
    await page.getByTestId('ringing-card').waitFor();
    await page.keyboard.press('a');
    await page.getByTestId('call-view').waitFor();
    const stream = await realtime.connection(0, 15_000);
    await stream.waitForSession(15_000);
    await page.evaluate(`(${IN_PAGE_WATCH})()`);
    const samples: number[] = [];
    for (let i = 0; i < turns; i++) {
      const marker = `bench-${i}`;
      const writtenAt =
        performance.timeOrigin +
        stream.utterance(`item_${i}`, `This is turn ${marker} of the live transcript.`, { audioStartMs: i * 2_000 });
      await page.waitForFunction(
        (seen) => (window as unknown as { __seenTurns: Record<string, number> }).__seenTurns[seen] !== undefined,
        marker,
        {
          timeout: 10_000,
          polling: 'raf',
        },
      );
      const shownAt = (await page.evaluate(`window.__seenTurns[${JSON.stringify(marker)}]`)) as number;
      samples.push(shownAt - writtenAt);
    }
    return { turns: samples.length, completedEventToTurnOnScreenMs: summarise(samples) };
  } finally {
    await browser.close();
    await harness.stop();
    tokenEndpoint.close();
    await Promise.all([taskRouter.close(), realtime.close()]);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runTranscriptionToScreenBench().then((result) => console.log(JSON.stringify(result, null, 2)));
}
