/**
 * An email address said as an answer, put together with the dialogue's help. When the agent asked for
 * the email (or the caller names it), the words before "at" back to where the answer starts are the
 * local part — a name and a surname, letters spelled with commas, "p as in peter", numbers in words —
 * and the words after it up to the top-level domain are the domain, however it was split ("g mail",
 * "sbc global", "a o l"). ITN alone cannot know where a spoken address starts; the question does.
 */
import topLevelDomains from 'tlds';
import { isNumberWord, soundAlikeDigit, unitValue } from './itn/numberWords';
import { isEverydayLetterName, letterOfName, NATO_WORDS } from './itn/spelling';
import { isCommonWord, wordTags } from './lexicon';
import { editDistance } from './spokenName';

const NATO = new Set(NATO_WORDS);
import { normalize } from './itn';

/** Words that begin an answer, not an address. */
const ANSWER_START = new Set(
  (
    "it's its it is is was email email's e-mail address mail my the use using at it that's thats sure yes yeah yep ok okay um uh er so and " +
    "or but i'm i've me our work home personal to send have has had got get still shows says reads on file under there here we you your " +
    'should be would could can try mine his hers their new old current other primary put down write jot reach contact just like username user name eh ehm ' +
    "it'd that'd it'll that'll i'd we'd they'd"
  ).split(' '),
);
/**
 * What callers add about the address itself ("all one word", "no spaces"), and glosses on a part of it
 * ("the letter b, then the word baker"; "skaterboi, that's boy spelled b o i"): not part of it.
 */
const ABOUT_THE_ADDRESS =
  /\b(?:that's|thats|that is)\s+(?=(?:[a-z]\s+){2,}[a-z]\b)|\bthere(?:'s| is|s)\s+(?:no|nae|an?|one)\s+[a-z]\s+(?:on|at)\s+the\s+end\b|\b(?:and\s+)?no\s+(?:dots?|dashes|dash|hyphens?|underscores?|spaces?|apostrophes?|capitals?)(?:\s+(?:in between|between|in the middle|anywhere|at all))?\b|\b(?:with|without)\s+(?:an?|the)\s+[a-z]\b(?=\s+(?:[a-z]\s+){2,}|\s*[,.]|\s+(?:dot|at|underscore|dash)\b)|\blike the (?!numbers?\b|letters?\b|words?\b)[a-z]+\b|\b(?:(?:that's|thats|that is)\s+)?(?:with|it's|its)\s+an?\s+(?:dash|hyphen|underscore|dot)\s+not\s+an?\s+(?:dash|hyphen|underscore|dot)\b|\b(?:all )?one word|(?:all )?together|all lower ?case|lower ?case|all small|small letters\b|no capitals?|\b(?:then )?the letter\b|\b(?:that's|that is|thats) (?:two|three|a double|double) (?:underscores|dashes|hyphens|dots|[a-z]'?s)\b|\b(?:two|three|double) [a-z]'s\b|,?\s*\b(?:that's|that is|thats)\s+[a-z]+\s+(?:spelled|spelt|spelling)\s+(?:[a-z]\s+){1,12}(?=[a-z]|,)[a-z]?,?/gi;
/**
 * The top-level domains an address may end with: IANA's root zone (the `tlds` package: ".scot", ".ph", ".email"),
 * and the names RFC 2606 keeps for examples and tests (".example", ".test"), which callers reading a sample say too.
 */
const TOP_LEVEL_NAMES: ReadonlySet<string> = new Set([...topLevelDomains, 'example', 'test', 'invalid', 'localhost']);
const isTopLevel = (label: string) => TOP_LEVEL_NAMES.has(label);
/** Mail providers callers name without the ending ("at gmail"), with the ending they stand for. */
const MAIL_PROVIDERS: Record<string, string> = {
  gmail: '.com',
  googlemail: '.com',
  yahoo: '.com',
  hotmail: '.com',
  outlook: '.com',
  icloud: '.com',
  aol: '.com',
  msn: '.com',
  protonmail: '.com',
  comcast: '.net',
  verizon: '.net',
  att: '.net',
  sbcglobal: '.net',
  live: '.com',
};
const SYMBOLS: Record<string, string> = { dot: '.', period: '.', dash: '-', hyphen: '-', underscore: '_', plus: '+' };

function clean(word: string): string {
  return word.toLowerCase().replace(/^[^a-z0-9]+|[^a-z0-9']+$/g, '');
}

const DIGIT_NAMES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
/** The digit's name for a word a recogniser writes for it ("jen ate one to" → jen812): used only beside another digit, or after "the number". */
function soundAlikeName(word: string | undefined): string | undefined {
  const digit = soundAlikeDigit(word);
  return digit === undefined ? undefined : DIGIT_NAMES[digit];
}

/** Number words in a run become digits ("seventy two" → 72, "two thousand" → 2000); everything else is kept. */
function withDigits(said: string[]): string[] {
  const digitLike = (word: string | undefined) => word !== undefined && (isNumberWord(word) || word === 'oh' || /^\d+$/.test(word));
  const words = said.map((word, i) => {
    const digit = soundAlikeName(word);
    return digit && (digitLike(said[i - 1]) || digitLike(said[i + 1]) || said[i - 1] === 'number') ? digit : word;
  });
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
/** How a caller says a letter's case: "capital t", "small j", "lowercase k" — the case of an address does not count. */
const LETTER_CASE = new Set(['capital', 'cap', 'caps', 'uppercase', 'upper', 'lowercase', 'lower', 'small']);

function spellingOf(words: string[], options: { natoAnswer?: boolean } = {}): string {
  const kept: string[] = [];
  // NATO words said as spelling: two in a stretch, or three across the whole answer ("kilo, echo, lima").
  const natoRun = options.natoAnswer || words.filter((word) => NATO.has(word)).length >= 2;
  // Letters said by their names ("tee why el ee ar", "gee mail"): read as letters where the words spell.
  const letterish = (word: string | undefined) => word !== undefined && (word.length === 1 || letterOfName(word) !== undefined);
  const spells = words.filter(letterish).length >= 2;
  for (let i = 0; i < words.length; i++) {
    const following = words[i + 1];
    // "capital j, jackson": the letter is the first of the word said after it, not one more.
    if (LETTER_CASE.has(words[i]!) && following?.length === 1 && (words[i + 2]?.length ?? 0) > 1 && words[i + 2]![0] === following) {
      i += 1;
      continue;
    }
    // "then hyphen, dash, then…": one symbol named twice is said once.
    if (SYMBOLS[words[i]!] !== undefined && SYMBOLS[words[i]!] === SYMBOLS[words[i - 1] ?? ''] && kept.at(-1) === SYMBOLS[words[i]!])
      continue;
    if (
      LETTER_CASE.has(words[i]!) &&
      following !== undefined &&
      (following.length === 1 || letterOfName(following) !== undefined || NATO.has(following))
    )
      continue;
    if (natoRun && NATO.has(words[i]!)) {
      kept.push(words[i]![0]!);
      continue;
    }
    // "j like juliet", "m for mary", "v for victor": the word after glosses the letter before it.
    if (words[i]!.length === 1 && (words[i + 1] === 'like' || words[i + 1] === 'for') && words[i + 2]?.[0] === words[i]) {
      kept.push(words[i]!);
      i += 2;
      continue;
    }
    if ((words[i] === 'double' && (words[i + 1] === 'you' || words[i + 1] === 'u')) || words[i] === 'dub') {
      kept.push('w');
      if (words[i] === 'double') i += 1;
      continue;
    }
    const named = letterOfName(words[i]!);
    if (
      named &&
      (spells || (!isEverydayLetterName(words[i]!) && words[i + 1] !== undefined && !letterish(words[i + 1]))) &&
      !(words[i - 1] === 'as' && words[i - 2] === 'in')
    ) {
      // "double el" → "ll".
      if (words[i - 1] === 'double' || words[i - 1] === 'triple') kept[kept.length - 1] = named.repeat(words[i - 1] === 'double' ? 2 : 3);
      else kept.push(named);
      continue;
    }
    // "m double o r e": a doubled letter; "zed e n a": the letter's British name beside other letters.
    const next = words[i + 1];
    if ((words[i] === 'double' || words[i] === 'triple') && letterOfName(next ?? '') !== undefined && spells) {
      kept.push(words[i]!);
      continue;
    }
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
    // "b as in bravo, not d as in delta", "p not b", "zeros not letter o": the letter it is not adds nothing.
    if (words[i] === 'not' && words[i + 1]?.length === 1 && words[i + 2] === 'as' && words[i + 3] === 'in') {
      i += 4;
      continue;
    }
    if (words[i] === 'not' && i > 0) {
      let j = i + 1;
      if (/^(?:the|a|an)$/.test(words[j] ?? '')) j++;
      if (/^(?:letter|number|digit)s?$/.test(words[j] ?? '')) j++;
      if (words[j]?.length === 1) {
        i = j;
        continue;
      }
    }
    kept.push(SYMBOLS[words[i]!] ?? words[i]!);
  }
  return withDigits(withoutWordSpelled(kept)).join('');
}

/** A letter, or a letter said doubled ("double l"), as a spelling gives it. */
const SPELLED_LETTERS = /^([a-z])\1{0,2}$/;

/**
 * "s r i n i v a s srinivas", "mcallister m c a double l i s t e r", "cahlie, c a r l i e": a word said beside its
 * own spelling, or beside a spelling a letter off it (a misheard word), is said once, as spelled; so are two or three
 * words said before the one spelling of them all ("sam okafor s a m o k a f o r").
 */
function withoutWordSpelled(parts: readonly string[]): string[] {
  const out = [...parts];
  for (let from = 0; from < out.length; from++) {
    if (!SPELLED_LETTERS.test(out[from]!)) continue;
    let to = from;
    while (to < out.length && SPELLED_LETTERS.test(out[to]!)) to++;
    const spelled = out.slice(from, to).join('');
    const matches = (word: string | undefined) =>
      word !== undefined &&
      word.length >= 3 &&
      /^[a-z]+$/.test(word) &&
      !SPELLED_LETTERS.test(word) &&
      spelled.length >= 3 &&
      (word === spelled || (Math.min(word.length, spelled.length) >= 4 && editDistance(word, spelled) <= 1));
    if (matches(out[to])) out.splice(to, 1);
    else if (matches(out[from - 1])) {
      out.splice(from - 1, 1);
      to--;
    } else {
      // "sam okafor s a m o k a f o r": a spelling of the two or three words before it, said once.
      for (const count of [2, 3]) {
        const words = out.slice(from - count, from);
        if (words.length === count && words.every((word) => /^[a-z]{2,}$/.test(word)) && words.join('') === spelled) {
          out.splice(from - count, count);
          to -= count;
          break;
        }
      }
    }
    from = to - 1;
  }
  return out;
}

/** A repair after the address restating its name part: "wait, no, it's c dot jones". */
const LOCAL_REPAIR =
  /^[,.\s]*(?:wait|no|sorry|actually|i mean)\b[,.\s]*(?:(?:no|sorry|wait)[,.\s]+)*(?:it's|its|it is)?\s*([a-z0-9][a-z0-9 ]*?(?:\s+(?:dot|underscore|dash|hyphen)\s+[a-z0-9 ]+?)+)(?=,|\.|$)/i;

interface Word {
  raw: string;
  word: string;
  at: number;
}

const TALK_VERB_TAGS = new Set(['PastTense', 'Gerund', 'Modal', 'Copula', 'Auxiliary']);

/** Editing terms: what follows repairs what came before. */
const REPAIR_WORDS = new Set(['sorry', 'wait', 'rather', 'correction']);

/** Words that open a sentence going on with a spelling: "then dot ludwig", "and then five one", "underscore…". */
const CONTINUES_SPELLING = /^(?:and|then|dot|period|point|underscore|dash|hyphen|plus|followed|next)\b/i;

/** The local part, read backwards from its "at" to where the answer starts (or to a repair). */
function localPartBefore(words: readonly Word[], atIndex: number): { words: string[]; from: number; repaired: boolean } {
  const local: string[] = [];
  let i = atIndex - 1;
  for (; i >= 0 && local.length < 24; i--) {
    const { raw, word } = words[i]!;
    if (!word) continue;
    if (REPAIR_WORDS.has(word)) return { words: local, from: i + 1, repaired: true };
    // "jen ate one to": a word the recogniser wrote for a digit, beside a digit, is that digit.
    const digitHomophone =
      soundAlikeName(word) !== undefined &&
      (isNumberWord(local[0]) || isNumberWord(words[i - 1]?.word) || (words[i - 1]?.word === 'number' && words[i - 2]?.word === 'the'));
    // "i think i used j dot patel", "i signed up with tom dot h": a verb of the talk ends the address.
    if (!digitHomophone && word.length > 2 && wordTags(word).some((tag) => TALK_VERB_TAGS.has(tag))) break;
    // Connectives inside a spelling: "t as in tango, a, then a dot, then o k o", "lind, the number four".
    const numberAfter = isNumberWord(local[0]) || soundAlikeName(local[0]) !== undefined || /^\d+$/.test(local[0] ?? '');
    if (word === 'number' && numberAfter && soundAlikeName(local[0])) local[0] = soundAlikeName(local[0])!;
    if (word === 'then' || (word === 'number' && numberAfter) || (word === 'the' && words[i + 1]?.word === 'number')) continue;
    if (word === 'a' && (local[0] === 'dot' || local[0] === 'period') && words[i - 1]?.word === 'then') continue;
    // "That's the one, tavita…": "one" after a determiner is a pronoun, not a digit.
    if (word === 'one' && /^(?:the|that|this|which|right|same)$/.test(words[i - 1]?.word ?? '')) break;
    const spelled = word.length === 1 || SYMBOLS[word] !== undefined;
    // "…okafor. o, k, a, f, o, r. chidinma dot okafor at…": a full stop before the address's words ends what belongs to it.
    if (/[.!?]$/.test(raw) && local[0] !== undefined && local[0].length > 1 && SYMBOLS[local[0]] === undefined) break;
    // "p as in peter, e, t": the word after "as in" is part of the spelling, comma or not.
    const afterAsIn = words[i - 1]?.word === 'in' && words[i - 2]?.word === 'as';
    if (!spelled && !afterAsIn && /[,.;:]$/.test(raw) && local.length) break;
    if (!spelled && !digitHomophone && ANSWER_START.has(word) && !(word === 'in' && words[i - 1]?.word === 'as')) break;
    // A lone "I" before words is the speaker ("I have gpradhan at…"), not a spelled letter, unless it sits in a spelling ("m i k e").
    const inSpelling = words[i - 1]?.word.length === 1 || local[0]?.length === 1;
    if (word === 'i' && !inSpelling && !local.every((part) => part.length === 1)) break;
    local.unshift(word);
  }
  return { words: local, from: i + 1, repaired: false };
}

/** "at g mail", "at a o l", "at h o t mail": a mail provider spelled, or half spelled, after "at" is the provider. */
function joinSpelledProviders(words: Word[]): void {
  for (let i = 0; i < words.length - 2; i++) {
    if (words[i]!.word !== 'at') continue;
    for (let k = 2; k <= 5 && i + k < words.length; k++) {
      const joined = spellingOf(words.slice(i + 1, i + 1 + k).map((word) => word.word));
      if (MAIL_PROVIDERS[joined] === undefined) continue;
      const tail = words[i + k]!.raw.match(/[,.;!?]+$/)?.[0] ?? '';
      words[i + 1] = { ...words[i + 1]!, word: joined, raw: joined + tail };
      for (let j = i + 2; j <= i + k; j++) words[j] = { ...words[j]!, word: '', raw: '' };
      break;
    }
  }
}

/** Where the address itself starts after chatter: "…my grandson set that up, it's, um, margaret…", "Wei Zhang, and email is …". */
const INTRODUCER =
  /\b(?:e-?mail(?:'s|\s+is|\s+address\s+is|\s+id\s+is|(?:\s+address)?(?=\s*[,:]))|mail\s+id\s+is|address\s+is|id\s+is|it's|it\s+is|its|it\s+was|it\s+says|is\s+it|should\s+be|it'd\s+be|i\s+used|i\s+use)\b[\s,]*/gi;
/** Words that open a gloss or a comment on the address, not a part of it: "like the fish", "cause I lived in London". */
const GLOSS_START = new Set([
  'like',
  'as',
  'cause',
  'because',
  'cos',
  'which',
  'so',
  'basically',
  'both',
  'that',
  'this',
  'not',
  'those',
  'from',
]);
/** Editing terms opening a piece: the next piece replaces the one before. */
const PIECE_REPAIR = new Set(['no', 'wait', 'sorry', 'actually', 'rather', 'correction', 'oops']);
const SUBJECTS = new Set(['i', "i'm", "i've", 'im', 'my', 'we', 'you', 'he', 'she', 'they', "it's", 'it', 'there', "there's"]);
/** Leading words of a piece that belong to the talk around it: "and then", "the number", "um". */
const PIECE_LEAD = new Set([
  'and',
  'then',
  'followed',
  'by',
  'plus',
  'um',
  'uh',
  'er',
  'erm',
  'hmm',
  'ok',
  'okay',
  'so',
  'yes',
  'yeah',
  'ya',
  'oh',
  'ah',
  'right',
]);

type Piece =
  { kind: 'value'; value: string; addressLike: boolean; everyday: boolean; glossed: boolean } | { kind: 'repair' } | { kind: 'skip' };

/** One stretch of an address said between pauses, read on its own. */
function readPiece(raw: string, side: 'local' | 'domain', options: { natoAnswer?: boolean } = {}): Piece {
  let words = raw
    .toLowerCase()
    .split(/\s+/)
    // "c-a-r-l-o-s": letters joined by hyphens are a spelling; "nowak-logistics" is a word with its dash.
    .flatMap((word) => (/^[a-z](?:-[a-z])+$/.test(clean(word)) ? clean(word).split('-') : [clean(word)]))
    .filter(Boolean);
  if (words.length && PIECE_REPAIR.has(words[0]!)) return { kind: 'repair' };
  if (/\?\s*$/.test(raw)) return { kind: 'skip' };
  // Talk around the address: three or more ordinary words with nothing spelled, no symbol, no number ("I use the
  // school one", "the one with the dog's name"), or words with a subject in them. A domain's words may be ordinary ones.
  // ("the one with the numbers", "my work one": "one" after a determiner is a pronoun, not a digit.)
  const addressLike = words.some(
    (word, i) =>
      (word.length === 1 && word !== 'i' && word !== 'a') ||
      SYMBOLS[word] !== undefined ||
      NATO.has(word) ||
      (isNumberWord(word) &&
        !(word === 'one' && i > 0 && i === words.length - 1 && !isNumberWord(words[i - 1]) && !/^(?:number|digit)$/.test(words[i - 1]!)) &&
        !(word === 'one' && /^(?:the|my|our|that|this)$/.test(words[i - 1] ?? ''))),
  );
  const ordinary = words.filter((word) => isCommonWord(word) || SUBJECTS.has(word) || ANSWER_START.has(word));
  // "the word love": a word said as a part of the address, however everyday.
  const named = words.some((word, i) => word === 'the' && /^words?$/.test(words[i + 1] ?? ''));
  // "the w is for my maiden name": a sentence about the address, in ordinary words with at most one letter.
  const letters = words.filter((word) => word.length === 1).length;
  if (
    side === 'local' &&
    words.length >= 5 &&
    letters <= 1 &&
    ordinary.length >= words.length - 1 &&
    !words.some((word) => isNumberWord(word) || SYMBOLS[word] !== undefined) &&
    words.some((word) => wordTags(word).includes('Copula'))
  )
    return { kind: 'skip' };
  // A spelling ("f i n n") has no subject in it, though "i" is a letter of it.
  const spelling = words.filter((word) => word.length === 1).length >= words.length - 1;
  const subjectOpens = !spelling && words.slice(0, 2).some((word) => SUBJECTS.has(word));
  // A domain's words may be ordinary ones ("the little bakery"), but not a description of it ("the bakery site, sweet crumbs").
  const described =
    side === 'domain' &&
    /^(?:the|my|our|your|their|his|her)$/.test(words[0]!) &&
    /(?:site|domain|email|website|one|shop's|company's)$/.test(words.at(-1)!);
  if (described) return { kind: 'skip' };
  if (
    words.length >= 3 &&
    !named &&
    ((!addressLike && (subjectOpens || (side === 'local' && ordinary.length >= words.length - 1))) ||
      (subjectOpens && ordinary.length >= words.length - 2))
  )
    return { kind: 'skip' };
  let k = 0;
  while (
    k < words.length &&
    (PIECE_LEAD.has(words[k]!) ||
      (words[k] === 'the' && /^(?:numbers?|letters?|words?|digits?)$/.test(words[k + 1] ?? '')) ||
      (/^(?:numbers?|letters?|words?|digits?)$/.test(words[k]!) && words[k - 1] === 'the') ||
      (side === 'local' && ANSWER_START.has(words[k]!) && words[k]!.length > 1 && SYMBOLS[words[k]!] === undefined) ||
      (side === 'local' && (words[k] === 'i' || words[k] === 'we') && /^(?:have|got|use|used|had|think)$/.test(words[k + 1] ?? '')))
  )
    k++;
  words = words.slice(k);
  if (!words.length || GLOSS_START.has(words[0]!)) return { kind: 'skip' };
  // "carlos m with no dot", "jessie with an i e": what follows "with" glosses the part before it.
  const gloss = side === 'local' ? words.findIndex((word, i) => i > 0 && (word === 'with' || word === 'without')) : -1;
  if (gloss > 0) words = words.slice(0, gloss);
  // "the house number one two one": what a number is, said before it.
  if (words[1] === 'number' && words.length > 2 && isNumberWord(words[2])) words = words.slice(2);
  // "one then jones": joining words inside a piece; "then a dot": the article before a symbol.
  const value = spellingOf(
    words.filter(
      (word, i) =>
        (word !== 'then' || i === 0) &&
        !((word === 'a' || word === 'an') && (i === 0 || words[i - 1] === 'then') && SYMBOLS[words[i + 1] ?? ''] !== undefined),
    ),
    options,
  );
  // Everyday words alone ("fine", "please", "I understand") are talk unless the address itself (the piece
  // before its "at") or a later spelling says they belong to it.
  const everyday =
    side === 'local' &&
    !addressLike &&
    !named &&
    words.length <= 2 &&
    words.every((word) => word.length > 1 && (isEverydayWord(word) || SUBJECTS.has(word)));
  // "b as in bravo": a letter said with its gloss.
  const glossed = words.some((word, i) => word === 'as' && words[i + 1] === 'in');
  return value ? { kind: 'value', value, addressLike, everyday, glossed } : { kind: 'skip' };
}

/** Without the punctuation of an address, to tell a restatement from a new part. */
function bare(text: string): string {
  return text.replace(/[._+-]/g, '');
}

/**
 * An address part said in pieces, put together the way a listener does: each piece adds to it unless it
 * says again what is already there ("rowan dot pike, like the fish, p i k e"; "krzyz,
 * then a n o w s k i"), glosses and comments add nothing, and a repair replaces the piece before it.
 */
function assemble(pieces: readonly Piece[]): string {
  const parts: string[] = [];
  let replaceNext = false;
  const spelledLater = (at: number, value: string) =>
    pieces.slice(at + 1).some((later) => later.kind === 'value' && later.addressLike && bare(later.value).includes(bare(value)));
  for (const [at, piece] of pieces.entries()) {
    if (piece.kind === 'skip') continue;
    if (piece.kind === 'value' && piece.everyday && at < pieces.length - 1 && !spelledLater(at, piece.value)) continue;
    if (piece.kind === 'repair') {
      replaceNext = parts.length > 0;
      continue;
    }
    const value = piece.value;
    const sofar = parts.join('');
    if (replaceNext) {
      replaceNext = false;
      // A repair that restates the whole ("lucia dot fuente, no wait, lucia dot de la fuente") replaces it all.
      if (parts.length && bare(value).startsWith(bare(parts[0]!).slice(0, 3))) parts.splice(0, parts.length, value);
      else parts.splice(parts.length - 1, 1, value);
      continue;
    }
    const flat = bare(value);
    // "ellen dot b, b as in bravo": the letter just said, glossed, is said again.
    if (piece.glossed && flat.length === 1 && bare(sofar).endsWith(flat)) continue;
    if (!flat && /^[._+-]+$/.test(value)) {
      parts.push(value);
      continue;
    }
    // Said again: the whole so far, its end or one of its words (three letters or more: "a, n, n, a" spells on).
    if (
      sofar &&
      flat.length >= 2 &&
      (bare(sofar) === flat || (flat.length >= 3 && (bare(sofar).endsWith(flat) || sofar.split(/[._+-]/).includes(flat))))
    )
      continue;
    // The whole said again with its punctuation ("c jones… c dot jones"): the fuller form wins.
    if (sofar && bare(value) === bare(sofar)) {
      parts.splice(0, parts.length, value);
      continue;
    }
    parts.push(value);
  }
  return withoutRepeat(parts.join('').replace(/\.{2,}/g, '.'));
}

/** "maggie.hollowaymaggie.holloway", "margaretmargaret.b": a stretch said twice in a row (spelled the second time) is said once. */
function withoutRepeat(text: string): string {
  for (let length = Math.floor(text.length / 2); length >= 3; length--)
    for (let from = 0; from + 2 * length <= text.length; from++)
      if (text.slice(from, from + length) === text.slice(from + length, from + 2 * length))
        return withoutRepeat(text.slice(0, from + length) + text.slice(from + 2 * length));
  return text;
}

/**
 * "…all one word patelandraolaw, and the first bit is just s p a t e l": when what follows the address
 * ends in a spelling, that spelling is the restatement, not the talk before it.
 */
function spelledTail(words: string[]): string[] {
  let from = words.length;
  while (from > 0 && (/^[a-z0-9]$/.test(words[from - 1]!) || /^(?:double|triple|dot|dash|hyphen|underscore)$/.test(words[from - 1]!)))
    from--;
  return words.length - from >= 3 && from > 0 ? words.slice(from) : words;
}

/** Words that are nearly all single letters (and a "double" or two): a spelling, not talk. */
function isSpelling(words: readonly string[]): boolean {
  const letters = words.filter((word) => word.length === 1 || word === 'double' || word === 'triple').length;
  return words.length > 0 && letters / words.length >= 0.8;
}

/** An everyday English word (SCOWL's common words; names are not among them): "fine", "please", "understand". */
function isEverydayWord(word: string): boolean {
  return isCommonWord(word) && !wordTags(word).some((tag) => /Name|Person/.test(tag));
}

/** The pieces of a stretch of an answer, cut at its pauses (commas, full stops). */
/** Fillers of a whole phrase opening a piece: "hang on", "let me see". */
const LEAD_PHRASE =
  /^(?:hang on|hold on|one sec(?:ond)?|let me (?:see|think|check|look)|wait a sec(?:ond)?|just a sec(?:ond)?|oh dear|bear with me)\b\s*/i;

function piecesOf(text: string, side: 'local' | 'domain', options: { natoAnswer?: boolean } = {}): Piece[] {
  const cut = text.split(/([,;]|[.?!](?=\s|$)|\s-\s)/);
  const pieces: Piece[] = [];
  for (let k = 0; k < cut.length; k += 2) {
    const part = cut[k]!.trim().replace(LEAD_PHRASE, '');
    // "Again? ok.": a question is talk.
    if (!part || cut[k + 1] === '?') continue;
    pieces.push(readPiece(part, side, options));
  }
  return pieces;
}

/**
 * How a name sounds, roughly: its consonants in order, each run of vowels one vowel, a final silent
 * "e" dropped ("gmale" and "gmail" both "gmal", "hot male" and "hotmail" both "hatmal").
 */
function soundKey(word: string): string {
  return word
    .replace(/ph/g, 'f')
    .replace(/ck|c(?![eiy])|q/g, 'k')
    .replace(/(?<=[a-z]{3})e$/, '')
    .replace(/[aeiouy]+/g, 'a')
    .replace(/([a-z])\1+/g, '$1');
}

const PROVIDER_SOUNDS = new Map(
  Object.keys(MAIL_PROVIDERS)
    .filter((name) => name.length >= 5)
    .map((name) => [soundKey(name), name]),
);

/** "g male", "hot male", "yahu": a domain that only sounds like a mail provider, as ASR hears it, is that provider. */
function soundAlikeProvider(domain: string): string {
  const [label, ...rest] = domain.split('.');
  if (!label || label.length < 5 || MAIL_PROVIDERS[label] !== undefined) return domain;
  const provider = PROVIDER_SOUNDS.get(soundKey(label));
  return provider ? [provider, ...rest].join('.') : domain;
}

/** Letters (and the symbols' words) joined by hyphens, three or more: "o-b-r-i-e-n-dot-k". */
const HYPHENED_SPELLING = /(?<![a-z-])(?:[a-z]|dot|underscore|dash)(?:-(?:[a-z]|dot|underscore|dash)){2,}(?![a-z-])/gi;

/**
 * "before the at it's just tom, t o m, and the domain is b r i g h t w a v e dot i o": an answer that
 * names the parts instead of saying "at" has its "at" where the domain is named.
 */
function withDomainSaid(text: string): string {
  const named = /\b(?:and |then )?(?:the )?domain(?: name)?(?: is|'s| part is)\b/i.exec(text);
  if (!named) return text;
  const spare = text.slice(0, named.index).replace(/\b(?:before|after) the at\b/gi, (phrase) => ' '.repeat(phrase.length));
  if (/\bat\b/i.test(spare)) return text;
  return spare + ' at' + ' '.repeat(Math.max(0, named[0].length - 3)) + text.slice(named.index + named[0].length);
}

/**
 * The address an answer says. An answer that says it in several sentences ("ray k at sawtooth builders dot
 * com. r a y k, at, sawtooth, builders, dot com.") is read a sentence at a time as well: when reading it
 * whole runs the sayings together into an address no sentence says, the last sentence that says a whole
 * address is the caller's (a restatement or a correction comes after).
 */
export function spokenEmail(spoken: string): { value: string; start: number } | undefined {
  const whole = addressIn(spoken);
  if (!whole) return whole;
  const sentences = [...spoken.slice(0, 600).matchAll(/[^.?!]+(?:[.?!](?=\s|$)|$)/g)].filter((match) => /\bat\b|@/i.test(match[0]));
  if (!sentences.length || sentences[0]![0].length === spoken.length) return whole;
  const said = sentences
    .map((match) => {
      const found = addressIn(match[0]);
      return found && { value: found.value, start: match.index + found.start };
    })
    .filter((found) => found !== undefined);
  if (!said.length || said.some((found) => found.value === whole.value)) return whole;
  // "it's okafor. o, k, a, f, o, r. chidinma dot okafor at…": words of other sentences glued on the front.
  const glued = said.find((found) => whole.value.endsWith(found.value));
  if (glued) return glued;
  return sentences.length >= 2 ? said.at(-1) : whole;
}

function addressIn(spoken: string): { value: string; start: number } | undefined {
  const prepared = spoken
    .slice(0, 600)
    // "dot o, just the letter o": a letter said again as "the letter" is said once.
    .replace(/\b([a-z])\b,?\s+(?:just\s+|only\s+)?the letter\s+\1\b/gi, (phrase, letter: string) => letter.padEnd(phrase.length))
    .replace(ABOUT_THE_ADDRESS, (phrase) => ' '.repeat(phrase.length))
    // "at the rate gmail dot com": Indian English for "at"; "at sign"; "under score"; "hotmail point com".
    .replace(/\bat the rate(?: of)?\b|\bat (?:sign|symbol)\b/gi, (phrase) => `at${' '.repeat(phrase.length - 2)}`)
    .replace(/\bunder score\b/gi, 'underscore ')
    // "m underline taylor": the line under is the underscore.
    .replace(/\bunderline\b/gi, 'underscore')
    // "at email com": the ending said without its "dot".
    .replace(/\b(at\s+[a-z]+)\s+(com|net|org|edu)\b(?!\s*(?:dot|period)\b)/gi, '$1 dot $2')
    .replace(/\bpoint\b(?=\s+[a-z])/gi, 'dot  ')
    // "o-b-r-i-e-n-dot-k": a spelling joined by hyphens, its symbols said as words, is read letter by letter.
    .replace(HYPHENED_SPELLING, (run) => run.replace(/-/g, ' '))
    // "g-mail", "hot-mail": a provider's name as ASR hyphenates it.
    .replace(/\b[a-z]+(?:-[a-z]+)+\b/gi, (run) => {
      const joined = run.replace(/-/g, '');
      return MAIL_PROVIDERS[joined.toLowerCase()] ? joined.padEnd(run.length) : run;
    })
    // "sammy b @ gmail.com": the sign written on its own by ASR is the word.
    .replace(/(?<=\s|^)@(?=\s)/g, 'at')
    // "june at, at yahoo", "dot, dot com": a word said twice in a row is said once.
    .replace(/\b(at|dot)([,.]?\s+)(?=\1\b)/gi, (run) => ' '.repeat(run.length));
  const text = withDomainSaid(prepared);
  const words = [...text.matchAll(/[^\s]+/g)].map((match) => ({ raw: match[0], word: clean(match[0]), at: match.index }));
  joinSpelledProviders(words);
  // Three NATO words in the answer: it is spelled that way throughout ("kilo, echo, lima, sierra…").
  const natoAnswer = words.filter((word) => NATO.has(word.word)).length >= 3;
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
  // "…at gmail": with no ending said anywhere, an "at" before a mail provider's name.
  // ("The a krishnamurthy one at outlook" describes an address already known: "one" there is a pronoun.)
  if (atIndex < 0)
    atIndex = words.findLastIndex(
      (word, i) => i > 0 && word.word === 'at' && MAIL_PROVIDERS[words[i + 1]?.word ?? ''] !== undefined && words[i - 1]!.word !== 'one',
    );
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
    // "dot calm", "dot come": how ASR hears "dot com".
    if (/^(?:calm|come|con|cam)$/.test(words[i]!.word) && /^(?:dot|period)$/.test(words[i - 1]?.word ?? '')) words[i]!.word = 'com';
    // "dot f r", "dot e d u", "dot com dot a u": a label spelled letter by letter after a dot.
    if (
      /^(?:dot|period)$/.test(words[i - 1]?.word ?? '') &&
      /^[a-z]$/.test(words[i]!.word) &&
      !/[,.;!?]$/.test(words[i]!.raw) &&
      /^[a-z]$/.test(words[i + 1]?.word ?? '')
    ) {
      let end = i + 1;
      // The label ends at a pause: "dot d e, g as in golf" spells "de", then glosses.
      while (end + 1 < words.length && end - i < 3 && !/[,.;!?]$/.test(words[end]!.raw) && /^[a-z]$/.test(words[end + 1]!.word)) end++;
      const label = words
        .slice(i, end + 1)
        .map((word) => word.word)
        .join('');
      if (isTopLevel(label) || label.length >= 2) {
        const tail = words[end]!.raw.match(/[,.;!?]+$/)?.[0] ?? '';
        for (let j = i + 1; j <= end; j++) words[j] = { ...words[j]!, word: '', raw: '' };
        words[i] = { ...words[i]!, word: label, raw: label + tail };
      }
    }
    const word = words[i]!.word;
    if (!word) continue;
    domain.push(word);
    // "…at gmail", "at yahoo, kwame": a mail provider named without its ending is the whole domain.
    if (
      domain.length === 1 &&
      MAIL_PROVIDERS[word] !== undefined &&
      !words.slice(i + 1, i + 4).some((next) => /^(?:dot|period)$/.test(next.word))
    )
      break;
    const previous = domain.at(-2);
    if (
      (previous === 'dot' || previous === 'period') &&
      isTopLevel(word) &&
      !(
        words[i + 1]?.word === 'dot' &&
        words[i + 2] &&
        (isTopLevel(words[i + 2]!.word) ||
          (/^(?:com|co|org|net|edu|gov|ac)$/.test(word) &&
            (/^[a-z]{2}$/.test(words[i + 2]!.word) || (words[i + 2]!.word.length === 1 && words[i + 3]?.word.length === 1))))
      )
    )
      break;
    if (/\.[a-z]{2,}$/.test(word)) break;
    // "…at w p dot p l, correct": past a dot, a pause after a label of two letters or more ends the domain.
    const lastDot = Math.max(domain.lastIndexOf('dot'), domain.lastIndexOf('period'));
    if (lastDot >= 0 && /[,;!?]$/.test(words[i]!.raw) && domain.slice(lastDot + 1).join('').length >= 2) break;
  }
  let localPart = spellingOf(local.words, { natoAnswer });
  // Said in pieces with pauses, the local part is put together piece by piece from where the address starts.
  const atOffset = words[atIndex]!.at;
  const before = text.slice(0, atOffset);
  // "i think i used sam dot ortiz": the address starts after the last words that introduce it.
  INTRODUCER.lastIndex = 0;
  let introduced = 0;
  // "…then the number 3. and it's at gmail": an introducer with nothing after it but the "at" starts nothing.
  for (let match = INTRODUCER.exec(before); match; match = INTRODUCER.exec(before))
    if (before.slice(match.index + match[0].length).trim()) introduced = match.index + match[0].length;
  const firstAfter = words.findIndex((word, k) => k < atIndex && word.at >= introduced);
  if (introduced > 0 && firstAfter > local.from) {
    local = { ...local, words: local.words.slice(firstAfter - local.from), from: firstAfter };
    localPart = spellingOf(local.words, { natoAnswer });
  }
  if (/[,;?!]|\.\s|\b[a-z]-[a-z]-[a-z]/i.test(before)) {
    // Where the words right before the "at" say a local part, the pieces come from their sentence: "…a hub four,
    // by courier. is that still kev robson seventy one at…" (a letter said as a sentence of its own, "p. a. t.",
    // goes on with it; "…then 7. and it is at gmail" takes its pieces from before).
    // A sentence that goes on with the spelling ("vance. then dot ludwig", "b e r g e r. berger.") is not a new one.
    const sentenceStart = [...before.slice(introduced).matchAll(/[.?!]\s+(?=[a-z]{2,}\b)/gi)]
      .filter((boundary) => {
        const at = introduced + boundary.index;
        return !CONTINUES_SPELLING.test(before.slice(at + boundary[0].length)) && !/\b[a-z]\s*$/i.test(before.slice(0, at));
      })
      .at(-1);
    const sentenceAt = sentenceStart ? introduced + sentenceStart.index + sentenceStart[0].length : 0;
    const from = local.words.length && (words[local.from]?.at ?? 0) >= sentenceAt ? Math.max(introduced, sentenceAt) : introduced;
    const pieced = assemble(piecesOf(before.slice(from), 'local', { natoAnswer }));
    if (/^[a-z0-9][a-z0-9._+-]{0,63}$/.test(pieced)) localPart = pieced;
  }
  // "cjones at gmail dot com, wait, no, it's c dot jones": the name part put right after the address.
  const after = words
    .slice(domainEnd + 1, domainEnd + 16)
    .map((word) => word.raw)
    .join(' ');
  // "j dot patel at protonmail dot com, j dot p a t e l": the name part said again after the address, spelled;
  // where it ends as the local part ends (or the local part ends it), the restatement is the fuller reading.
  const restatement = withoutRepeat(
    spellingOf(
      spelledTail(
        words
          .slice(domainEnd + 1, domainEnd + 20)
          .map((word) => word.word)
          // "I" is a letter inside a pure spelling ("m c a double l i s t e r"), a word elsewhere.
          .filter(
            (word, k, all) =>
              word &&
              !/^(?:so|no|yes|yeah|that's|thats|its|it's|mean|again|um|uh)$/.test(word) &&
              !(word === 'i' && !(all[k - 1]?.length === 1 && all[k + 1]?.length === 1 && isSpelling(all))),
          )
          .filter(
            (word, k, all) => !(word === 'all' || (word === 'one' && all[k + 1] === 'word') || (word === 'word' && all[k - 1] === 'one')),
          ),
      ),
    ),
  );
  if (
    restatement.length >= 3 &&
    /^[a-z0-9][a-z0-9._+-]*$/.test(restatement) &&
    bare(restatement) !== bare(localPart) &&
    // "g dot mcallister …, m c a double l i s t e r": the name part's last piece spelled again confirms it.
    !bare(localPart).endsWith(bare(restatement)) &&
    bare(restatement).slice(-3) === bare(localPart).slice(-3) &&
    (bare(restatement).endsWith(bare(localPart)) || Math.abs(bare(restatement).length - bare(localPart).length) <= 2)
  )
    localPart = restatement;
  const repair = LOCAL_REPAIR.exec(after);
  if (repair) {
    const restated = spellingOf(repair[1]!.trim().split(/\s+/).map(clean).filter(Boolean));
    if (restated && restated.replace(/[._-]/g, '') === localPart.replace(/[._-]/g, '') && restated !== localPart) localPart = restated;
  }
  const domainText = words
    .slice(atIndex + 1, domainEnd + 1)
    .map((word) => word.raw)
    .join(' ');
  // The domain in pieces too ("at, um, the shop's email, bella tienda, b e l l a t i e n d a, dot u s"), its last label read as one.
  const domainPart = assemble(piecesOf(domainText.replace(/\b(?:dot|period)\b/gi, ', dot,'), 'domain')).replace(
    /\.(?:calm|come|con)$/,
    '.com',
  );
  const domainName = soundAlikeProvider(domainPart);
  const value = `${localPart}@${domainName.includes('.') ? domainName : domainName + (MAIL_PROVIDERS[domainName] ?? '')}`;
  if (!/^[a-z0-9][a-z0-9._+-]{0,63}@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(value)) return undefined;
  return { value, start: words[local.from]?.at ?? 0 };
}
