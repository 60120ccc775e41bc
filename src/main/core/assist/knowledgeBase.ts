/**
 * The knowledge base of the domain pack in use: which article answers this call, and how far along
 * it the call already is. Matching is lexical (MiniSearch BM25 over each article, with the pack's
 * customer phrasings beside it) and deliberately general: everything it knows comes from the pack's
 * articles and intents, so it behaves the same for any business and on calls it has never seen.
 */
import MiniSearch from 'minisearch';
import type { Article, PackIntent } from '../../../shared/domainPack';
import { ABBREVIATIONS, processTerm, searchTerms, tokenize } from './searchTerms';

// ---------------------------------------------------------------------------------------------
// Public types

export interface GuidelineStep {
  /** The step's stable id ("verify-identity"). */
  id: string;
  button: string;
  /** The article's instruction, its detail lines after it, one per line. */
  text: string;
}

/** One article as the index and the call tracker use it. */
export interface Subflow {
  /** Article id: "broadband_outage". */
  id: string;
  /** Its group in words ("Product Defect"). */
  flow: string;
  title: string;
  flowDescription: string;
  instructions: string[];
  steps: GuidelineStep[];
}

/** Words of an id or title, with abbreviations spelled out: "sim_2fa" → sim two factor auth. */
function nameWords(name: string): string[] {
  return tokenize(name.replace(/[_-]/g, ' ')).flatMap((word) => tokenize(ABBREVIATIONS[word] ?? word));
}

/**
 * What would show that a step has been done: its title's words, and each signal the article gives
 * it (a fact it fills, heard by name or one of a short list of values).
 */
export interface StepCues {
  /** Each unit is a set of alternatives; an alternative is heard when all its words are. */
  units: string[][][];
  /** Units to hear before the step counts as done: half of them, at most two; guides ask for more than calls say. */
  needed: number;
}

const UNITS_FOR_DONE = 2;

function stepCues(step: Article['steps'][number]): StepCues {
  const titleWords = searchTerms(step.title);
  const units = titleWords.length ? [[titleWords]] : [];
  for (const signal of step.signals) units.push(signal.map(searchTerms).filter((words) => words.length > 0));
  return {
    units,
    needed: Math.min(UNITS_FOR_DONE, Math.ceil(units.length / 2)),
  };
}

// ---------------------------------------------------------------------------------------------
// The knowledge base

interface IndexedSubflow {
  id: string;
  title: string;
  aliases: string;
  about: string;
  flow: string;
  flowDescription: string;
  steps: string;
}

/**
 * Field boosts. The subflow's name and the guide's description of the customer's need weigh most;
 * names not much more, since a title word said in passing ("at no cost") must not outshout a need
 * described in several words. The flow's words help route; the procedure's wording is mostly shared.
 */
const FIELD_BOOSTS: Record<Exclude<keyof IndexedSubflow, 'id'>, number> = {
  title: 3,
  aliases: 2.5,
  about: 3,
  flow: 1.5,
  flowDescription: 1,
  steps: 1,
};

/** Built from a domain pack's articles and intents (see pack/domainPackLoader.ts); shared by all calls. */
export class KnowledgeBase {
  readonly subflows: readonly Subflow[];
  private readonly byId: Map<string, Subflow>;
  private readonly byIntent = new Map<string, string>();
  private readonly index: MiniSearch<IndexedSubflow>;
  private readonly cues: Map<string, StepCues[]>;
  private readonly factsByStep = new Map<string, readonly string[]>();
  /** term → evidence per subflow; calls share most of their vocabulary, so this warms up fast. */
  private readonly evidenceCache = new Map<string, ReadonlyMap<string, number>>();

  private readonly documents: IndexedSubflow[];

  /**
   * Indexes at once (tests, small packs). `KnowledgeBase.build` indexes in slices so a desk loading a
   * large pack keeps answering meanwhile.
   */
  constructor(articles: readonly Article[], intents: readonly PackIntent[] = [], options: { deferIndex?: boolean } = {}) {
    this.subflows = articles.map((article) => ({
      id: article.id,
      flow: article.group,
      title: article.title,
      flowDescription: article.groupDescription,
      instructions: article.description
        ? article.description
            .split(/\n{2,}/)
            .map((line) => line.trim())
            .filter(Boolean)
        : [],
      steps: article.steps.map((step) => ({ id: step.id, button: step.title, text: step.text })),
    }));
    this.byId = new Map(this.subflows.map((subflow) => [subflow.id, subflow]));
    for (const article of articles) {
      for (const intent of article.intents) if (!this.byIntent.has(intent)) this.byIntent.set(intent, article.id);
      for (const step of article.steps) if (!this.factsByStep.has(step.id)) this.factsByStep.set(step.id, step.facts);
    }
    this.cues = new Map(articles.map((article) => [article.id, article.steps.map(stepCues)]));
    const phrasings = new Map(intents.map((intent) => [intent.id, intent.phrasings.join('\n')]));
    this.index = new MiniSearch<IndexedSubflow>({
      fields: Object.keys(FIELD_BOOSTS),
      tokenize,
      processTerm,
      searchOptions: {
        boost: FIELD_BOOSTS,
        prefix: (term) => term.length >= 4,
        fuzzy: (term) => (term.length >= 6 ? 0.2 : false),
        maxFuzzy: 2,
      },
    });
    this.documents = articles.map((article, i) =>
      indexedSubflow(this.subflows[i]!, article.intents.map((intent) => phrasings.get(intent) ?? '').join('\n')),
    );
    if (options.deferIndex) return;
    this.index.addAll(this.documents);
    // Looking up every word the articles use now (~50 ms for the demo pack) keeps the first turns of the first call fast.
    for (const term of this.vocabulary()) this.evidence(term);
  }

  /** Indexes in slices between which the event loop runs; the word warm-up then goes on in the background. */
  static async build(articles: readonly Article[], intents: readonly PackIntent[] = []): Promise<KnowledgeBase> {
    const kb = new KnowledgeBase(articles, intents, { deferIndex: true });
    await kb.index.addAllAsync(kb.documents, { chunkSize: 25 });
    kb.warmUpInBackground();
    return kb;
  }

  private vocabulary(): Set<string> {
    return new Set(this.documents.flatMap((document) => searchTerms(Object.values(document).join('\n'))));
  }

  private warmUpInBackground(): void {
    const pending = [...this.vocabulary()];
    const step = () => {
      const until = Date.now() + 8;
      while (pending.length && Date.now() < until) this.evidence(pending.pop()!);
      if (pending.length) setImmediate(step).unref?.();
    };
    setImmediate(step).unref?.();
  }

  subflow(id: string): Subflow | undefined {
    return this.byId.get(id);
  }

  /** The article a package's intent points at: the article of that id, or the first that answers the intent. */
  articleForIntent(intent: string): Subflow | undefined {
    return this.byId.get(intent) ?? this.byId.get(this.byIntent.get(intent) ?? '');
  }

  /** The guidelines that best match free text (the model's search_kb tool), best first. */
  search(query: string, limit = 3): Subflow[] {
    return this.index
      .search(query.slice(0, 500))
      .slice(0, limit)
      .map((result) => this.byId.get(String(result.id))!);
  }

  /** How strongly one (processed) term points at each subflow. */
  evidence(term: string): ReadonlyMap<string, number> {
    let evidence = this.evidenceCache.get(term);
    if (!evidence) {
      // The term is already processed; processing it again could stem a stem.
      const results = this.index.search(term, { processTerm: (same) => same });
      evidence = new Map(results.map((result) => [String(result.id), result.score]));
      // Speech brings endless new words (names, typos); a long-running desk must not hoard them.
      if (this.evidenceCache.size > 50_000) this.evidenceCache.clear();
      this.evidenceCache.set(term, evidence);
    }
    return evidence;
  }

  /** The facts a step fills (e.g. verify-identity → customer_name, account_id, order_id, zip_code). */
  stepSlots(stepId: string): readonly string[] {
    return this.factsByStep.get(stepId) ?? [];
  }

  /** Per step of the article, the cues that show it done. */
  stepCues(subflowId: string): readonly StepCues[] {
    return this.cues.get(subflowId) ?? [];
  }
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '');
}

function indexedSubflow(subflow: Subflow, phrasings: string): IndexedSubflow {
  return {
    id: subflow.id,
    title: subflow.title,
    aliases: nameWords(subflow.id).join(' '),
    about: [...subflow.instructions, phrasings].join('\n'),
    flow: `${subflow.flow} ${nameWords(slug(subflow.flow)).join(' ')}`,
    flowDescription: subflow.flowDescription,
    steps: subflow.steps.map((step) => `${step.button}\n${step.text}`).join('\n'),
  };
}
