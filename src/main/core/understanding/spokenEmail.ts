/**
 * An email address said as an answer, put together with the dialogue's help. When the agent asked for
 * the email (or the caller names it), the words before "at" back to where the answer starts are the
 * local part — a name and a surname, letters spelled with commas, "p as in peter", numbers in words —
 * and the words after it up to the top-level domain are the domain, however it was split ("g mail",
 * "sbc global", "a o l"). ITN alone cannot know where a spoken address starts; the question does.
 */
import { isNumberWord, unitValue } from './itn/numberWords';
import { NATO_WORDS } from './itn/spelling';

const NATO = new Set(NATO_WORDS);
import { normalize } from './itn';

/** Words that begin an answer, not an address. */
const ANSWER_START = new Set(
  (
    "it's its it is is was email email's e-mail address mail my the use using at it that's thats sure yes yeah yep ok okay um uh er so and " +
    "or but i'm i've me our work home personal to send have has had got get still shows says reads on file under there here we you your " +
    'should be would could can try mine his hers their new old current other primary put down write jot reach contact just'
  ).split(' '),
);
/**
 * What callers add about the address itself ("all one word", "no spaces"), and glosses on a part of it
 * ("the letter b, then the word baker"; "skaterboi, that's boy spelled b o i"): not part of it.
 */
const ABOUT_THE_ADDRESS =
  /\b(?:all )?one word|no spaces?|all lower ?case|lower ?case|small letters\b|\b(?:then )?the (?:letter|word)\b|,?\s*\b(?:that's|that is|thats)\s+[a-z]+\s+(?:spelled|spelt|spelling)\s+(?:[a-z]\s+){1,12}(?=[a-z]|,)[a-z]?,?/gi;
const TOP_LEVEL =
  /^(?:com|net|org|edu|gov|mil|int|io|co|us|uk|ca|de|fr|es|it|nl|be|ch|at|au|nz|in|ie|jp|cn|br|mx|info|biz|me|tv|ai|app|dev)$/;
const SYMBOLS: Record<string, string> = { dot: '.', period: '.', dash: '-', hyphen: '-', underscore: '_', plus: '+' };

function clean(word: string): string {
  return word.toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9']+$/g, '');
}

/** Number words in a run become digits ("seventy two" → 72, "two thousand" → 2000); everything else is kept. */
function withDigits(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length;) {
    if (isNumberWord(words[i]) || words[i] === 'oh' || words[i] === 'double' || words[i] === 'triple') {
      let j = i;
      while (
        j < words.length &&
        (isNumberWord(words[j]) || words[j] === 'oh' || words[j] === 'double' || words[j] === 'triple' || words[j] === 'and')
      )
        j++;
      const run = words.slice(i, j);
      // A lone unit ("one jones") is a digit here, though ITN keeps a lone "one" as a word.
      const digitByDigit = run.every((word) => word === 'oh' || unitValue(word) !== undefined)
        ? run.map((word) => (word === 'oh' ? 0 : unitValue(word))).join('')
        : undefined;
      const digits = digitByDigit ?? normalize(run.join(' ')).written.replace(/\D/g, '');
      out.push(digits || run.join(''));
      i = j;
    } else out.push(words[i++]!);
  }
  return out;
}

/** "p as in peter" → "p"; NATO words said as spelling ("sierra hotel") → letters; a symbol word → its symbol. */
function spellingOf(words: string[]): string {
  const kept: string[] = [];
  const natoRun = words.filter((word) => NATO.has(word)).length >= 2;
  for (let i = 0; i < words.length; i++) {
    if (natoRun && NATO.has(words[i]!)) {
      kept.push(words[i]![0]!);
      continue;
    }
    // "m double o r e": a doubled letter; "zed e n a": the letter's British name beside other letters.
    const next = words[i + 1];
    if ((words[i] === 'double' || words[i] === 'triple') && next?.length === 1 && /[a-z]/.test(next)) {
      kept.push(next.repeat(words[i] === 'double' ? 2 : 3));
      i += 1;
      continue;
    }
    if ((words[i] === 'zed' || words[i] === 'zee') && (next?.length === 1 || words[i - 1]?.length === 1)) {
      kept.push('z');
      continue;
    }
    if (words[i] === 'as' && words[i + 1] === 'in' && i > 0) {
      i += 2;
      continue;
    }
    kept.push(SYMBOLS[words[i]!] ?? words[i]!);
  }
  return withDigits(kept).join('');
}

/** A repair after the address restating its name part: "wait, no, it's c dot jones". */
const LOCAL_REPAIR =
  /^[,.\s]*(?:wait|no|sorry|actually|i mean)\b[,.\s]*(?:(?:no|sorry|wait)[,.\s]+)*(?:it's|its|it is)?\s*([a-z0-9][a-z0-9 ]*?(?:\s+(?:dot|underscore|dash|hyphen)\s+[a-z0-9 ]+?)+)(?=,|\.|$)/i;

interface Word {
  raw: string;
  word: string;
  at: number;
}

/** Editing terms: what follows repairs what came before. */
const REPAIR_WORDS = new Set(['sorry', 'wait', 'rather', 'correction']);

/** The local part, read backwards from its "at" to where the answer starts (or to a repair). */
function localPartBefore(words: readonly Word[], atIndex: number): { words: string[]; from: number; repaired: boolean } {
  const local: string[] = [];
  let i = atIndex - 1;
  for (; i >= 0 && local.length < 24; i--) {
    const { raw, word } = words[i]!;
    if (!word) continue;
    if (REPAIR_WORDS.has(word)) return { words: local, from: i + 1, repaired: true };
    // Connectives inside a spelling: "t as in tango, a, then a dot, then o k o", "lind, the number four".
    if (word === 'then' || (word === 'number' && isNumberWord(local[0])) || (word === 'the' && words[i + 1]?.word === 'number')) continue;
    if (word === 'a' && (local[0] === 'dot' || local[0] === 'period') && words[i - 1]?.word === 'then') continue;
    // "That's the one, tavita…": "one" after a determiner is a pronoun, not a digit.
    if (word === 'one' && /^(?:the|that|this|which|right|same)$/.test(words[i - 1]?.word ?? '')) break;
    const spelled = word.length === 1 || SYMBOLS[word] !== undefined;
    // "…okafor. o, k, a, f, o, r. chidinma dot okafor at…": a full stop before the address's words ends what belongs to it.
    if (/[.!?]$/.test(raw) && local[0] !== undefined && local[0].length > 1 && SYMBOLS[local[0]] === undefined) break;
    // "p as in peter, e, t": the word after "as in" is part of the spelling, comma or not.
    const afterAsIn = words[i - 1]?.word === 'in' && words[i - 2]?.word === 'as';
    if (!spelled && !afterAsIn && /[,.;:]$/.test(raw) && local.length) break;
    if (!spelled && ANSWER_START.has(word) && !(word === 'in' && words[i - 1]?.word === 'as')) break;
    // A lone "I" before words is the speaker ("I have gpradhan at…"), not a spelled letter, unless it sits in a spelling ("m i k e").
    const inSpelling = words[i - 1]?.word.length === 1 || local[0]?.length === 1;
    if (word === 'i' && !inSpelling && !local.every((part) => part.length === 1)) break;
    local.unshift(word);
  }
  return { words: local, from: i + 1, repaired: false };
}

export function spokenEmail(spoken: string): { value: string; start: number } | undefined {
  const text = spoken.slice(0, 600).replace(ABOUT_THE_ADDRESS, (phrase) => ' '.repeat(phrase.length));
  const words = [...text.matchAll(/[^\s]+/g)].map((match) => ({ raw: match[0], word: clean(match[0]), at: match.index }));
  let atIndex = -1;
  for (let i = words.length - 1; i > 0; i--) {
    if (
      words[i]!.word === 'at' &&
      words.slice(i + 1, i + 20).some((next) => next.word === 'dot' || next.word === 'period' || /\.[a-z]{2,}$/.test(next.word))
    ) {
      atIndex = i;
      break;
    }
  }
  if (atIndex < 1) return undefined;
  let local = localPartBefore(words, atIndex);
  // "…at verizon dot net, no sorry, at gmail dot com": the caller restates the domain; the local part is before the first "at".
  if (local.repaired) {
    const first = words.slice(0, local.from).findLastIndex((candidate) => candidate.word === 'at');
    if (first > 0) local = localPartBefore(words, first);
  }
  // The domain, up to its top-level label.
  const domain: string[] = [];
  let domainEnd = atIndex;
  for (let i = atIndex + 1; i < words.length && i < atIndex + 24; i++) {
    domainEnd = i;
    const word = words[i]!.word;
    if (!word) continue;
    domain.push(word);
    const previous = domain.at(-2);
    if (
      (previous === 'dot' || previous === 'period') &&
      TOP_LEVEL.test(word) &&
      !(words[i + 1]?.word === 'dot' && words[i + 2] && TOP_LEVEL.test(words[i + 2]!.word))
    )
      break;
    if (/\.[a-z]{2,}$/.test(word)) break;
  }
  let localPart = spellingOf(local.words);
  // "cjones at gmail dot com, wait, no, it's c dot jones": the name part put right after the address.
  const after = words
    .slice(domainEnd + 1, domainEnd + 16)
    .map((word) => word.raw)
    .join(' ');
  const repair = LOCAL_REPAIR.exec(after);
  if (repair) {
    const restated = spellingOf(repair[1]!.trim().split(/\s+/).map(clean).filter(Boolean));
    if (restated && restated.replace(/[._-]/g, '') === localPart.replace(/[._-]/g, '') && restated !== localPart) localPart = restated;
  }
  const domainPart = domain
    .map((word) => SYMBOLS[word] ?? word)
    .join('')
    .replace(/\.{2,}/g, '.');
  const value = `${localPart}@${domainPart}`;
  if (!/^[a-z0-9][a-z0-9._+-]{0,63}@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(value)) return undefined;
  return { value, start: words[local.from]?.at ?? 0 };
}
