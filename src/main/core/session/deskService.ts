/**
 * The desk: one agent, one call at a time. This is the facade every method of the renderer contract
 * calls (deskRequestHandler.ts, the Electron shell, the harness, the CLI); each concern is its own
 * service beside it, sharing the current call and the store write queue (deskContext.ts):
 *
 * - the call from ring to end (callSession.ts), through the lifecycle machine (currentCall.ts,
 *   src/shared/callLifecycle.ts), and the calls a crash cut off (interruptedCallRecovery.ts);
 * - store writes in order (storeWriteQueue.ts) and the audit log (callAudit.ts);
 * - notes (callNotes.ts), hand-back (handBackService.ts), wrap-up and CSAT (wrapUpService.ts);
 * - history (callHistory.ts), metrics (handoffMetricsService.ts), settings and the API key (deskSettings.ts);
 * - a live desk's line: availability, Voice tokens, audio, transcription states (liveLine.ts);
 * - package→render timing (renderTiming.ts).
 */
import type { CallView, HistoryItem, StoredCall, TranscriptionStream, TranscriptTurn, VoiceLeg, WrapUp } from '../../../shared/callSchemas';
import { mayRing } from '../../../shared/callLifecycle';
import type { HandBackConfirmation, HandBackDraft } from '../../../shared/handBackDraft';
import type { HandoffMetrics, MetricsFilter } from '../../../shared/handoffMetrics';
import type { CallScenario } from '../../../shared/callScenario';
import type { AssistantStatus, VoiceToken, DeskSnapshot, TelephonyStatusView } from '../../../shared/ipc/deskContract';
import { DeskError } from '../../../shared/ipc/envelope';
import type { Settings, SettingsPatch, StorageProtection } from '../../../shared/settings';
import type { DemoSimulator } from '../demo/demoSimulator';
import { parseScenario } from '../demo/scenarioLoader';
import type { PackInUse } from '../pack/packInUse';
import type { AssistEngine, Clock, TelephonyPort, TranscriptSource } from '../ports';
import type { SettingsStore } from '../settingsStore';
import type { AsyncStore } from '../store/storeClient';
import type { HandBackTransport } from '../handback/handBackTransport';
import type { HandoffTelemetry } from '../telemetry/handoffTelemetry';
import { CallAudit } from './callAudit';
import { CallHistory } from './callHistory';
import { CallNotes } from './callNotes';
import { CallSession } from './callSession';
import { CurrentCall } from './currentCall';
import type { DeskContext, DeskEmitter } from './deskContext';
import { DeskSettings } from './deskSettings';
import { HandBackService } from './handBackService';
import { HandoffMetricsService } from './handoffMetricsService';
import { recoverInterruptedCalls } from './interruptedCallRecovery';
import { LiveLine } from './liveLine';
import { RenderTiming } from './renderTiming';
import { StoreWriteQueue } from './storeWriteQueue';
import { WrapUpService } from './wrapUpService';

export type { DeskEmitter } from './deskContext';

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

export class DeskService {
  private readonly desk: DeskContext;
  private readonly session: CallSession;
  private readonly notes: CallNotes;
  private readonly history: CallHistory;
  private readonly handBack: HandBackService;
  private readonly wrapUp: WrapUpService;
  private readonly metrics: HandoffMetricsService;
  private readonly deskSettings: DeskSettings;
  private readonly line: LiveLine;
  private readonly renderTiming: RenderTiming;

  constructor(private readonly options: DeskServiceOptions) {
    const writes = new StoreWriteQueue(options.emit);
    this.desk = {
      options,
      writes,
      current: new CurrentCall(options.store, writes, options.emit),
      audit: new CallAudit(options.store, options.clock, writes),
    };
    this.session = new CallSession(this.desk);
    this.notes = new CallNotes(this.desk);
    this.history = new CallHistory(this.desk);
    this.handBack = new HandBackService(this.desk, this.session);
    this.wrapUp = new WrapUpService(this.desk, this.history);
    this.metrics = new HandoffMetricsService(this.desk);
    this.deskSettings = new DeskSettings(options);
    this.line = new LiveLine(this.desk);
    this.renderTiming = new RenderTiming(this.desk);
    options.telephony.attach({
      incoming: (call) => this.session.offer(call),
      ended: (callId, reason) => this.session.remoteEnd(callId, reason),
      csat: (callId, score) => void this.wrapUp.csat(callId, score),
    });
  }

  getSnapshot(): DeskSnapshot {
    return {
      mode: this.options.demo ? 'demo' : 'live',
      settings: this.options.settings.current,
      lockedSettings: this.options.settings.locked,
      storage: this.options.storage,
      activeCall: this.desk.current.value?.view ?? null,
      telephony: this.options.live?.status() ?? { mode: 'demo', connected: true },
      demoScenarioCount: this.options.demo?.scenarioCount ?? 0,
      assistant: this.options.assistant?.status() ?? { engine: this.options.assist.name, openAiKeyConfigured: false },
      pack: this.options.packs.current.summary,
    };
  }

  ringDemoCall(): CallView {
    const demo = this.requireDemo();
    this.requireFreeLine();
    demo.ringNext();
    return this.desk.current.value!.view;
  }

  /** `callDate`: the day a replayed recording was made, so "yesterday" in it means a day. */
  ringScenario(scenario: CallScenario, source: 'file' | 'replay' = 'file', callDate?: string): CallView {
    const demo = this.requireDemo();
    this.requireFreeLine();
    demo.ring(scenario, source, callDate);
    return this.desk.current.value!.view;
  }

  ringScenarioText(fileName: string, text: string): CallView {
    return this.ringScenario(parseScenario(text, fileName));
  }

  acceptCall(callId: string): Promise<CallView> {
    return this.session.accept(callId);
  }

  declineCall(callId: string): Promise<CallView> {
    return this.session.decline(callId);
  }

  hangUp(callId: string): Promise<CallView> {
    return this.session.hangUp(callId);
  }

  saveNotes(callId: string, typed: string): Promise<{ savedAt: number; text: string; masked: number }> {
    return this.notes.save(callId, typed);
  }

  getTranscript(callId: string): TranscriptTurn[] | Promise<TranscriptTurn[]> {
    return this.history.transcript(callId);
  }

  listHistory(limit: number): Promise<HistoryItem[]> {
    return this.history.list(limit);
  }

  getStoredCall(callId: string): Promise<StoredCall> {
    return this.history.getStoredCall(callId);
  }

  updateSettings(patch: SettingsPatch): Promise<Settings> {
    return this.deskSettings.update(patch);
  }

  setOpenAiApiKey(apiKey: string): Promise<{ stored: true }> {
    return this.deskSettings.setOpenAiApiKey(apiKey);
  }

  verifyCaller(callId: string, method: string): CallView {
    return this.session.verifyCaller(callId, method);
  }

  prepareHandBack(callId: string, task?: string): HandBackDraft {
    return this.handBack.prepare(callId, task);
  }

  confirmHandBack(confirmation: HandBackConfirmation): Promise<CallView> {
    return this.handBack.confirm(confirmation);
  }

  saveWrapUp(callId: string, wrapUp: WrapUp): Promise<CallView> {
    return this.wrapUp.saveWrapUp(callId, wrapUp);
  }

  getMetrics(filter: MetricsFilter): Promise<HandoffMetrics> {
    return this.metrics.metrics(filter);
  }

  exportCallRecordsCsv(filter: MetricsFilter): Promise<{ csv: string; rows: number }> {
    return this.metrics.exportCsv(filter);
  }

  setAvailability(availability: 'Available' | 'Busy' | 'Offline'): Promise<TelephonyStatusView> {
    return this.line.setAvailability(availability);
  }

  getVoiceToken(): Promise<VoiceToken> {
    return this.line.voiceToken();
  }

  pushCallAudio(callId: string, speaker: 'agent' | 'customer', audioBase64: string): Record<string, never> {
    return this.line.pushAudio(callId, speaker, audioBase64);
  }

  recordVoiceLeg(callId: string, leg: VoiceLeg): Promise<Record<string, never>> {
    return this.line.recordVoiceLeg(callId, leg);
  }

  transcriptionChanged(callId: string, stream: TranscriptionStream): void {
    this.line.transcriptionChanged(callId, stream);
  }

  acceptedAt(callId: string): number | undefined {
    return this.line.acceptedAt(callId);
  }

  reportRendered(callId: string, renderedAt: number): Record<string, never> {
    return this.renderTiming.reportRendered(callId, renderedAt);
  }

  recoverInterruptedCalls(): Promise<string[]> {
    return recoverInterruptedCalls(this.desk);
  }

  /** Waits for the assistant's pending work and every store write queued so far (shutdown, replays, tests). */
  async flush(): Promise<void> {
    await this.desk.current.value?.assist.settled();
    await this.desk.writes.settled();
  }

  get lastStoreErrors(): readonly string[] {
    return this.desk.writes.errors;
  }

  private requireDemo(): DemoSimulator {
    if (!this.options.demo) throw new DeskError('wrong_state', 'Demo calls are only available in demo mode.');
    return this.options.demo;
  }

  /** Asked before the simulator rings, so the agent hears why; the machine refuses a ring anyway. */
  private requireFreeLine(): void {
    if (!mayRing(this.desk.current.state)) throw new DeskError('wrong_state', 'Finish the current call first.');
  }
}
