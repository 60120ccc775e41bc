import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/main/core/demo/scenarioLoader';
import { CallDatabase } from '../../../src/main/core/store/callDatabase';
import { inProcessStore } from '../../../src/main/core/store/inProcessStore';
import { DeskError } from '../../../src/shared/ipc/envelope';
import { demoDesk } from '../../support/demoDesk';

const demoDir = path.resolve(__dirname, '../../../resources/demo-scenarios');
const scenario = (name: string) => parseScenario(readFileSync(path.join(demoDir, name), 'utf8'), name);

/** A real store whose notes writes fail while `failing` is set (a corrupt page, a full disk). */
function failingNotesStore() {
  const database = CallDatabase.inMemory();
  const store = inProcessStore(database);
  const state = { failing: true };
  return {
    database,
    state,
    store: {
      ...store,
      saveNotes: async (callId: string, text: string, savedAt: number) => {
        if (state.failing) throw Object.assign(new Error('database or disk is full'), { name: 'SqliteError' });
        return store.saveNotes(callId, text, savedAt);
      },
    },
  };
}

describe('saveNotes answers from the committed write', () => {
  it('a failed write is an error, never "saved"; the text stays on the desk and the next save lands it', async () => {
    const failing = failingNotesStore();
    const { desk } = demoDesk({ scenarios: [scenario('renewal-charged-twice.json')], overrides: { store: failing.store } });
    const { callId } = desk.ringDemoCall();
    await desk.acceptCall(callId);
    const attempt = desk.saveNotes(callId, 'refund promised');
    await expect(attempt).rejects.toBeInstanceOf(DeskError);
    await expect(attempt).rejects.toMatchObject({ code: 'storage' });
    expect(desk.getSnapshot().activeCall?.notes).toBe('refund promised');
    expect(desk.getSnapshot().activeCall?.notesSavedAt).toBeUndefined();
    failing.state.failing = false;
    const saved = await desk.saveNotes(callId, 'refund promised');
    expect(saved.savedAt).toEqual(expect.any(Number));
    await desk.flush();
    expect((await desk.getStoredCall(callId)).call.notes).toBe('refund promised');
  });
});
