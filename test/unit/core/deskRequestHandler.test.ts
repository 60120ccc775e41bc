import { describe, expect, it } from 'vitest';
import { createDeskRequestHandler } from '../../../src/main/core/deskRequestHandler';
import { demoDesk } from '../../support/demoDesk';

function handler() {
  return createDeskRequestHandler(demoDesk().desk);
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
