/**
 * A call from ring to end: takes calls from the telephony port, runs the package intake, starts the
 * assist session and the transcript, masks and keeps every turn as it is said, and closes the call with
 * its post-call record. Every change of phase goes through the lifecycle machine (CurrentCall).
 */
import type { CallView, TranscriptTurn } from '../../../shared/callSchemas';
import { isRingingOrActive, transition } from '../../../shared/callLifecycle';
import { intakePackage } from '../../../shared/handoffIntake';
import { DeskError } from '../../../shared/ipc/envelope';
import type { IncomingCall } from '../ports';
import { redactTurnText } from '../privacy/piiRedactor';
import { redactPackage } from '../privacy/packageRedactor';
import type { DeskCall } from './currentCall';
import type { DeskContext } from './deskContext';
import { buildPostCallRecord, draftWrapUp } from './postCallRecordBuilder';

export class CallSession {
  constructor(private readonly desk: DeskContext) {}

  /**
   * One call at a time, whoever offers it (demo, file, TaskRouter): the machine refuses `ring` while a
   * call rings or is active, and the offer is then declined at once, so the contact center routes it
   * elsewhere; the current call, its transcript and its assist session are untouched.
   */
  offer(incoming: IncomingCall): void {
    const step = this.desk.current.ring(() => this.newCall(incoming));
    if (!step.ok) this.sendBack(incoming);
  }

  async accept(callId: string): Promise<CallView> {
    const { current, options } = this.desk;
    const call = current.requireFor(callId, 'accept');
    await options.telephony.accept(callId);
    const now = options.clock.now();
    const step = current.move(call, 'accept', () => ({
      acceptedAt: now,
      timings: { ...call.view.timings, ringToPickupMs: now - call.view.ringingAt },
    }));
    // The ring ended while the telephony took the answer (a timeout, a cancel): there is no call to start.
    if (!step.ok) throw new DeskError('wrong_state', `The call is ${call.view.phase}, not ringing.`);
    call.stopTranscript = options.transcripts.startTranscript(callId, (turn) => this.onTurn(call, turn));
    return call.view;
  }

  async decline(callId: string): Promise<CallView> {
    const call = this.desk.current.requireFor(callId, 'decline');
    await this.desk.options.telephony.decline(callId);
    this.finish(call, 'decline');
    return call.view;
  }

  async hangUp(callId: string): Promise<CallView> {
    const call = this.desk.current.requireFor(callId, 'hang_up');
    await this.desk.options.telephony.hangUp(callId);
    this.finish(call, 'hang_up');
    return call.view;
  }

  /**
   * The agent states that they verified the caller, and how: the one source of "verified" besides the
   * package, recorded in the call's audit log. Nothing in the transcript can set it.
   */
  verifyCaller(callId: string, method: string): CallView {
    const { current, options, audit } = this.desk;
    const call = current.require(callId, 'active');
    const now = options.clock.now();
    audit.record(callId, 'caller_verified', { method });
    current.update(call, { verification: { by: 'agent', method, at: now }, assist: call.assist.callerVerified() });
    return call.view;
  }

  /** The far side ended the call: a ring becomes missed, a call in progress ended. */
  remoteEnd(callId: string, reason: 'remote_hangup' | 'missed' | 'cancelled'): void {
    const call = this.desk.current.get(callId);
    if (!call) return;
    this.finish(call, 'remote_end');
    this.desk.options.emit('notice', {
      level: 'info',
      message: reason === 'missed' ? 'The call was not answered in time and went back to the queue.' : 'The customer ended the call.',
    });
  }

  /**
   * Closes the call by an event of the machine (decline, hang-up, the far side's end): stops the
   * transcript and the assistant, drafts the wrap-up, writes the post-call record and exports it. An
   * event the machine refuses (the call is already over) does nothing, so nothing is closed twice.
   */
  finish(call: DeskCall, event: 'decline' | 'hang_up' | 'remote_end'): void {
    const { current, options, writes } = this.desk;
    if (!transition(call.view.phase, event).ok) return;
    // Stopped while the call is still in progress, so a last turn or assist update still lands on it.
    call.stopTranscript?.();
    call.assist.close();
    const now = options.clock.now();
    current.move(call, event, (phase) => {
      const talkMs = call.view.acceptedAt !== undefined ? now - call.view.acceptedAt : undefined;
      const ended: CallView = { ...call.view, phase, endedAt: now, timings: { ...call.view.timings, talkMs } };
      return { endedAt: now, timings: ended.timings, wrapUp: draftWrapUp(ended, call.pack.summary) };
    });
    const record = buildPostCallRecord(call.view, call.turns, call.pack.summary);
    void writes.persist(() => options.store.saveCallRecord(record)).then(() => options.emit('historyChanged', {}));
    try {
      options.telemetry?.()?.record(record);
    } catch (error) {
      options.emit('notice', { level: 'warning', message: `Metrics export failed: ${(error as Error).message}` });
    }
  }

  private newCall(incoming: IncomingCall): DeskCall {
    const { options, current } = this.desk;
    const now = options.clock.now();
    // The pack is read once per call: a switch of pack never changes a call midway.
    const pack = options.packs.current;
    // Masked before anything keeps or shows it: a card number read to the AI is in its package too.
    const { intake, redactions: packageRedactions } = redactPackage(intakePackage(incoming.rawPackage, pack.pack.facts));
    const pkg = intake.status === 'ok' ? intake.package : undefined;
    // A replayed recording has no call date of its own unless it is told one: relative dates in it stay unresolved.
    const callDate = incoming.callDate ?? (incoming.source === 'replay' ? undefined : new Date(now).toISOString().slice(0, 10));
    const assist = options.assist.startSession(intake, {
      callDate,
      handBackAllowList: options.settings.current.handBackAllowList,
      pack,
      onUpdate: (state) => {
        const call = current.value;
        if (call?.assist === assist && isRingingOrActive(call.view.phase)) current.update(call, { assist: state });
      },
    });
    const view: CallView = {
      callId: incoming.callId,
      source: incoming.source,
      scenarioId: incoming.scenarioId,
      title: incoming.title,
      phase: 'ringing',
      intake,
      ringingAt: now,
      ...(incoming.ringExpiresAt !== undefined ? { ringExpiresAt: incoming.ringExpiresAt } : {}),
      ...(pkg?.caller.verified ? { verification: { by: 'package' as const, method: pkg.caller.verification || 'by the AI agent' } } : {}),
      timings: {
        triggerToPackageMs: pkg ? pkg.packagedAtMs - pkg.triggeredAtMs : undefined,
        // With no package there is nothing to measure from.
        packageToRingMs: intake.status === 'missing' ? undefined : now - incoming.packageReceivedAt,
      },
      notes: '',
      turnCount: 0,
      assist: assist.state(),
      ...(packageRedactions ? { piiRedactions: packageRedactions } : {}),
      ...(incoming.routing ? { routing: incoming.routing } : {}),
    };
    return { view, pack, turns: [], assist, packageReceivedAt: incoming.packageReceivedAt };
  }

  private onTurn(call: DeskCall, raw: Omit<TranscriptTurn, 'index'>): void {
    if (call.view.phase !== 'active') return;
    const { options, current, writes } = this.desk;
    // Secrets are masked before the turn reaches the screen, the store or any assist engine.
    const previousTurn = call.turns.at(-1);
    const previousSameSpeaker = call.turns.findLast((earlier) => earlier.speaker === raw.speaker);
    const redacted = redactTurnText(raw.text, { previousTurn, previousSameSpeaker });
    const turn: TranscriptTurn = { ...raw, text: redacted.text, index: call.turns.length };
    if (previousSameSpeaker && redacted.previousSameSpeakerText !== undefined) {
      // The first half of a card number was in the speaker's previous turn: that turn is masked again, on
      // screen (the same index replaces it) and in the store.
      const remasked = { ...previousSameSpeaker, text: redacted.previousSameSpeakerText };
      call.turns[remasked.index] = remasked;
      options.emit('turnAdded', { callId: call.view.callId, turn: remasked });
      void writes.persist(() => options.store.appendTurns(call.view.callId, [remasked]));
    }
    call.turns.push(turn);
    const timings = { ...call.view.timings };
    if (turn.speaker === 'agent' && call.firstAgentTurnAt === undefined) {
      call.firstAgentTurnAt = options.clock.now();
      timings.pickupToGreetingMs = call.firstAgentTurnAt - (call.view.acceptedAt ?? call.firstAgentTurnAt);
    }
    const assist = call.assist.onTurn(turn);
    options.emit('turnAdded', { callId: call.view.callId, turn });
    const piiRedactions = (call.view.piiRedactions ?? 0) + redacted.redactions.length;
    current.update(call, { turnCount: call.turns.length, assist, timings, ...(redacted.redactions.length ? { piiRedactions } : {}) });
    void writes.persist(() => options.store.appendTurns(call.view.callId, [turn]));
  }

  private sendBack(incoming: IncomingCall): void {
    const { options } = this.desk;
    options.emit('notice', { level: 'info', message: 'A second call was offered while you are on a call; it was sent back to the queue.' });
    options.telephony.decline(incoming.callId).catch((error: Error) => {
      options.emit('notice', { level: 'warning', message: `The second call could not be sent back: ${error.message}` });
    });
  }
}
