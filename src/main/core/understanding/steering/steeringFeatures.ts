/**
 * Hashed features for the steering classifier, shared by training (tools/train-steering) and the
 * app so both see the same numbers: word 1-2-grams and character 3-5-grams of each sentence of the
 * canonical text, plus where the text came from. Each feature is an FNV-1a hash folded into
 * `buckets`. A piece of text is the occurrences of its sentences' features, each worth
 * 1/sqrt(count), so a text's score is a sum of per-sentence sums: sentences, neighbouring pairs
 * and the whole text are all scored from one pass (see steeringModel.ts).
 */
import type { SteeringSource } from './steeringTypes';

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

/** Feeds the feature indices of one sentence to `sink`; returns how many there were. */
export function sentenceFeatures(sentence: string, buckets: number, sink: FeatureSink): number {
  let count = 0;
  // Words and marks, each hashed as it is read (no substrings).
  let previous = START_WORD;
  let i = 0;
  const n = sentence.length;
  while (i < n) {
    const code = sentence.charCodeAt(i);
    if (isWordChar(code) || isMark(code)) {
      let word = WORD_SEED;
      let wordHash = FNV_OFFSET;
      if (isMark(code)) {
        word = mix(word, code);
        wordHash = mix(wordHash, code);
        i++;
      } else {
        while (i < n && isWordChar(sentence.charCodeAt(i))) {
          const c = sentence.charCodeAt(i);
          word = mix(word, c);
          wordHash = mix(wordHash, c);
          i++;
        }
      }
      sink.add(word % buckets);
      sink.add(mix(mix(PAIR_SEED ^ previous, SPACE), wordHash) % buckets);
      count += 2;
      previous = wordHash;
    } else i++;
  }
  sink.add(mix(mix(PAIR_SEED ^ previous, SPACE), END_WORD) % buckets);
  count++;
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
export function featurise(canonical: string, where: SteeringSource, buckets: number): SparseVector {
  const out: number[] = [whereIndex(where, buckets)];
  const sink: FeatureSink = { add: (index) => out.push(index) };
  for (const sentence of sentencesOf(canonical)) sentenceFeatures(sentence, buckets, sink);
  const value = 1 / Math.sqrt(out.length);
  return { indices: Int32Array.from(out), values: new Float32Array(out.length).fill(value) };
}
