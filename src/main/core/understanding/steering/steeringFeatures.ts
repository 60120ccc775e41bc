/**
 * Hashed features for the steering classifier, shared by training (tools/train-steering) and the
 * app so both see the same numbers: word 1-2-grams and character 3-5-grams of each sentence of the
 * canonical text, plus where the text came from, and (feature sets with clusters) the 1-2-grams of
 * the words' clusters (wordClusters.ts), which carry a wording to its unseen synonyms. Each feature is an FNV-1a hash folded into
 * `buckets`. A piece of text is the occurrences of its sentences' features, each worth
 * 1/sqrt(count), so a text's score is a sum of per-sentence sums: sentences, neighbouring pairs
 * and the whole text are all scored from one pass (see steeringModel.ts).
 */
import type { SteeringSource } from './steeringTypes';
import type { WordClusters } from './wordClusters';

export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function mix(hash: number, code: number): number {
  return Math.imul(hash ^ code, FNV_PRIME) >>> 0;
}

function hashString(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = mix(hash, text.charCodeAt(i));
  return hash;
}

/** A word's FNV-1a hash as sentenceFeatures computes it while reading (word clusters are keyed by it). */
export function wordHash(word: string): number {
  return hashString(FNV_OFFSET, word);
}

/** The wordHash of each word of a space-separated list, without cutting the list into strings. */
export function forEachWordHash(words: string, visit: (hash: number) => void): void {
  let hash = FNV_OFFSET;
  let empty = true;
  for (let i = 0; i < words.length; i++) {
    const code = words.charCodeAt(i);
    if (code === 32) {
      if (!empty) visit(hash);
      hash = FNV_OFFSET;
      empty = true;
    } else {
      hash = mix(hash, code);
      empty = false;
    }
  }
  if (!empty) visit(hash);
}

const WORD_SEED = hashString(FNV_OFFSET, 'w:');
const PAIR_SEED = hashString(FNV_OFFSET, 'b:');
const CHAR_SEED = hashString(FNV_OFFSET, 'c:');
const START_WORD = hashString(FNV_OFFSET, '<s>');
const END_WORD = hashString(FNV_OFFSET, '</s>');
const SPACE = 32;

const SENTENCE = /[^.!?\n]+[.!?\n]*/g;
let CHARS = new Int32Array(1024);

export function sentencesOf(canonical: string): string[] {
  return canonical.match(SENTENCE) ?? [];
}

export function whereIndex(where: SteeringSource, buckets: number): number {
  return hashString(FNV_OFFSET, `where:${where}`) % buckets;
}

function isWordChar(code: number): boolean {
  // ASCII letters and digits, the apostrophe, and anything beyond ASCII (letters after NFKC).
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || code === 39 || (code >= 65 && code <= 90) || code > 127;
}

function isMark(code: number): boolean {
  return code === 63 || code === 58 || code === 33; // ? : !
}

/** Where feature indices go: a list (training) or a running sum of weights (scoring). */
export interface FeatureSink {
  add(index: number): void;
}

/**
 * The feature sets a model can be trained on. A model file names its set, and the set's version
 * changes whenever what it computes changes, so a model is never scored with features it was not
 * trained on.
 */
export const FEATURE_SETS = {
  /** Word 1-2-grams and character 3-5-grams. */
  'ngrams/1': { clusters: false, mixes: false },
  /** Plus the word clusters' 1-2-grams. */
  'ngrams+clusters/1': { clusters: true, mixes: false },
  /** Plus pairs of a cluster and the neighbouring word, each way. */
  'ngrams+clusters+mixes/1': { clusters: true, mixes: true },
} as const;
export type FeatureSetName = keyof typeof FEATURE_SETS;

/** What sentenceFeatures computes: the n-grams always; the cluster features when clusters are given. */
export interface FeatureOptions {
  clusters?: WordClusters;
  mixes?: boolean;
}

const CLUSTER_SEED = hashString(FNV_OFFSET, 'k:');
const CLUSTER_PAIR_SEED = hashString(FNV_OFFSET, 'kk:');
const CLUSTER_WORD_SEED = hashString(FNV_OFFSET, 'kw:');
const WORD_CLUSTER_SEED = hashString(FNV_OFFSET, 'wk:');
/** Cluster stand-ins: the sentence's edges, words outside the vocabulary, and each mark. */
const START_CLUSTER = 0x10000;
const END_CLUSTER = 0x10001;
const NO_CLUSTER = 0x10002;
const MARK_CLUSTER = 0x10010;

/** Feeds the feature indices of one sentence to `sink`; returns how many there were. */
export function sentenceFeatures(sentence: string, buckets: number, sink: FeatureSink, options: FeatureOptions = {}): number {
  const { clusters, mixes = false } = options;
  let count = 0;
  // Words and marks, each hashed as it is read (no substrings).
  let previous = START_WORD;
  let previousCluster = START_CLUSTER;
  let i = 0;
  const n = sentence.length;
  while (i < n) {
    const code = sentence.charCodeAt(i);
    if (isWordChar(code) || isMark(code)) {
      let word = WORD_SEED;
      let plain = FNV_OFFSET;
      // For the cluster look-up: the word without its apostrophes ("dont"), and up to the first one ("whoever").
      let unquoted = FNV_OFFSET;
      let stem = FNV_OFFSET;
      let apostrophe = false;
      let cluster: number;
      if (isMark(code)) {
        word = mix(word, code);
        plain = mix(plain, code);
        i++;
        cluster = MARK_CLUSTER + code;
      } else {
        while (i < n && isWordChar(sentence.charCodeAt(i))) {
          const c = sentence.charCodeAt(i);
          word = mix(word, c);
          plain = mix(plain, c);
          if (c === 39) apostrophe = true;
          else {
            unquoted = mix(unquoted, c);
            if (!apostrophe) stem = mix(stem, c);
          }
          i++;
        }
        cluster = NO_CLUSTER;
        if (clusters) {
          let found = clusters.clusterOf(plain);
          if (found < 0 && apostrophe) found = clusters.clusterOf(unquoted);
          if (found < 0 && apostrophe) found = clusters.clusterOf(stem);
          if (found >= 0) cluster = found;
        }
      }
      sink.add(word % buckets);
      sink.add(mix(mix(PAIR_SEED ^ previous, SPACE), plain) % buckets);
      count += 2;
      if (clusters) {
        if (cluster !== NO_CLUSTER) {
          sink.add(mix(CLUSTER_SEED, cluster) % buckets);
          count++;
        }
        sink.add(mix(mix(CLUSTER_PAIR_SEED, previousCluster), cluster) % buckets);
        count++;
        if (mixes) {
          if (previousCluster !== NO_CLUSTER) sink.add(mix(mix(CLUSTER_WORD_SEED, previousCluster), plain) % buckets);
          if (cluster !== NO_CLUSTER) sink.add(mix(mix(WORD_CLUSTER_SEED, previous), cluster) % buckets);
          count += (previousCluster !== NO_CLUSTER ? 1 : 0) + (cluster !== NO_CLUSTER ? 1 : 0);
        }
      }
      previous = plain;
      previousCluster = cluster;
    } else i++;
  }
  sink.add(mix(mix(PAIR_SEED ^ previous, SPACE), END_WORD) % buckets);
  count++;
  if (clusters) {
    sink.add(mix(mix(CLUSTER_PAIR_SEED, previousCluster), END_CLUSTER) % buckets);
    count++;
  }
  // Character 3-5-grams over the sentence padded with spaces, each run of separators read as one
  // space; the collapsed characters go to a reused buffer, and each start position hashes its
  // 3-, 4- and 5-gram in one run of five steps.
  if (CHARS.length < n + 2) CHARS = new Int32Array(2 * n + 2);
  let length = 0;
  CHARS[length++] = SPACE;
  for (let k = 0; k < n; k++) {
    let code = sentence.charCodeAt(k);
    if (!(isWordChar(code) || isMark(code))) code = SPACE;
    if (code === SPACE && CHARS[length - 1] === SPACE) continue;
    CHARS[length++] = code;
  }
  if (CHARS[length - 1] !== SPACE) CHARS[length++] = SPACE;
  for (let start = 0; start + 3 <= length; start++) {
    let hash = mix(mix(CHAR_SEED, CHARS[start]!), CHARS[start + 1]!);
    for (let size = 3; size <= 5 && start + size <= length; size++) {
      hash = mix(hash, CHARS[start + size - 1]!);
      sink.add(mix(hash, size) % buckets);
      count++;
    }
  }
  return count;
}

/** The features of a whole canonical text, as the trainer sees it. */
export function featurise(canonical: string, where: SteeringSource, buckets: number, options: FeatureOptions = {}): SparseVector {
  const out: number[] = [whereIndex(where, buckets)];
  const sink: FeatureSink = { add: (index) => out.push(index) };
  for (const sentence of sentencesOf(canonical)) sentenceFeatures(sentence, buckets, sink, options);
  const value = 1 / Math.sqrt(out.length);
  return { indices: Int32Array.from(out), values: new Float32Array(out.length).fill(value) };
}
