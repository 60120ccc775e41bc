import { describe, expect, it } from 'vitest';
import { wordHash } from '../../../src/main/core/understanding/steering/steeringFeatures';
import { parseWordClusters } from '../../../src/main/core/understanding/steering/wordClusters';
import { createRandom } from '../../../tools/train-steering/random';
import { deriveClusters, plainWord, type WinkEmbeddings } from '../../../tools/train-steering/wordClusters';

/** Vectors in the package's layout (100 numbers, then the norm and the index): three groups of words around three directions. */
function embeddings(): WinkEmbeddings {
  const random = createRandom(7);
  const groups: Record<string, string[]> = {
    write: ['write', 'jot', 'scribble', 'note-down', 'pencil'],
    delete: ['delete', 'erase', 'scrub', 'wipe', 'remove'],
    robot: ['robot', 'computer', 'copilot', 'bot', 'machine'],
  };
  const words: string[] = [];
  const vectors: Record<string, number[]> = {};
  Object.values(groups).forEach((members, g) => {
    for (const word of members) {
      const vector = Array.from({ length: 100 }, (_, d) => (d % 3 === g ? 1 : 0) + (random.next() - 0.5) * 0.3);
      vectors[word] = [...vector, 1, words.length];
      words.push(word);
    }
  });
  // Spellings the features never see as one word are skipped; a second spelling of a word counts once.
  for (const skipped of ['42', 'a', 'e-mail!', 'Jot']) {
    vectors[skipped] = [...Array.from({ length: 100 }, () => random.next()), 1, words.length];
    words.push(skipped);
  }
  return { dimensions: 100, words, vectors };
}

describe('wordClusters tool', () => {
  it('reads words as the canonicaliser leaves them', () => {
    expect(plainWord('Note-Taker')).toBe('notetaker');
    expect(plainWord('café')).toBe('cafe');
    expect(plainWord("o'brien")).toBe("o'brien");
    expect(plainWord('a')).toBeNull();
    expect(plainWord('42')).toBeNull();
    expect(plainWord('e-mail!')).toBeNull();
  });

  it('finds the groups, deterministically, and writes a file the app loads', () => {
    const options = { clusters: 3, fitWords: 100, mapWords: 100, seed: 1 };
    const file = deriveClusters(embeddings(), options);
    expect(deriveClusters(embeddings(), options)).toEqual(file);
    expect(file.words).toBe(15);
    const clusters = parseWordClusters(file, 'derived clusters');
    const of = (word: string): number => clusters.clusterOf(wordHash(word));
    expect(new Set(['write', 'jot', 'scribble', 'notedown', 'pencil'].map(of)).size).toBe(1);
    expect(new Set(['delete', 'erase', 'scrub', 'wipe', 'remove'].map(of)).size).toBe(1);
    expect(new Set(['robot', 'computer', 'copilot', 'bot', 'machine'].map(of)).size).toBe(1);
    expect(new Set([of('jot'), of('erase'), of('copilot')]).size).toBe(3);
    expect(of('42')).toBe(-1);
  });

  it('fits on the commonest words and assigns the rest to the nearest centroid', () => {
    const file = deriveClusters(embeddings(), { clusters: 3, fitWords: 9, mapWords: 15, seed: 1 });
    expect(file.source).toMatchObject({ fitWords: 9, mapWords: 15 });
    const clusters = parseWordClusters(file, 'derived clusters');
    const of = (word: string): number => clusters.clusterOf(wordHash(word));
    // "machine" is the 15th word, never fitted, and still joins its group.
    expect(of('machine')).toBe(of('robot'));
    expect(of('erase')).toBe(of('delete'));
  });
});
