/**
 * The desk moves its call only through the lifecycle machine: a second call offered while one rings or
 * is active never takes the desk (nothing of it starts, and the telephony is told to send it back), a
 * call may ring again once the last one is over, and an agent's action racing the far side's end closes
 * the call once.
 */
import { describe, expect, it, vi } from 'vitest';
import type { IncomingCall, TelephonyEvents, TelephonyPort } from '../../../../src/main/core/ports';
import { LocalAssistEngine } from '../../../../src/main/core/assist/localAssistEngine';
import type { HandoffTelemetry } from '../../../../src/main/core/telemetry/handoffTelemetry';
import type { CallView } from '../../../../src/shared/callSchemas';
import { demoDesk } from '../../../support/demoDesk';
import { demoPacks } from '../../../support/demoPack';
import { demoHandoff } from '../../../support/taskRouterFixture';

/** A telephony port the test drives: it offers and ends calls, and can hold an accept or a hang-up open. */
class ScriptedTelephony implements TelephonyPort {
  events!: TelephonyEvents;
  readonly declined: string[] = [];
  hold = false;
  release?: () => void;
  attach(events: TelephonyEvents): void {
    this.events = events;
  }
  accept = () => this.maybeHold();
  hangUp = () => this.maybeHold();
  decline = async (callId: string) => {
    this.declined.push(callId);
  };
  stop(): void {}
  offer(callId: string): void {
    const call: IncomingCall = {
      callId,
      source: 'telephony',
      rawPackage: { kind: 'object', value: { ...demoHandoff(), handoffId: `ho_${callId}` } },
      packageReceivedAt: 0,
    };
    this.events.incoming(call);
  }
  private async maybeHold(): Promise<void> {
    if (this.hold) await new Promise<void>((resolve) => (this.release = resolve));
  }
}

function liveLikeDesk() {
  const telephony = new ScriptedTelephony();
  const packs = demoPacks();
  const assist = new LocalAssistEngine({ packs });
  const startSession = vi.spyOn(assist, 'startSession');
  const startTranscript = vi.fn(() => () => {});
  const record = vi.fn();
  const built = demoDesk({
    overrides: {
      telephony,
      transcripts: { startTranscript },
      demo: undefined,
      assist,
      packs,
      telemetry: () => ({ record }) as unknown as HandoffTelemetry,
    },
  });
  const current = () => built.desk.getSnapshot().activeCall;
  return { ...built, telephony, startSession, startTranscript, record, current };
}

describe('the desk moves its call only through the lifecycle machine', () => {
  it.each(['ringing', 'active'] as const)(
    'a second call offered while one is %s never takes the desk, and nothing of it starts',
    async (phase) => {
      const { desk, telephony, startSession, current, events } = liveLikeDesk();
      telephony.offer('CA_first');
      if (phase === 'active') await desk.acceptCall('CA_first');
      const before = current();
      telephony.offer('CA_second');
      expect(current()).toEqual(before);
      expect(current()?.phase).toBe(phase);
      expect(telephony.declined).toEqual(['CA_second']);
      // The refused offer built nothing: one intake, one assist session, no callChanged for it.
      expect(startSession).toHaveBeenCalledTimes(1);
      expect(events.some((e) => e.event === 'callChanged' && (e.payload as CallView).callId === 'CA_second')).toBe(false);
      await desk.flush();
    },
  );

  it.each([
    ['ended', async (desk: ReturnType<typeof liveLikeDesk>) => (await desk.desk.acceptCall('CA_first'), desk.desk.hangUp('CA_first'))],
    ['declined', (desk: ReturnType<typeof liveLikeDesk>) => desk.desk.declineCall('CA_first')],
    ['missed', async (desk: ReturnType<typeof liveLikeDesk>) => desk.telephony.events.ended('CA_first', 'missed')],
  ] as const)('once the call is %s, the next one rings', async (phase, end) => {
    const built = liveLikeDesk();
    built.telephony.offer('CA_first');
    await end(built);
    expect(built.current()?.phase).toBe(phase);
    built.telephony.offer('CA_next');
    expect(built.current()).toMatchObject({ callId: 'CA_next', phase: 'ringing' });
    expect(built.telephony.declined).not.toContain('CA_next');
    await built.desk.flush();
  });

  it('an accept whose ring ended while the telephony took it is refused, and the missed call stays missed', async () => {
    const { desk, telephony, startTranscript, current, record } = liveLikeDesk();
    telephony.offer('CA_race');
    telephony.hold = true;
    const accepting = desk.acceptCall('CA_race');
    telephony.events.ended('CA_race', 'missed');
    telephony.release!();
    await expect(accepting).rejects.toMatchObject({ code: 'wrong_state' });
    expect(current()?.phase).toBe('missed');
    expect(startTranscript).not.toHaveBeenCalled();
    expect(record).toHaveBeenCalledTimes(1);
    await desk.flush();
  });

  it('a hang-up racing the customer hanging up closes the call once', async () => {
    const { desk, telephony, current, record, events } = liveLikeDesk();
    telephony.offer('CA_both');
    await desk.acceptCall('CA_both');
    telephony.hold = true;
    const hangingUp = desk.hangUp('CA_both');
    telephony.events.ended('CA_both', 'remote_hangup');
    telephony.release!();
    await expect(hangingUp).resolves.toMatchObject({ phase: 'ended' });
    await desk.flush();
    expect(current()?.phase).toBe('ended');
    expect(record).toHaveBeenCalledTimes(1);
    expect(events.filter((e) => e.event === 'historyChanged')).toHaveLength(1);
  });

  it('a ringing call refuses hang-up, an active one refuses accept and decline, in the words the agent has always seen', async () => {
    const { desk, telephony } = liveLikeDesk();
    telephony.offer('CA_words');
    await expect(desk.hangUp('CA_words')).rejects.toMatchObject({ code: 'wrong_state', message: 'The call is ringing, not active.' });
    await desk.acceptCall('CA_words');
    await expect(desk.acceptCall('CA_words')).rejects.toMatchObject({ code: 'wrong_state', message: 'The call is active, not ringing.' });
    await expect(desk.declineCall('CA_words')).rejects.toMatchObject({ code: 'wrong_state', message: 'The call is active, not ringing.' });
    await expect(desk.hangUp('CA_other')).rejects.toMatchObject({ code: 'not_found' });
    await desk.flush();
  });
});
