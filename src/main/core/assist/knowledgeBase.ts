/**
 * The guideline knowledge base (ABCD): which agent-facing guideline answers this call, and how far
 * along it the call already is. Matching is lexical (MiniSearch BM25 over each subflow's guideline)
 * and deliberately general: everything it knows comes from the three data files, so it behaves the
 * same on calls it has never seen.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { z } from 'zod';
import type { TranscriptTurn } from '../../../shared/callState';
import { CUSTOMER_PHRASINGS } from './customerPhrasings';

// ---------------------------------------------------------------------------------------------
// Data files

const GuidelineActionSchema = z.object({
  type: z.string(),
  button: z.string(),
  text: z.string(),
  subtext: z.array(z.string()),
});

const GuidelinesSchema = z.record(
  z.string(),
  z.object({
    description: z.string(),
    subflows: z.record(
      z.string(),
      z.object({
        actions: z.array(GuidelineActionSchema).min(1),
        instructions: z.array(z.string()).default([]),
      }),
    ),
  }),
);

/** kb.json: subflow id → the ontology actions its guideline uses. */
const StepListsSchema = z.record(z.string(), z.array(z.string()).min(1));

const OntologySchema = z.object({
  intents: z.object({
    flows: z.array(z.string()).min(1),
    subflows: z.record(z.string(), z.array(z.string()).min(1)),
  }),
  /** action kind → action id → the slots the action fills. */
  actions: z.record(z.string(), z.record(z.string(), z.array(z.string()))),
  values: z.object({ enumerable: z.record(z.string(), z.array(z.string())) }),
});

type GuidelineAction = z.infer<typeof GuidelineActionSchema>;
type Ontology = z.infer<typeof OntologySchema>;

export interface KnowledgeBaseSources {
  guidelines: unknown;
  kb: unknown;
  ontology: unknown;
}

// ---------------------------------------------------------------------------------------------
// Public types

export interface GuidelineStep {
  /** The ontology action id ("verify-identity"), or "<type>-<position>" for a step with no action. */
  id: string;
  button: string;
  /** The guideline's instruction, its detail lines after it, one per line. */
  text: string;
}

export interface Subflow {
  /** Ontology subflow id: "return_size". */
  id: string;
  /** Ontology flow id: "product_defect". */
  flowId: string;
  /** Guideline flow title: "Product Defect". */
  flow: string;
  /** Guideline subflow title: "Return Due to Size". */
  title: string;
  flowDescription: string;
  instructions: string[];
  steps: GuidelineStep[];
}

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
// Words

/** Function words, and the fillers and pleasantries of speech, which say nothing about the need. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any anything are as at be because been before being below ' +
    'between both but by can cannot could did do does doing don didn doesn isn wasn aren weren hasn haven hadn couldn ' +
    'wouldn shouldn won ain down during each even every everything few for from further had has have having he her ' +
    'here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not ' +
    'nothing of off on once one only or other our ours ourselves out over own same she should so some something ' +
    'such than that the their theirs them themselves then there these they this those through to too under until ' +
    'up very was we were what when where which while who whom why will with would you your yours yourself ' +
    'yourselves um umm uh uhh hmm mm ah oh ok okay yeah yep yup yes nope nah like well really actually honestly ' +
    'basically literally totally kinda sorta gonna wanna gotta hey hi hello bye goodbye thanks thank please sorry ' +
    'alright right sure cool great perfect awesome wow huh fine got get gets getting know mean guess think maybe ' +
    'still though anyway thing things stuff lot bit let lets go going said say says tell told see look want need ' +
    'wait hold hang dot com etc ie eg ' +
    // Digits said as words are read out ids and phone numbers, not topics.
    'zero oh two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy ' +
    'eighty ninety hundred thousand double triple'
  ).split(' '),
);

/** Abbreviations the data uses in ids but spells out in titles. */
const ABBREVIATIONS: Record<string, string> = { '2fa': 'two factor auth' };

/** Suffix stripping, enough that "stained"/"stain" and "cancelled"/"canceling" meet; not a full Porter. */
function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (/ie[sd]$/.test(w) && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ation', 'ment', 'ing', 'ed', 'ly']) {
    const base = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && base.length >= 3 && /[aeiouy]/.test(base)) {
      w = base;
      if (/([^aeioulsz])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.length > 4 && w.endsWith('ll')) w = w.slice(0, -1);
  if (w.length >= 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Lower-cased words with possessives and contractions folded ("customer's" → customer, "don't" → don). */
function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((token) => token.replace(/^'+|'+$/g, '').replace(/'.*$/, ''))
    .filter((token) => token.length > 0);
}

/** A word as the index keeps it, or null when it carries no meaning here (stop word, number, letter). */
/** No word in any guideline is longer; a 100 KB "word" in hostile text would only cost seconds of fuzzy search. */
const MAX_TERM_LENGTH = 40;

function processTerm(token: string): string | null {
  if (token.length < 2 || token.length > MAX_TERM_LENGTH || STOP_WORDS.has(token) || /^\d+$/.test(token)) return null;
  return stem(token);
}

function terms(text: string): string[] {
  return tokenize(text)
    .map(processTerm)
    .filter((term): term is string => term !== null);
}

/** Words of an id or title, with abbreviations spelled out: "reset_2fa" → reset two factor auth. */
function nameWords(name: string): string[] {
  return tokenize(name.replace(/[_-]/g, ' ')).flatMap((word) => tokenize(ABBREVIATIONS[word] ?? word));
}

// ---------------------------------------------------------------------------------------------
// Titles → ontology ids

/** Words that only join a title together ("Return Due to Size"), so they must not decide a match. */
const TITLE_GLUE = new Set(['due', 'to', 'of', 'faq', 'not']);

function titleTerms(name: string): Set<string> {
  return new Set(
    nameWords(name)
      .filter((word) => !TITLE_GLUE.has(word))
      .map(stem),
  );
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (a.size + b.size - shared || 1);
}

/**
 * Pairs names one-to-one by word overlap, best pairs first, so a weaker claim never takes a name
 * a stronger one wanted. Throws naming whatever is left unpaired: the data changed shape.
 */
function pairByWords(titles: string[], ids: string[], what: string): Map<string, string> {
  const candidates = titles.flatMap((title) =>
    ids.map((id) => ({
      title,
      id,
      score: similarity(titleTerms(title), titleTerms(id)),
    })),
  );
  candidates.sort((a, b) => b.score - a.score);
  const pairs = new Map<string, string>();
  const taken = new Set<string>();
  for (const { title, id, score } of candidates) {
    if (score === 0 || pairs.has(title) || taken.has(id)) continue;
    pairs.set(title, id);
    taken.add(id);
  }
  const lonelyTitles = titles.filter((title) => !pairs.has(title));
  const lonelyIds = ids.filter((id) => !taken.has(id));
  if (lonelyTitles.length || lonelyIds.length) {
    throw new Error(`knowledge base: cannot pair ${what}: guideline [${lonelyTitles.join(', ')}] ↔ ontology [${lonelyIds.join(', ')}]`);
  }
  return pairs;
}

// ---------------------------------------------------------------------------------------------
// Steps

/** Picks the subflow's kb.json action a guideline button names, by shared words ("Boots" → search-boots). */
function actionForButton(button: string, actionIds: string[]): string | undefined {
  const buttonWords = titleTerms(button);
  let best: { id: string; score: number } | undefined;
  for (const id of actionIds) {
    const score = similarity(buttonWords, titleTerms(id));
    if (score > 0 && (!best || score > best.score)) best = { id, score };
  }
  return best?.id;
}

function stepText(action: Pick<GuidelineAction, 'text' | 'subtext'>): string {
  // Some guideline actions carry a bare placeholder ("x") instead of an instruction.
  const lines = [action.text, ...action.subtext].map((line) => line.trim()).filter((line) => line.length > 1);
  return lines.join('\n');
}

function titleCase(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/**
 * The guideline's actions in the guide's order, each tagged with its ontology action. An action the
 * kb lists but the guide only mentions inside another step ("go to [Subscription Status]") follows
 * that step, carrying the lines that mention it.
 */
function buildSteps(actions: GuidelineAction[], actionIds: string[]): GuidelineStep[] {
  const guided = actions.map((action, position) => ({
    id: actionForButton(action.button, actionIds) ?? `${action.type.replace(/\W+/g, '-')}-${position}`,
    button: action.button,
    text: stepText(action),
  }));
  const steps = [...guided];
  for (const id of actionIds) {
    if (guided.some((step) => step.id === id)) continue;
    const button = titleCase(id);
    const mentionsOf = (action: GuidelineAction) => action.subtext.filter((line) => line.includes(`[${button}]`));
    const host = actions.findIndex((action) => mentionsOf(action).length > 0);
    const step = {
      id,
      button,
      text: host < 0 ? '' : mentionsOf(actions[host]!).join('\n'),
    };
    steps.splice(host < 0 ? steps.length : steps.indexOf(guided[host]!) + 1, 0, step);
  }
  return steps;
}

/**
 * What would show that a step has been done: its button's words, and each slot its action fills,
 * heard as the slot's name or one of its values. An "<thing>_id" slot is heard as the thing ("order
 * number"). Long value lists are entities (names, products), not cues.
 */
interface StepCues {
  /** Each unit is a set of alternatives; an alternative is heard when all its words are. */
  units: string[][][];
  /** Units to hear before the step counts as done: half of them, at most two; guides ask for more than calls say. */
  needed: number;
}

const MAX_CUE_VALUES = 8;
const UNITS_FOR_DONE = 2;

function stepCues(step: GuidelineStep, slotsByAction: Map<string, string[]>, values: Record<string, string[]>): StepCues {
  const buttonWords = terms(step.button);
  const units = buttonWords.length ? [[buttonWords]] : [];
  for (const slot of slotsByAction.get(step.id) ?? []) {
    const name = slot.replace(/_slotval$/, '');
    const alternatives = [terms(name.replace(/_/g, ' '))];
    if (name.endsWith('_id')) alternatives.push(terms(name.slice(0, -3)));
    const slotValues = values[slot] ?? [];
    if (slotValues.length <= MAX_CUE_VALUES) alternatives.push(...slotValues.map(terms));
    units.push(alternatives.filter((words) => words.length > 0));
  }
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

/** Built by `loadKnowledgeBase` (or `createKnowledgeBase` from parsed files); shared by all calls. */
export class KnowledgeBase {
  readonly subflows: readonly Subflow[];
  private readonly byId: Map<string, Subflow>;
  private readonly index: MiniSearch<IndexedSubflow>;
  private readonly cues: Map<string, StepCues[]>;
  private readonly slotsByAction: Map<string, string[]>;
  /** term → evidence per subflow; calls share most of their vocabulary, so this warms up fast. */
  private readonly evidenceCache = new Map<string, ReadonlyMap<string, number>>();

  constructor(subflows: Subflow[], ontology: Ontology) {
    this.subflows = subflows;
    this.byId = new Map(subflows.map((subflow) => [subflow.id, subflow]));
    const slotsByAction = new Map(Object.values(ontology.actions).flatMap((kind) => Object.entries(kind)));
    this.slotsByAction = slotsByAction;
    this.cues = new Map(subflows.map((subflow) => [subflow.id, subflow.steps.map((step) => stepCues(step, slotsByAction, ontology.values.enumerable))]));
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
    const documents = subflows.map(indexedSubflow);
    this.index.addAll(documents);
    // Looking up every word the guides use now (~50 ms) keeps the first turns of the first call fast.
    for (const document of documents) for (const term of terms(Object.values(document).join('\n'))) this.evidence(term);
  }

  subflow(id: string): Subflow | undefined {
    return this.byId.get(id);
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

  /** Per step of the subflow, the cues that show it done. */
  /** The ontology slots a step's action fills (e.g. verify-identity → customer_name, account_id, order_id, zip_code). */
  stepSlots(stepId: string): readonly string[] {
    return this.slotsByAction.get(stepId) ?? [];
  }

  stepCues(subflowId: string): readonly StepCues[] {
    return this.cues.get(subflowId) ?? [];
  }
}

function indexedSubflow(subflow: Subflow): IndexedSubflow {
  return {
    id: subflow.id,
    title: subflow.title,
    aliases: nameWords(subflow.id).join(' '),
    about: [...subflow.instructions, CUSTOMER_PHRASINGS[subflow.id] ?? ''].join('\n'),
    flow: `${subflow.flow} ${nameWords(subflow.flowId).join(' ')}`,
    flowDescription: subflow.flowDescription,
    steps: subflow.steps.map((step) => `${step.button}\n${step.text}`).join('\n'),
  };
}

function parse<T>(schema: z.ZodType<T>, value: unknown, file: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`knowledge base: ${file} is not as expected at ${issue.path.join('.') || 'top level'}: ${issue.message}`);
}

export function createKnowledgeBase(sources: KnowledgeBaseSources): KnowledgeBase {
  const guidelines = parse(GuidelinesSchema, sources.guidelines, 'guidelines.json');
  const stepLists = parse(StepListsSchema, sources.kb, 'kb.json');
  const ontology = parse(OntologySchema, sources.ontology, 'ontology.json');

  const flowIds = pairByWords(Object.keys(guidelines), ontology.intents.flows, 'flows');
  const subflows: Subflow[] = [];
  for (const [flowTitle, flow] of Object.entries(guidelines)) {
    const flowId = flowIds.get(flowTitle)!;
    const ids = ontology.intents.subflows[flowId] ?? [];
    const subflowIds = pairByWords(Object.keys(flow.subflows), ids, `the subflows of ${flowTitle}`);
    for (const [title, guideline] of Object.entries(flow.subflows)) {
      const id = subflowIds.get(title)!;
      const actionIds = stepLists[id];
      if (!actionIds) throw new Error(`knowledge base: kb.json has no steps for ${id}`);
      subflows.push({
        id,
        flowId,
        flow: flowTitle,
        title,
        flowDescription: flow.description,
        instructions: guideline.instructions,
        steps: buildSteps(guideline.actions, actionIds),
      });
    }
  }
  return new KnowledgeBase(subflows, ontology);
}

export async function loadKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  const read = async (file: string): Promise<unknown> => {
    const text = await fs.readFile(path.join(dir, file), 'utf8');
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new Error(`knowledge base: ${file} is not valid JSON: ${(error as Error).message}`, { cause: error });
    }
  };
  const [guidelines, kb, ontology] = await Promise.all(['guidelines.json', 'kb.json', 'ontology.json'].map(read));
  return createKnowledgeBase({ guidelines, kb, ontology });
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
    this.label = options.intentPrior ? kb.subflow(options.intentPrior.trim())?.id : undefined;
    this.logPrior = logPrior(kb, this.label, options.intentConfidence);
    if (options.packageText) this.remember(options.packageText, null, PACKAGE_WEIGHT);
  }

  addTurn(turn: TrackedTurn): void {
    this.position += 1;
    this.remember(turn.text, turn.index, SPEAKER_WEIGHT[turn.speaker]);
    for (const term of terms(turn.text)) this.heard.add(term);
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
    const logOdds = new Map(this.kb.subflows.map(({ id }) => [id, (evidence.get(id) ?? 0) / EVIDENCE_SCALE + (this.logPrior.get(id) ?? 0)]));
    // Without a word for it, a subflow is only there to fill the list: leave it out.
    return [...softmax(logOdds)]
      .filter(([id]) => evidence.has(id) || id === this.label)
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([id, belief]) => this.match(this.kb.subflow(id)!, belief, weights));
  }

  private remember(text: string, turnIndex: number | null, weight: number): void {
    for (const term of new Set(terms(text))) this.mentions.push({ term, position: this.position, turnIndex, weight });
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
