import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/main/core/demo/scenarioLoader';
import { DeskError } from '../../../src/shared/ipc/envelope';
import { demoDesk } from '../../support/demoDesk';

const demoDir = path.resolve(__dirname, '../../../resources/demo-scenarios');
const scenario = (name: string) => parseScenario(readFileSync(path.join(demoDir, name), 'utf8'), name);

function makeDesk(options: { ringTimeoutMs?: number; speed?: number } = {}) {
  const scenarios = [scenario('renewal-charged-twice.json'), scenario('reroute-boots-after-move.json')];
  return { ...demoDesk({ ...options, scenarios }), scenarios };
}

describe('desk service', () => {
  it('rings with the package, measures package→ring, and refuses a second call while busy', () => {
    const { desk } = makeDesk();
    const view = desk.ringDemoCall();
    expect(view.phase).toBe('ringing');
    expect(view.intake.status).toBe('ok');
    expect(view.timings.packageToRingMs).toBe(0);
    expect(view.timings.triggerToPackageMs).toBeGreaterThan(0);
    expect(() => desk.ringDemoCall()).toThrow(DeskError);
  });

  it('plays turns on the call clock after accept, scaled by the demo speed, and records the greeting time', async () => {
    const { desk, clock, scenarios } = makeDesk({ speed: 2 });
    const { callId } = desk.ringDemoCall();
    await desk.acceptCall(callId);
    const first = scenarios[0]!.turns[0]!;
    clock.advanceBy((first.atMs - scenarios[0]!.pickupAtMs) / 2 - 1);
    expect(desk.getSnapshot().activeCall?.turnCount).toBe(0);
    clock.advanceBy(1);
    expect(desk.getSnapshot().activeCall?.turnCount).toBe(1);
    clock.advanceBy(10 * 60_000);
    const active = desk.getSnapshot().activeCall!;
    expect(active.turnCount).toBe(scenarios[0]!.turns.length);
    expect(active.timings.pickupToGreetingMs).toBe((first.atMs - scenarios[0]!.pickupAtMs) / 2);
  });

  it('stores the call with transcript and notes at hang-up, and it appears in history', async () => {
    const { desk, clock, events } = makeDesk();
    const { callId } = desk.ringDemoCall();
    await desk.acceptCall(callId);
    clock.advanceBy(10 * 60_000);
    await desk.saveNotes(callId, 'refund promised');
    await desk.hangUp(callId);
    await desk.flush();
    const history = await desk.listHistory(10);
    expect(history).toMatchObject([{ callId, phase: 'ended', hasNotes: true, disposition: expect.any(String) }]);
    const stored = await desk.getStoredCall(callId);
    expect(stored.call.notes).toBe('refund promised');
    expect(stored.turns.length).toBe(stored.call.turnCount);
    expect(events.some((e) => e.event === 'historyChanged')).toBe(true);
  });

  it('an unanswered call is marked missed, not held', async () => {
    const { desk, clock } = makeDesk({ ringTimeoutMs: 30_000 });
    const { callId } = desk.ringDemoCall();
    clock.advanceBy(30_000);
    expect(desk.getSnapshot().activeCall?.phase).toBe('missed');
    await expect(desk.acceptCall(callId)).rejects.toThrow(/missed/);
  });

  it('rejects actions on the wrong call or in the wrong phase', async () => {
    const { desk } = makeDesk();
    const { callId } = desk.ringDemoCall();
    await expect(desk.hangUp(callId)).rejects.toMatchObject({ code: 'wrong_state' });
    await expect(desk.acceptCall('nope')).rejects.toMatchObject({ code: 'not_found' });
    await expect(desk.saveNotes('nope', 'x')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reports the render time once per call', () => {
    const { desk, clock } = makeDesk();
    const { callId } = desk.ringDemoCall();
    clock.advanceBy(5);
    desk.reportRendered(callId, clock.now());
    desk.reportRendered(callId, clock.now() + 100);
    expect(desk.getSnapshot().activeCall?.timings.packageToRenderMs).toBe(5);
  });
});
