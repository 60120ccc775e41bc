/**
 * Ties the Voice client to the desk's calls: each incoming Voice call is matched to the reservation on
 * the desk (voiceDecision.ts) and accepted, held until the agent accepts, rejected, or put to the agent;
 * the accepted line's audio is tapped for the live transcript; its warm/cold mode, bridging and end are
 * recorded with the call; and the two ends stay together (the agent hangs up → the line ends; the
 * customer hangs up → the desk call ends). No React and no IPC: the app hands it a `DeskLine`.
 */
import type { Speaker } from '../../../shared/callScenario';
import type { CallView, VoiceLeg } from '../../../shared/callSchemas';
import { Listeners } from './listeners';
import { decideVoiceCall, deskCallIdsOf, type DeskCallIds } from './voiceDecision';
import type { VoiceCallRecord } from './voiceCall';
import type { IncomingVoiceCall, VoiceClient, VoiceStatus } from './voiceClient';

/** What the link needs from the desk (the main process, through the bridge). */
export interface DeskLine {
  pushAudio(callId: string, speaker: Speaker, audioBase64: string): Promise<boolean>;
  recordLeg(callId: string, leg: VoiceLeg): void;
  /** The customer's side went away: end the desk call too. */
  hangUpDesk(callId: string): void;
  notify(level: 'info' | 'warning' | 'error', message: string): void;
}

export type TapStarter = (
  client: VoiceClient,
  callSid: string,
  onChunk: (speaker: Speaker, chunk: Uint8Array) => void,
  onError: (error: Error) => void,
) => Promise<() => Promise<void>>;

/** A Voice call the agent must decide on: the desk could not tie it to the call on screen. */
export interface UnmatchedVoiceCall {
  record: VoiceCallRecord;
  reason: string;
  /** Only an answered desk call can take audio; otherwise the agent can only turn it away. */
  canTake: boolean;
}

export interface DeskVoiceView {
  status: VoiceStatus;
  /** The line tied to the desk's current call, while it lasts and once it has ended. */
  line?: VoiceCallRecord;
  lineCallId?: string;
  unmatched: UnmatchedVoiceCall[];
}

interface Waiting {
  incoming: IncomingVoiceCall;
  record: VoiceCallRecord;
  since: number;
  ask?: string;
}

interface Linked {
  callSid: string;
  deskCallId: string;
  matchedOn: VoiceLeg['matchedOn'];
  stopTap?: () => Promise<void>;
  reported?: string;
  ended: boolean;
}

/** A call with no reservation to match after this long is put to the agent instead of waiting silently. */
export const UNMATCHED_AFTER_MS = 8_000;

export class DeskVoiceLink {
  private readonly waiting = new Map<string, Waiting>();
  private readonly listeners = new Listeners<{ change: DeskVoiceView }>();
  private readonly offs: Array<() => void> = [];
  private desk: DeskCallIds | null = null;
  private linked?: Linked;
  private current: DeskVoiceView;
  private askTimer?: ReturnType<typeof setInterval>;
  private audioTrouble = false;

  constructor(
    readonly voice: VoiceClient,
    private readonly line: DeskLine,
    private readonly startTap: TapStarter,
    private readonly now: () => number = Date.now,
  ) {
    this.current = { status: voice.status(), unmatched: [] };
    this.offs.push(
      voice.on('status', () => this.publish()),
      voice.on('incoming', (incoming) => this.onIncoming(incoming)),
      voice.on('call', (record) => this.onRecord(record)),
    );
    this.askTimer = setInterval(() => this.askLongWaiters(), 1_000);
  }

  view(): DeskVoiceView {
    return this.current;
  }

  subscribe(onChange: () => void): () => void {
    return this.listeners.on('change', onChange);
  }

  /** Every change of the desk's call (ringing, answered, ended, the next one). */
  deskChanged(view: CallView | null): void {
    const desk = deskCallIdsOf(view);
    // The call view changes with every turn; only its ids and phase matter here.
    if (sameDeskCall(desk, this.desk)) return;
    this.desk = desk;
    const linked = this.linked;
    if (linked && !linked.ended && (this.desk?.callId !== linked.deskCallId || this.desk.phase !== 'active')) {
      // The agent hung up, handed the call back, or TaskRouter ended it: the line goes too.
      this.attempt('Hanging up the phone line', () => this.voice.hangUp(linked.callSid));
    }
    for (const callSid of [...this.waiting.keys()]) this.decide(callSid);
    this.publish();
  }

  /** The agent takes audio the desk could not match (only onto an answered call). */
  take(callSid: string): void {
    const waiting = this.waiting.get(callSid);
    if (!waiting || this.desk?.phase !== 'active' || this.linked?.ended === false) return;
    this.accept(callSid, waiting, []);
  }

  turnAway(callSid: string): void {
    const waiting = this.waiting.get(callSid);
    if (!waiting) return;
    this.waiting.delete(callSid);
    this.attempt('Turning the call away', () => waiting.incoming.reject());
    this.publish();
  }

  stop(): void {
    clearInterval(this.askTimer);
    for (const off of this.offs) off();
    void this.linked?.stopTap?.();
    this.voice.stop();
  }

  private onIncoming(incoming: IncomingVoiceCall): void {
    this.waiting.set(incoming.record.callSid, { incoming, record: incoming.record, since: this.now() });
    this.decide(incoming.record.callSid);
    this.publish();
  }

  private decide(callSid: string): void {
    const waiting = this.waiting.get(callSid);
    if (!waiting) return;
    const lineBusy = this.linked !== undefined && !this.linked.ended;
    const decision = decideVoiceCall(waiting.record.handoff, this.desk, lineBusy);
    if (decision.kind === 'accept') return this.accept(callSid, waiting, decision.matchedOn);
    if (decision.kind === 'reject') {
      this.waiting.delete(callSid);
      this.attempt('Turning the call away', () => waiting.incoming.reject());
      this.line.notify('warning', `A phone call was turned away: ${decision.reason}`);
      return;
    }
    waiting.ask =
      decision.kind === 'ask' ? decision.reason : this.now() - waiting.since >= UNMATCHED_AFTER_MS ? decision.reason : undefined;
  }

  private askLongWaiters(): void {
    let changed = false;
    for (const waiting of this.waiting.values()) {
      if (waiting.ask || this.now() - waiting.since < UNMATCHED_AFTER_MS) continue;
      waiting.ask = this.desk ? 'No reservation on this desk matches this call.' : 'No reservation has reached this desk for this call.';
      changed = true;
    }
    if (changed) this.publish();
  }

  private accept(callSid: string, waiting: Waiting, matchedOn: VoiceLeg['matchedOn']): void {
    const deskCallId = this.desk!.callId;
    this.waiting.delete(callSid);
    const linked: Linked = { callSid, deskCallId, matchedOn, ended: false };
    this.linked = linked;
    this.audioTrouble = false;
    if (!this.attempt('Answering the phone line', () => waiting.incoming.accept())) {
      linked.ended = true;
      return this.publish();
    }
    this.startTap(
      this.voice,
      callSid,
      (speaker, chunk) => void this.push(linked, speaker, chunk),
      (error) => this.line.notify('warning', `Call audio for the transcript: ${error.message}`),
    ).then(
      (stop) => {
        if (linked.ended) void stop();
        else linked.stopTap = stop;
      },
      (error: Error) => this.line.notify('warning', `The live transcript cannot hear this call: ${error.message}`),
    );
    this.publish();
  }

  /** A Voice call that changed under the desk's feet (ended a moment ago) is a notice, never a crash in the UI. */
  private attempt(what: string, action: () => void): boolean {
    try {
      action();
      return true;
    } catch (error) {
      this.line.notify('warning', `${what} failed: ${(error as Error).message}`);
      return false;
    }
  }

  private async push(linked: Linked, speaker: Speaker, chunk: Uint8Array): Promise<void> {
    if (linked.ended) return;
    const delivered = await this.line.pushAudio(linked.deskCallId, speaker, base64Of(chunk));
    // One notice for a run of failures, not one every 100 ms.
    if (!delivered && !this.audioTrouble && !linked.ended) {
      this.audioTrouble = true;
      this.line.notify('warning', 'Call audio is not reaching the transcriber; the call itself goes on.');
    }
    if (delivered) this.audioTrouble = false;
  }

  private onRecord(record: VoiceCallRecord): void {
    const waiting = this.waiting.get(record.callSid);
    if (waiting) {
      waiting.record = record;
      // The caller gave up while the desk waited: nothing was answered, nothing to keep.
      if (record.phase === 'ended') this.waiting.delete(record.callSid);
    }
    const linked = this.linked;
    if (linked?.callSid === record.callSid) this.onLineRecord(linked, record);
    this.publish();
  }

  private onLineRecord(linked: Linked, record: VoiceCallRecord): void {
    const reportKey = `${record.phase}:${record.handoff.bridgedAt ?? ''}:${record.reconnects.length}`;
    if (reportKey !== linked.reported && record.phase !== 'ringing' && record.phase !== 'connecting') {
      linked.reported = reportKey;
      this.line.recordLeg(linked.deskCallId, legOf(record, linked.matchedOn));
    }
    if (record.phase !== 'ended' || linked.ended) return;
    linked.ended = true;
    void linked.stopTap?.();
    const deskStillOn = this.desk?.callId === linked.deskCallId && this.desk.phase === 'active';
    if (!deskStillOn) return;
    const reason = record.end?.reason;
    if (reason === 'hung-up-remote') {
      this.line.notify('info', 'The customer hung up.');
      this.line.hangUpDesk(linked.deskCallId);
    } else if (reason !== 'hung-up-local') {
      this.line.notify(
        'error',
        `The phone line dropped${record.end?.error ? `: ${record.end.error.message}` : ''}. Finish your notes and hang up.`,
      );
    }
  }

  private publish(): void {
    const linked = this.linked;
    const line = linked ? this.voice.calls().find((call) => call.callSid === linked.callSid) : undefined;
    const deskActive = this.desk?.phase === 'active' && (!linked || linked.ended);
    this.current = {
      status: this.voice.status(),
      ...(line && linked ? { line, lineCallId: linked.deskCallId } : {}),
      unmatched: [...this.waiting.values()]
        .filter((waiting) => waiting.ask)
        .map((waiting) => ({ record: waiting.record, reason: waiting.ask!, canTake: deskActive })),
    };
    this.listeners.emit('change', this.current);
  }
}

function sameDeskCall(a: DeskCallIds | null, b: DeskCallIds | null): boolean {
  if (!a || !b) return a === b;
  return a.callId === b.callId && a.phase === b.phase && a.taskSid === b.taskSid && a.handoffId === b.handoffId;
}

export function legOf(record: VoiceCallRecord, matchedOn: VoiceLeg['matchedOn']): VoiceLeg {
  return {
    callSid: record.callSid.slice(0, 64),
    mode: record.handoff.mode,
    intro: record.handoff.intro,
    matchedOn,
    ...(record.acceptedAt !== undefined ? { acceptedAt: record.acceptedAt } : {}),
    ...(record.handoff.bridgedAt !== undefined ? { bridgedAt: record.handoff.bridgedAt } : {}),
    ...(record.handoff.bridgedBy ? { bridgedBy: record.handoff.bridgedBy } : {}),
    ...(record.endedAt !== undefined ? { endedAt: record.endedAt } : {}),
    ...(record.end ? { endReason: record.end.reason } : {}),
    digitsSent: record.digits.length,
    qualityWarnings: [...new Set(record.warnings.map((warning) => warning.name.slice(0, 80)))].slice(0, 50),
    reconnects: record.reconnects.length,
    errors: record.errors.slice(-20).map((error) => error.message.slice(0, 300)),
  };
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  const step = 0x8000;
  for (let offset = 0; offset < bytes.length; offset += step) binary += String.fromCharCode(...bytes.subarray(offset, offset + step));
  return btoa(binary);
}
