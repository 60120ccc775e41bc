/**
 * Contractions a speech recogniser writes without their apostrophe ("whats the best number", "thats right", "i dont
 * have it"), given it back, for the stages that read what a turn does — asks, confirms, denies, corrects — whose
 * patterns are written with it. English's contractions are a closed class; the bare forms that are words of their own
 * ("its", "were", "ill", "well", "lets"…) stay as they are. The ITN still reads the turn as it was said, so its spans
 * keep pointing at the words.
 */
const CONTRACTIONS = [
  "what's",
  "that's",
  "i'm",
  "don't",
  "doesn't",
  "didn't",
  "can't",
  "won't",
  "isn't",
  "aren't",
  "wasn't",
  "weren't",
  "hasn't",
  "haven't",
  "hadn't",
  "couldn't",
  "wouldn't",
  "shouldn't",
  "mustn't",
  "needn't",
  "ain't",
  "you're",
  "you've",
  "you'll",
  "you'd",
  "they're",
  "they've",
  "they'll",
  "we've",
  "i've",
  "he's",
  "she's",
  "who's",
  "where's",
  "how's",
  "there's",
  "here's",
  "it'll",
  "that'll",
  "what're",
  "could've",
  "would've",
  "should've",
];
const BARE = new Map(CONTRACTIONS.map((word) => [word.replace("'", ''), word]));
const BARE_WORD = new RegExp(`\\b(?:${[...BARE.keys()].join('|')})\\b`, 'gi');

/** The text with each apostrophe-less contraction given its apostrophe back (case kept: "Whats" → "What's"). */
export function withApostrophes(text: string): string {
  return text.replace(BARE_WORD, (word) => {
    const restored = BARE.get(word.toLowerCase())!;
    const at = restored.indexOf("'");
    return `${word.slice(0, at)}'${word.slice(at)}`;
  });
}
