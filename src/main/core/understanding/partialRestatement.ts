/**
 * A package value said again in part: the end of a number read back to the caller ("that's it yeah,
 * four five one"), the digits after an id's letters ("seven oh four eight, three one six two" for
 * NW70483162), an address by its house number and street ("yeah, four ten Cass"), an email by its
 * name and domain ("the a krishnamurthy one at outlook", "the A T T dot net one") or, just read back, by its name part
 * whole ("that's me, a theriot five oh four"), an id just read back said whole in words and letters ("k ransom one"). A listener hears
 * each as the caller restating what the package had, though no whole value was said. Judged on the
 * written form (ITN's) by the value's type, never by a business word.
 */
import type { FactSchema } from '../../../shared/facts';
import { escapeRegExp } from '../../../shared/text';

/** Words that point at the end of a number: "ending 2R", "the last four are 3851". */
const ENDING_BEFORE =
  /\b(?:ending|ends|end|last\s+(?:four|three|two|five|six|digits?|numbers?|bit|part|letters?))\b[^a-z0-9]*(?:in|with|is|are|being)?\s*$/i;
/** A turn that denies what it says ("three two four oh five, no no, that's not right"): no restatement of it. */
const DENIES = /\b(?:no|not|wrong|nope)\b/i;
/** A run of tokens said as one value: digits, letters beside digits, joined by spaces, commas or dashes. */
const RUN_JOINER = /^[\s,-]*$/;
/** Most tokens a part of a value is said in ("seven oh four eight, three one six two" is two). */
const MAX_RUN = 6;
/** An address's direction words are not what names its street. */
const DIRECTION = new Set(['n', 's', 'e', 'w', 'ne', 'nw', 'se', 'sw', 'north', 'south', 'east', 'west']);

interface Token {
  text: string;
  start: number;
  end: number;
}

/** What the dialogue is on: facts whose value the agent just said (read back), and facts asked for or named. */
export interface Topic {
  readBack: ReadonlySet<string>;
  named: ReadonlySet<string>;
}

/**
 * The package facts the customer's turn restates in part. The shorter the piece, the more it needs
 * the dialogue: three characters echo a value the agent just read; five answer a question about
 * the fact or name it; two follow words pointing at a number's end; six or more stand alone.
 */
export function restatedInPart(written: string, packageValues: ReadonlyMap<string, string>, schema: FactSchema, about: Topic): string[] {
  const restated: string[] = [];
  const lower = written.toLowerCase();
  const compact = lower.replace(/[^a-z0-9]/g, '');
  const words = new Set(lower.split(/[^a-z0-9']+/).filter(Boolean));
  let runs: string[][] | undefined;
  for (const [fact, value] of packageValues) {
    const type = schema.spec(fact)?.type;
    if (type === 'id' || type === 'phone' || type === 'postcode') {
      runs ??= valueRuns(written);
      const target = (type === 'phone' ? value.replace(/\D/g, '') : value.replace(/[^A-Za-z0-9]/g, '')).toUpperCase();
      // "Yup, k ransom one" to the user name the agent read back: the whole of it, said in words and letters.
      const wholeSaid = about.readBack.has(fact) && target.length >= 5 && !DENIES.test(lower) && compact.toUpperCase().includes(target);
      if (wholeSaid || runs.some((run) => partOfValue(run, target, needed(fact, about)))) restated.push(fact);
    } else if (type === 'email') {
      if (emailInPart(value, lower, compact, { readBack: about.readBack.has(fact), named: about.named.has(fact) })) restated.push(fact);
    } else if (type === 'address') {
      if (addressInPart(value, words)) restated.push(fact);
    }
  }
  return restated;
}

/** The runs of value-like tokens in the text; the first of each run carries whether an ending cue led to it (as "^"). */
function valueRuns(written: string): string[][] {
  const tokens: Token[] = [...written.matchAll(/[A-Za-z0-9]+/g)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
  const runs: string[][] = [];
  let run: Token[] = [];
  const close = () => {
    if (run.some((token) => /\d/.test(token.text))) {
      const cued = ENDING_BEFORE.test(written.slice(Math.max(0, run[0]!.start - 40), run[0]!.start));
      runs.push([cued ? '^' : '', ...run.map((token) => token.text.toUpperCase())]);
    }
    run = [];
  };
  for (const token of tokens) {
    // Sums, times and decimals are not parts of ids: "£42.50", "10:30", "1.5".
    const before = written[token.start - 1] ?? '';
    const after = written.slice(token.end, token.end + 2);
    const valueLike =
      !/[$£€.:/]/.test(before) &&
      !/^[.:/]\d/.test(after) &&
      (/\d/.test(token.text) || (token.text.length <= 2 && token.text === token.text.toUpperCase()));
    const joined = run.length > 0 && RUN_JOINER.test(written.slice(run.at(-1)!.end, token.start));
    if (!valueLike || (run.length && !joined) || run.length >= MAX_RUN) close();
    if (valueLike) run.push(token);
  }
  close();
  return runs;
}

/** The shortest piece of a value's end that counts as saying it again, by what the dialogue is on. */
function needed(fact: string, about: Topic): number {
  return about.readBack.has(fact) ? 3 : about.named.has(fact) ? 5 : 6;
}

/** Whether some stretch of the run is the value's end (or, long enough, a part of it). */
function partOfValue(run: readonly string[], target: string, shortest: number): boolean {
  const [cue, ...tokens] = run;
  for (let i = 0; i < tokens.length; i++) {
    let piece = '';
    for (let j = i; j < tokens.length; j++) {
      piece += tokens[j];
      if (!/\d/.test(piece) || piece.length >= target.length) continue;
      const least = cue === '^' && i === 0 ? 2 : shortest;
      if (target.endsWith(piece) && piece.length >= least) return true;
      if (target.includes(piece) && piece.length >= Math.max(5, least + 1)) return true;
    }
  }
  return false;
}

/** The address's domain said with its name part, or either with the email being talked about. */
function emailInPart(value: string, lower: string, compact: string, about: { readBack: boolean; named: boolean }): boolean {
  const onTopic = about.readBack || about.named;
  const [local = '', domain = ''] = value.toLowerCase().split('@');
  const label = domain.split('.')[0] ?? '';
  // The domain with its ending ("att.net", "fastmail dot com") or after "at" ("at outlook"): a label alone may be a word of the talk ("email").
  const domainSaid =
    compact.includes(domain.replace(/[^a-z0-9]/g, '')) ||
    (label.length >= 3 && new RegExp(`\\bat\\s+${escapeRegExp(label)}\\b`).test(lower));
  const nameParts = local.split(/[^a-z]+/).filter((part) => part.length >= 4);
  const nameSaid = nameParts.some((part) => compact.includes(part));
  // "That's me, a theriot five oh four", to the address the agent just read: the whole name part said again.
  const localSaid = local.replace(/[^a-z0-9]/g, '');
  return (
    (domainSaid && (nameSaid || onTopic)) || (about.readBack && localSaid.length >= 5 && !DENIES.test(lower) && compact.includes(localSaid))
  );
}

/** "Four ten Cass": the house number and the street's name. */
function addressInPart(value: string, words: ReadonlySet<string>): boolean {
  const parts = value
    .toLowerCase()
    .split(/[^a-z0-9']+/)
    .filter(Boolean);
  const number = parts[0];
  if (!number || !/^\d+[a-z]?$/.test(number)) return false;
  const street = parts.slice(1).find((part) => part.length >= 3 && !DIRECTION.has(part) && !/\d/.test(part));
  return street !== undefined && words.has(number) && words.has(street);
}
