/**
 * The desk: one agent, one call at a time. It takes calls from the telephony port, runs the package
 * intake, drives the transcript and the assist engine, keeps the store up to date as things happen
 * (so a crash loses nothing already said), and serves every method of the renderer contract.
 */
import type { CallView, HistoryItem, StoredCall, TranscriptionStream, TranscriptTurn, VoiceLeg, WrapUp } from '../../../shared/callState';
import type { HandBackConfirmation, HandBackDraft } from '../../../shared/handBackDraft';
import type { HandoffMetrics, MetricsFilter } from '../../../shared/handoffMetrics';
import type { CallScenario } from '../../../shared/callScenario';
import { intakePackage } from '../../../shared/handoffIntake';
import type { AssistantStatus, VoiceToken, DeskEventName, DeskEventPayload, DeskSnapshot, TelephonyStatusView } from '../../../shared/ipc/deskContract';
import { DeskError } from '../../../shared/ipc/envelope';
import type { Settings, SettingsPatch, StorageProtection } from '../../../shared/settings';
import type { DemoSimulator } from '../demo/demoSimulator';
import { parseScenario } from '../demo/scenarioLoader';
import { describeProblems, type LoadedPack, type PackInUse } from '../pack/packInUse';
import type { AssistEngine, AssistSession, Clock, IncomingCall, TelephonyPort, TranscriptSource } from '../ports';
import type { SettingsStore } from '../settingsStore';
import type { AsyncStore } from '../store/storeClient';
import { redactTurnText } from '../privacy/piiRedactor';
import { redactPackage } from '../privacy/packageRedactor';
import type { HandBackTransport } from '../handback/handBackTransport';
import type { HandoffTelemetry } from '../telemetry/handoffTelemetry';
import { callRecordsCsv } from './callRecordsCsv';
import { draftHandBack, handBackMessage, judge, refusedStatus } from './handBackFlow';
import { buildPostCallRecord, draftWrapUp } from './postCallRecordBuilder';

export type DeskEmitter = <E extends DeskEventName>(event: E, payload: DeskEventPayload<E>) => void;

/** The engine choice and the write-only OpenAI key; see AssistEngineSelector. */
export interface AssistantControl {
  status(): AssistantStatus;
  setOpenAiApiKey(apiKey: string): Promise<void>;
}

export interface DeskServiceOptions {
  clock: Clock;
  telephony: TelephonyPort;
  transcripts: TranscriptSource;
  demo?: DemoSimulator;
  assist: AssistEngine;
  /** The domain pack in use (facts, knowledge base, hand-back tasks). */
  packs: PackInUse;
  /** Absent where there is nowhere to keep a key (replays, tests): the engine is then fixed. */
  assistant?: AssistantControl;
  store: AsyncStore;
  settings: SettingsStore;
  storage: { protection: StorageProtection; warning?: string };
  emit: DeskEmitter;
  /** Where confirmed hand-backs go (read at each hand-back, so a settings change applies at once). */
  handBackTransport?: () => Promise<HandBackTransport>;
  /** Team-wide metrics export, when IT configured a collector. */
  telemetry?: () => HandoffTelemetry | undefined;
  /** Present when this desk is a TaskRouter worker with live transcription. */
  live?: LiveControl;
}

/** What the desk needs from a live contact center beyond the ports: availability, voice tokens, audio. */
export interface LiveControl {
  status(): TelephonyStatusView;
  setAvailability(availability: 'Available' | 'Busy' | 'Offline'): Promise<void>;
  voiceToken(): Promise<VoiceToken>;
  pushAudio(callId: string, speaker: 'agent' | 'customer', pcm16: Uint8Array): void;
}

interface LiveCall {
  view: CallView;
  /** The domain pack the call rang with. */
  pack: LoadedPack;
  turns: TranscriptTurn[];
  assist: AssistSession;
  packageReceivedAt: number;
  stopTranscript?: () => void;
  firstAgentTurnAt?: number;
}

export class DeskService {
  private current?: LiveCall;
  /** Store writes are chained so they land in the order they happened. */
  private writes: Promise<unknown> = Promise.resolve();
  /** Read-modify-writes of a stored call (wrap-up, a late CSAT) run one at a time, so neither loses the other's change. */
  private storedEdits: Promise<unknown> = Promise.resolve();
  private readonly storeErrors: string[] = [];

  constructor(private readonly options: DeskServiceOptions) {
    options.telephony.attach({
      incoming: (call) => this.onIncoming(call),
      ended: (callId, reason) => this.onRemoteEnd(callId, reason),
      csat: (callId, score) => void this.editStoredCall(() => this.onCsat(callId, score)),
    });
  }

  getSnapshot(): DeskSnapshot {
    return {
      mode: this.options.demo ? 'demo' : 'live',
      settings: this.options.settings.current,
      lockedSettings: this.options.settings.locked,
      storage: this.options.storage,
      activeCall: this.current?.view ?? null,
      telephony: this.options.live?.status() ?? { mode: 'demo', connected: true },
      demoScenarioCount: this.options.demo?.scenarioCount ?? 0,
      assistant: this.options.assistant?.status() ?? { engine: this.options.assist.name, openAiKeyConfigured: false },
      pack: this.options.packs.current.summary,
    };
  }

  ringDemoCall(): CallView {
    const demo = this.requireDemo();
    this.requireIdle();
    demo.ringNext();
    return this.current!.view;
  }

  ringScenario(scenario: CallScenario, source: 'file' | 'replay' = 'file'): CallView {
    const demo = this.requireDemo();
    this.requireIdle();
    demo.ring(scenario, source);
    return this.current!.view;
  }

  ringScenarioText(fileName: string, text: string): CallView {
    return this.ringScenario(parseScenario(text, fileName));
  }

  async acceptCall(callId: string): Promise<CallView> {
    const call = this.requireCall(callId, 'ringing');
    await this.options.telephony.accept(callId);
    const now = this.options.clock.now();
    this.update(call, { phase: 'active', acceptedAt: now, timings: { ...call.view.timings, ringToPickupMs: now - call.view.ringingAt } });
    call.stopTranscript = this.options.transcripts.startTranscript(callId, (turn) => this.onTurn(call, turn));
    return call.view;
  }

  async declineCall(callId: string): Promise<CallView> {
    const call = this.requireCall(callId, 'ringing');
    await this.options.telephony.decline(callId);
    this.finish(call, 'declined');
    return call.view;
  }

  async hangUp(callId: string): Promise<CallView> {
    const call = this.requireCall(callId, 'active');
    await this.options.telephony.hangUp(callId);
    this.finish(call, 'ended');
    return call.view;
  }

  async saveNotes(callId: string, typed: string): Promise<{ savedAt: number; text: string; masked: number }> {
    const savedAt = this.options.clock.now();
    // Notes are masked like turns (a card number typed from memory); the agent is told and sees the result.
    const redacted = redactTurnText(typed);
    const text = redacted.text;
    const current = this.current?.view.callId === callId ? this.current : undefined;
    // The text is kept on the desk first, so a failed write loses nothing and the renderer's retry lands it.
    if (current) current.view = { ...current.view, notes: text };
    else if (!(await this.options.store.getStoredCall(callId))) {
      throw new DeskError('not_found', `No call ${callId} to attach notes to.`);
    }
    // The answer comes from the committed write: "saved" only once SQLite said so.
    const committed = await this.persist(() => this.options.store.saveNotes(callId, text, savedAt));
    if (!committed.ok) throw new DeskError('storage', `Your notes are not saved yet (${committed.message}); they are kept and will be saved again.`);
    if (current && current.view.notes === text) current.view = { ...current.view, notesSavedAt: savedAt };
    return { savedAt, text, masked: redacted.redactions.length };
  }

  getTranscript(callId: string): TranscriptTurn[] | Promise<TranscriptTurn[]> {
    if (this.current?.view.callId === callId) return [...this.current.turns];
    return this.getStoredCall(callId).then((stored) => stored.turns);
  }

  async listHistory(limit: number): Promise<HistoryItem[]> {
    await this.writes;
    return this.options.store.listHistory(limit);
  }

  async getStoredCall(callId: string): Promise<StoredCall> {
    await this.writes;
    const stored = await this.options.store.getStoredCall(callId);
    if (!stored) throw new DeskError('not_found', `No stored call ${callId}.`);
    return stored;
  }

  /**
   * A new domain pack is loaded before the setting is kept: a pack that does not load whole is refused
   * with its problems and the desk stays on the pack it has. The next call rings with the new pack.
   */
  async updateSettings(patch: SettingsPatch): Promise<Settings> {
    if (patch.domainPack !== undefined && patch.domainPack !== this.options.settings.current.domainPack) {
      if (this.options.settings.locked.includes('domainPack')) throw new DeskError('forbidden', 'Set by your IT department: domainPack');
      const switched = await this.options.packs.useSetting(patch.domainPack);
      if (!switched.ok) throw new DeskError('invalid_input', describeProblems(patch.domainPack, switched.problems));
    }
    return this.options.settings.update(patch);
  }

  /** Stores the key and answers without it: nothing the renderer receives ever contains the key. */
  async setOpenAiApiKey(apiKey: string): Promise<{ stored: true }> {
    if (!this.options.assistant) throw new DeskError('wrong_state', 'This desk has nowhere to keep an API key.');
    await this.options.assistant.setOpenAiApiKey(apiKey);
    return { stored: true };
  }

  /**
   * The agent states that they verified the caller, and how: the one source of "verified" besides the
   * package, recorded in the call's audit log. Nothing in the transcript can set it.
   */
  verifyCaller(callId: string, method: string): CallView {
    const call = this.requireCall(callId, 'active');
    const now = this.options.clock.now();
    this.audit(callId, 'caller_verified', { method });
    this.update(call, { verification: { by: 'agent', method, at: now }, assist: call.assist.callerVerified() });
    return call.view;
  }

  prepareHandBack(callId: string, task?: string): HandBackDraft {
    const call = this.requireCall(callId, 'active');
    return draftHandBack(call.view, call.pack, this.options.settings.current.handBackAllowList, task);
  }

  /** Sends a hand-back the agent confirmed — after checking the rules again — and audits the outcome. */
  async confirmHandBack(confirmation: HandBackConfirmation): Promise<CallView> {
    const call = this.requireCall(confirmation.callId, 'active');
    if (call.view.handBack && call.view.handBack.state !== 'refused' && call.view.handBack.state !== 'failed') {
      throw new DeskError('wrong_state', 'This call has already been handed back.');
    }
    const now = this.options.clock.now();
    const decision = judge(call.view, call.pack, this.options.settings.current.handBackAllowList, confirmation.task);
    if (!decision.allowed) {
      this.update(call, { handBack: refusedStatus(confirmation.task, decision.reason, now) });
      this.audit(call.view.callId, 'hand_back_refused', { task: confirmation.task, code: decision.code, reason: decision.reason });
      return call.view;
    }
    const transport = await this.options.handBackTransport?.();
    if (!transport) throw new DeskError('wrong_state', 'No hand-back destination is configured.');
    const message = handBackMessage(call.view, confirmation, this.options.settings.current.agentName, now);
    this.update(call, { notes: confirmation.notes, handBack: { task: message.task, state: 'sending', detail: `Sending to the AI (${transport.name})…`, at: now } });
    this.audit(call.view.callId, 'hand_back_sent', { task: message.task, handBackId: message.handBackId, transport: transport.name });
    const delivery = await transport.deliver(message);
    const at = this.options.clock.now();
    const state = delivery.state === 'failed' ? 'failed' : delivery.receiverStatus === 'completed' ? 'completed' : delivery.receiverStatus === 'failed' ? 'failed' : 'delivered';
    this.update(call, { handBack: { task: message.task, state, detail: delivery.detail, at, attempts: delivery.attempts } });
    this.audit(call.view.callId, `hand_back_${state}`, { task: message.task, handBackId: message.handBackId, attempts: delivery.attempts, detail: delivery.detail });
    // The AI has the customer now: the human's part of the call is over.
    if (state === 'delivered' || state === 'completed') {
      await this.options.telephony.hangUp(call.view.callId);
      if (call.view.phase === 'active') this.finish(call, 'ended');
    }
    return call.view;
  }

  /** The agent's wrap-up for the current (ended) call or a stored one; updates the post-call record. */
  saveWrapUp(callId: string, wrapUp: WrapUp): Promise<CallView> {
    return this.editStoredCall(() => this.applyWrapUp(callId, wrapUp));
  }

  private async applyWrapUp(callId: string, wrapUp: WrapUp): Promise<CallView> {
    const savedAt = this.options.clock.now();
    const current = this.current?.view.callId === callId ? this.current : undefined;
    if (current && (current.view.phase === 'ringing' || current.view.phase === 'active')) throw new DeskError('wrong_state', 'Wrap up after the call ends.');
    const stored = current ? { call: current.view, turns: current.turns } : await this.getStoredCall(callId);
    const view: CallView = { ...stored.call, wrapUp: { ...wrapUp, savedAt } };
    if (current) this.update(current, { wrapUp: view.wrapUp });
    else await this.persist(() => this.options.store.saveCall(view));
    await this.persist(() => this.options.store.saveCallRecord(buildPostCallRecord(view, stored.turns, this.options.packs.current.summary)));
    this.options.emit('historyChanged', {});
    return view;
  }

  async getMetrics(filter: MetricsFilter): Promise<HandoffMetrics> {
    await this.writes;
    return this.options.store.queryMetrics(filter);
  }

  async exportCallRecordsCsv(filter: MetricsFilter): Promise<{ csv: string; rows: number }> {
    await this.writes;
    const records = await this.options.store.listCallRecords(filter);
    return { csv: callRecordsCsv(records), rows: records.length };
  }

  async setAvailability(availability: 'Available' | 'Busy' | 'Offline'): Promise<TelephonyStatusView> {
    const live = this.requireLive();
    await live.setAvailability(availability);
    return live.status();
  }

  getVoiceToken(): Promise<VoiceToken> {
    return this.requireLive().voiceToken();
  }

  /** Audio only counts for the call in progress; a late chunk after hang-up is dropped, not an error. */
  pushCallAudio(callId: string, speaker: 'agent' | 'customer', audioBase64: string): Record<string, never> {
    const live = this.requireLive();
    if (this.current?.view.callId === callId && this.current.view.phase === 'active') live.pushAudio(callId, speaker, Buffer.from(audioBase64, 'base64'));
    return {};
  }

  /**
   * The phone line of the current call, as the renderer's Voice client saw it. It keeps reporting after the
   * desk call ended (the line's own end comes a moment later), so an ended call's record is written again.
   */
  async recordVoiceLeg(callId: string, leg: VoiceLeg): Promise<Record<string, never>> {
    this.requireLive();
    const call = this.current;
    if (call?.view.callId !== callId) throw new DeskError('not_found', `Call ${callId} is not the current call.`);
    if (call.view.phase === 'ringing') throw new DeskError('wrong_state', 'The call has not been answered yet.');
    if (call.view.voice && call.view.voice.callSid !== leg.callSid) {
      throw new DeskError('wrong_state', `Call ${callId} already has its phone line (${call.view.voice.callSid}).`);
    }
    this.update(call, { voice: leg });
    if (call.view.phase !== 'active') {
      await this.persist(() => this.options.store.saveCallRecord(buildPostCallRecord(call.view, call.turns, call.pack.summary)));
      this.options.emit('historyChanged', {});
    }
    return {};
  }

  /** A transcription stream of the current call changed state: a speaker's replaces its own, a call-wide one all. */
  transcriptionChanged(callId: string, stream: TranscriptionStream): void {
    const call = this.current;
    if (call?.view.callId !== callId || call.view.phase !== 'active') return;
    const { speaker, state, message } = stream;
    const known = call.view.transcription ?? [];
    const transcription = speaker ? [...known.filter((other) => other.speaker && other.speaker !== speaker), { speaker, state, message }] : [{ state, message }];
    this.update(call, { transcription });
  }

  /** When the agent picked up a call: the origin of its live transcript's clock. */
  acceptedAt(callId: string): number | undefined {
    return this.current?.view.callId === callId ? this.current.view.acceptedAt : undefined;
  }

  reportRendered(callId: string, renderedAt: number): Record<string, never> {
    const call = this.current;
    if (call?.view.callId === callId && call.view.timings.packageToRenderMs === undefined) {
      this.update(call, { timings: { ...call.view.timings, packageToRenderMs: Math.max(0, renderedAt - call.packageReceivedAt) } });
    }
    return {};
  }

  /**
   * At start: every call the store still has as ringing or active was cut off by a crash or a kill. Each is
   * closed (ringing → missed, active → ended) at its last known moment, marked interrupted, and given its
   * post-call record, so history and metrics count it. Returns the ids recovered.
   */
  async recoverInterruptedCalls(): Promise<string[]> {
    const recovered: string[] = [];
    for (const callId of await this.options.store.listUnfinishedCallIds()) {
      if (this.current?.view.callId === callId) continue;
      const stored = await this.options.store.getStoredCall(callId);
      if (!stored || (stored.call.phase !== 'ringing' && stored.call.phase !== 'active')) continue;
      const { call, turns } = stored;
      // The last wall-clock moment the store knows of (turn times are on the call clock, not the wall clock).
      const endedAt = Math.max(call.ringingAt, call.acceptedAt ?? 0, call.notesSavedAt ?? 0);
      const closed: CallView = {
        ...call,
        phase: call.phase === 'ringing' ? 'missed' : 'ended',
        endedAt,
        interrupted: { lastPhase: call.phase === 'ringing' ? 'ringing' : 'active', recoveredAt: this.options.clock.now() },
        timings: { ...call.timings, talkMs: call.acceptedAt !== undefined ? endedAt - call.acceptedAt : undefined },
        revision: (call.revision ?? 0) + 1,
      };
      const view: CallView = { ...closed, wrapUp: call.wrapUp ?? draftWrapUp(closed) };
      const saved = await this.persist(() => this.options.store.saveCall(view));
      if (!saved.ok) continue;
      await this.persist(() => this.options.store.saveCallRecord(buildPostCallRecord(view, turns)));
      recovered.push(callId);
    }
    if (recovered.length) this.options.emit('historyChanged', {});
    return recovered;
  }

  /** Waits for the assistant's pending work and every store write queued so far (shutdown, replays, tests). */
  async flush(): Promise<void> {
    await this.current?.assist.settled();
    await this.writes;
  }

  get lastStoreErrors(): readonly string[] {
    return this.storeErrors;
  }

  private onIncoming(incoming: IncomingCall): void {
    // One call at a time, whoever offers it (demo, file, TaskRouter): a desk with a call sends the next back.
    if (this.busy()) {
      this.refuseWhileBusy(incoming);
      return;
    }
    const now = this.options.clock.now();
    // The pack is read once per call: a switch of pack never changes a call midway.
    const pack = this.options.packs.current;
    // Masked before anything keeps or shows it: a card number read to the AI is in its package too.
    const { intake, redactions: packageRedactions } = redactPackage(intakePackage(incoming.rawPackage, pack.pack.facts));
    const pkg = intake.status === 'ok' ? intake.package : undefined;
    // A replayed recording has no call date of its own: relative dates in it stay unresolved.
    const callDate = incoming.source === 'replay' ? undefined : new Date(now).toISOString().slice(0, 10);
    const assist = this.options.assist.startSession(intake, {
      callDate,
      handBackAllowList: this.options.settings.current.handBackAllowList,
      pack,
      onUpdate: (state) => {
        const call = this.current;
        if (call?.assist === assist && (call.view.phase === 'ringing' || call.view.phase === 'active')) this.update(call, { assist: state });
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
    this.current = { view, pack, turns: [], assist, packageReceivedAt: incoming.packageReceivedAt };
    this.options.emit('callChanged', view);
    void this.persist(() => this.options.store.saveCall(view));
  }

  private onTurn(call: LiveCall, raw: Omit<TranscriptTurn, 'index'>): void {
    if (call.view.phase !== 'active') return;
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
      this.options.emit('turnAdded', { callId: call.view.callId, turn: remasked });
      void this.persist(() => this.options.store.appendTurns(call.view.callId, [remasked]));
    }
    call.turns.push(turn);
    const timings = { ...call.view.timings };
    if (turn.speaker === 'agent' && call.firstAgentTurnAt === undefined) {
      call.firstAgentTurnAt = this.options.clock.now();
      timings.pickupToGreetingMs = call.firstAgentTurnAt - (call.view.acceptedAt ?? call.firstAgentTurnAt);
    }
    const assist = call.assist.onTurn(turn);
    this.options.emit('turnAdded', { callId: call.view.callId, turn });
    const piiRedactions = (call.view.piiRedactions ?? 0) + redacted.redactions.length;
    this.update(call, { turnCount: call.turns.length, assist, timings, ...(redacted.redactions.length ? { piiRedactions } : {}) });
    void this.persist(() => this.options.store.appendTurns(call.view.callId, [turn]));
  }

  private onRemoteEnd(callId: string, reason: 'remote_hangup' | 'missed' | 'cancelled'): void {
    const call = this.current;
    if (call?.view.callId !== callId) return;
    if (call.view.phase === 'ringing') this.finish(call, 'missed');
    else if (call.view.phase === 'active') this.finish(call, 'ended');
    this.options.emit('notice', {
      level: 'info',
      message: reason === 'missed' ? 'The call was not answered in time and went back to the queue.' : 'The customer ended the call.',
    });
  }

  private finish(call: LiveCall, phase: 'ended' | 'declined' | 'missed'): void {
    call.stopTranscript?.();
    call.assist.close();
    const now = this.options.clock.now();
    const talkMs = call.view.acceptedAt !== undefined ? now - call.view.acceptedAt : undefined;
    const ended: CallView = { ...call.view, phase, endedAt: now, timings: { ...call.view.timings, talkMs } };
    this.update(call, { phase, endedAt: now, timings: ended.timings, wrapUp: draftWrapUp(ended, call.pack.summary) });
    const record = buildPostCallRecord(call.view, call.turns, call.pack.summary);
    void this.persist(() => this.options.store.saveCallRecord(record)).then(() => this.options.emit('historyChanged', {}));
    try {
      this.options.telemetry?.()?.record(record);
    } catch (error) {
      this.options.emit('notice', { level: 'warning', message: `Metrics export failed: ${(error as Error).message}` });
    }
  }

  /** The customer's survey score arrives after the call (from the IVR survey or the demo simulator). */
  private async onCsat(callId: string, score: number): Promise<void> {
    if (!(score >= 1 && score <= 5)) return;
    const current = this.current?.view.callId === callId ? this.current : undefined;
    if (current) this.update(current, { csat: score });
    await this.writes;
    const stored = current ? { call: current.view, turns: current.turns } : await this.options.store.getStoredCall(callId);
    if (!stored) return;
    const view = { ...stored.call, csat: score };
    if (!current) await this.persist(() => this.options.store.saveCall(view));
    if (view.phase !== 'ringing' && view.phase !== 'active') await this.persist(() => this.options.store.saveCallRecord(buildPostCallRecord(view, stored.turns, this.options.packs.current.summary)));
    this.options.emit('historyChanged', {});
  }

  private editStoredCall<T>(edit: () => Promise<T>): Promise<T> {
    const next = this.storedEdits.then(edit, edit);
    this.storedEdits = next.catch(() => undefined);
    return next;
  }

  private audit(callId: string, kind: string, detail: Record<string, unknown>): void {
    void this.persist(() => this.options.store.appendAudit({ callId, at: this.options.clock.now(), kind, detail }));
  }

  private update(call: LiveCall, patch: Partial<CallView>): void {
    call.view = { ...call.view, ...patch, revision: (call.view.revision ?? 0) + 1 };
    if (call.view.phase !== 'ringing') void this.persist(() => this.options.store.saveCall(call.view));
    if (this.current === call) this.options.emit('callChanged', call.view);
  }

  /** Queues a store write; a failure is reported to the agent and never breaks the call in progress. */
  private persist(write: () => Promise<void>): Promise<{ ok: true } | { ok: false; message: string }> {
    const next = this.writes.then(write).then(
      () => ({ ok: true as const }),
      (error: Error) => {
        const message = `Could not save to the encrypted store: ${error.message}`;
        this.storeErrors.push(message);
        this.options.emit('notice', { level: 'error', message });
        return { ok: false as const, message: error.message };
      },
    );
    this.writes = next;
    return next;
  }

  private requireLive(): LiveControl {
    if (!this.options.live) throw new DeskError('wrong_state', 'This desk is in demo mode: there is no live telephony.');
    return this.options.live;
  }

  private requireDemo(): DemoSimulator {
    if (!this.options.demo) throw new DeskError('wrong_state', 'Demo calls are only available in demo mode.');
    return this.options.demo;
  }

  /** The one answer to "may another call ring here now?": not while a call rings or is in progress. */
  private busy(): boolean {
    const phase = this.current?.view.phase;
    return phase === 'ringing' || phase === 'active';
  }

  private requireIdle(): void {
    if (this.busy()) throw new DeskError('wrong_state', 'Finish the current call first.');
  }

  /**
   * A call offered while busy (a second TaskRouter reservation) is declined at once, so the contact center
   * routes it elsewhere; the current call, its transcript and its assist session are untouched.
   */
  private refuseWhileBusy(incoming: IncomingCall): void {
    this.options.emit('notice', { level: 'info', message: 'A second call was offered while you are on a call; it was sent back to the queue.' });
    this.options.telephony.decline(incoming.callId).catch((error: Error) => {
      this.options.emit('notice', { level: 'warning', message: `The second call could not be sent back: ${error.message}` });
    });
  }

  private requireCall(callId: string, phase: CallView['phase']): LiveCall {
    const call = this.current;
    if (!call || call.view.callId !== callId) throw new DeskError('not_found', `Call ${callId} is not the current call.`);
    if (call.view.phase !== phase) throw new DeskError('wrong_state', `The call is ${call.view.phase}, not ${phase}.`);
    return call;
  }
}
