/** Outputs and events checked against the contract at run time (tests, development builds). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/main/core/demo/scenarioLoader';
import { checkedDeskEmitter, contractChecksEnabled, ContractViolationError } from '../../../src/main/core/deskContractChecks';
import { createDeskRequestHandler, deskHandlers, serveDeskHandlers, type DeskHandlers } from '../../../src/main/core/deskRequestHandler';
import { DESK_METHOD_NAMES, type DeskEventName } from '../../../src/shared/ipc/deskContract';
import { demoDesk } from '../../support/demoDesk';

const demoDir = path.resolve(__dirname, '../../../resources/demo-scenarios');
const scenario = (name: string) => parseScenario(readFileSync(path.join(demoDir, name), 'utf8'), name);

describe('request outputs against the contract', () => {
  it('a handler whose output breaks its schema throws a ContractViolationError naming the method', async () => {
    const handlers = deskHandlers(demoDesk().desk);
    const broken: DeskHandlers = { ...handlers, getSnapshot: () => ({ mode: 'demo' }) as never, reportRendered: () => undefined as never };
    const handle = serveDeskHandlers(broken, { checkOutputs: true });
    const error = await handle('getSnapshot', {}).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ContractViolationError);
    expect(error).toMatchObject({
      channel: 'getSnapshot',
      direction: 'output',
      message: expect.stringMatching(/output of request "getSnapshot".*settings/),
    });
    await expect(handle('reportRendered', { callId: 'c', renderedAt: 1 })).rejects.toThrow(/"reportRendered"/);
    // Checks off (a packaged app): the same value goes out unparsed.
    expect(await serveDeskHandlers(broken, { checkOutputs: false })('getSnapshot', {})).toEqual({ ok: true, value: { mode: 'demo' } });
  });

  it('a core test that calls a desk method directly gets the same check (demoDesk)', () => {
    const { desk } = demoDesk();
    Object.assign(desk, { getSnapshot: () => ({ mode: 'demo' }) });
    expect(() => desk.getSnapshot()).toThrow(/output of request "getSnapshot"/);
  });

  it('are on by default under the tests, off in production, and the environment variable decides either way', () => {
    expect(contractChecksEnabled(process.env)).toBe(true);
    expect(contractChecksEnabled({ NODE_ENV: 'test' })).toBe(true);
    expect(contractChecksEnabled({})).toBe(true);
    expect(contractChecksEnabled({ NODE_ENV: 'production' })).toBe(false);
    expect(contractChecksEnabled({ NODE_ENV: 'production', WHISPER_DESK_CONTRACT_CHECKS: '1' })).toBe(true);
    expect(contractChecksEnabled({ NODE_ENV: 'development', WHISPER_DESK_CONTRACT_CHECKS: '0' })).toBe(false);
  });

  it("the desk's own outputs match their schemas through a whole call (ring, accept, notes, hand-back draft, hang-up, history, metrics)", async () => {
    const { desk, clock } = demoDesk({ scenarios: [scenario('renewal-charged-twice.json')] });
    const handle = createDeskRequestHandler(desk, { checkOutputs: true });
    const ok = async (method: string, input: unknown) => {
      const envelope = await handle(method, input);
      expect(envelope, method).toMatchObject({ ok: true });
      return (envelope as { value: unknown }).value;
    };
    await ok('getSnapshot', {});
    const { callId } = (await ok('ringDemoCall', {})) as { callId: string };
    await ok('acceptCall', { callId });
    await ok('reportRendered', { callId, renderedAt: clock.now() });
    clock.advanceBy(10 * 60_000);
    await ok('getTranscript', { callId });
    await ok('saveNotes', { callId, text: 'card 4111 1111 1111 1111, refund promised' });
    await ok('prepareHandBack', { callId });
    await ok('hangUp', { callId });
    await desk.flush();
    await ok('listHistory', { limit: 10 });
    await ok('getStoredCall', { callId });
    await ok('getMetrics', {});
    await ok('exportCallRecordsCsv', {});
    await ok('updateSettings', { agentName: 'Sam' });
  });
});

describe('events against the contract', () => {
  it('an event whose payload breaks its schema throws a ContractViolationError naming it, and is not sent', () => {
    const sent: DeskEventName[] = [];
    const emit = checkedDeskEmitter((event) => sent.push(event));
    emit('notice', { level: 'info', message: 'ok' });
    expect(() => emit('notice', { level: 'loud', message: 'x' } as never)).toThrow(ContractViolationError);
    expect(() => emit('turnAdded', { callId: 'c' } as never)).toThrow(/payload of event "turnAdded".*turn/);
    expect(() => emit('historyChanged', { extra: 1 } as never)).toThrow(/"historyChanged"/);
    expect(sent).toEqual(['notice']);
  });

  it("a whole demo call's events match their schemas (demoDesk checks every event)", async () => {
    const { desk, clock, events } = demoDesk({ scenarios: [scenario('renewal-charged-twice.json')] });
    const { callId } = desk.ringDemoCall();
    await desk.acceptCall(callId);
    clock.advanceBy(10 * 60_000);
    await desk.hangUp(callId);
    await desk.flush();
    expect(new Set(events.map((entry) => entry.event))).toEqual(new Set(['callChanged', 'turnAdded', 'historyChanged']));
  });
});

describe('handler types come from the contract', () => {
  it('every contract method has a handler, and a handler of the wrong input or output type does not compile', () => {
    const handlers = deskHandlers(demoDesk().desk);
    expect(Object.keys(handlers).sort()).toEqual([...DESK_METHOD_NAMES].sort());
    const wrong: Array<Partial<DeskHandlers>> = [
      // @ts-expect-error hangUp answers a CallView, not what saveNotes answers
      { hangUp: () => ({ savedAt: 1, text: '', masked: 0 }) },
      // @ts-expect-error acceptCall's input is { callId }, not { id }
      { acceptCall: ({ id }: { id: string }) => handlers.acceptCall({ callId: id }) },
      // @ts-expect-error listHistory's limit is a number
      { listHistory: ({ limit }: { limit: string }) => handlers.listHistory({ limit: Number(limit) }) },
      // @ts-expect-error reportRendered answers {} (an empty object), not nothing
      { reportRendered: () => undefined },
    ];
    expect(wrong).toHaveLength(4);
  });
});
