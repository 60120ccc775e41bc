/**
 * What the TaskRouter tests and the reservation bench share: a demo handoff package, telephony events
 * that remember what they were told, and a TaskRouterTelephony connected to the local fake.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { systemClock, type IncomingCall, type TelephonyEvents } from '../../src/main/core/ports';
import {
  TaskRouterTelephony,
  type TaskRouterStatus,
  type TaskRouterTelephonyOptions,
} from '../../src/main/core/telephony/taskRouterTelephony';
import type { HandoffPackage } from '../../src/shared/handoffPackage';
import type { FakeTaskRouter } from './fakeTaskRouter';

const ROOT = path.resolve(__dirname, '../..');

export function demoHandoff(name = 'renewal-charged-twice.json'): HandoffPackage {
  const scenario = JSON.parse(readFileSync(path.join(ROOT, 'resources/demo-scenarios', name), 'utf8')) as { handoff: HandoffPackage };
  return scenario.handoff;
}

export class RecordingEvents implements TelephonyEvents {
  readonly calls: IncomingCall[] = [];
  readonly ends: Array<{ callId: string; reason: string }> = [];
  readonly scores: Array<{ callId: string; score: number }> = [];
  /** Called after each incoming call is recorded (the bench times it). */
  onIncoming?: (call: IncomingCall) => void;

  incoming(call: IncomingCall): void {
    this.calls.push(call);
    this.onIncoming?.(call);
  }

  ended(callId: string, reason: 'remote_hangup' | 'missed' | 'cancelled'): void {
    this.ends.push({ callId, reason });
  }

  csat(callId: string, score: number): void {
    this.scores.push({ callId, score });
  }
}

export interface TaskRouterDesk {
  telephony: TaskRouterTelephony;
  events: RecordingEvents;
  /** Every token the provider handed out, in order. */
  tokens: string[];
  statuses: TaskRouterStatus[];
}

/**
 * A telephony adapter pointed at the fake, not yet started. `token` decides what the provider hands out
 * on its n-th call (default: a fresh valid token, an hour long).
 */
export function taskRouterDesk(
  fake: FakeTaskRouter,
  options: TaskRouterTelephonyOptions = {},
  token: (call: number) => string | Promise<string> = () => fake.mintToken(),
): TaskRouterDesk {
  const tokens: string[] = [];
  const statuses: TaskRouterStatus[] = [];
  let calls = 0;
  const telephony = new TaskRouterTelephony(
    async () => {
      const issued = await token(++calls);
      tokens.push(issued);
      return issued;
    },
    systemClock,
    { ebServer: fake.ebServer, wsServer: fake.wsServer, logLevel: 'silent', connectTimeoutMs: 3_000, ...options },
  );
  const events = new RecordingEvents();
  telephony.attach(events);
  telephony.onStatus((status) => statuses.push(status));
  return { telephony, events, tokens, statuses };
}
