/**
 * Hashed features for the steering classifier, shared by training (tools/train-steering) and the
 * app so both see the same numbers: word 1-2-grams and character 3-5-grams of the canonical text,
 * plus where the text came from. Each feature is an FNV-1a hash folded into `buckets`; counts are
 * scaled to unit length so a long text does not look more certain than a short one.
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

const WORD = /[\p{L}\p{N}']+|[?:!]/gu;

export function featurise(canonical: string, where: SteeringSource, buckets: number): SparseVector {
  const counts = new Map<number, number>();
  const add = (hash: number): void => {
    const index = hash % buckets;
    counts.set(index, (counts.get(index) ?? 0) + 1);
  };
  add(hashString(FNV_OFFSET, `where:${where}`));
  let previous = '<s>';
  for (const match of canonical.matchAll(WORD)) {
    const word = match[0];
    add(hashString(WORD_SEED, word));
    add(hashString(mix(hashString(PAIR_SEED, previous), 32), word));
    previous = word;
  }
  add(hashString(mix(hashString(PAIR_SEED, previous), 32), '</s>'));
  // Character n-grams over the text with collapsed separators, hashed incrementally (no substrings).
  const chars = ` ${canonical.replace(/[^\p{L}\p{N}?:!']+/gu, ' ')} `;
  for (let start = 0; start + 3 <= chars.length; start++) {
    let hash = CHAR_SEED;
    for (let length = 1; length <= 5 && start + length <= chars.length; length++) {
      hash = mix(hash, chars.charCodeAt(start + length - 1));
      if (length >= 3) add(mix(hash, length));
    }
  }
  const indices = Int32Array.from(counts.keys());
  const values = new Float32Array(indices.length);
  let norm = 0;
  for (const count of counts.values()) norm += count * count;
  const scale = 1 / Math.sqrt(norm || 1);
  let i = 0;
  for (const count of counts.values()) values[i++] = count * scale;
  return { indices, values };
}
