/**
 * Choosing the engine per call and the write-only key, through the IPC boundary as the renderer uses
 * it: the key goes in, a yes/no comes out, and a call rung afterwards talks to the (fake) OpenAI.
 */
import { demoPacks } from '../../support/demoPack';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AssistEngineSelector } from '../../../src/main/core/assist/assistEngineSelector';
import { LocalAssistEngine } from '../../../src/main/core/assist/localAssistEngine';
import { DemoSimulator } from '../../../src/main/core/demo/demoSimulator';
import { createDeskRequestHandler } from '../../../src/main/core/deskRequestHandler';
import { FileSecretStore } from '../../../src/main/core/fileSecretStore';
import { ManualClock } from '../../../src/main/core/manualClock';
import { DeskService } from '../../../src/main/core/session/deskService';
import { SettingsStore } from '../../../src/main/core/settingsStore';
import { CallDatabase } from '../../../src/main/core/store/callDatabase';
import { inProcessStore } from '../../../src/main/core/store/inProcessStore';
import { startFakeOpenAi, type FakeOpenAi } from '../../support/fakeOpenAi';
import { demoScenario } from '../../support/openAiEngineFixture';
import { makeTempDir } from '../../support/tempDir';

const KEY = 'sk-proj-selector-test-abcdef';
let fake: FakeOpenAi;
let temp: ReturnType<typeof makeTempDir>;

beforeEach(async () => {
  fake = await startFakeOpenAi();
  temp = makeTempDir();
});
afterEach(async () => {
  await fake.close();
  temp.remove();
});

async function makeDesk() {
  const clock = new ManualClock(Date.UTC(2026, 2, 5));
  const simulator = new DemoSimulator({ clock, scenarios: [demoScenario()], speed: () => 1 });
  const settings = new SettingsStore({});
  const secretsPath = path.join(temp.dir, 'secrets.json');
  const assist = await AssistEngineSelector.create({
    settings: () => settings.current,
    secrets: new FileSecretStore(secretsPath, {}),
    local: new LocalAssistEngine({ packs: demoPacks() }),
  });
  const packs = demoPacks();
  const desk = new DeskService({
    clock,
    telephony: simulator,
    transcripts: simulator,
    demo: simulator,
    assist,
    assistant: assist,
    packs,
    store: inProcessStore(CallDatabase.inMemory()),
    settings,
    storage: { protection: 'key-file' },
    emit: () => {},
  });
  return { desk, clock, handle: createDeskRequestHandler(desk), secretsPath };
}

describe('assist engine selection and the OpenAI key', () => {
  it('uses the local engine until OpenAI is chosen and a key is stored, and says why', { timeout: 5_000 }, async () => {
    const { handle } = await makeDesk();
    expect(await handle('getSnapshot', {})).toMatchObject({
      ok: true,
      value: { assistant: { engine: 'local', openAiKeyConfigured: false } },
    });
    await handle('updateSettings', { assistEngine: 'openai' });
    expect(await handle('getSnapshot', {})).toMatchObject({
      value: { assistant: { engine: 'local', openAiKeyConfigured: false, reason: expect.stringMatching(/no API key/) } },
    });
  });

  it('stores the key without ever sending it back, and the next call asks OpenAI with it', { timeout: 5_000 }, async () => {
    const { desk, clock, handle, secretsPath } = await makeDesk();
    await handle('updateSettings', { assistEngine: 'openai', openaiBaseUrl: fake.baseURL });
    const stored = await handle('setOpenAiApiKey', { apiKey: ` ${KEY}\n` });
    expect(stored).toEqual({ ok: true, value: { stored: true } });
    const snapshot = await handle('getSnapshot', {});
    expect(snapshot).toMatchObject({ value: { assistant: { engine: 'openai', openAiKeyConfigured: true } } });
    expect(JSON.stringify(snapshot)).not.toContain(KEY);
    expect(JSON.parse(readFileSync(secretsPath, 'utf8'))).toEqual({ openai_api_key: KEY });

    const { callId } = desk.ringDemoCall();
    await desk.acceptCall(callId);
    clock.advanceBy(30_000);
    await desk.flush();
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(desk.getSnapshot().activeCall?.assist.engine.engine).toBe('openai');
    await desk.hangUp(callId);
  });

  it('clears the key on an empty string and rejects a malformed one without echoing it', { timeout: 5_000 }, async () => {
    const { handle } = await makeDesk();
    await handle('setOpenAiApiKey', { apiKey: KEY });
    expect(await handle('setOpenAiApiKey', { apiKey: '' })).toEqual({ ok: true, value: { stored: true } });
    expect(await handle('getSnapshot', {})).toMatchObject({ value: { assistant: { openAiKeyConfigured: false } } });
    for (const apiKey of [`${KEY} ${KEY}`, 'x'.repeat(501)]) {
      const refused = await handle('setOpenAiApiKey', { apiKey });
      expect(refused).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(JSON.stringify(refused)).not.toContain(apiKey.slice(0, 20));
    }
    expect(await handle('setOpenAiApiKey', { apiKey: KEY, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
