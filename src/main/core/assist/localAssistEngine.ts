/**
 * The default assist engine: deterministic and offline. Per turn it extracts the facts said, merges
 * them with the package's, flags customer repeats and package values the call contradicts, flags text
 * that tries to instruct the assistant, and advises on a hand-back. It has no way to act: its only
 * output is state for the agent to read.
 */
import type { AssistState, GuidelineMatch, HeardFact, TranscriptTurn } from '../../../shared/callState';
import type { FactName } from '../../../shared/facts';
import type { HandoffPackage, IntakeResult } from '../../../shared/handoffPackage';
import type { AssistEngine, AssistSession, AssistSessionContext, LookupPort } from '../ports';
import { DEFAULT_PRODUCTS, extractFacts, latestByName, type ExtractedFact } from './factExtractor';
import { REFUSAL } from '../handback/handBackPolicy';
import { HandBackAdvisor } from './handBackAdvisor';
import { looksLikeInjection } from './injectionDetector';
import { GuidelineTracker } from './guidelineTracker';
import type { KnowledgeBase } from './knowledgeBase';
import { LookupRunner } from './lookupRunner';
import { writeSuggestions } from './suggestionWriter';
import { expectedSlots } from './slotExpectation';

/** A different value for these, said by the customer, means the package had it wrong. */
const IDENTITY_FACTS = new Set<FactName>(['membership_level', 'email', 'username', 'account_id', 'order_id', 'zip_code', 'street_address', 'customer_name']);
const CORRECTION_CUE = /\b(?:no|not|actually|wrong|incorrect|mistake|mix-?up|changed|that's old|i meant|sorry)\b/i;


/** What one turn's understanding reads at most (about three minutes of speech). */
export const MAX_ANALYSED_TURN_CHARS = 2_000;
export interface LocalAssistOptions {
  /** The guideline knowledge base; without it no guidelines are suggested. */
  knowledgeBase?: KnowledgeBase;
  lookups?: LookupPort;
}

export class LocalAssistEngine implements AssistEngine {
  readonly name = 'local';

  constructor(private readonly options: LocalAssistOptions = {}) {}

  startSession(intake: IntakeResult, context: AssistSessionContext = {}): AssistSession {
    return new LocalAssistSession(intake, context, this.options);
  }
}

class LocalAssistSession implements AssistSession {
  private readonly facts = new Map<FactName, HeardFact>();
  private readonly packageValues = new Map<FactName, string>();
  private readonly repeats: AssistState['repeats'] = [];
  private readonly injectionTurns: number[] = [];
  private readonly injectionFields: string[] = [];
  private readonly handBackAdvisor: HandBackAdvisor;
  private readonly year?: number;
  private readonly anchorDate?: string;
  private expected: FactName[] = [];
  private unanswered: FactName[] = [];
  private lastCustomerTurn?: TranscriptTurn;
  private handBack: AssistState['handBack'] = null;

  private readonly callDate?: string;
  private readonly tracker?: GuidelineTracker;
  private readonly lookups: LookupRunner;
  private guidelines: GuidelineMatch[] = [];

  constructor(
    intake: IntakeResult,
    context: AssistSessionContext,
    private readonly options: LocalAssistOptions,
  ) {
    this.callDate = context.callDate;
    this.lookups = new LookupRunner(options.lookups, () => context.onUpdate?.(this.state()));
    const pkg = intake.status === 'ok' ? intake.package : undefined;
    if (options.knowledgeBase) {
      // The package's intent is a prior, not the answer: the conversation can move the ranking.
      this.tracker = new GuidelineTracker(options.knowledgeBase, {
        intentPrior: pkg?.intent.label,
        intentConfidence: pkg?.intent.confidence,
        packageText: pkg ? [pkg.summary, ...pkg.nextSteps].join(' ') : undefined,
      });
      this.guidelines = this.tracker.top(3);
    }
    this.handBackAdvisor = new HandBackAdvisor(pkg?.caller.verified ?? false, context.handBackAllowList);
    this.year = this.callDate ? Number(this.callDate.slice(0, 4)) : pkg ? yearFromPackage(pkg) : undefined;
    this.anchorDate = pkg?.facts.find((fact) => fact.name === 'date')?.value;
    if (pkg) this.takePackage(pkg);
    this.lookups.consider([...this.facts.values()]);
  }

  private takePackage(pkg: HandoffPackage): void {
    const known: Array<[FactName, string]> = [
      ['customer_name', pkg.caller.name.trim()],
      ['phone', pkg.caller.phone],
      ...pkg.facts.map((fact): [FactName, string] => [fact.name, fact.value]),
    ];
    for (const [name, value] of known) {
      if (!value) continue;
      this.facts.set(name, { name, value, source: 'package' });
      this.packageValues.set(name, value);
    }
    const texts: Array<[string, string]> = [
      ['summary', pkg.summary],
      ['trigger.detail', pkg.trigger.detail],
      ...pkg.nextSteps.map((step, i): [string, string] => [`nextSteps.${i}`, step]),
      ...pkg.facts.map((fact, i): [string, string] => [`facts.${i}.value`, fact.value]),
      ...pkg.aiAttempts.map((attempt, i): [string, string] => [`aiAttempts.${i}.result`, attempt.result]),
    ];
    this.injectionFields.push(...texts.filter(([, text]) => looksLikeInjection(text)).map(([field]) => field));
  }

  onTurn(whole: TranscriptTurn): AssistState {
    const injection = looksLikeInjection(whole.text);
    // The understanding patterns are bounded by input, not each proven linear: a turn longer than anyone
    // says in one breath is understood from its first MAX_ANALYSED_TURN_CHARS (masking and the injection
    // check still read all of it), so a hostile 100 KB turn cannot stall the pipeline.
    // Whitespace runs are collapsed first: several patterns start with \s+, and a long run of spaces is their worst case.
    const turn = whole.text.length > MAX_ANALYSED_TURN_CHARS ? { ...whole, text: whole.text.replace(/\s+/g, ' ').slice(0, MAX_ANALYSED_TURN_CHARS) } : whole;
    if (injection) this.injectionTurns.push(turn.index);
    const mentions = extractFacts(turn.text, {
      speaker: turn.speaker,
      // The agent may answer their own question when the customer could not ("No idea." "It's i thackeray 1.").
      expected: turn.speaker === 'customer' ? this.expected : this.unanswered,
      dates: { callDate: this.callDate, year: this.year, anchor: this.anchorDate },
      products: DEFAULT_PRODUCTS,
    });
    const said = latestByName(mentions.map((mention) => this.knownAs(mention)));
    if (turn.speaker === 'customer') this.noteRestatedName(turn, said);
    for (const fact of said.values()) {
      if (this.agentCorrectsPackage(turn, mentions, fact.name, fact.value)) continue;
      this.merge(turn, fact.name, fact.value);
    }
    if (turn.speaker === 'agent') {
      this.expected = expectedSlots(turn.text);
      this.unanswered = [];
    } else {
      this.unanswered = this.expected.filter((slot) => !said.has(slot));
      this.lastCustomerTurn = turn;
    }
    // Words aimed at the assistant are an injection, not a hand-back request.
    if (!injection) this.handBack = this.handBackAdvisor.addTurn({ turnIndex: turn.index, speaker: turn.speaker, text: turn.text }) ?? this.handBack;
    if (this.tracker) {
      this.tracker.addTurn(turn);
      this.guidelines = this.tracker.top(3);
    }
    this.lookups.consider([...this.facts.values()], turn.index);
    return this.state();
  }

  settled(): Promise<void> {
    return this.lookups.settled();
  }

  close(): void {}

  /** The package's full name said by the customer is a restatement even when no name was asked for. */
  private noteRestatedName(turn: TranscriptTurn, said: Map<FactName, ExtractedFact>): void {
    const packageName = this.packageValues.get('customer_name');
    if (packageName?.includes(' ') && turn.text.toLowerCase().includes(packageName.toLowerCase())) {
      said.set('customer_name', { name: 'customer_name', value: packageName, at: turn.text.toLowerCase().indexOf(packageName.toLowerCase()) });
    }
  }

  private merge(turn: TranscriptTurn, name: FactName, value: string): void {
    const known = this.facts.get(name);
    const packageValue = this.packageValues.get(name);
    // The agent repeating back what the customer just corrected ("No, there's a dot." → "L dot washington…").
    const confirmsCorrection =
      turn.speaker === 'agent' && this.lastCustomerTurn !== undefined && CORRECTION_CUE.test(this.lastCustomerTurn.text) && this.lastCustomerTurn.index === turn.index - 1;
    if (confirmsCorrection && packageValue !== undefined && value !== packageValue && known?.contradictedBy === undefined) {
      this.facts.set(name, { name, value, source: turn.index, contradictedBy: this.lastCustomerTurn!.index, packageValue });
      return;
    }
    if (turn.speaker === 'customer' && packageValue !== undefined) {
      if (value === packageValue && known?.contradictedBy === undefined) this.flagRepeat(turn.index, name);
      else if (value !== packageValue && known?.contradictedBy === undefined && (IDENTITY_FACTS.has(name) || CORRECTION_CUE.test(turn.text))) {
        this.facts.set(name, { name, value, source: turn.index, contradictedBy: turn.index, packageValue });
        return;
      }
    }
    if (!known) this.facts.set(name, { name, value, source: turn.index });
    else if (known.value !== value) this.facts.set(name, { ...known, value, source: turn.index });
  }

  /** Ten digits read back with no cue ("Six oh eight, five five five…") are whatever they already were. */
  private knownAs(mention: ExtractedFact): ExtractedFact {
    if (mention.name !== 'order_id' && mention.name !== 'phone') return mention;
    const other = mention.name === 'order_id' ? 'phone' : 'order_id';
    const otherValue = this.facts.get(other)?.value;
    const sameDigits = otherValue !== undefined && otherValue.replace(/\D/g, '').endsWith(mention.value.replace(/\D/g, '').slice(-10));
    return sameDigits ? { ...mention, name: other, value: otherValue } : mention;
  }

  /**
   * "Our notes say ninety-nine dollars, but what's outstanding is forty-nine fifty": the agent reads the
   * package's value and puts it right in the same breath.
   */
  private agentCorrectsPackage(turn: TranscriptTurn, mentions: readonly ExtractedFact[], name: FactName, value: string): boolean {
    const packageValue = this.packageValues.get(name);
    const known = this.facts.get(name);
    if (turn.speaker !== 'agent' || packageValue === undefined || value === packageValue || known?.contradictedBy !== undefined) return false;
    const readPackageFirst = mentions.some((mention) => mention.name === name && mention.value === packageValue);
    if (!readPackageFirst || !/\b(?:but|actually|wrong|should be|swapped|mistake|not right|incorrect)\b/i.test(turn.text)) return false;
    this.facts.set(name, { name, value, source: turn.index, contradictedBy: turn.index, packageValue });
    return true;
  }

  private flagRepeat(turnIndex: number, factName: FactName): void {
    if (!this.repeats.some((repeat) => repeat.turnIndex === turnIndex && repeat.factName === factName)) this.repeats.push({ turnIndex, factName });
  }

  /** Once anyone tried to instruct the assistant, nothing goes back to it: the same rule as the check at confirmation. */
  private handBackAdvice(): AssistState['handBack'] {
    const advice = this.handBack;
    if (!advice?.allowed || (this.injectionTurns.length === 0 && this.injectionFields.length === 0)) return advice;
    return { ...advice, allowed: false, reason: REFUSAL.injection };
  }

  state(): AssistState {
    const state = {
      facts: [...this.facts.values()],
      repeats: [...this.repeats],
      injectionTurns: [...this.injectionTurns],
      injectionFields: [...this.injectionFields],
      handBack: this.handBackAdvice(),
      guidelines: this.guidelines,
      lookups: this.lookups.list(),
      engine: { engine: 'local' as const, state: 'ok' as const },
    };
    return { ...state, suggestions: writeSuggestions(state, this.options.knowledgeBase) };
  }
}

/** "March 2nd" in a call about a package dated 2026-03-02 means 2026. */
function yearFromPackage(pkg: HandoffPackage): number | undefined {
  const dated = pkg.facts.find((fact) => fact.name === 'date')?.value ?? /\b(20\d\d)-\d\d-\d\d\b/.exec(`${pkg.summary} ${pkg.aiAttempts.map((a) => a.result).join(' ')}`)?.[0];
  return dated ? Number(dated.slice(0, 4)) : undefined;
}
