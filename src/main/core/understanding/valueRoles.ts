/**
 * Which of several facts that share one list of values a said value fills: a pack may have an origin
 * and a destination over one list of airports, a current and a new plan over one list of plans, a
 * unit moved out of and one moved into. The value alone cannot say; English says it with the
 * frame around it ("from Reno to Boise", "out of Spokane", "into Seattle", "Reno to Boise"), with
 * the nearest cue naming one of the facts ("flying out of…", "destination…"), or with the question
 * the agent asked. A value none of those place is left unplaced rather than given to both.
 */
import type { FactSpec } from '../../../shared/domainPack';

export type ValueRole = 'source' | 'target';

const SOURCE_CUE = /\b(?:from|out of|leaving|departing|departure|origin|current|old|existing|previous)\b/;
const TARGET_CUE = /\b(?:to|into|arriving|arrival|destination|headed|new)\b/;

/** The role a fact's cues give it: "flying from", "out of" → source; "flying to", "destination" → target. */
export function roleOfFact(spec: Pick<FactSpec, 'cues'>): ValueRole | undefined {
  const cues = spec.cues.map((cue) => cue.toLowerCase());
  const source = cues.some((cue) => SOURCE_CUE.test(cue));
  const target = cues.some((cue) => TARGET_CUE.test(cue));
  return source === target ? undefined : source ? 'source' : 'target';
}

const SOURCE_BEFORE = /\b(?:from|out of|leaving|left|departing|flew out of)\s+(?:the\s+|my\s+|our\s+)?$/;
const TARGET_BEFORE = /\b(?:to|into|in to|onto|toward|towards|arriving in|landed in|landing in)\s+(?:the\s+|my\s+|our\s+)?$/;
/** Between two values of the list: "reno to boise", "reno - boise", "reno then on to boise". */
const PAIR_JOIN = /^\s*(?:to|-|–|—|→|then on to|and on to|then to|over to)\s+(?:the\s+)?$/;

/**
 * The role the words around a value give it. `valueStarts` are where values of the same list begin
 * in the text, so that "reno to boise" marks "reno" as the source.
 */
export function roleInText(lowerWritten: string, start: number, end: number, valueStarts: readonly number[]): ValueRole | undefined {
  const before = lowerWritten.slice(Math.max(0, start - 24), start);
  if (SOURCE_BEFORE.test(before)) return 'source';
  if (TARGET_BEFORE.test(before)) return 'target';
  const next = valueStarts.find((at) => at >= end && at - end <= 16);
  if (next !== undefined && PAIR_JOIN.test(lowerWritten.slice(end, next))) return 'source';
  return undefined;
}
