/**
 * Demo mode's telephony and transcript source: rings escalated calls from call-scenario files and
 * plays each call's turns at their call-clock times (scaled by the demo speed) once the agent accepts.
 */
import { randomUUID } from 'node:crypto';
import type { CallScenario } from '../../../shared/callScenario';
import type { CallSource, TranscriptTurn } from '../../../shared/callSchemas';
import { DeskError } from '../../../shared/ipc/envelope';
import type { Clock, TelephonyEvents, TelephonyPort, TranscriptSource } from '../ports';
import { rawPackageOf } from './scenarioLoader';

const SURVEY_DELAY_MS = 3_000;

/** A stable, made-up survey score (mostly 4s and 5s, some 3s and 2s), so demo metrics have CSAT to show. */
function simulatedCsat(seed: string): number {
  let hash = 2166136261;
  for (const char of seed) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  const roll = (hash >>> 0) % 100;
  return roll < 45 ? 5 : roll < 80 ? 4 : roll < 93 ? 3 : 2;
}

export interface DemoSimulatorOptions {
  clock: Clock;
  scenarios: CallScenario[];
  /** Read at each accept, so a settings change applies to the next call. */
  speed: () => number;
  /** An unanswered call goes back to the queue after this long, as a real reservation would. */
  ringTimeoutMs?: number;
}

interface SimulatedCall {
  scenario: CallScenario;
  timeout?: { cancel(): void };
}

export class DemoSimulator implements TelephonyPort, TranscriptSource {
  private events?: TelephonyEvents;
  private readonly calls = new Map<string, SimulatedCall>();
  private nextScenario = 0;

  constructor(private readonly options: DemoSimulatorOptions) {}

  get scenarioCount(): number {
    return this.options.scenarios.length;
  }

  attach(events: TelephonyEvents): void {
    this.events = events;
  }

  stop(): void {
    for (const call of this.calls.values()) call.timeout?.cancel();
    this.calls.clear();
  }

  /** Rings the next built-in demo scenario, round robin. */
  ringNext(): string {
    const { scenarios } = this.options;
    if (scenarios.length === 0) throw new DeskError('not_found', 'No demo scenarios are installed.');
    const scenario = scenarios[this.nextScenario % scenarios.length]!;
    this.nextScenario += 1;
    return this.ring(scenario, 'demo');
  }

  ring(scenario: CallScenario, source: CallSource, callDate?: string): string {
    if (!this.events) throw new Error('simulator not started');
    const callId = `demo-${randomUUID()}`;
    const call: SimulatedCall = { scenario };
    this.calls.set(callId, call);
    const timeoutMs = this.options.ringTimeoutMs ?? 0;
    if (timeoutMs > 0) {
      call.timeout = this.options.clock.setTimeout(() => {
        this.calls.delete(callId);
        this.events?.ended(callId, 'missed');
      }, timeoutMs);
    }
    this.events.incoming({
      callId,
      source,
      scenarioId: scenario.id,
      title: scenario.title,
      rawPackage: rawPackageOf(scenario),
      packageReceivedAt: this.options.clock.now(),
      ...(timeoutMs > 0 ? { ringExpiresAt: this.options.clock.now() + timeoutMs } : {}),
      ...(callDate ? { callDate } : {}),
    });
    return callId;
  }

  async accept(callId: string): Promise<void> {
    this.requireCall(callId).timeout?.cancel();
  }

  async decline(callId: string): Promise<void> {
    this.requireCall(callId).timeout?.cancel();
    this.calls.delete(callId);
  }

  async hangUp(callId: string): Promise<void> {
    const call = this.calls.get(callId);
    this.calls.delete(callId);
    if (!call) return;
    // Demo surveys: the customer answers the post-call survey a little after hanging up.
    this.options.clock.setTimeout(() => this.events?.csat(callId, simulatedCsat(call.scenario.id + callId)), SURVEY_DELAY_MS);
  }

  /** Plays the turns relative to pickup; returns a stop function that cancels the rest. */
  startTranscript(callId: string, onTurn: (turn: Omit<TranscriptTurn, 'index'>) => void): () => void {
    const { scenario } = this.requireCall(callId);
    const speed = Math.max(this.options.speed(), 0.01);
    const timers = [...scenario.turns]
      .sort((a, b) => a.atMs - b.atMs)
      .map((turn) => {
        const delay = Math.max(0, (turn.atMs - scenario.pickupAtMs) / speed);
        return this.options.clock.setTimeout(() => onTurn({ atMs: turn.atMs, speaker: turn.speaker, text: turn.text }), delay);
      });
    return () => timers.forEach((timer) => timer.cancel());
  }

  private requireCall(callId: string): SimulatedCall {
    const call = this.calls.get(callId);
    if (!call) throw new DeskError('not_found', `No ringing or active demo call ${callId}.`);
    return call;
  }
}
