/**
 * The scripted first sentence: the seed's "cold handoff, but the human's first sentence is heavily
 * scripted to prove they have the context". Built only from the package and the domain pack's words
 * for its intent and facts, never from guesses.
 */
import type { PackSummary } from './domainPack';
import { factLabel } from './facts';
import type { HandoffPackage } from './handoffPackage';

/** What the first sentence needs of the pack in use. */
export type FirstSentencePack = Pick<PackSummary, 'facts' | 'intents'>;

export function firstSentence(pkg: HandoffPackage, agentName: string, pack?: FirstSentencePack): string {
  const intent = pack?.intents.find((candidate) => candidate.id === pkg.intent.label);
  const phrases = intent?.say;
  const issue =
    phrases?.issue ??
    (intent ? intent.label.charAt(0).toLowerCase() + intent.label.slice(1) : `your ${pkg.intent.label.replace(/[_-]+/g, ' ')}`);
  const firstName = pkg.caller.name.trim().split(/\s+/)[0];
  const greeting = firstName ? `Hi ${firstName}, I'm ${agentName}.` : `Hi, I'm ${agentName}.`;
  const known = knownFactWords(pkg, pack);
  const help = phrases?.help ?? 'getting this sorted';
  const detailsClause = known
    ? `I have your ${known.words}, so you won't need to repeat ${known.count === 1 ? 'it' : 'them'}; `
    : pkg.facts.length > 0
      ? 'I have the details you gave our assistant; '
      : '';
  return `${greeting} I see you're calling about ${issue}. ${capitalise(`${detailsClause}let me help you with ${help}.`)}`;
}

/** The facts worth naming: ids and contact details the caller would otherwise be asked for again. */
const WORTH_NAMING = new Set(['id', 'email', 'phone', 'postcode', 'address']);

function knownFactWords(pkg: HandoffPackage, pack: FirstSentencePack | undefined): { words: string; count: number } | undefined {
  const names = [...new Set(pkg.facts.map((fact) => fact.name))];
  const worth = names.filter((name) => {
    const type = pack?.facts.find((fact) => fact.name === name)?.type;
    return type ? WORTH_NAMING.has(type) : false;
  });
  const labels = worth.map((name) => factLabel(pack, name).toLowerCase());
  if (labels.length === 0) return undefined;
  const spoken = labels.slice(0, 3).map((label) => label.replace(/\bid\b/, 'number'));
  const words = spoken.length === 1 ? spoken[0]! : `${spoken.slice(0, -1).join(', ')} and ${spoken.at(-1)}`;
  return { words, count: spoken.length };
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
