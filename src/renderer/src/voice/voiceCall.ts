/**
 * One Voice SDK call as the desk records it: which escalation it belongs to (custom parameters), warm or
 * cold, its phase, mute/hold, digits sent, quality warnings, signaling reconnects, errors, and how it
 * ended. The SDK `Call`'s events drive the record; every change is handed to `changed` as a fresh copy,
 * and the record outlives the SDK call (it is what the app stores with the call).
 */
import type { Call } from '@twilio/voice-sdk';
import type { VoiceEndReasonValues } from '../../../shared/callSchemas';
import { handoffOf, type CallHandoff } from './handoffParams';
import { voiceErrorOf, type VoiceError } from './voiceErrors';

export type CallPhase =
  /** The invite has arrived; the agent has not answered. */
  | 'ringing'
  /** Accepted; media and signaling are being set up. */
  | 'connecting'
  /** Warm handoff with a spoken introduction: the AI is talking to the agent; the customer is not bridged yet. */
  | 'intro'
  /** Talking to the customer. */
  | 'open'
  /** The signaling connection dropped mid-call; the SDK is reconnecting (media may still flow). */
  | 'reconnecting'
  | 'ended';

/**
 * How a call ended (the list the stored call record uses too): `cancelled` means the caller (or the
 * backend) withdrew it while it rang, never answered, never held; `signaling-lost` means signaling did
 * not come back within the give-up time and the desk ended the call.
 */
export type CallEndReason = (typeof VoiceEndReasonValues)[number];

export interface VoiceCallRecord {
  callSid: string;
  from?: string;
  customParameters: Record<string, string>;
  handoff: CallHandoff & { bridgedAt?: number; bridgedBy?: 'accept' | 'message' | 'timeout' };
  phase: CallPhase;
  muted: boolean;
  held: boolean;
  /** Epoch ms. */
  receivedAt: number;
  acceptedAt?: number;
  endedAt?: number;
  end?: { reason: CallEndReason; error?: VoiceError };
  /** Every digit string passed to sendDigits, concatenated. */
  digits: string;
  warnings: Array<{ name: string; raisedAt: number; clearedAt?: number }>;
  reconnects: Array<{ startedAt: number; endedAt?: number; cause: string }>;
  errors: VoiceError[];
}

export interface VoiceCallOptions {
  iceServers: RTCIceServer[];
  reconnectGiveUpMs: number;
  introTimeoutMs: number;
  now: () => number;
}

export interface VoiceCallEvents {
  changed(record: VoiceCallRecord): void;
  warning(name: string, cleared: boolean, data: unknown): void;
  error(error: VoiceError): void;
  /** The local or remote MediaStream appeared or was replaced (for the audio tap). */
  streams(local: MediaStream | undefined, remote: MediaStream | undefined): void;
  ended(record: VoiceCallRecord): void;
}

/** The user-defined message the backend sends when the warm intro is over and the customer is bridged. */
const BRIDGED_EVENT = 'bridged';

export class VoiceCall {
  private readonly state: VoiceCallRecord;
  private localHangUp = false;
  private gaveUp = false;
  private mutedBeforeHold = false;
  private introTimer?: ReturnType<typeof setTimeout>;
  private giveUpTimer?: ReturnType<typeof setTimeout>;
  private finishing?: ReturnType<typeof setTimeout>;
  private errorThisTask?: VoiceError;

  constructor(
    readonly sdkCall: Call,
    private readonly options: VoiceCallOptions,
    private readonly events: VoiceCallEvents,
  ) {
    const customParameters = Object.fromEntries(sdkCall.customParameters);
    this.state = {
      callSid: sdkCall.parameters.CallSid ?? '',
      ...(sdkCall.parameters.From ? { from: sdkCall.parameters.From } : {}),
      customParameters,
      handoff: handoffOf(sdkCall.customParameters),
      phase: 'ringing',
      muted: false,
      held: false,
      receivedAt: options.now(),
      digits: '',
      warnings: [],
      reconnects: [],
      errors: [],
    };
    this.listen();
  }

  get record(): VoiceCallRecord {
    return structuredClone(this.state);
  }

  get ended(): boolean {
    return this.state.phase === 'ended';
  }

  accept(): void {
    if (this.state.phase !== 'ringing') throw new Error(`Cannot accept a call that is ${this.state.phase}`);
    this.update({ phase: 'connecting' });
    this.sdkCall.accept({ rtcConfiguration: { iceServers: this.options.iceServers } });
  }

  reject(): void {
    if (this.state.phase !== 'ringing') throw new Error(`Cannot reject a call that is ${this.state.phase}`);
    this.sdkCall.reject();
  }

  /** Ends the call from the desk; a call still ringing is rejected (and recorded as rejected). */
  hangUp(): void {
    if (this.ended) return;
    this.localHangUp = true;
    if (this.state.phase === 'ringing') this.sdkCall.reject();
    else this.sdkCall.disconnect();
  }

  mute(muted: boolean): void {
    this.requireLive('mute');
    if (!this.state.held) return this.sdkCall.mute(muted);
    // On hold the microphone stays muted; this is what it returns to afterwards.
    this.mutedBeforeHold = muted;
    this.update({ muted });
  }

  /**
   * The Voice SDK has no hold: on Twilio, hold (with music for the customer) is a Conference participant
   * update made by the backend. This is the client-side half: the microphone is muted and the customer's
   * audio is silenced here; the customer hears silence, not hold music, unless the backend also holds.
   * `muted` keeps saying what the agent chose, and comes back when the hold ends.
   */
  hold(held: boolean): void {
    this.requireLive('hold');
    if (held === this.state.held) return;
    if (held) this.mutedBeforeHold = this.sdkCall.isMuted();
    this.update({ held });
    this.sdkCall.mute(held ? true : this.mutedBeforeHold);
    for (const track of this.sdkCall.getRemoteStream()?.getAudioTracks() ?? []) track.enabled = !held;
  }

  sendDigits(digits: string): void {
    this.requireLive('send digits');
    if (!/^[0-9*#w]+$/.test(digits)) throw new Error('Digits may only be 0-9, *, # and w (a half-second pause)');
    this.sdkCall.sendDigits(digits);
    this.update({ digits: this.state.digits + digits });
  }

  /** The input device changed: the SDK replaced the local stream. */
  refreshStreams(): void {
    this.events.streams(this.sdkCall.getLocalStream(), this.sdkCall.getRemoteStream());
  }

  /** The backend says the warm intro is over (also called for the `bridged` user-defined message). */
  markBridged(by: 'message' | 'timeout' | 'accept'): void {
    if (this.state.handoff.bridgedAt !== undefined || this.ended) return;
    clearTimeout(this.introTimer);
    this.update({
      handoff: { ...this.state.handoff, bridgedAt: this.options.now(), bridgedBy: by },
      ...(this.state.phase === 'intro' ? { phase: 'open' as const } : {}),
    });
  }

  private requireLive(action: string): void {
    if (this.state.phase !== 'open' && this.state.phase !== 'intro' && this.state.phase !== 'reconnecting') {
      throw new Error(`Cannot ${action} on a call that is ${this.state.phase}`);
    }
  }

  private listen(): void {
    const call = this.sdkCall;
    call.on('accept', () => {
      const warmIntro = this.state.handoff.mode === 'warm' && this.state.handoff.intro === 'audio';
      this.update({ acceptedAt: this.options.now(), phase: warmIntro ? 'intro' : 'open' });
      if (warmIntro) this.introTimer = setTimeout(() => this.markBridged('timeout'), this.options.introTimeoutMs);
      else this.markBridged('accept');
      this.refreshStreams();
    });
    call.on('messageReceived', (message: Call.Message) => {
      if (eventOf(message.content) === BRIDGED_EVENT) this.markBridged('message');
    });
    call.on('mute', (muted: boolean) => {
      if (!this.state.held) this.update({ muted });
    });
    call.on('warning', (name: string, data: unknown) => {
      this.update({ warnings: [...this.state.warnings, { name, raisedAt: this.options.now() }] });
      this.events.warning(name, false, data);
    });
    call.on('warning-cleared', (name: string) => {
      const warnings = this.state.warnings.map((warning) =>
        warning.name === name && warning.clearedAt === undefined ? { ...warning, clearedAt: this.options.now() } : warning,
      );
      this.update({ warnings });
      this.events.warning(name, true, null);
    });
    call.on('reconnecting', (error: unknown) => {
      // The SDK says this again at every failed attempt; the outage (and the give-up clock) started at the first.
      if (this.state.phase === 'reconnecting') return;
      const cause = voiceErrorOf(error).detail;
      this.update({ phase: 'reconnecting', reconnects: [...this.state.reconnects, { startedAt: this.options.now(), cause }] });
      clearTimeout(this.giveUpTimer);
      this.giveUpTimer = setTimeout(() => {
        this.gaveUp = true;
        call.disconnect();
      }, this.options.reconnectGiveUpMs);
    });
    call.on('reconnected', () => {
      clearTimeout(this.giveUpTimer);
      const reconnects = this.state.reconnects.map((entry, index, all) =>
        index === all.length - 1 && entry.endedAt === undefined ? { ...entry, endedAt: this.options.now() } : entry,
      );
      this.update({ phase: this.state.handoff.bridgedAt === undefined ? 'intro' : 'open', reconnects });
    });
    call.on('error', (error: unknown) => {
      const voiceError = voiceErrorOf(error);
      this.errorThisTask = voiceError;
      setTimeout(() => {
        if (this.errorThisTask === voiceError) this.errorThisTask = undefined;
      }, 0);
      this.update({ errors: [...this.state.errors, voiceError] });
      this.events.error(voiceError);
    });
    call.on('cancel', () => this.finish('cancelled'));
    call.on('reject', () => this.finish('rejected'));
    call.on('disconnect', () => this.finish(this.gaveUp ? 'signaling-lost' : this.localHangUp ? 'hung-up-local' : 'hung-up-remote'));
  }

  /**
   * An error emitted in the same task as the end is its cause: the SDK emits `error` then `disconnect` for a
   * remote hang-up that carries an error, and `disconnect` then `error` when accepting fails (no
   * microphone). So the end is settled one task later, with the error of that task if there was one.
   */
  private finish(reason: CallEndReason): void {
    if (this.ended || this.finishing) return;
    clearTimeout(this.introTimer);
    clearTimeout(this.giveUpTimer);
    const causeBefore = this.errorThisTask;
    this.finishing = setTimeout(() => {
      const cause = this.errorThisTask ?? causeBefore;
      const failed = (reason === 'hung-up-remote' || reason === 'hung-up-local') && cause !== undefined && cause.kind !== 'signaling';
      const error: VoiceError | undefined =
        reason === 'signaling-lost'
          ? {
              kind: 'signaling',
              detail: `no signaling for ${this.options.reconnectGiveUpMs} ms`,
              message: `The connection to Twilio did not come back within ${Math.round(this.options.reconnectGiveUpMs / 1000)} s; the call was ended.`,
            }
          : failed
            ? cause
            : undefined;
      this.update({
        phase: 'ended',
        endedAt: this.options.now(),
        end: { reason: failed ? 'failed' : reason, ...(error ? { error } : {}) },
      });
      this.events.ended(this.record);
    }, 0);
  }

  private update(patch: Partial<VoiceCallRecord>): void {
    if (this.state.phase === 'ended') return;
    Object.assign(this.state, patch);
    this.events.changed(this.record);
  }
}

function eventOf(content: unknown): string | undefined {
  let value = content;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  const event = (value as { event?: unknown } | null)?.event;
  return typeof event === 'string' ? event : undefined;
}
