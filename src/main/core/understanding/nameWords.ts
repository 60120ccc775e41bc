/**
 * Whether a word can be part of a person's name, from what English says the word is. The part of
 * speech comes from compromise (lexicon.ts: a maintained English tagger with a lexicon of first and last names):
 * a name is words the lexicon knows as names or does not know at all ("Okafor", "Chidinma"), and
 * ordinary words only beside those ("Chris Brown", "Jae Park"). A verb, a number, a pronoun, an
 * interjection or a function word is never part of one: "it is giving me trouble", "I'm hopeless",
 * "yes that's correct", "put Sean Murphy", "H R six Z N" name nobody.
 *
 *   strong — a name word on its own: a known first/last name, or a word the lexicon does not know;
 *   weak   — a common word that is also a name only beside a strong one (Brown, Rose, Park, Baker);
 *   never  — not part of a name, whatever stands beside it.
 */
import { withApostrophes } from './contractions';
import { isKnownWord, wordTags } from './lexicon';

export type NameWordStrength = 'strong' | 'weak' | 'never';

/** Words of the call itself around a name: fields, spelling, titles, family, greetings. */
const STRUCTURAL = new Set(
  (
    "name name's names surname first last full given middle family spelled spelt spell spelling letter letters word words " +
    'capital capitals small lower lowercase upper uppercase case hyphen hyphenated dash apostrophe space account account’s file card reservation booking ' +
    // How a name is written, said about it: its marks and their names.
    'double triple period comma dot dots accent accents fada cedilla tilde umlaut grave acute circumflex squiggle initial initials ' +
    'prescription passenger holder order number email phone customer agent calling speaking call named ' +
    "wife husband son daughter mother father mom mum dad partner brother sister myself mister mr mrs ms mx miss missus misses dr doctor sir madam madame ma'am " +
    'um uh er erm hmm oh yeah yep yup ok okay alright hi hello hey hiya cheers thanks thank please sorry pardon'
  ).split(' '),
);

/** Name particles, part of a name between its words ("van der Merwe", "de la Cruz", "bin Said"). */
const PARTICLES = new Set([
  'van',
  'von',
  'de',
  'del',
  'della',
  'der',
  'den',
  'la',
  'le',
  'da',
  'di',
  'du',
  'dos',
  'bin',
  'bint',
  'ibn',
  'al',
  'el',
  'ben',
]);

/** A particle inside a name, written lower case there ("Elena de la Cruz", "Pieter van der Merwe"). */
export function isNameParticle(word: string): boolean {
  return PARTICLES.has(word.toLowerCase());
}

const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName', 'Honorific'];
/** Parts of speech a name word never has. */
const NEVER_TAGS = [
  'Pronoun',
  'Determiner',
  'Preposition',
  'Conjunction',
  'Expression',
  'QuestionWord',
  'Value',
  'Adverb',
  'Gerund',
  'PastTense',
  'Copula',
  'Modal',
  'Auxiliary',
  'Negative',
  'Possessive',
  'Contraction',
];

/** Tags the tagger gives an unknown word for its ending alone (-ly, -ing, -ed). */
const GUESSED_FROM_ENDING = ['Adverb', 'Gerund', 'PastTense'];

const cache = new Map<string, NameWordStrength>();
const CACHE_LIMIT = 20_000;

/** How much a word, lower-cased, looks like part of a person's name. */
export function nameWordStrength(word: string): NameWordStrength {
  const lower = word.toLowerCase().replace(/’/g, "'");
  const known = cache.get(lower);
  if (known) return known;
  let strength: NameWordStrength;
  // A contraction the recogniser wrote without its apostrophe ("thats", "theres") is as much a name as "that's".
  if (STRUCTURAL.has(lower) || !/^[a-z\u00c0-\u024f][a-z\u00c0-\u024f'-]*$/.test(lower) || withApostrophes(lower) !== lower)
    strength = 'never';
  else if (PARTICLES.has(lower)) strength = 'weak';
  else if (lower.length === 1) strength = 'never';
  else if (/'s$/.test(lower)) strength = 'never';
  else if (/[-']/.test(lower)) {
    // "mary-kate", "adeyemi-cole", "o'neill", "d'angelo": as strong as the strongest of its parts.
    const parts = lower.split(/[-']/).filter((part) => part.length > 1);
    const strengths = parts.map(nameWordStrength);
    strength = strengths.includes('strong') ? 'strong' : strengths.includes('weak') ? 'weak' : 'never';
  } else {
    const tags = wordTags(lower);
    const known = isKnownWord(lower);
    // An unknown word's tags are guessed from its ending: "connolly" is no adverb, nor "golding" a verb.
    const never = known ? NEVER_TAGS : NEVER_TAGS.filter((tag) => !GUESSED_FROM_ENDING.includes(tag));
    if (tags.some((tag) => PERSON_TAGS.includes(tag))) strength = 'strong';
    else if (tags.some((tag) => never.includes(tag))) strength = 'never';
    else if (known) strength = 'weak';
    else strength = 'strong';
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(lower, strength);
  return strength;
}

/**
 * The name inside a run of words, or nothing: the run is cut at words that are never a name's, and a
 * part stands only with a strong word in it. Weak words may not open it where they are verbs said as
 * an instruction ("put Sean Murphy", "say Bello").
 */
export function nameWordsOf(words: readonly string[], capitalised: ReadonlySet<string> = NONE): string[] {
  // In cased text a capitalised word is a name's whatever else it could be ("Rose Bush", "Mark Will").
  const strength = (word: string): NameWordStrength => (capitalised.has(word.toLowerCase()) ? 'strong' : nameWordStrength(word));
  const parts: string[][] = [[]];
  for (const word of words) {
    if (strength(word) === 'never') parts.push([]);
    else parts.at(-1)!.push(word);
  }
  let best: string[] = [];
  for (const part of parts) {
    while (part.length && strength(part[0]!) === 'weak' && isVerbWord(part[0]!)) part.shift();
    while (part.length && PARTICLES.has(part.at(-1)!.toLowerCase())) part.pop();
    if (part.some((word) => strength(word) === 'strong') && part.length >= best.length) best = part;
  }
  return best;
}

const NONE: ReadonlySet<string> = new Set();

/** The words a cased transcript capitalises inside its sentences (lower-cased): a name's, where the text is cased at all. */
export function capitalisedWords(text: string): Set<string> {
  const found = new Set<string>();
  // All lower case or all capitals, the text says nothing by its case.
  if (!/[a-z]/.test(text) || !/[A-Z]/.test(text.replace(/\bI\b/g, ''))) return found;
  for (const match of text.matchAll(/(?<![.!?]\s)(?<!^)\b([A-Z][a-z][a-zA-Z'’-]*)/g)) found.add(match[1]!.toLowerCase());
  return found;
}

function isVerbWord(word: string): boolean {
  return wordTags(word).includes('Verb');
}
