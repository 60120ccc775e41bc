/** Hesitations a recogniser writes. Inside a number they are dropped; elsewhere they stay as said. */
const FILLERS = new Set(['um', 'uh', 'uhm', 'umm', 'uhh', 'er', 'erm', 'ah', 'eh', 'hmm', 'mm', 'hm']);

export function isFiller(word: string): boolean {
  return FILLERS.has(word);
}
