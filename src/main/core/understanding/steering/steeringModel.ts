/**
 * The trained steering classifier: logistic regression over hashed features (steeringFeatures.ts),
 * shipped as resources/models/steering-v1.json and checked with zod and a SHA-256 of its weights
 * when loaded, so a damaged or hand-edited file is refused with a message instead of scoring nonsense.
 * The file also carries how rules and classifier are combined, chosen by measurement at training.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import {
  FEATURE_SETS,
  sentenceFeatures,
  sentencesOf,
  whereIndex,
  type FeatureOptions,
  type FeatureSetName,
  type FeatureSink,
} from './steeringFeatures';
import type { SteeringSource } from './steeringTypes';
import type { WordClusters } from './wordClusters';

/** /2: the file names the feature set it was trained on (and the word clusters, if the set reads them). */
export const STEERING_MODEL_FORMAT = 'steering-classifier/2';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const Figures = z.object({
  precision: z.number(),
  recall: z.number(),
  falsePositiveRate: z.number(),
  attempts: z.number().int(),
  ordinary: z.number().int(),
});

export const SteeringModelFileSchema = z.object({
  format: z.literal(STEERING_MODEL_FORMAT),
  name: z.string().min(1),
  buckets: z
    .number()
    .int()
    .min(1024)
    .max(1 << 24),
  bias: z.number().finite(),
  features: z.object({
    set: z.enum(Object.keys(FEATURE_SETS) as [FeatureSetName, ...FeatureSetName[]]),
    /** The word clusters the set was trained with: their name and the digest of their words. */
    clusters: z.object({ name: z.string().min(1), digest: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  }),
  weights: z.object({ indices: Base64, values: Base64, count: z.number().int().min(1) }),
  weightsSha256: z.string().regex(/^[0-9a-f]{64}$/),
  combination: z.object({
    /** A rule hit counts when the classifier gives at least this (0: any rule hit; above 1: never). */
    ruleGate: z.number().min(0),
    /** The classifier alone flags at or above this (above 1: never). */
    threshold: z.number().min(0),
    chosen: z.string().min(1),
  }),
  training: z.object({
    dataSha256: z.string().regex(/^[0-9a-f]{64}$/),
    seed: z.number().int(),
    epochs: z.number().int().min(1),
    l2: z.number().min(0),
    learningRate: z.number().positive(),
    examples: z.object({ train: z.number().int(), dev: z.number().int(), heldOut: z.number().int() }),
  }),
  metrics: z.record(z.string(), z.record(z.string(), Figures)),
});

export type SteeringModelFile = z.infer<typeof SteeringModelFileSchema>;

export class SteeringModelError extends Error {
  override name = 'SteeringModelError';
}

export interface SteeringModel {
  readonly file: SteeringModelFile;
  /** What the features are computed with, as the model was trained. */
  readonly features: FeatureOptions;
  /** A sink that sums the weights of the features fed to it. */
  sink(): FeatureSink & { total: number };
  /** The logit of a piece whose features sum to `sum` over `count` occurrences. */
  combine(sum: number, count: number, where: SteeringSource): number;
  logit(indices: readonly number[], where: SteeringSource): number;
}

export function weightsDigest(indices: string, values: string): string {
  return createHash('sha256').update(indices).update('\n').update(values).digest('hex');
}

/**
 * `clusters`: the word clusters to read the text with, needed when the model's feature set reads
 * clusters, and then they must be the very ones it was trained with.
 */
export function parseSteeringModel(raw: unknown, origin = 'steering model', clusters?: WordClusters): SteeringModel {
  const parsed = SteeringModelFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SteeringModelError(
      `${origin} is not a valid ${STEERING_MODEL_FORMAT} file at ${issue.path.join('.') || 'top level'}: ${issue.message}`,
    );
  }
  const file = parsed.data;
  if (weightsDigest(file.weights.indices, file.weights.values) !== file.weightsSha256) {
    throw new SteeringModelError(`${origin} is damaged: its weights do not match weightsSha256`);
  }
  const indexBytes = Buffer.from(file.weights.indices, 'base64');
  const valueBytes = Buffer.from(file.weights.values, 'base64');
  if (indexBytes.length !== file.weights.count * 4 || valueBytes.length !== file.weights.count * 4) {
    throw new SteeringModelError(`${origin} is damaged: it declares ${file.weights.count} weights but holds ${indexBytes.length / 4}`);
  }
  const features = featureOptions(file, origin, clusters);
  const dense = new Float32Array(file.buckets);
  for (let i = 0; i < file.weights.count; i++) {
    const index = indexBytes.readInt32LE(i * 4);
    const value = valueBytes.readFloatLE(i * 4);
    if (index < 0 || index >= file.buckets || !Number.isFinite(value)) {
      throw new SteeringModelError(`${origin} is damaged: weight ${i} is out of range`);
    }
    dense[index] = value;
  }
  const whereWeight = {
    customer: dense[whereIndex('customer', file.buckets)]!,
    agent: dense[whereIndex('agent', file.buckets)]!,
    package: dense[whereIndex('package', file.buckets)]!,
  };
  const sink = (): FeatureSink & { total: number } => {
    const summing = {
      total: 0,
      add(index: number): void {
        summing.total += dense[index]!;
      },
    };
    return summing;
  };
  const combine = (total: number, count: number, where: SteeringSource): number =>
    file.bias + (whereWeight[where] + total) / Math.sqrt(count + 1);
  return {
    file,
    features,
    sink,
    combine,
    logit(indices, where) {
      const summing = sink();
      for (const index of indices) summing.add(index);
      return combine(summing.total, indices.length, where);
    },
  };
}

function featureOptions(file: SteeringModelFile, origin: string, clusters: WordClusters | undefined): FeatureOptions {
  const set = FEATURE_SETS[file.features.set];
  if (!set.clusters) return {};
  const wanted = file.features.clusters;
  if (!wanted) throw new SteeringModelError(`${origin} is damaged: feature set ${file.features.set} names no word clusters`);
  if (!clusters) {
    throw new SteeringModelError(`${origin} reads word clusters ${wanted.name} (feature set ${file.features.set}), but none were given`);
  }
  if (clusters.digest !== wanted.digest) {
    throw new SteeringModelError(
      `${origin} was trained with word clusters ${wanted.name} (digest ${wanted.digest.slice(0, 12)}…), not with ${clusters.name} (digest ${clusters.digest.slice(0, 12)}…): retrain it (npm run train:steering)`,
    );
  }
  return { clusters, mixes: set.mixes };
}

const WHOLE_TEXT_LIMIT = 600;

/**
 * The classifier's highest probability over the pieces of a canonical text: each sentence, each
 * pair of neighbouring sentences, and (for a short text) the whole, all from one pass.
 */
export function classifierScore(model: SteeringModel, canonical: string, where: SteeringSource): number {
  const sentences = sentencesOf(canonical);
  if (sentences.length === 0) return 1 / (1 + Math.exp(-model.logit([], where)));
  const sums: number[] = [];
  const counts: number[] = [];
  const sink = model.sink();
  for (const sentence of sentences) {
    sink.total = 0;
    counts.push(sentenceFeatures(sentence, model.file.buckets, sink, model.features));
    sums.push(sink.total);
  }
  let best = -Infinity;
  let totalSum = 0;
  let totalCount = 0;
  for (let i = 0; i < sentences.length; i++) {
    best = Math.max(best, model.combine(sums[i]!, counts[i]!, where));
    if (i > 0) best = Math.max(best, model.combine(sums[i - 1]! + sums[i]!, counts[i - 1]! + counts[i]!, where));
    totalSum += sums[i]!;
    totalCount += counts[i]!;
  }
  if (canonical.length <= WHOLE_TEXT_LIMIT) best = Math.max(best, model.combine(totalSum, totalCount, where));
  return 1 / (1 + Math.exp(-best));
}

export function loadSteeringModelFile(filePath: string, clusters?: WordClusters): SteeringModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    throw new SteeringModelError(`steering model ${filePath} cannot be read as JSON: ${(error as Error).message}`);
  }
  return parseSteeringModel(raw, `steering model ${filePath}`, clusters);
}

/** Encodes trained weights for the model file (used by tools/train-steering). */
export function encodeWeights(weights: Float32Array, minimum: number): { indices: string; values: string; count: number } {
  const kept: number[] = [];
  for (let i = 0; i < weights.length; i++) if (Math.abs(weights[i]!) >= minimum) kept.push(i);
  const indexBytes = Buffer.alloc(kept.length * 4);
  const valueBytes = Buffer.alloc(kept.length * 4);
  kept.forEach((index, i) => {
    indexBytes.writeInt32LE(index, i * 4);
    valueBytes.writeFloatLE(weights[index]!, i * 4);
  });
  return { indices: indexBytes.toString('base64'), values: valueBytes.toString('base64'), count: kept.length };
}
