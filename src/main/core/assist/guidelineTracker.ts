/**
 * Follows one call against the knowledge base (knowledgeBase.ts): which guidelines fit it best so far,
 * and which step of each the call is at, from the package's intent and the words said, turn by turn.
 */
import type { TranscriptTurn } from '../../../shared/callSchemas';
import type { GuidelineStep, KnowledgeBase, Subflow } from './knowledgeBase';
import { searchTerms } from './searchTerms';

export interface GuidelineMatch {
  subflowId: string;
  /** The flow's title, as the guide shows it next to `title`. */
  flow: string;
  title: string;
  /** Share of belief (0–1) across all subflows, package prior and conversation together. */
  score: number;
  steps: GuidelineStep[];
  /** Index into `steps` of the step the call seems to be at. */
  currentStep: number;
  /** Turns that most support this match, in call order. */
  evidenceTurns: number[];
}

export type TrackedTurn = Pick<TranscriptTurn, 'index' | 'speaker' | 'text'>;

export interface GuidelineTrackerOptions {
  /** The package's intent label; usually an ontology subflow id, anything else is ignored. */
  intentPrior?: string;
  /** The package's confidence in that label (0–1); unknown counts as middling. */
  intentConfidence?: number;
  /** The package's own words about the call (summary, next steps). */
  packageText?: string;
}

// ---------------------------------------------------------------------------------------------
// Tracking one call

/** The customer states the need; the agent mostly asks and confirms. */
const SPEAKER_WEIGHT = { customer: 1, agent: 0.6 } as const;
/** The package summary is the AI's digest of the talk before pickup: about one customer turn's worth. */
const PACKAGE_WEIGHT = 1;
/**
 * Older turns fade towards RECENCY_FLOOR of their weight, halving every RECENCY_HALF_LIFE turns: a call
 * that moves on to a second need shows it, yet the opening complaint is never forgotten.
 */
const RECENCY_HALF_LIFE = 6;
const RECENCY_FLOOR = 0.4;
/** Saying a word again adds less each time (weight w counts as w(1+k)/(w+k)). */
const REPEAT_SATURATION = 1.5;
/**
 * How many points of conversation evidence make a factor e of odds. The prior adds its log-odds, so
 * a confident label needs a few clear turns to be overturned, while a long call outweighs any label.
 */
const EVIDENCE_SCALE = 10;
const DEFAULT_CONFIDENCE = 0.6;
/** A turn is evidence for a match when it gives at least this share of its best turn's support. */
const EVIDENCE_SHARE = 0.3;
const MAX_EVIDENCE_TURNS = 5;
/**
 * Mentions older than this many turns have faded to their floor (0.5^8 of the fading part is left), so
 * they are folded into one total per word: a 10 000-turn call costs the same per turn as a 50-turn one.
 */
const RECENT_TURNS = 48;

interface Mention {
  term: string;
  position: number;
  /** null for the package text. */
  turnIndex: number | null;
  weight: number;
}

/** What the call has said so far, per term: its faded weight in total and per turn. */
type TermWeights = Map<string, { total: number; byTurn: Map<number | null, number> }>;

/**
 * Follows one call: which guidelines fit it best so far, and where each one is. Cheap enough to ask
 * after every turn; all work is proportional to the words said, and word lookups are cached in the kb.
 */
export class GuidelineTracker {
  private mentions: Mention[] = [];
  /** Faded-out mentions, per word, at their floor weight. */
  private readonly settled = new Map<string, number>();
  private readonly heard = new Set<string>();
  private readonly logPrior: ReadonlyMap<string, number>;
  private readonly label: string | undefined;
  private position = 0;

  constructor(
    private readonly kb: KnowledgeBase,
    options: GuidelineTrackerOptions = {},
  ) {
    this.label = options.intentPrior ? kb.articleForIntent(options.intentPrior.trim())?.id : undefined;
    this.logPrior = logPrior(kb, this.label, options.intentConfidence);
    if (options.packageText) this.remember(options.packageText, null, PACKAGE_WEIGHT);
  }

  addTurn(turn: TrackedTurn): void {
    this.position += 1;
    this.remember(turn.text, turn.index, SPEAKER_WEIGHT[turn.speaker]);
    for (const term of searchTerms(turn.text)) this.heard.add(term);
    this.settleOldMentions();
  }

  private settleOldMentions(): void {
    const oldest = this.position - RECENT_TURNS;
    if (!this.mentions.length || this.mentions[0]!.position >= oldest) return;
    const keep: Mention[] = [];
    for (const mention of this.mentions) {
      if (mention.position >= oldest) keep.push(mention);
      else this.settled.set(mention.term, (this.settled.get(mention.term) ?? 0) + mention.weight * RECENCY_FLOOR);
    }
    this.mentions = keep;
  }

  /** The best `limit` guidelines, best first; `score` is the match's share of belief (all subflows sum to 1). */
  top(limit = 3): GuidelineMatch[] {
    const weights = this.termWeights();
    const evidence = this.evidence(weights);
    const logOdds = new Map(
      this.kb.subflows.map(({ id }) => [id, (evidence.get(id) ?? 0) / EVIDENCE_SCALE + (this.logPrior.get(id) ?? 0)]),
    );
    // Without a word for it, a subflow is only there to fill the list: leave it out.
    return [...softmax(logOdds)]
      .filter(([id]) => evidence.has(id) || id === this.label)
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([id, belief]) => this.match(this.kb.subflow(id)!, belief, weights));
  }

  private remember(text: string, turnIndex: number | null, weight: number): void {
    for (const term of new Set(searchTerms(text))) this.mentions.push({ term, position: this.position, turnIndex, weight });
  }

  private termWeights(): TermWeights {
    const weights: TermWeights = new Map();
    for (const [term, total] of this.settled) weights.set(term, { total, byTurn: new Map() });
    for (const { term, position, turnIndex, weight } of this.mentions) {
      const age = this.position - position;
      const faded = weight * (RECENCY_FLOOR + (1 - RECENCY_FLOOR) * 0.5 ** (age / RECENCY_HALF_LIFE));
      const entry = weights.get(term) ?? { total: 0, byTurn: new Map() };
      entry.total += faded;
      entry.byTurn.set(turnIndex, (entry.byTurn.get(turnIndex) ?? 0) + faded);
      weights.set(term, entry);
    }
    return weights;
  }

  private evidence(weights: TermWeights): Map<string, number> {
    const evidence = new Map<string, number>();
    for (const [term, { total }] of weights) {
      const saturated = saturate(total);
      for (const [id, score] of this.kb.evidence(term)) evidence.set(id, (evidence.get(id) ?? 0) + saturated * score);
    }
    return evidence;
  }

  /** The turns that gave this subflow most of its evidence, in call order. */
  private evidenceTurns(subflowId: string, weights: TermWeights): number[] {
    const perTurn = new Map<number, number>();
    for (const [term, { total, byTurn }] of weights) {
      const score = this.kb.evidence(term).get(subflowId);
      if (!score) continue;
      for (const [turnIndex, weight] of byTurn) {
        if (turnIndex !== null) perTurn.set(turnIndex, (perTurn.get(turnIndex) ?? 0) + (weight / total) * saturate(total) * score);
      }
    }
    if (!perTurn.size) return [];
    const best = Math.max(...perTurn.values());
    return [...perTurn]
      .filter(([, support]) => support >= best * EVIDENCE_SHARE)
      .sort((a, b) => b[1] - a[1])
      .slice(0, MAX_EVIDENCE_TURNS)
      .map(([turnIndex]) => turnIndex)
      .sort((a, b) => a - b);
  }

  private match(subflow: Subflow, belief: number, weights: TermWeights): GuidelineMatch {
    return {
      subflowId: subflow.id,
      flow: subflow.flow,
      title: subflow.title,
      score: Math.round(belief * 1000) / 1000,
      steps: subflow.steps.map((step) => ({ ...step })),
      currentStep: this.currentStep(subflow),
      evidenceTurns: this.evidenceTurns(subflow.id, weights),
    };
  }

  /** The step after the furthest one the call has covered: calls skip and reorder steps, so no strict order. */
  private currentStep(subflow: Subflow): number {
    let furthestDone = -1;
    this.kb.stepCues(subflow.id).forEach((step, position) => {
      const heardUnits = step.units.filter((unit) => unit.some((words) => words.every((word) => this.heard.has(word))));
      if (step.needed > 0 && heardUnits.length >= step.needed) furthestDone = position;
    });
    return Math.min(furthestDone + 1, subflow.steps.length - 1);
  }
}

function saturate(weight: number): number {
  return (weight * (1 + REPEAT_SATURATION)) / (weight + REPEAT_SATURATION);
}

/**
 * Log prior per subflow from the package's label: the label gets its confidence and the others share
 * the rest evenly. (Favouring the label's siblings was tried: it buries the second need of a call that
 * moves on to another flow.) No usable label means no prior at all.
 */
function logPrior(kb: KnowledgeBase, label: string | undefined, intentConfidence: number | undefined): Map<string, number> {
  if (!label) return new Map();
  const confidence = Math.min(0.99, Math.max(0.01, intentConfidence ?? DEFAULT_CONFIDENCE));
  const other = Math.log((1 - confidence) / (kb.subflows.length - 1));
  return new Map(kb.subflows.map(({ id }) => [id, id === label ? Math.log(confidence) : other]));
}

function softmax(logOdds: Map<string, number>): Map<string, number> {
  const max = Math.max(...logOdds.values());
  const exp = [...logOdds].map(([id, value]): [string, number] => [id, Math.exp(value - max)]);
  const total = exp.reduce((sum, [, value]) => sum + value, 0);
  return new Map(exp.map(([id, value]) => [id, value / total]));
}
