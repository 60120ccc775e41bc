/**
 * The words of the knowledge base and of a call, made comparable: lower case, function words and
 * speech fillers dropped, light stemming, abbreviations spelled out. One module, so the index and the
 * call tracker always process words the same way.
 */
/** Function words, and the fillers and pleasantries of speech, which say nothing about the need. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all also am an and any anything are as at be because been before being below ' +
    'between both but by can cannot could did do does doing don didn doesn isn wasn aren weren hasn haven hadn couldn ' +
    'wouldn shouldn won ain down during each even every everything few for from further had has have having he her ' +
    'here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not ' +
    'nothing of off on once one only or other our ours ourselves out over own same she should so some something ' +
    'such than that the their theirs them themselves then there these they this those through to too under until ' +
    'up very was we were what when where which while who whom why will with would you your yours yourself ' +
    'yourselves um umm uh uhh hmm mm ah oh ok okay yeah yep yup yes nope nah like well really actually honestly ' +
    'basically literally totally kinda sorta gonna wanna gotta hey hi hello bye goodbye thanks thank please sorry ' +
    'alright right sure cool great perfect awesome wow huh fine got get gets getting know mean guess think maybe ' +
    'still though anyway thing things stuff lot bit let lets go going said say says tell told see look want need ' +
    'wait hold hang dot com etc ie eg ' +
    // Digits said as words are read out ids and phone numbers, not topics.
    'zero oh two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy ' +
    'eighty ninety hundred thousand double triple'
  ).split(' '),
);

/** Abbreviations the data uses in ids but spells out in titles. */
export const ABBREVIATIONS: Record<string, string> = { '2fa': 'two factor auth' };

/** Suffix stripping, enough that "stained"/"stain" and "cancelled"/"canceling" meet; not a full Porter. */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (/ie[sd]$/.test(w) && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ation', 'ment', 'ing', 'ed', 'ly']) {
    const base = w.slice(0, -suffix.length);
    if (w.endsWith(suffix) && base.length >= 3 && /[aeiouy]/.test(base)) {
      w = base;
      if (/([^aeioulsz])\1$/.test(w)) w = w.slice(0, -1);
      break;
    }
  }
  if (w.length > 4 && w.endsWith('ll')) w = w.slice(0, -1);
  if (w.length >= 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Lower-cased words with possessives and contractions folded ("customer's" → customer, "don't" → don). */
export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019`]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)
    .map((token) => token.replace(/^'+|'+$/g, '').replace(/'.*$/, ''))
    .filter((token) => token.length > 0);
}

/** A word as the index keeps it, or null when it carries no meaning here (stop word, number, letter). */
/** No word in any guideline is longer; a 100 KB "word" in hostile text would only cost seconds of fuzzy search. */
const MAX_TERM_LENGTH = 40;

export function processTerm(token: string): string | null {
  if (token.length < 2 || token.length > MAX_TERM_LENGTH || STOP_WORDS.has(token) || /^\d+$/.test(token)) return null;
  return stem(token);
}

export function searchTerms(text: string): string[] {
  return tokenize(text)
    .map(processTerm)
    .filter((term): term is string => term !== null);
}
