/**
 * Is this text trying to steer the assistant (prompt injection) rather than talk to the agent?
 * Canonicalise (canonicalise.ts), run the rule layer (steeringRules.ts) and the trained classifier
 * (steeringModel.ts) on each sentence and each pair of neighbouring sentences, and combine them as
 * the model file says (the combination was chosen on a held-out split at training).
 * The verdict is flagged for the human and never obeyed.
 */
import modelFile from '../../../../../resources/models/steering-v1.json';
import clustersFile from '../../../../../resources/models/word-clusters-v1.json';
import { canonicalise } from './canonicalise';
import { FEATURE_SETS, type FeatureSetName } from './steeringFeatures';
import { classifierScore, parseSteeringModel, type SteeringModel } from './steeringModel';
import { steeringRules } from './steeringRules';
import { addressing } from './vocative';
import type { SteeringReason, SteeringSource, SteeringVerdict } from './steeringTypes';
import { parseWordClusters, type WordClusters } from './wordClusters';

export type { SteeringReason, SteeringSource, SteeringVerdict } from './steeringTypes';

const RULE_SCORE = 0.95;
/**
 * The agent is the trusted human on the call: their own words ("I'll write in the notes that…") are
 * flagged by the classifier alone only when it is this sure; a rule hit still counts as for anyone.
 */
const AGENT_CLASSIFIER_FLOOR = 0.97;

let defaultModel: SteeringModel | undefined;
let defaultClusters: WordClusters | undefined;

/** The shipped word clusters, validated on first use. */
export function shippedWordClusters(): WordClusters {
  defaultClusters ??= parseWordClusters(clustersFile, 'resources/models/word-clusters-v1.json');
  return defaultClusters;
}

/** The shipped model, validated on first use, with the shipped word clusters if its features read them. */
export function shippedSteeringModel(): SteeringModel {
  const readsClusters = FEATURE_SETS[modelFile.features.set as FeatureSetName]?.clusters ?? false;
  defaultModel ??= parseSteeringModel(modelFile, 'resources/models/steering-v1.json', readsClusters ? shippedWordClusters() : undefined);
  return defaultModel;
}

/**
 * An instruction names an act and what to act on: a text of one or two words ("system", "verified
 * caller", a fact's source) is judged by the rules alone, whose squashed and spelled forms still
 * catch "ignoreallpreviousinstructions".
 */
const MIN_CLASSIFIER_WORDS = 3;
function wordCount(text: string): number {
  return text.split(/\s+/).filter((word) => /\p{L}/u.test(word)).length;
}

/**
 * A long text is read as its distinct sentences, in order: a sentence said again adds nothing a rule or
 * the classifier should weigh, and a text of thousands of copies of one line ("system:\n" × 12 500) then
 * costs what the line does. Texts of ordinary length are read whole.
 */
const LONG_TEXT = 8192;
export function distinctSentences(text: string): string {
  if (text.length <= LONG_TEXT) return text;
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const sentence of text.match(/[^.!?\n]*[.!?\n]*\s*/g) ?? []) {
    const key = sentence.trim();
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(sentence);
  }
  return kept.join('');
}

export function detectSteering(input: string, where: SteeringSource, model: SteeringModel = shippedSteeringModel()): SteeringVerdict {
  const text = distinctSentences(input);
  const canonical = canonicalise(text);
  const ruleReasons = steeringRules(canonical, where);
  const probability = classifierScore(model, canonical.text, where);
  const { ruleGate, threshold } = model.file.combination;
  // A sentence that opens by calling the assistant is spoken to it, whatever the classifier makes of
  // its language: the vocative is not gated.
  const { vocative: byVocative, reported } = addressing(canonical.text, where);
  if (byVocative) ruleReasons.add('addressed_to_assistant');
  const byRules = ruleReasons.size > 0 && (byVocative || probability >= ruleGate);
  const byClassifier =
    wordCount(canonical.text) >= MIN_CLASSIFIER_WORDS &&
    probability >= (where === 'agent' ? Math.max(threshold, AGENT_CLASSIFIER_FLOOR) : threshold);
  // A package's neutral report of an earlier attempt, with what came of it, instructs nothing.
  const attempt = !reported && (byRules || byClassifier);
  const reasons: SteeringReason[] = attempt && byRules ? [...ruleReasons] : [];
  if (attempt && byClassifier) reasons.push('classifier');
  if (attempt && byRules && isObfuscated(text, where, ruleReasons.size, canonical.text)) reasons.push('obfuscated');
  const score = reported ? Math.min(probability, 0.5) : Math.max(probability, byRules ? RULE_SCORE : 0);
  return { attempt, score: Math.round(score * 1000) / 1000, reasons };
}

// The rules found more once look-alikes, spacing and invisibles were undone than on the plain text.
// When canonicalisation changed nothing but case and spacing there is nothing to compare.
function isObfuscated(text: string, where: SteeringSource, found: number, canonical: string): boolean {
  const plain = text
    .toLowerCase()
    .replace(/[ \t\u00A0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  if (plain === canonical) return false;
  return steeringRules({ text: plain.normalize('NFKC'), squashed: '' }, where).size < found;
}
