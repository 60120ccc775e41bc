/**
 * The trained steering classifier: logistic regression over hashed features (steeringFeatures.ts),
 * shipped as resources/models/steering-v1.json and checked with zod and a SHA-256 of its weights
 * when loaded, so a damaged or hand-edited file is refused with a message instead of scoring nonsense.
 * The file also carries how rules and classifier are combined, chosen by measurement at training.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { featurise } from './steeringFeatures';
import type { SteeringSource } from './steeringTypes';

export const STEERING_MODEL_FORMAT = 'steering-classifier/1';

const Base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64');
const Figures = z.object({ precision: z.number(), recall: z.number(), falsePositiveRate: z.number(), attempts: z.number().int(), ordinary: z.number().int() });

export const SteeringModelFileSchema = z.object({
  format: z.literal(STEERING_MODEL_FORMAT),
  name: z.string().min(1),
  buckets: z.number().int().min(1024).max(1 << 24),
  bias: z.number().finite(),
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
  /** Probability (0..1) that one piece of canonical text is an attempt. */
  probability(canonical: string, where: SteeringSource): number;
}

export function weightsDigest(indices: string, values: string): string {
  return createHash('sha256').update(indices).update('\n').update(values).digest('hex');
}

export function parseSteeringModel(raw: unknown, origin = 'steering model'): SteeringModel {
  const parsed = SteeringModelFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new SteeringModelError(`${origin} is not a valid ${STEERING_MODEL_FORMAT} file at ${issue.path.join('.') || 'top level'}: ${issue.message}`);
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
  const dense = new Float32Array(file.buckets);
  for (let i = 0; i < file.weights.count; i++) {
    const index = indexBytes.readInt32LE(i * 4);
    const value = valueBytes.readFloatLE(i * 4);
    if (index < 0 || index >= file.buckets || !Number.isFinite(value)) {
      throw new SteeringModelError(`${origin} is damaged: weight ${i} is out of range`);
    }
    dense[index] = value;
  }
  return {
    file,
    probability(canonical, where) {
      const x = featurise(canonical, where, file.buckets);
      let z = file.bias;
      for (let i = 0; i < x.indices.length; i++) z += dense[x.indices[i]!]! * x.values[i]!;
      return 1 / (1 + Math.exp(-z));
    },
  };
}

const WHOLE_TEXT_LIMIT = 600;
const SENTENCE = /[^.!?\n]+[.!?\n]*/g;

/** The classifier's highest probability over the pieces of a canonical text. */
export function classifierScore(model: SteeringModel, canonical: string, where: SteeringSource): number {
  if (canonical.length <= WHOLE_TEXT_LIMIT) {
    let best = model.probability(canonical, where);
    if (best > 0.999) return best;
    const sentences = canonical.match(SENTENCE) ?? [];
    if (sentences.length > 1) for (const sentence of sentences) best = Math.max(best, model.probability(sentence, where));
    return best;
  }
  const sentences = canonical.match(SENTENCE) ?? [canonical];
  let best = 0;
  for (let i = 0; i < sentences.length; i++) {
    best = Math.max(best, model.probability(sentences[i]!, where));
    if (i > 0) best = Math.max(best, model.probability(sentences[i - 1]! + sentences[i]!, where));
  }
  return best;
}

export function loadSteeringModelFile(filePath: string): SteeringModel {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    throw new SteeringModelError(`steering model ${filePath} cannot be read as JSON: ${(error as Error).message}`);
  }
  return parseSteeringModel(raw, `steering model ${filePath}`);
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
