/**
 * Word clusters for the steering classifier: each of ~100 000 English words belongs to one of a few
 * hundred clusters of words with similar pretrained vectors (k-means, tools/train-steering/wordClusters.ts),
 * so a wording the training data never used ("copilot, jot down that…") shares features with one it
 * did ("assistant, write down that…"). Shipped as resources/models/word-clusters-v1.json, one line of
 * space-separated words per cluster; checked with zod and a digest of its words when loaded, and
 * looked up by the same FNV-1a hash of a word that steeringFeatures.ts computes as it reads it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { forEachWordHash } from './steeringFeatures';

export const WORD_CLUSTERS_FORMAT = 'word-clusters/1';

export const WordClustersFileSchema = z.object({
  format: z.literal(WORD_CLUSTERS_FORMAT),
  name: z.string().min(1),
  source: z.object({
    package: z.string().min(1),
    fitWords: z.number().int().min(1),
    mapWords: z.number().int().min(1),
    seed: z.number().int(),
    method: z.string().min(1),
  }),
  words: z.number().int().min(1),
  /** Cluster i is clusters[i]: its words, lower case, separated by single spaces. */
  clusters: z
    .array(z.string().regex(/^(?:[a-z']+(?: [a-z']+)*)?$/, 'must be lower-case words separated by single spaces'))
    .min(2)
    .max(1 << 16),
  digest: z.string().regex(/^[0-9a-f]{64}$/),
});

export type WordClustersFile = z.infer<typeof WordClustersFileSchema>;

export class WordClustersError extends Error {
  override name = 'WordClustersError';
}

export interface WordClusters {
  readonly name: string;
  readonly digest: string;
  readonly count: number;
  /** The cluster of the word whose FNV-1a hash (wordHash) is `hash`, or -1. */
  clusterOf(hash: number): number;
}

export function wordClustersDigest(clusters: readonly string[]): string {
  return createHash('sha256').update(clusters.join('\n')).digest('hex');
}

export function parseWordClusters(raw: unknown, origin = 'word clusters'): WordClusters {
  const parsed = WordClustersFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new WordClustersError(
      `${origin} is not a valid ${WORD_CLUSTERS_FORMAT} file at ${issue.path.join('.') || 'top level'}: ${issue.message}`,
    );
  }
  const file = parsed.data;
  if (wordClustersDigest(file.clusters) !== file.digest) {
    throw new WordClustersError(`${origin} is damaged: its words do not match its digest`);
  }
  // Open addressing on the 32-bit hash: a few milliseconds to build, one probe or two per word read.
  let size = 1024;
  while (size < file.words * 2) size *= 2;
  const mask = size - 1;
  const keys = new Uint32Array(size);
  const values = new Int32Array(size).fill(-1);
  let words = 0;
  file.clusters.forEach((line, cluster) =>
    forEachWordHash(line, (hash) => {
      let slot = hash & mask;
      while (values[slot] !== -1 && keys[slot] !== hash) slot = (slot + 1) & mask;
      // Two words of one hash (rare): the first, the more frequent, keeps it.
      if (values[slot] === -1) {
        keys[slot] = hash;
        values[slot] = cluster;
        words++;
      }
    }),
  );
  if (words > file.words) throw new WordClustersError(`${origin} is damaged: it declares ${file.words} words but holds more`);
  return {
    name: file.name,
    digest: file.digest,
    count: file.clusters.length,
    clusterOf(hash) {
      let slot = hash & mask;
      while (values[slot] !== -1) {
        if (keys[slot] === hash) return values[slot]!;
        slot = (slot + 1) & mask;
      }
      return -1;
    },
  };
}

export function loadWordClustersFile(filePath: string): WordClusters {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(filePath, 'utf8'));
  } catch (error) {
    throw new WordClustersError(`word clusters ${filePath} cannot be read as JSON: ${(error as Error).message}`);
  }
  return parseWordClusters(raw, `word clusters ${filePath}`);
}
