/**
 * One to three short suggestions for the agent, each grounded in something on screen: the guideline
 * step the call is at, a flag, or the hand-back advice. Suggestions are text for the human to use or
 * ignore; nothing here can say or do anything.
 */
import type { AssistState, GuidelineMatch, Suggestion } from '../../../shared/callSchemas';
import { factLabel } from '../../../shared/facts';
import type { LoadedPack } from '../pack/packInUse';

const MAX_SUGGESTIONS = 3;

export function writeSuggestions(state: Omit<AssistState, 'suggestions'>, loaded: LoadedPack | undefined): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const label = (name: string) => factLabel(loaded?.summary, name).toLowerCase();
  const known = new Set(state.facts.map((fact) => fact.name));

  const contradicted = state.facts.find((fact) => fact.contradictedBy !== undefined);
  if (contradicted) {
    suggestions.push({
      id: `confirm-${contradicted.name}`,
      kind: 'caution',
      text: `Confirm the corrected ${label(contradicted.name)} (${contradicted.value}) before acting; the AI had ${contradicted.packageValue}.`,
      source: `Wrong-context flag, turn ${contradicted.contradictedBy! + 1}`,
    });
  }
  const lastRepeat = state.repeats.at(-1);
  if (lastRepeat) {
    suggestions.push({
      id: `repeat-${lastRepeat.turnIndex}`,
      kind: 'say',
      text: `"Thanks, I already have the ${label(lastRepeat.factName)} from our assistant, so you won't need to repeat it."`,
      source: `Repeat flag, turn ${lastRepeat.turnIndex + 1}`,
    });
  }
  const guideline = state.guidelines[0];
  if (guideline) suggestions.push(...fromGuideline(guideline, known, loaded));
  if (state.handBack) {
    suggestions.push(
      state.handBack.allowed
        ? {
            id: 'hand-back',
            kind: 'do',
            text: `Offer to let the assistant finish: ${words(state.handBack.task)}.`,
            source: `Hand-back advice, turn ${state.handBack.requestedInTurn + 1}`,
          }
        : {
            id: 'hand-back',
            kind: 'caution',
            text: `Keep this with you: ${state.handBack.reason}`,
            source: `Hand-back advice, turn ${state.handBack.requestedInTurn + 1}`,
          },
    );
  }
  return dedupe(suggestions).slice(0, MAX_SUGGESTIONS);
}

function fromGuideline(guideline: GuidelineMatch, known: Set<string>, loaded: LoadedPack | undefined): Suggestion[] {
  const step = guideline.steps[guideline.currentStep];
  if (!step) return [];
  const source = `Guideline: ${guideline.title} · step ${guideline.currentStep + 1}`;
  // Facts of the pack a customer can say (free text is the agent's own entry).
  const missing = (loaded?.knowledgeBase.stepSlots(step.id) ?? []).filter((slot) => {
    const spec = loaded?.pack.facts.spec(slot);
    return spec !== undefined && spec.type !== 'text' && !known.has(slot);
  });
  const result: Suggestion[] = [];
  if (missing.length) {
    const labels = missing.slice(0, 3).map((slot) => factLabel(loaded?.summary, slot).toLowerCase());
    result.push({ id: `ask-${step.id}`, kind: 'ask', text: `Ask for the ${joinWords(labels)} (${step.button || 'next step'}).`, source });
  }
  const instruction = firstSentence(step.text);
  if (instruction)
    result.push({
      id: `step-${guideline.subflowId}-${guideline.currentStep}`,
      kind: 'do',
      text: `${step.button ? `${step.button}: ` : ''}${instruction}`,
      source,
    });
  return result;
}

function firstSentence(text: string): string {
  const line = text.split('\n')[0]?.trim() ?? '';
  const sentence = /^[^.!?]{8,200}[.!?]?/.exec(line)?.[0] ?? line.slice(0, 200);
  return sentence.length > 3 && sentence !== 'x' ? sentence : '';
}

function joinWords(words: string[]): string {
  return words.length < 2 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function words(task: string): string {
  return task.replace(/_/g, ' ');
}

function dedupe(suggestions: Suggestion[]): Suggestion[] {
  const seen = new Set<string>();
  return suggestions.filter((suggestion) => !seen.has(suggestion.id) && seen.add(suggestion.id));
}
