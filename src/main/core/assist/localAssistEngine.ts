/**
 * The default assist engine: deterministic, offline. It merges the package's facts with facts heard
 * in the call, flags customer repeats and contradicted package values, and flags attempts to instruct
 * the assistant. It has no way to act: its only output is state for the agent to read.
 */
import type { AssistState, HeardFact, TranscriptTurn } from '../../../shared/callState';
import type { IntakeResult } from '../../../shared/handoffPackage';
import type { AssistEngine, AssistSession } from '../ports';
import { extractFacts } from './factExtractor';
import { looksLikeInjection } from './injectionDetector';

export class LocalAssistEngine implements AssistEngine {
  readonly name = 'local';

  startSession(intake: IntakeResult): AssistSession {
    return new LocalAssistSession(intake);
  }
}

class LocalAssistSession implements AssistSession {
  private readonly facts = new Map<string, HeardFact>();
  private readonly repeats: AssistState['repeats'] = [];
  private readonly injectionTurns: number[] = [];
  private readonly injectionFields: string[] = [];

  constructor(intake: IntakeResult) {
    if (intake.status !== 'ok') return;
    const pkg = intake.package;
    if (pkg.caller.name.trim()) this.facts.set('customer_name', { name: 'customer_name', value: pkg.caller.name.trim(), source: 'package' });
    if (pkg.caller.phone.trim()) this.facts.set('phone', { name: 'phone', value: pkg.caller.phone, source: 'package' });
    for (const fact of pkg.facts) this.facts.set(fact.name, { name: fact.name, value: fact.value, source: 'package' });
    const texts: [string, string][] = [
      ['summary', pkg.summary],
      ['trigger.detail', pkg.trigger.detail],
      ...pkg.nextSteps.map((step, i): [string, string] => [`nextSteps.${i}`, step]),
      ...pkg.facts.map((fact, i): [string, string] => [`facts.${i}.value`, fact.value]),
    ];
    this.injectionFields.push(...texts.filter(([, text]) => looksLikeInjection(text)).map(([field]) => field));
  }

  onTurn(turn: TranscriptTurn): AssistState {
    if (looksLikeInjection(turn.text)) this.injectionTurns.push(turn.index);
    for (const heard of extractFacts(turn.text)) {
      const known = this.facts.get(heard.name);
      if (!known) {
        this.facts.set(heard.name, { name: heard.name, value: heard.value, source: turn.index });
        continue;
      }
      if (known.value === heard.value) {
        const fromPackage = known.source === 'package' || known.contradictedBy !== undefined;
        if (fromPackage && turn.speaker === 'customer' && !this.repeats.some((r) => r.turnIndex === turn.index)) {
          this.repeats.push({ turnIndex: turn.index, factName: heard.name });
        }
        continue;
      }
      if (known.source === 'package' && turn.speaker === 'customer') {
        this.facts.set(heard.name, { ...heard, source: turn.index, contradictedBy: turn.index, packageValue: known.value });
      } else if (turn.speaker === 'customer') {
        this.facts.set(heard.name, { ...known, value: heard.value, source: turn.index });
      }
    }
    return this.state();
  }

  state(): AssistState {
    return { facts: [...this.facts.values()], repeats: [...this.repeats], injectionTurns: [...this.injectionTurns], injectionFields: [...this.injectionFields] };
  }
}
