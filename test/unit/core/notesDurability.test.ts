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

describe('calls interrupted by a crash are recovered at start', () => {
  it('an active call left in the store is marked interrupted with its last state, gets a post-call record and shows in history', async () => {
    const first = demoDesk({ scenarios: [scenario('renewal-charged-twice.json')] });
    const { callId } = first.desk.ringDemoCall();
    await first.desk.acceptCall(callId);
    first.clock.advanceBy(60_000);
    await first.desk.saveNotes(callId, 'refund promised');
    await first.desk.flush();
    const turnsBefore = first.desk.getSnapshot().activeCall!.turnCount;
    expect(turnsBefore).toBeGreaterThan(0);
    // The process dies here: no hang-up. A new desk opens the same database.
    const second = demoDesk({ overrides: { store: inProcessStore(first.database) } });
    const recovered = await second.desk.recoverInterruptedCalls();
    expect(recovered).toEqual([callId]);
    const stored = await second.desk.getStoredCall(callId);
    expect(stored.call.phase).toBe('ended');
    expect(stored.call.interrupted).toEqual({ lastPhase: 'active', recoveredAt: expect.any(Number) });
    expect(stored.call.notes).toBe('refund promised');
    expect(stored.turns.length).toBe(turnsBefore);
    expect(stored.call.endedAt).toBeGreaterThanOrEqual(stored.call.acceptedAt!);
    const record = first.database.getCallRecord(callId);
    expect(record).toMatchObject({ callId, disposition: 'interrupted' });
    expect(await second.desk.listHistory(10)).toMatchObject([{ callId, phase: 'ended', interrupted: true }]);
    // Idempotent: a second start finds nothing left to recover.
    expect(await second.desk.recoverInterruptedCalls()).toEqual([]);
  });

  it('a call that was still ringing is recovered as missed', async () => {
    const first = demoDesk({ scenarios: [scenario('renewal-charged-twice.json')] });
    const { callId } = first.desk.ringDemoCall();
    await first.desk.flush();
    const second = demoDesk({ overrides: { store: inProcessStore(first.database) } });
    expect(await second.desk.recoverInterruptedCalls()).toEqual([callId]);
    expect((await second.desk.getStoredCall(callId)).call).toMatchObject({ phase: 'missed', interrupted: { lastPhase: 'ringing' } });
  });
});

describe('notes are masked like turns', () => {
  it('a card number typed into the notes is stored masked, and the answer says how many were masked', async () => {
    const { desk, database } = demoDesk({ scenarios: [scenario('renewal-charged-twice.json')] });
    const { callId } = desk.ringDemoCall();
    await desk.acceptCall(callId);
    const saved = await desk.saveNotes(callId, 'card 4111 1111 1111 1111, refund promised');
    expect(saved).toMatchObject({ text: 'card [card number removed], refund promised', masked: 1 });
    await desk.flush();
    expect(database.getStoredCall(callId)?.call.notes).toBe('card [card number removed], refund promised');
  });
});
