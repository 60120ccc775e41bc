/**
 * A person's name given as an answer ("who am I speaking with?"), put together the way a listener
 * does: the words said, a spelling that follows a word taking its place ("shah, s h a h"; "m c k a y"
 * for "mckay"; NATO words; "o apostrophe b r i e n"), fields named ("last name kim, first name jae
 * hyun"), self-repairs ("dan, no sorry, daniel") and restatements ("mary ellen, two words, mary ellen
 * fitzgerald": the fullest, latest statement wins). Written as a person writes it: McKay, O'Brien,
 * Jae-Hyun, Al-Farsi.
 */
import { NATO_WORDS } from './itn/spelling';
import { capitalisedWords, isNameParticle, nameWordStrength, nameWordsOf } from './nameWords';
import { isNumberWord } from './itn/numberWords';

const NATO = new Map(NATO_WORDS.map((word) => [word, word[0]!]));

/** Words around a name that are never part of one. */
const NOT_NAME = new Set(
  (
    "a an the and or but so is am are was were be been i me my mine you your we our us he she they it its it's this that that's " +
    'here there calling call just really not no yes yeah yep sure okay ok hi hello hey thanks thank sorry please um uh er erm hmm well oh ' +
    "also again now then with from for to of on in at by as if name name's names first last surname family given middle full " +
    'spelled spelt spell spelling letter letters word words two three one all capital small hyphen hyphenated dash apostrophe space ' +
    "account account's file card reservation booking prescription passenger holder under wife husband son daughter mother father mom " +
    "mum dad partner brother sister speaking mister mr mrs ms miss dr doctor sir madam ma'am myself actually wait meant mean rather " +
    'like goes but everyone everybody calls call known by do does did have has had got okay alright right correct exactly go ahead lower upper case ' +
    // Words a caller calls the agent by ("yes, dear, this is dorothea").
    'dear darling honey hon sweetie sweetheart mate buddy pal man bro dude pet hun babe ' +
    // Interjections a name never has.
    'ah aw eh ooh'
  ).split(' '),
);
const SUBJECTS = new Set(['i', 'we', 'you', 'he', 'she', 'they']);
const COPULAS = new Set(['am', 'is', 'was', "'m", 'are']);
const TITLES = new Set([
  'mister',
  'mr',
  'mrs',
  'ms',
  'mx',
  'miss',
  'missus',
  'misses',
  'dr',
  'doctor',
  'sir',
  'madam',
  'madame',
  'professor',
  'reverend',
]);
/** Words that open a gloss on the name said before them. */
const GLOSS_WORDS = new Set(['like', 'pronounced', 'rhymes', 'sounds']);
/** An editing term: what comes after it repairs what came before. */
const REPAIR = /^(?:no|sorry|no sorry|no wait|wait|i mean|i meant|or rather|rather|well|actually|correction)$/;

interface Word {
  text: string;
  /** A comma or full stop follows the word. */
  pause: boolean;
  /** A letter said as a capital ("capital S"). */
  upper?: boolean;
  /** A full stop follows the word: "n-a-d-i-a. k-h-a-l-i-l." spells two words. */
  stop?: boolean;
}

/** Words that say the next letter is a capital, or that it is not. */
const CAPITAL = /^(?:capital|big|uppercase)$/;
const SMALL = /^(?:small|little|lowercase)$/;

function tokens(spoken: string): Word[] {
  const words: Word[] = [];
  for (const match of spoken.toLowerCase().matchAll(/(\p{L}[\p{L}'’-]*\p{L}|\p{L})\s*([,.;:!?]*)/gu)) {
    const text = match[1]!.replace(/’/g, "'");
    const previous = words.at(-1);
    // "capital D", "small c", "upper case L": the letter, with its case.
    if (text.length === 1 && previous && !previous.pause && (CAPITAL.test(previous.text) || SMALL.test(previous.text))) {
      const upper = CAPITAL.test(previous.text);
      words.pop();
      if (words.at(-1)?.text === 'upper' || words.at(-1)?.text === 'lower') words.pop();
      words.push({ text, pause: match[2]!.length > 0, upper });
      continue;
    }
    if (text === 'case' && (previous?.text === 'upper' || previous?.text === 'lower')) {
      previous.text = previous.text === 'upper' ? 'uppercase' : 'lowercase';
      continue;
    }
    // "n-a-d-i-a": letters joined by hyphens are a spelling, one letter each.
    if (/^\p{L}(?:-\p{L})+$/u.test(text)) {
      const letters = text.split('-');
      letters.forEach((letter, k) =>
        words.push({
          text: letter,
          pause: k === letters.length - 1 && match[2]!.length > 0,
          stop: k === letters.length - 1 && match[2]!.includes('.'),
        }),
      );
      continue;
    }
    words.push({ text, pause: match[2]!.length > 0 });
  }
  return words;
}

/** A word as compared with its spelling: without accents, apostrophes or hyphens ("Renée" is spelled r e n e e). */
export function bareWord(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').replace(/[-']/g, '').toLowerCase();
}

/** The word with the capitals its spelling said ("deshawn" + "DeShawn" → "deShawn"; the first is capitalised later anyway). */
function withCapitals(word: string, cased: string): string {
  let out = '';
  let k = 0;
  for (const char of word) {
    const spelled = cased[k];
    out += spelled && spelled !== spelled.toLowerCase() ? char.toUpperCase() : char;
    if (char !== '-' && char !== "'") k++;
    while (cased[k] === '-' || cased[k] === "'") k++;
  }
  return out;
}

function isSpellUnit(word: string, natoRun: boolean): boolean {
  return word.length === 1 || (natoRun && NATO.has(word)) || word === 'apostrophe' || word === 'hyphen' || word === 'dash';
}

/** A NATO word spells only beside another ("papa echo tango"); "mike" alone is a name. */
function inNatoRun(words: readonly Word[], i: number): boolean {
  return NATO.has(words[i]?.text ?? '') && (NATO.has(words[i - 1]?.text ?? '') || NATO.has(words[i + 1]?.text ?? ''));
}

/** Cased the way a name is written: "mckay" → "McKay", "o'brien" → "O'Brien", "jae-hyun" → "Jae-Hyun". */
export function nameCase(word: string): string {
  return word
    .split(/([-'])/)
    .map((part) => (part === '-' || part === "'" ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('')
    .replace(/^Mc([a-z])/, (_, letter: string) => `Mc${letter.toUpperCase()}`);
}

type Piece =
  | { kind: 'word'; text: string; pause: boolean }
  | { kind: 'spelled'; text: string; pause: boolean; cased: string }
  | { kind: 'field'; field: 'first' | 'middle' | 'last' }
  | { kind: 'repair' }
  | { kind: 'join' }
  /** "capital d": a letter said with its case alone, about a word already said. */
  | { kind: 'capital'; letter: string };

/** A word glossed the way a name is: by a longer word it starts ("hall, like a hallway") or by someone famous who has it. */
const GLOSSED_AS_NAME =
  /\b([a-z]{3,}),?\s+(?:like|as in)\s+(?:(?:a|an|the)\s+)?(?:(?:\1[a-z]+)|(?:footballer|singer|actor|actress|president|poet|writer|author|painter|saint|player|boxer|wrestler|golfer|band|city|river|island|queen|king|prince|princess)\b)/gi;

/**
 * Where "a y", "a p h", "a y and an e on the end", "z at the end" ends, from `i` (after "with"): one to three
 * letters, each perhaps with "a"/"an", joined by "and", then perhaps where they sit. Undefined when no letter.
 */
function lettersSaidEnd(words: readonly Word[], i: number): number | undefined {
  let j = i;
  let letters = 0;
  for (;;) {
    if (words[j]?.text === 'a' || words[j]?.text === 'an') j++;
    let run = 0;
    while (run < 3 && words[j] !== undefined && words[j]!.text.length === 1 && /[a-z]/.test(words[j]!.text)) {
      j++;
      run++;
      if (words[j - 1]!.pause) break;
    }
    if (!run) break;
    letters += run;
    if (words[j]?.text !== 'and' || words[j - 1]!.pause) break;
    j++;
  }
  // "with a c c a t h e r i n e": letters running on into a spelling are that spelling.
  if (!letters || (words[j] !== undefined && words[j]!.text.length === 1 && !words[j - 1]!.pause)) return undefined;
  if (
    /^(?:at|on|in)$/.test(words[j]?.text ?? '') &&
    words[j + 1]?.text === 'the' &&
    /^(?:end|start|beginning|front|middle)$/.test(words[j + 2]?.text ?? '')
  )
    j += 3;
  return j;
}

/** Reads the words into pieces: name words, spelled runs, field markers, repairs and hyphen joins. */
function pieces(words: Word[], capitalised: ReadonlySet<string>): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.text;
    const two = `${word} ${words[i + 1]?.text ?? ''}`;
    const three = `${two} ${words[i + 2]?.text ?? ''}`;
    if (/^(?:first|given|christian) name\b/.test(two)) {
      out.push({ kind: 'field', field: 'first' });
      i += 1;
      continue;
    }
    // "first is grzegorz, and last is wisniewski": a field named with "is", opening the answer or after a pause or "and".
    if (
      (word === 'first' || word === 'middle' || word === 'last') &&
      words[i + 1]?.text === 'is' &&
      words[i + 2] &&
      (i === 0 || words[i - 1]!.pause || /^(?:and|then|the|my|uh+|um+|er+|so|well)$/.test(words[i - 1]!.text))
    ) {
      out.push({ kind: 'field', field: word });
      i += 1;
      continue;
    }
    // "first name venkata, middle subramanian, last iyer": after a field, a bare "middle" or "last" opens the next.
    if (
      (word === 'middle' || word === 'last') &&
      (i === 0 || words[i - 1]!.pause) &&
      out.some((piece) => piece.kind === 'field') &&
      words[i + 1] &&
      !/^(?:name|one|time|week|year)$/.test(words[i + 1]!.text)
    ) {
      out.push({ kind: 'field', field: word });
      continue;
    }
    if (/^middle name\b/.test(two)) {
      out.push({ kind: 'field', field: 'middle' });
      i += 1;
      continue;
    }
    if (/^(?:last|family|sur) name\b/.test(two) || word === 'surname') {
      out.push({ kind: 'field', field: 'last' });
      if (word !== 'surname') i += 1;
      continue;
    }
    // "stephen with a p h", "smythe with a y and an e on the end", "yekaterina, with y": the letters a name is said
    // to have tell how it is spelled; they are no more of it.
    if (word === 'with' && out.some((piece) => piece.kind === 'word' || piece.kind === 'spelled')) {
      const end = lettersSaidEnd(words, i + 1);
      if (end !== undefined) {
        out.push({ kind: 'word', text: '', pause: true });
        i = end - 1;
        continue;
      }
    }
    // "jon, no h, j o n": a letter the name lacks, said as a gloss, is neither a repair nor a letter of it.
    if (
      word === 'no' &&
      words[i + 1]?.text.length === 1 &&
      words[i + 1]!.pause &&
      out.some((piece) => piece.kind === 'word' && piece.text)
    ) {
      i += 1;
      continue;
    }
    if (REPAIR.test(three.trim())) {
      out.push({ kind: 'repair' });
      i += 2;
      continue;
    }
    if (REPAIR.test(two.trim()) && (word === 'no' || word === 'i' || word === 'or')) {
      out.push({ kind: 'repair' });
      i += 1;
      continue;
    }
    // "Formerly karen bell", "née walsh": a name the caller no longer has, up to the next pause or "but".
    if (
      word === 'formerly' ||
      word === 'previously' ||
      word === 'née' ||
      word === 'nee' ||
      (word === 'used' && words[i + 1]?.text === 'to')
    ) {
      out.push({ kind: 'word', text: '', pause: true });
      while (i < words.length - 1 && !words[i]!.pause && words[i + 1]!.text !== 'but') i++;
      continue;
    }
    // "No relation", "no joke": "no" repairs only before a pause, an editing word or a name.
    const repairingNo =
      word !== 'no' ||
      words[i]!.pause ||
      /^(?:sorry|wait|it's|its|actually|i|my|it)$/.test(words[i + 1]?.text ?? '') ||
      nameWordStrength(words[i + 1]?.text ?? 'x') === 'strong';
    if (REPAIR.test(word) && repairingNo && (word !== 'well' || i > 0) && (word !== 'actually' || i > 0)) {
      out.push({ kind: 'repair' });
      continue;
    }
    // A spelled run: single letters (with "as in …" glosses), NATO words, apostrophe/hyphen inside.
    const joins = (word === 'dash' || word === 'hyphen') && out.at(-1)?.kind === 'word' && (out.at(-1) as { text: string }).text !== '';
    const opensRun =
      !joins &&
      isSpellUnit(word, inNatoRun(words, i)) &&
      word !== 'apostrophe' &&
      ((word !== 'a' && word !== 'i') || isSpellUnit(words[i + 1]?.text ?? '', inNatoRun(words, i + 1)));
    if (opensRun) {
      let j = i;
      let letters = '';
      let cased = '';
      while (j < words.length && isSpellUnit(words[j]!.text, inNatoRun(words, j))) {
        // "…t e r, capital a in the middle": a letter alone after a pause, talk after it, is said about the spelling.
        const after = words[j + 1]?.text;
        if (
          j > i &&
          words[j - 1]!.pause &&
          words[j]!.text.length === 1 &&
          after !== undefined &&
          !isSpellUnit(after, false) &&
          !(after === 'as' && words[j + 2]?.text === 'in')
        )
          break;
        const unit = words[j]!.text;
        const letter =
          unit === 'apostrophe' ? "'" : unit === 'hyphen' || unit === 'dash' ? '-' : unit.length === 1 ? unit : NATO.get(unit)!;
        letters += letter;
        cased += words[j]!.upper ? letter.toUpperCase() : letter;
        j++;
        if (words[j - 1]!.stop && letters.length >= 2) break;
        if (words[j]?.text === 'as' && words[j + 1]?.text === 'in' && words[j + 2]) j += 3;
      }
      // "o apostrophe connell": a spelling that ends in an apostrophe or hyphen runs on into the next word.
      const following = words[j]?.text;
      if (/\p{L}[-']$/u.test(letters) && following && !NOT_NAME.has(following) && following.length > 1) {
        letters += following;
        cased += following;
        j += 1;
      }
      const real = letters.replace(/[-']/g, '');
      if (real.length === 1 && letters === real && words[i]!.upper) {
        out.push({ kind: 'capital', letter: real });
        i = j - 1;
        continue;
      }
      // Letters run into digits ("h r six z n four") spell an id, not a name.
      if ((isNumberWord(words[j]?.text) && !words[j - 1]!.pause) || isNumberWord(words[i - 1]?.text)) {
        out.push({ kind: 'word', text: '', pause: true });
        i = j - 1;
        continue;
      }
      if (real.length >= 2 || (real.length === 1 && words[j - 1]?.text !== letters)) {
        // "t h o m a s as in tom": a gloss after the run is not a word of the name.
        if (words[j]?.text === 'as' && words[j + 1]?.text === 'in') j += 3;
        out.push({
          kind: 'spelled',
          text: letters.replace(/^[-']+|[-']+$/g, ''),
          cased: cased.replace(/^[-']+|[-']+$/g, ''),
          pause: words[j - 1]!.pause,
        });
        i = j - 1;
        continue;
      }
    }
    if (joins) {
      out.push({ kind: 'join' });
      continue;
    }
    // "Shawn with a w", "with an e on the end", "johnson has an h", "with two l's": a gloss on the spelling, not letters of it.
    if (
      (word === 'with' || word === 'has' || word === 'have' || word === 'got') &&
      /^(?:a|an|the|two|double|one)$/.test(words[i + 1]?.text ?? '') &&
      (words[i + 2]?.text.length === 1 || /^[a-z]'?s$/.test(words[i + 2]?.text ?? ''))
    ) {
      i += 2;
      continue;
    }
    if (word === 'with' && words[i + 1]?.text === 'a' && (words[i + 2]?.text === 'hyphen' || words[i + 2]?.text === 'dash')) {
      // "anna lise with a hyphen": the two words before are one, joined.
      const [before, last] = [out.at(-2), out.at(-1)];
      if (
        before?.kind === 'word' &&
        before.text &&
        !before.pause &&
        last?.kind === 'word' &&
        last.text &&
        !last.text.includes('-') &&
        words[i + 3]?.text !== 'between'
      ) {
        out.splice(-2, 2, { kind: 'word', text: `${before.text}-${last.text}`, pause: words[i + 2]!.pause || last.pause });
      }
      // "pemberton ruiz with a hyphen between pemberton and ruiz": the two words it names, said next to each other, are one.
      const [first, second] = [words[i + 4]?.text, words[i + 6]?.text];
      if (words[i + 3]?.text === 'between' && words[i + 5]?.text === 'and' && first && second) {
        const at = out.findIndex(
          (piece, k) =>
            piece.kind === 'word' &&
            bareWord(piece.text) === bareWord(first) &&
            out[k + 1]?.kind === 'word' &&
            bareWord((out[k + 1] as { text: string }).text) === bareWord(second),
        );
        if (at >= 0) {
          const next = out[at + 1] as { text: string; pause: boolean };
          out.splice(at, 2, { kind: 'word', text: `${(out[at] as { text: string }).text}-${next.text}`, pause: next.pause });
        }
        i += 6;
        continue;
      }
      i += 2;
      continue;
    }
    // "the j is for james", "the m stands for marie": what an initial stands for glosses it; the name is as given.
    if (
      word.length === 1 &&
      words[i - 1]?.text === 'the' &&
      ((words[i + 1]?.text === 'is' && words[i + 2]?.text === 'for') || words[i + 1]?.text === 'stands')
    ) {
      out.push({ kind: 'word', text: '', pause: true });
      while (i < words.length - 1 && !words[i]!.pause) i++;
      continue;
    }
    // "zoe, z o e, like zebra", "niamh, it's pronounced neeve": a gloss on how the name sounds or is spelled names nobody.
    if (
      GLOSS_WORDS.has(word) &&
      (out.at(-1)?.kind === 'spelled' || words[i - 1]?.pause || /^(?:it's|its|is|it)$/.test(words[i - 1]?.text ?? '')) &&
      out.some((piece) => (piece.kind === 'word' || piece.kind === 'spelled') && piece.text)
    ) {
      out.push({ kind: 'word', text: '', pause: true });
      while (i < words.length - 1 && !words[i]!.pause) i++;
      continue;
    }
    // "I told the other person already": a clause with a subject says something; its words name nobody.
    if ((SUBJECTS.has(word) && !COPULAS.has(words[i + 1]?.text ?? '')) || /^(?:i|we|you|they|he|she)'(?:ve|d|ll|re)$/.test(word)) {
      out.push({ kind: 'word', text: '', pause: true });
      while (i < words.length - 1 && !words[i]!.pause) i++;
      continue;
    }
    const joined = out.at(-1)?.kind === 'join';
    if (
      TITLES.has(word) ||
      NOT_NAME.has(word) ||
      word.length < 2 ||
      (!joined && !capitalised.has(word) && nameWordStrength(word) === 'never')
    ) {
      out.push({ kind: 'word', text: '', pause: true });
      continue;
    }
    out.push({ kind: 'word', text: word, pause: words[i]!.pause });
  }
  return out;
}

/** Whether a spelling said after a pause spells this earlier word: the same word, or a near miss of it. */
function close_(word: string, spelled: string): boolean {
  const a = word.replace(/[-']/g, '');
  if (a[0] !== spelled[0]) return false;
  return editDistance(a, spelled) <= Math.max(1, Math.floor(a.length / 3));
}

/**
 * "darragh o'brian, o b r i e n": a spelling that puts a word right keeps the apostrophe or hyphen
 * the word was said with, where the letters before it are the same.
 */
function withMarksOf(said: string, spelled: string): string {
  if (/[-']/.test(spelled)) return spelled;
  const mark = /[-']/.exec(said);
  if (!mark || mark.index === 0 || said.slice(0, mark.index) !== spelled.slice(0, mark.index)) return spelled;
  return spelled.slice(0, mark.index) + mark[0] + spelled.slice(mark.index);
}

export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length]!;
}

/** "Lan is my first name", "okafor's the last name", "Nguyen is the family name": which word is which, said after the name. */
const ROLE_STATED =
  /(\p{L}[\p{L}'-]*?)(?:'s|’s|\s+is)\s+(?:(?:my|the|his|her|our|their)\s+)?(?:(first|given|christian)|(last|family|sur))\s*name\b/giu;

function inStatedOrder(words: string[], spoken: string): string[] {
  const first = new Set<string>();
  const last = new Set<string>();
  for (const match of spoken.matchAll(ROLE_STATED)) (match[2] ? first : last).add(bareWord(match[1]!.toLowerCase()));
  if (!first.size && !last.size) return words;
  const role = (word: string) => (first.has(bareWord(word)) ? 0 : last.has(bareWord(word)) ? 2 : 1);
  return [...words].sort((a, b) => role(a) - role(b));
}

/**
 * What the caller says the name is not: "leigh, l e i g h, not l e e", "q u i s t not q v i s t", "with a k not c",
 * "sean s e a n not shawn" — the denied spelling or word is no part of it.
 */
const DENIED_SPELLING = /,?\s*\bnot\s+(?:an?\s+)?(?:[a-z]\s+){1,11}[a-z](?=\s*(?:[.,;?!]|$))/gi;
const DENIED_LETTER = /,?\s*\bnot\s+(?:an?\s+|the\s+letter\s+)?[a-z]\b/gi;
const DENIED_WORD = /,?\s*\bnot\s+(?!(?:an?|the|with|without|my|his|her|their|in|on|at|to|for|of|from|by)\b)[a-z][a-z'-]+/gi;

/** The name the answer gives, or undefined when it gives none. */
export function spokenName(said: string): string | undefined {
  const spoken = said.replace(DENIED_SPELLING, ' ').replace(DENIED_LETTER, ' ').replace(DENIED_WORD, ' ');
  const capitalised = capitalisedWords(spoken);
  // "hall, like a hallway", "robson like the footballer": a word glossed the way names are is a name's.
  for (const match of spoken.matchAll(GLOSSED_AS_NAME)) capitalised.add(match[1]!.toLowerCase());
  // "…, okafor's the last name": a word's role said after the name orders it (inStatedOrder) and names nobody itself.
  const list = pieces(tokens(spoken.replace(ROLE_STATED, '.')), capitalised);
  // Statements: runs of name words; a spelling replaces the word it spells, or stands as a word of its own.
  const statements: string[][] = [];
  const fields: { first?: string[]; middle?: string[]; last?: string[] } = {};
  let field: 'first' | 'middle' | 'last' | undefined;
  let current: string[] = [];
  const repaired = new Set<string[]>();
  /** Words whose spelling said where the capitals go ("capital D, e, capital S…"), by their bare form. */
  const capitals = new Map<string, string>();
  /** Statements with a word the caller spelled out: the name, where the rest of the turn may be chatter. */
  const spelledOut = new Set<string[]>();
  let afterRepair = false;
  let currentSpelled = false;
  const close = () => {
    if (current.length) {
      if (field) fields[field] = current;
      else statements.push(current);
      if (afterRepair) repaired.add(current);
      if (currentSpelled) spelledOut.add(current);
    }
    afterRepair = false;
    currentSpelled = false;
    current = [];
  };
  /** A statement ends, and with it the field it filled. */
  const endStatement = () => {
    close();
    field = undefined;
  };
  for (let k = 0; k < list.length; k++) {
    const piece = list[k]!;
    if (piece.kind === 'field') {
      close();
      field = piece.field;
      continue;
    }
    if (piece.kind === 'repair') {
      current = [];
      afterRepair = true;
      continue;
    }
    if (piece.kind === 'join') {
      const next = list[k + 1];
      if (next && (next.kind === 'word' || next.kind === 'spelled') && next.text && current.length) {
        current[current.length - 1] = `${current.at(-1)}-${next.text}`;
        k += 1;
        if (next.pause) {
          endStatement();
        }
      }
      continue;
    }
    if (piece.kind === 'capital') {
      // The latest word with that letter past its first: "fiona macdonald, … capital d" → MacDonald.
      const said = [current, ...[...statements].reverse(), fields.last ?? [], fields.first ?? []]
        .flatMap((list) => [...list].reverse())
        // Never the last letter: a capital ends no name.
        .find((word) => {
          const at = word.indexOf(piece.letter, 1);
          return at > 0 && at < word.length - 1;
        });
      if (said) {
        const at = said.indexOf(piece.letter, 1);
        const base = capitals.get(bareWord(said)) ?? said;
        capitals.set(bareWord(said), base.slice(0, at) + piece.letter.toUpperCase() + base.slice(at + 1));
      }
      continue;
    }
    if (piece.kind === 'spelled') {
      const spelled = piece.text;
      const flat = spelled.replace(/[-']/g, '');
      // "de la cruz, small d, small l, capital c": the initials of the words just said, with their case, spell nothing new.
      const initialsOf = (list: readonly string[]) =>
        list.length >= flat.length &&
        list
          .slice(-flat.length)
          .map((word) => word[0])
          .join('') === flat;
      if (
        flat.length >= 2 &&
        piece.cased !== spelled &&
        (initialsOf(current) || (!current.length && initialsOf(statements.at(-1) ?? [])))
      ) {
        if (piece.pause && current.length) {
          endStatement();
        }
        continue;
      }
      if (piece.cased !== spelled) capitals.set(bareWord(spelled), piece.cased);
      // The spelling of a word already said, or of its start ("McDonald, m c capital D"; "Renée, r e n e e"): the word as
      // said stands (its accents too), with the capitals the spelling gave.
      const said = [current, statements.at(-1) ?? []]
        .flatMap((list) => list)
        .find((word) => {
          const plain = bareWord(word);
          return plain === bareWord(spelled) || (flat.length >= 2 && plain.length > flat.length && plain.startsWith(bareWord(spelled)));
        });
      if (said) {
        if (piece.cased !== spelled) capitals.set(bareWord(said), withCapitals(said, piece.cased));
        if (!current.includes(said)) spelledOut.add(statements.at(-1)!);
        else currentSpelled = true;
        if (piece.pause && current.length) {
          endStatement();
        }
        continue;
      }
      // It spells the last word, or the last two ("jae hyun" → "j a e hyphen h y u n" is one hyphenated word;
      // "siobhan o'brien" → "s i o b h a n o apostrophe b r i e n" stays two).
      const spellsTwo = (list: string[]) => list.length >= 2 && list.slice(-2).join('').replace(/[-']/g, '') === flat;
      const previous = statements.at(-1);
      if (spellsTwo(current)) {
        if (spelled.includes('-')) current.splice(-2, 2, spelled);
      } else if (current.length && current.at(-1)!.replace(/[-']/g, '')[0] === flat[0]) current[current.length - 1] = spelled;
      else if (!current.length && previous && !field && spellsTwo(previous)) {
        if (spelled.includes('-')) previous.splice(-2, 2, spelled);
        spelledOut.add(previous);
      } else if (!current.length && previous?.length && close_(previous.at(-1)!, flat) && !field) {
        // "priya shah, s h a h" said after a pause still spells the word before it.
        previous[previous.length - 1] = withMarksOf(previous.at(-1)!, spelled);
        spelledOut.add(previous);
      } else if (!current.length && !field && previous && previous.some((word) => close_(word, flat))) {
        // "katherine becker, k a t h r y n": the spelling puts right the word of the name it spells.
        const k = previous.findIndex((word) => close_(word, flat));
        previous[k] = withMarksOf(previous[k]!, spelled);
        spelledOut.add(previous);
      } else if (!current.length && field && fields[field]?.length && close_(fields[field]!.at(-1)!, flat))
        fields[field]![fields[field]!.length - 1] = withMarksOf(fields[field]!.at(-1)!, spelled);
      else current.push(spelled);
      currentSpelled = current.length > 0;
      if (piece.pause && current.length) {
        endStatement();
      }
      continue;
    }
    if (!piece.text) {
      // "last name is novak": the words of a field start after its filler words.
      if (current.length || !field) {
        endStatement();
      }
      continue;
    }
    // A word that merely restates the spelled word right before it ("m c k a y mckay").
    if (current.length && current.at(-1)!.replace(/[-']/g, '') === piece.text.replace(/[-']/g, '')) continue;
    current.push(piece.text);
    // A name is up to four words ("maria fernanda gonzalez lopez"), and its particles besides ("elena de la cruz").
    if (current.filter((word) => !isNameParticle(word)).length > 4) current = current.slice(1);
    if (piece.pause) {
      endStatement();
    }
  }
  close();
  let words: string[] | undefined;
  if (fields.first || fields.last) {
    const fromStatements = [...statements].reverse().find((statement) => statement.length >= 2);
    const own = [...statements].reverse().find((statement) => statement.some((word) => !fields.last?.includes(word)));
    const first = fields.first ?? (fromStatements ? fromStatements.slice(0, -1) : own?.filter((word) => !fields.last?.includes(word)));
    const last =
      fields.last ??
      fromStatements?.slice(-1) ??
      [...statements]
        .reverse()
        .find((statement) => !fields.first!.includes(statement.at(-1)!))
        ?.slice(-1);
    words = [...(first ?? []), ...(fields.middle ?? []), ...(last ?? [])];
    // A statement that already says both ("first name chris, chris lee") wins over the fields put together.
    const full = [...statements]
      .reverse()
      .find(
        (statement) =>
          statement.length >= 2 &&
          (!fields.first || statement[0] === fields.first[0]) &&
          (!fields.last || statement.at(-1) === fields.last.at(-1)),
      );
    if (full && full.length >= words.length) words = full;
  } else {
    // The first statement, unless a later one restates it more fully ("mary ellen, two words, mary
    // ellen fitzgerald"; "dan, no sorry, daniel okonkwo"): words after the name ("… I already went
    // through this") state nothing about it.
    // Where the caller spelled part of the name out, the name is in those statements and their restatements.
    const spelledWords = statements.filter((statement) => spelledOut.has(statement)).flat();
    const pool = spelledWords.length
      ? statements.filter(
          (statement) => spelledOut.has(statement) || statement.some((word) => spelledWords.some((other) => close_(other, word))),
        )
      : statements;
    let best: string[] | undefined;
    for (const statement of pool) {
      if (!best) best = statement;
      else if (
        nameWordsOf(statement, capitalised).length >= nameWordsOf(best, capitalised).length &&
        (repaired.has(statement) || statement.some((word) => best!.some((other) => close_(other, word))))
      )
        best = statement;
    }
    // "tom reid. well, thomas": a repair of one word puts right the word of the name it starts like.
    if (best && best.length >= 2) {
      const fix = pool.slice(pool.indexOf(best) + 1).find((statement) => statement.length === 1 && repaired.has(statement));
      const k = fix ? best.findIndex((word) => word[0] === fix[0]![0] && word !== fix[0]) : -1;
      if (fix && k >= 0 && fix[0]!.length > best[k]!.length) best = best.map((word, i) => (i === k ? fix[0]! : word));
    }
    // "Bob, robert really, robert delgado": a single word is superseded by the fullest later statement that names someone.
    if (best?.length === 1) {
      const fuller = pool
        .slice(pool.indexOf(best) + 1)
        .filter((statement) => statement.length >= 2 && nameWordsOf(statement, capitalised).length >= 2);
      if (fuller.length) best = fuller.at(-1);
    }
    // "Vera, and then Holt"; "Ahmed, A H M E D, bin, B I N, Rashid, R A S H I D": words said one at a time, each
    // alone (and spelled), are the name's words in order.
    if (best?.length === 1) {
      const run = [...best];
      for (let k = statements.indexOf(best) + 1; k < statements.length && run.length < 4; k++) {
        const next = statements[k]!;
        if (next.length !== 1 || run.some((word) => close_(word, next[0]!))) break;
        // "…the robot wrote it wrong maybe": an everyday word left between the talk's words is no part of the name.
        if (!spelledOut.has(next) && !isNameParticle(next[0]!) && !capitalised.has(next[0]!) && nameWordStrength(next[0]!) !== 'strong')
          break;
        run.push(next[0]!);
      }
      if (run.length > 1) best = run;
    }
    words = best;
  }
  // Words of the statement that cannot be a name's ("put sean murphy", "ha bob") are left out; ordinary words alone name nobody.
  words = words && nameWordsOf(words, capitalised);
  // "robert robert kowalski", "anne-marie duval anne-marie": a word said again is said once.
  words = words?.filter((word, k) => !words!.slice(0, k).some((other) => other.replace(/[-']/g, '') === word.replace(/[-']/g, '')));
  if (!words?.length) return undefined;
  words = inStatedOrder(words, spoken);
  return words
    .map((word) => {
      const cased = capitals.get(bareWord(word));
      return cased ? withCapitals(word, cased) : word;
    })
    .map((word, k) => (k > 0 && k < words!.length - 1 && isNameParticle(word) ? word : nameCase(word)))
    .join(' ');
}
