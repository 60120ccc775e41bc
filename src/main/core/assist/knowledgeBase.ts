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
import { CUSTOMER_PHRASINGS } from './customerPhrasings';
import { ABBREVIATIONS, processTerm, stem, terms, tokenize } from './kbText';

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
export interface StepCues {
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
