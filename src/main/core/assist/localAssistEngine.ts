/**
 * The default assist engine: deterministic and offline. Per turn it runs the understanding pipeline
 * (src/main/core/understanding: spoken forms normalised, typed values recognised with the dialogue's
 * help, compared with the package by type), flags text that tries to steer the assistant, follows
 * the knowledge base, and advises on a hand-back. Everything about the business comes from the call's
 * domain pack. It has no way to act: its only output is state for the agent to read.
 */
import type { AssistState, GuidelineMatch, TranscriptTurn } from '../../../shared/callSchemas';
import type { HandoffPackage, IntakeResult } from '../../../shared/handoffPackage';
import { ALL_ROUTINE_TASKS } from '../../../shared/handBackPolicy';
import { packageFieldPath } from '../../../shared/packageFieldPath';
import { sentencesOf } from '../../../shared/text';
import type { AssistEngine, AssistSession, AssistSessionContext, LookupPort } from '../ports';
import type { LoadedPack, PackInUse } from '../pack/packInUse';
import { askedKinds, isRequest, type AskedKind } from '../understanding/agentQuestion';
import { CallUnderstanding } from '../understanding/callUnderstanding';
import { SensitiveTopicDetector, sensitiveTopicsOf } from '../understanding/sensitiveTopics';
import { HandBackAdvisor } from './handBackAdvisor';
import { looksLikeInjection } from './injectionDetector';
import { GuidelineTracker } from './guidelineTracker';
import { LookupRunner } from './lookupRunner';
import { writeSuggestions } from './suggestionWriter';

/** What one turn's understanding reads at most (about three minutes of speech). */
export const MAX_ANALYSED_TURN_CHARS = 2_000;

export interface LocalAssistOptions {
  /** The pack in use; each call keeps the pack it rang with. */
  packs: PackInUse;
  lookups?: LookupPort;
}

/** Sensitive-topic detectors, one per pack. */
const detectors = new WeakMap<LoadedPack, SensitiveTopicDetector>();
function detectorFor(loaded: LoadedPack): SensitiveTopicDetector {
  let detector = detectors.get(loaded);
  if (!detector) {
    detector = sensitiveTopicsOf(loaded.pack);
    detectors.set(loaded, detector);
  }
  return detector;
}

export class LocalAssistEngine implements AssistEngine {
  readonly name = 'local';

  constructor(private readonly options: LocalAssistOptions) {}

  startSession(intake: IntakeResult, context: AssistSessionContext = {}): AssistSession {
    return new LocalAssistSession(intake, context, context.pack ?? this.options.packs.current, this.options.lookups);
  }
}

/** The text fields of a package, each with the path the UI points at. */
export function packageTexts(pkg: HandoffPackage): Array<[string, string]> {
  return [
    [packageFieldPath({ section: 'caller', part: 'name' }), pkg.caller.name],
    [packageFieldPath({ section: 'caller', part: 'verification' }), pkg.caller.verification],
    [packageFieldPath({ section: 'intent', part: 'label' }), pkg.intent.label],
    [packageFieldPath({ section: 'summary' }), pkg.summary],
    [packageFieldPath({ section: 'trigger', part: 'detail' }), pkg.trigger.detail],
    ...pkg.nextSteps.map((step, index): [string, string] => [packageFieldPath({ section: 'nextSteps', index }), step]),
    ...pkg.facts.map((fact, index): [string, string] => [packageFieldPath({ section: 'facts', index, part: 'value' }), fact.value]),
    ...pkg.facts.map((fact, index): [string, string] => [packageFieldPath({ section: 'facts', index, part: 'source' }), fact.source]),
    ...pkg.aiAttempts.map((attempt, index): [string, string] => [
      packageFieldPath({ section: 'aiAttempts', index, part: 'result' }),
      attempt.result,
    ]),
  ];
}

/** What identifies the caller, asked for by the agent: the asking says nothing of what the call is about. */
const IDENTITY_KINDS: ReadonlySet<AskedKind> = new Set(['name', 'phone', 'email', 'postcode', 'address']);

/**
 * The words of a turn that tell what the call is about: an agent's request for the caller's name, number,
 * email or address ("can I get your full name please") is verification, left out (so "name" does not pull
 * towards changing a name on every call).
 */
export function topicalText(turn: TranscriptTurn): string {
  if (turn.speaker !== 'agent') return turn.text;
  const sentences = sentencesOf(turn.text);
  const kept = sentences.filter((sentence) => !(isRequest(sentence) && [...askedKinds(sentence)].some((kind) => IDENTITY_KINDS.has(kind))));
  return kept.length === sentences.length ? turn.text : kept.join(' ');
}

class LocalAssistSession implements AssistSession {
  private readonly understanding: CallUnderstanding;
  private readonly injectionTurns: number[] = [];
  private readonly injectionFields: string[] = [];
  private readonly handBackAdvisor: HandBackAdvisor;
  private readonly tracker: GuidelineTracker;
  private readonly lookups: LookupRunner;
  private guidelines: GuidelineMatch[] = [];
  /** The article the hand-back advisor was last told the call follows. */
  private topicId?: string;

  constructor(
    intake: IntakeResult,
    context: AssistSessionContext,
    private readonly loaded: LoadedPack,
    lookupPort: LookupPort | undefined,
  ) {
    const pkg = intake.status === 'ok' ? intake.package : undefined;
    this.lookups = new LookupRunner(lookupPort, loaded.pack.facts, () => context.onUpdate?.(this.state()));
    // The package's intent is a prior, not the answer: the conversation can move the ranking.
    this.tracker = new GuidelineTracker(loaded.knowledgeBase, {
      intentPrior: pkg?.intent.label,
      intentConfidence: pkg?.intent.confidence,
      packageText: pkg ? [pkg.summary, ...pkg.nextSteps].join(' ') : undefined,
    });
    this.guidelines = this.tracker.top(3);
    // A replayed recording has no call date; "the third of December" then takes the package's year or, failing that, this one.
    this.understanding = new CallUnderstanding(loaded.pack.facts, pkg, { callDate: context.callDate, year: new Date().getUTCFullYear() });
    if (pkg)
      this.injectionFields.push(
        ...packageTexts(pkg)
          .filter(([, text]) => looksLikeInjection(text, 'package'))
          .map(([field]) => field),
      );
    this.handBackAdvisor = new HandBackAdvisor({
      tasks: loaded.pack.manifest.handBack.tasks,
      sensitive: detectorFor(loaded),
      allowList: context.handBackAllowList ?? [ALL_ROUTINE_TASKS],
      callerVerified: pkg?.caller.verified ?? false,
      topic: pkg?.intent.label,
    });
    if (this.injectionFields.length) this.handBackAdvisor.steeringSeen();
    this.lookups.consider(this.understanding.heard);
  }

  onTurn(whole: TranscriptTurn): AssistState {
    const steering = looksLikeInjection(whole.text, whole.speaker);
    // A turn longer than anyone says in one breath is understood from its first MAX_ANALYSED_TURN_CHARS
    // (masking and the steering check still read all of it), so a hostile 100 KB turn cannot stall the pipeline.
    const turn =
      whole.text.length > MAX_ANALYSED_TURN_CHARS
        ? { ...whole, text: whole.text.replace(/\s+/g, ' ').slice(0, MAX_ANALYSED_TURN_CHARS) }
        : whole;
    if (steering) this.injectionTurns.push(turn.index);
    const mentions = this.understanding.onTurn(turn);
    this.tracker.addTurn({ ...turn, text: topicalText(turn) });
    this.guidelines = this.tracker.top(3);
    // What the call is about, by the article it follows: the task a request names only as "that" is most likely its.
    const topic = this.guidelines[0];
    if (topic && topic.subflowId !== this.topicId) {
      this.topicId = topic.subflowId;
      this.handBackAdvisor.onTopic([topic.title, ...topic.steps.map((step) => step.text)].join('\n'));
    }
    this.handBackAdvisor.addTurn(
      { turnIndex: turn.index, speaker: turn.speaker, text: turn.text, facts: mentions.map((mention) => mention.fact) },
      { steering },
    );
    this.lookups.consider(this.understanding.heard, turn.index);
    return this.state();
  }

  callerVerified(): AssistState {
    this.handBackAdvisor.callerVerified();
    return this.state();
  }

  settled(): Promise<void> {
    return this.lookups.settled();
  }

  close(): void {}

  state(): AssistState {
    const state = {
      facts: this.understanding.heard,
      repeats: this.understanding.repeated,
      injectionTurns: [...this.injectionTurns],
      injectionFields: [...this.injectionFields],
      handBack: this.handBackAdvisor.current,
      guidelines: this.guidelines,
      lookups: this.lookups.list(),
      engine: { engine: 'local' as const, state: 'ok' as const },
    };
    return { ...state, suggestions: writeSuggestions(state, this.loaded) };
  }
}
