import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedSteeringModel, shippedWordClusters } from '../../../../src/main/core/understanding/steering/detectSteering';
import { FEATURE_SETS, featurise, forEachWordHash, wordHash } from '../../../../src/main/core/understanding/steering/steeringFeatures';
import { parseSteeringModel, SteeringModelError } from '../../../../src/main/core/understanding/steering/steeringModel';
import {
  loadWordClustersFile,
  parseWordClusters,
  wordClustersDigest,
  WordClustersError,
  type WordClustersFile,
} from '../../../../src/main/core/understanding/steering/wordClusters';

const ROOT = path.resolve(__dirname, '../../../..');
const CLUSTERS_PATH = path.join(ROOT, 'resources/models/word-clusters-v1.json');
const MODEL_PATH = path.join(ROOT, 'resources/models/steering-v1.json');
const raw = JSON.parse(readFileSync(CLUSTERS_PATH, 'utf8')) as WordClustersFile;

/** A small, valid clusters file: three clusters, digest computed. */
function tinyFile(clusters: string[]): WordClustersFile {
  return {
    ...raw,
    name: 'tiny',
    words: clusters.join(' ').split(' ').filter(Boolean).length,
    clusters,
    digest: wordClustersDigest(clusters),
  };
}

describe('word clusters file', () => {
  const clusters = loadWordClustersFile(CLUSTERS_PATH);
  const clusterOf = (word: string): number => clusters.clusterOf(wordHash(word));

  it('loads the shipped file: hundreds of clusters over ~100 000 words, the same as the app loads', () => {
    expect(clusters.count).toBeGreaterThanOrEqual(256);
    expect(raw.words).toBeGreaterThanOrEqual(90_000);
    expect(shippedWordClusters().digest).toBe(clusters.digest);
  });

  it('holds the words wordings turn on, including ones rarer than news text commonest 40 000', () => {
    for (const word of [
      'assistant',
      'computer',
      'robot',
      'ignore',
      'disregard',
      'refund',
      'summary',
      'whoever',
      'copilot',
      'transcribing',
      'stenographer',
    ])
      expect(clusterOf(word), word).toBeGreaterThanOrEqual(0);
    expect(clusterOf('zzqxv')).toBe(-1);
  });

  // Pairs that k-means put together in the shipped file (tools/train-steering/wordClusters.ts); a
  // re-derived file that splits them changes what the classifier generalises, so it should be looked at.
  it.each([
    ['rules', 'guidelines'],
    ['jot', 'scribble'],
    ['computer', 'computers'],
    ['refund', 'refunds'],
  ])('puts %s and %s in one cluster', (a, b) => expect(clusterOf(a)).toBe(clusterOf(b)));

  it('hashes a space-separated list word by word, as wordHash does each word', () => {
    const hashes: number[] = [];
    forEachWordHash("jot scribble o'brien", (hash) => hashes.push(hash));
    expect(hashes).toEqual(['jot', 'scribble', "o'brien"].map(wordHash));
  });

  it('keeps unlike words apart', () => {
    expect(clusterOf('refund')).not.toBe(clusterOf('guidelines'));
    expect(clusterOf('computer')).not.toBe(clusterOf('scribble'));
  });

  it('looks words up by the hash the features compute, so a known word adds cluster features and an unknown one does not', () => {
    const tiny = parseWordClusters(tinyFile(['jot scribble', 'copilot assistant', 'refund']), 'tiny clusters');
    expect(tiny.clusterOf(wordHash('scribble'))).toBe(0);
    expect(tiny.clusterOf(wordHash('copilot'))).toBe(1);
    const plain = featurise('copilot, jot that down', 'customer', 1 << 18);
    const withClusters = featurise('copilot, jot that down', 'customer', 1 << 18, { clusters: tiny });
    expect(withClusters.indices.length).toBeGreaterThan(plain.indices.length);
    // Synonyms in one cluster share the cluster features: the two texts differ only in their word n-grams.
    const a = new Set(featurise('jot', 'customer', 1 << 18, { clusters: tiny }).indices);
    const b = new Set(featurise('scribble', 'customer', 1 << 18, { clusters: tiny }).indices);
    expect([...a].filter((index) => b.has(index)).length).toBeGreaterThanOrEqual(3);
  });
});

describe('word clusters: bad files are refused with a clear error', () => {
  it('a missing file', () => {
    const missing = path.join(tmpdir(), 'no-such-dir', 'word-clusters-v1.json');
    expect(() => loadWordClustersFile(missing)).toThrow(WordClustersError);
    expect(() => loadWordClustersFile(missing)).toThrow(/word clusters .*word-clusters-v1\.json cannot be read as JSON: ENOENT/);
  });

  it('a file that is not JSON', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'clusters-')), 'broken.json');
    writeFileSync(file, '{"format": "word-clusters/1", "clusters": ["a b"');
    expect(() => loadWordClustersFile(file)).toThrow(/cannot be read as JSON/);
  });

  it('a file of the wrong shape, naming the field', () => {
    const { digest: _digest, ...withoutDigest } = raw;
    expect(() => parseWordClusters(withoutDigest, 'test clusters')).toThrow(/test clusters is not a valid word-clusters\/1 file at digest/);
    expect(() => parseWordClusters({ ...raw, format: 'word-clusters/0' }, 'test clusters')).toThrow(/at format/);
    expect(() => parseWordClusters(tinyFile(['Jot Scribble', 'x']), 'test clusters')).toThrow(/at clusters\.0: must be lower-case words/);
  });

  it('a file whose words were edited', () => {
    const edited = { ...raw, clusters: [raw.clusters[1]!, raw.clusters[0]!, ...raw.clusters.slice(2)] };
    expect(() => parseWordClusters(edited, 'test clusters')).toThrow(/test clusters is damaged: its words do not match its digest/);
  });
});

describe('the model names its feature set, and old models and other clusters cannot be mixed in', () => {
  const model = JSON.parse(readFileSync(MODEL_PATH, 'utf8')) as Record<string, unknown> & { features: { set: string } };
  const clusters = loadWordClustersFile(CLUSTERS_PATH);

  it('the shipped model names a known feature set, and its clusters when the set reads them', () => {
    const shipped = shippedSteeringModel();
    const set = FEATURE_SETS[shipped.file.features.set];
    expect(set).toBeDefined();
    if (set.clusters) expect(shipped.file.features.clusters?.digest).toBe(clusters.digest);
    expect(Boolean(shipped.features.clusters)).toBe(set.clusters);
  });

  it('refuses a model of the format before feature sets (steering-classifier/1)', () => {
    const { features: _features, ...old } = model;
    expect(() => parseSteeringModel({ ...old, format: 'steering-classifier/1' }, 'old model', clusters)).toThrow(
      /old model is not a valid steering-classifier\/2 file at format/,
    );
  });

  it('refuses a feature set this code does not compute', () => {
    expect(() => parseSteeringModel({ ...model, features: { set: 'ngrams+clusters/0', clusters: null } }, 'test model', clusters)).toThrow(
      /test model is not a valid steering-classifier\/2 file at features\.set/,
    );
  });

  const withClusters = {
    ...model,
    features: { set: 'ngrams+clusters/1', clusters: { name: 'word-clusters-v1', digest: clusters.digest } },
  };

  it('a model that reads clusters loads with its own clusters', () => {
    expect(parseSteeringModel(withClusters, 'test model', clusters).features.clusters).toBe(clusters);
  });

  it('a model that reads clusters refuses to load without them', () => {
    expect(() => parseSteeringModel(withClusters, 'test model')).toThrow(SteeringModelError);
    expect(() => parseSteeringModel(withClusters, 'test model')).toThrow(/reads word clusters word-clusters-v1 .* but none were given/);
  });

  it('a model that reads clusters refuses other clusters', () => {
    const other = parseWordClusters(tinyFile(['jot scribble', 'copilot assistant']), 'tiny clusters');
    expect(() => parseSteeringModel(withClusters, 'test model', other)).toThrow(
      /was trained with word clusters word-clusters-v1 .* not with tiny .*retrain it/,
    );
  });
});
