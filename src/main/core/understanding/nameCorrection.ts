/**
 * A caller putting one word of the package's name right: "it's Kaitlyn, spelled with a K, K A I T L
 * Y N" for Caitlin Oduya; "one small correction, it is Raghunathan, R A G H…" for Ragunathan. The word
 * said (or spelled) is a near miss of one of the name's words, and the turn says it corrects: the
 * name is the package's with that word replaced.
 */
import { hasCorrectionCue } from './dialogueState';
import { isNumberWord } from './itn/numberWords';
import { isCommonWord, wordTags } from './lexicon';
import { bareWord, editDistance, nameCase } from './spokenName';

/** Words that say a spelling or a name is being put right. */
const CORRECTING =
  /\b(?:spelled|spelt|spell(?:s|ing)?|correction|wrong|misspel\w*|typo|with an? [a-z]\b|not an? [a-z]\b|after the [a-z]\b|everybody (?:gets|misses|is missing)|people always)\b/i;
/** A word said of someone else ("my son Daniel", "her name is…") is not the caller's name put right. */
const SOMEONE_ELSE =
  /\b(?:my|our|his|her|their)\s+(?:son|daughter|wife|husband|partner|mom|mum|mother|dad|father|brother|sister|kid|child|boy|girl|friend|boss|driver|neighbou?r|grandson|granddaughter)\s*(?:'s\s+name\s+is\s+|is\s+|,\s*)?$|\b(?:his|her|their)\s+name\s+(?:is\s+)?$/i;

/** The words of the turn that could be a name's: words of three letters or more, and runs of single letters put together; each with the words said before it. */
function candidates(text: string): Array<{ word: string; before: string }> {
  const words = [...text.matchAll(/\p{L}[\p{L}'-]*|\d+/gu)];
  const out: Array<{ word: string; before: string }> = [];
  let letters = '';
  let lettersAt = 0;
  const flush = (next: string | undefined) => {
    // Letters run into digits or number words ("r v a s q u e z seven one") spell an id, not a name.
    if (letters.length >= 3 && !(next && (/^\d/.test(next) || isNumberWord(next.toLowerCase()))))
      out.push({ word: letters, before: text.slice(Math.max(0, lettersAt - 40), lettersAt) });
    letters = '';
  };
  for (let k = 0; k < words.length; k++) {
    const word = words[k]![0];
    const at = words[k]!.index;
    // "with an S", "not a Z": a letter named in a gloss is not one of the spelling's.
    if (word.length === 1 && /^(?:a|an|the)$/i.test(words[k - 1]?.[0] ?? '') && !/^\d/.test(word)) {
      flush(word);
      continue;
    }
    if (word.length === 1 && !/\d/.test(word)) {
      if (!letters) lettersAt = at;
      letters += word;
      continue;
    }
    flush(word);
    if (word.length >= 3 && !/\d/.test(word)) out.push({ word, before: text.slice(Math.max(0, at - 40), at) });
  }
  flush(undefined);
  return out;
}

export function correctedName(text: string, packageName: string): string | undefined {
  if (!CORRECTING.test(text) && !hasCorrectionCue(text)) return undefined;
  const parts = packageName.split(/\s+/).filter(Boolean);
  if (parts.length < 2) return undefined;
  let best: { index: number; word: string; distance: number } | undefined;
  for (const { word: said, before } of candidates(text)) {
    if (SOMEONE_ELSE.test(before)) continue;
    const plain = bareWord(said);
    for (let index = 0; index < parts.length; index++) {
      const own = bareWord(parts[index]!);
      // The word itself said again is no correction; a word far from it is another word.
      if (plain === own || own.length < 3) continue;
      // "I said data, not Dana": an everyday word is not a name put right (a word that is also a name may be).
      if (isCommonWord(plain) && !wordTags(plain).some((tag) => /Name|Person/.test(tag))) continue;
      const distance = editDistance(plain, own);
      const close = distance <= Math.max(1, Math.min(2, Math.floor(own.length / 3))) && Math.abs(plain.length - own.length) <= 2;
      if (close && (!best || distance < best.distance || (distance === best.distance && said.length > best.word.length)))
        best = { index, word: said, distance };
    }
  }
  if (!best) return undefined;
  // A spelled run ("KAITLYN") is written as the word said beside it, when there is one.
  const word = /^[\p{Lu}]+$/u.test(best.word) ? nameCase(best.word.toLowerCase()) : nameCase(best.word);
  return parts.map((part, index) => (index === best!.index ? word : part)).join(' ');
}
