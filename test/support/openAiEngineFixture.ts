/**
 * What the OpenAI engine tests and the overhead bench share: the real knowledge base and a demo
 * call, a LookupPort that remembers what it was asked, and an engine pointed at the local fake.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PackInUse } from '../../src/main/core/pack/packInUse';
import { demoPack, demoPacks } from './demoPack';
import { LocalAssistEngine } from '../../src/main/core/assist/localAssistEngine';
import { OpenAiAssistEngine, type OpenAiAssistOptions } from '../../src/main/core/assist/openAiAssistEngine';
import { parseScenario, rawPackageOf } from '../../src/main/core/demo/scenarioLoader';
import type { AssistSession, LookupAnswer, LookupPort } from '../../src/main/core/ports';
import type { AssistState, TranscriptTurn } from '../../src/shared/callSchemas';
import type { CallScenario } from '../../src/shared/callScenario';
import { intakePackage } from '../../src/shared/handoffIntake';
import type { IntakeResult } from '../../src/shared/handoffPackage';
import type { FakeOpenAi } from './fakeOpenAi';

const ROOT = path.resolve(__dirname, '../..');

export const TEST_API_KEY = 'sk-test-fake-0123456789';

/** The demo pack (its knowledge base serves the search_kb tool). */
export function loadTestPacks(): Promise<PackInUse> {
  return Promise.resolve(demoPacks());
}

export function demoScenario(name = 'renewal-charged-twice.json'): CallScenario {
  return parseScenario(readFileSync(path.join(ROOT, 'resources/demo-scenarios', name), 'utf8'), name);
}

export function intakeOf(scenario: CallScenario): IntakeResult {
  return intakePackage(rawPackageOf(scenario), demoPack.facts);
}

/** The scenario's turns as the desk would number them. */
export function turnsOf(scenario: CallScenario): TranscriptTurn[] {
  return scenario.turns.map((turn, index) => ({ index, atMs: turn.atMs, speaker: turn.speaker, text: turn.text }));
}

/** A read-only lookup backend with fixed answers that records each question. */
export class RecordingLookups implements LookupPort {
  readonly asked: string[] = [];

  constructor(private readonly answers: Record<string, string> = {}) {}

  async lookupOrder(orderId: string): Promise<LookupAnswer> {
    return this.answer(`order:${orderId}`);
  }

  async lookupAccount(accountId: string): Promise<LookupAnswer> {
    return this.answer(`account:${accountId}`);
  }

  private answer(key: string): LookupAnswer {
    this.asked.push(key);
    const summary = this.answers[key];
    return summary ? { found: true, summary } : { found: false };
  }
}

export function openAiEngine(
  fake: FakeOpenAi,
  packs: PackInUse | undefined,
  lookups: LookupPort,
  options: Partial<OpenAiAssistOptions> = {},
): OpenAiAssistEngine {
  return new OpenAiAssistEngine({
    apiKey: TEST_API_KEY,
    baseURL: fake.baseURL,
    model: 'gpt-4.1-mini',
    timeoutMs: 2_000,
    maxRetries: 0,
    packs,
    lookups,
    fallback: new LocalAssistEngine({ packs: packs ?? demoPacks(), lookups }),
    ...options,
  });
}

/** A session whose every onUpdate is kept, newest last. */
export function recordingSession(
  engine: { startSession: OpenAiAssistEngine['startSession'] },
  intake: IntakeResult,
): { session: AssistSession; updates: AssistState[] } {
  const updates: AssistState[] = [];
  const session = engine.startSession(intake, { callDate: '2026-03-05', onUpdate: (state) => updates.push(state) });
  return { session, updates };
}

/** The turns a request carried, read back from its delimited transcript block. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function turnsSent(body: any): number[] {
  const user = String(body.messages.find((message: { role: string }) => message.role === 'user').content);
  const transcript = /<untrusted_transcript>\n([\s\S]*?)\n<\/untrusted_transcript>/.exec(user)![1]!;
  return (JSON.parse(transcript) as { turns: Array<{ turn: number }> }).turns.map((turn) => turn.turn);
}
