/**
 * Repairs inside a number said aloud, the way a listener hears them (a reparandum, an editing term,
 * a repair): "nine one nine, four four, sorry, four seven two…", "…oh six seven four. no wait, I
 * flipped it. oh seven six four", "…six six oh, three eight two. actually the middle bit is six six
 * nine, not six six oh", "seven six, uh, seven six oh oh…". Works on the digit spans ITN wrote, so
 * every id, phone and postcode reader gets the repaired number; the spans keep pointing at what was said.
 */
import type { NormalizedSpan } from './itn';

/** Editing terms that say what follows puts right what came before. */
const EDITING_TERM =
  /\b(?:sorry|no|nope|wait|actually|hold on|hang on|i mean|i meant|correction|scratch that|rather|or rather|make that|flipped|mixed up|other way round|backwards|my mistake|my bad)\b/i;
/** A stutter: the group started again after a filler ("seven six, uh, seven six oh oh"). */
const FILLER_ONLY = /^[\s,.…-]*(?:uh|um|er|erm|eh|ehh|uhm|hmm)?[\s,.…-]*$/i;
/** What a repair may carry between the number and its correction: a short aside, no other digits. */
const MAX_GAP = 80;

type DigitSpan = NormalizedSpan & { kind: 'digits' };

function isDigitSpan(span: NormalizedSpan): span is DigitSpan {
  return span.kind === 'digits' && /^\d+$/.test(span.text);
}

/** How many places two strings of one length differ at. */
export function hamming(a: string, b: string): number {
  let distance = 0;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) distance++;
  return distance;
}

/** Whether two strings hold the same characters, in any order. */
export function sameDigits(a: string, b: string): boolean {
  return [...a].sort().join('') === [...b].sort().join('');
}

/**
 * The number meant, from the number said (`said`, with its groups as spoken) and the repair after an
 * editing term (`repair`), or undefined when the repair does not read as one of this number.
 * `not`: the part the caller names as wrong ("…669, not 660").
 */
export function repairedDigits(said: string, groups: readonly string[], repair: string, not?: string): string | undefined {
  // "669, not 660": the part named wrong, replaced where it is.
  if (not && not.length === repair.length) {
    const at = said.indexOf(not);
    if (at >= 0 && said.indexOf(not, at + 1) < 0) return said.slice(0, at) + repair + said.slice(at + not.length);
  }
  // Started again from the top: the repair opens as the number did and is about as long.
  if (repair.length >= said.length - 1 && repair.slice(0, 2) === said.slice(0, 2)) return repair;
  // The last group said again, longer: "…four four, sorry, four seven two".
  const last = groups.at(-1);
  if (last && groups.length > 1 && repair.length > last.length && repair[0] === last[0])
    return said.slice(0, said.length - last.length) + repair;
  // The end said again: as many digits as the repair, mostly the same or the same digits in another order.
  if (repair.length >= 2 && repair.length < said.length) {
    const end = said.slice(said.length - repair.length);
    if (end !== repair && (hamming(end, repair) <= Math.ceil(repair.length / 2) || sameDigits(end, repair)))
      return said.slice(0, said.length - repair.length) + repair;
  }
  // Said again from a point inside it, and on past where it stopped: "six one seven five five five zero one three…
  // no wait, zero one three eight"; "…oh one two, no, oh one three oh".
  if (repair.length >= 3 && repair.length < said.length) {
    const at = said.lastIndexOf(repair.slice(0, 2));
    if (at > 0 && at + repair.length > said.length) return said.slice(0, at) + repair;
  }
  return undefined;
}

/**
 * "Seven six, uh, seven six oh oh": ITN runs a group and its fresh start together; a group that the
 * next one, said after a pause, starts again with more digits was a false start.
 */
function withoutRestartedGroups(span: NormalizedSpan): NormalizedSpan {
  if (!isDigitSpan(span) || span.groups.length < 2) return span;
  const groups = span.groups.filter(
    (group, k, all) =>
      !(group.length >= 2 && all[k + 1] !== undefined && all[k + 1]!.length > group.length && all[k + 1]!.startsWith(group)),
  );
  if (groups.length === span.groups.length) return span;
  const digits = groups.join('');
  return { ...span, text: digits, value: digits, groups };
}

/**
 * The spans with each repaired number put in one span: the number said and its repair become one span
 * of the repaired digits, from where the number began to where the repair ended.
 */
export function withRepairs(spans: readonly NormalizedSpan[], written: string): NormalizedSpan[] {
  const out: NormalizedSpan[] = [];
  for (let i = 0; i < spans.length; i++) {
    let span = withoutRestartedGroups(spans[i]!);
    while (isDigitSpan(span)) {
      const next = spans[i + 1];
      if (!next || !isDigitSpan(next)) break;
      const gap = written.slice(span.end, next.start);
      if (gap.length > MAX_GAP || /\d/.test(gap)) break;
      const stutter = FILLER_ONLY.test(gap) && /[a-z]/i.test(gap) && next.text.startsWith(span.text) && next.text.length > span.text.length;
      if (!stutter && !EDITING_TERM.test(gap)) break;
      const not = /^\s*,?\s*not\s+(\d+)\b/i.exec(written.slice(next.end, next.end + 24))?.[1];
      const groups = span.groups ?? [span.text];
      const digits = stutter ? next.text : repairedDigits(span.text, groups, next.text, not);
      if (digits === undefined) break;
      const repairGroups = next.groups ?? [next.text];
      span = {
        ...span,
        end: next.end,
        text: digits,
        value: digits,
        groups: digits === next.text ? repairGroups : [digits.slice(0, digits.length - next.text.length), ...repairGroups].filter(Boolean),
      } as NormalizedSpan;
      i++;
    }
    out.push(span);
  }
  return out;
}
