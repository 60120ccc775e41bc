import { describe, expect, it } from 'vitest';
import { createDeskRequestHandler } from '../../../src/main/core/deskRequestHandler';
import { LocalAssistEngine } from '../../../src/main/core/assist/localAssistEngine';
import { DemoSimulator } from '../../../src/main/core/demo/demoSimulator';
import { ManualClock } from '../../../src/main/core/manualClock';
import { DeskService } from '../../../src/main/core/session/deskService';
import { SettingsStore } from '../../../src/main/core/settingsStore';
import { CallDatabase } from '../../../src/main/core/store/callDatabase';
import { inProcessStore } from '../../../src/main/core/store/inProcessStore';

function handler() {
  const clock = new ManualClock();
  const simulator = new DemoSimulator({ clock, scenarios: [], speed: () => 1 });
  const desk = new DeskService({
    clock,
    telephony: simulator,
    transcripts: simulator,
    demo: simulator,
    assist: new LocalAssistEngine(),
    store: inProcessStore(CallDatabase.inMemory()),
    settings: new SettingsStore({}),
    storage: { protection: 'key-file' },
    emit: () => {},
  });
  return createDeskRequestHandler(desk);
}

describe('desk request handler (the IPC boundary)', () => {
  it('answers a valid request with an ok envelope', async () => {
    expect(await handler()('getSnapshot', {})).toMatchObject({ ok: true, value: { mode: 'demo', activeCall: null } });
  });

  it('rejects unknown methods, prototype keys and bad input with invalid_input', async () => {
    const handle = handler();
    expect(await handle('dropTables', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handle('constructor', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handle('__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handle('saveNotes', { callId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: /text/ } });
    expect(await handle('getSnapshot', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await handle('updateSettings', { agentName: '' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('turns domain errors into their codes', async () => {
    const handle = handler();
    expect(await handle('ringDemoCall', {})).toMatchObject({ ok: false, error: { code: 'not_found', message: /No demo scenarios/ } });
    expect(await handle('ringScenarioText', { fileName: 'a.json', text: '{' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: /a\.json is not valid JSON/ },
    });
    expect(await handle('ringScenarioText', { fileName: 'b.json', text: '{"format":"other"}' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: /b\.json is not a call-scenario\/1 file/ },
    });
  });
});
