/**
 * The one place number words live: cardinals, ordinals, scale words, and the grammar of one number
 * group over tokens ("a hundred and five", "twenty-six", "twelve thousand three hundred forty",
 * "double five", "twenty third"). Runs of groups ("twenty twenty six", "one forty nine ninety nine")
 * are read in numberRun.ts.
 */
import { isKnownWord } from '../lexicon';
import { afterGluedHyphen, wordAt, type Token } from './tokens';

const UNITS = new Map<string, number>([
  ['zero', 0],
  ['nought', 0],
  ['one', 1],
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
]);
const TEENS = new Map<string, number>([
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['thirteen', 13],
  ['fourteen', 14],
  ['fifteen', 15],
  ['sixteen', 16],
  ['seventeen', 17],
  ['eighteen', 18],
  ['nineteen', 19],
]);
const TENS = new Map<string, number>([
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fourty', 40],
  ['fifty', 50],
  ['sixty', 60],
  ['seventy', 70],
  ['eighty', 80],
  ['ninety', 90],
]);
const DIGIT_STRINGS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const SCALES = new Map<string, number>([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
]);

const UNIT_ORDINALS = new Map<string, number>([
  ['first', 1],
  ['second', 2],
  ['third', 3],
  ['fourth', 4],
  ['fifth', 5],
  ['sixth', 6],
  ['seventh', 7],
  ['eighth', 8],
  ['ninth', 9],
]);
const TEEN_ORDINALS = new Map<string, number>([
  ['tenth', 10],
  ['eleventh', 11],
  ['twelfth', 12],
  ['thirteenth', 13],
  ['fourteenth', 14],
  ['fifteenth', 15],
  ['sixteenth', 16],
  ['seventeenth', 17],
  ['eighteenth', 18],
  ['nineteenth', 19],
]);
const TENS_ORDINALS = new Map<string, number>([
  ['twentieth', 20],
  ['thirtieth', 30],
  ['fortieth', 40],
  ['fiftieth', 50],
  ['sixtieth', 60],
  ['seventieth', 70],
  ['eightieth', 80],
  ['ninetieth', 90],
]);
const SCALE_ORDINALS = new Map<string, number>([
  ['thousandth', 1e3],
  ['millionth', 1e6],
  ['billionth', 1e9],
]);

/** Every word this module reads, for the quick "can anything start here?" test of the main pass. */
export const NUMBER_VOCABULARY: readonly string[] = [
  ...UNITS.keys(),
  ...TEENS.keys(),
  ...TENS.keys(),
  ...SCALES.keys(),
  ...UNIT_ORDINALS.keys(),
  ...TEEN_ORDINALS.keys(),
  ...TENS_ORDINALS.keys(),
  ...SCALE_ORDINALS.keys(),
  'hundred',
  'hundredth',
  'oh',
  'o',
  'double',
  'triple',
  'a',
  'an',
];

/** "oh" and "o" are 0 only between digits; the caller decides (see numberRun.ts). */
export function isOh(word: string | undefined): boolean {
  return word === 'oh' || word === 'o';
}

/** A digit said alone: zero … nine (not "oh", whose reading depends on its neighbours). */
export function unitValue(word: string | undefined): number | undefined {
  return word === undefined ? undefined : UNITS.get(word);
}

/**
 * Words a recogniser writes for a digit it heard: "nine oh to four five", "zero, tree", "six one ate", "w, to, m".
 * Each reader decides where one is a digit (beside other digits, inside a spelling); alone they are words.
 */
const DIGIT_SOUND_ALIKES = new Map([
  ['null', 0],
  ['nil', 0],
  ['naught', 0],
  ['won', 1],
  ['to', 2],
  ['too', 2],
  ['tree', 3],
  ['for', 4],
  ['ate', 8],
]);

/** The digit a word sounds like when it is not its name ("to" → 2), or undefined. */
export function soundAlikeDigit(word: string | undefined): number | undefined {
  return word === undefined ? undefined : DIGIT_SOUND_ALIKES.get(word);
}

/** A number word and the ordinals, all the forms TH-stopping and a dropped final TH may be heard for. */
function isNumberForm(word: string): boolean {
  return isNumberWord(word) || UNIT_ORDINALS.has(word) || SCALE_ORDINALS.has(word) || word === 'thousand';
}

/** The Scots and Northern English "hundred", as a recogniser writes it ("a hunner an twenty"). */
const HUNDRED_SAID = new Set(['hunner', 'hunnerd', 'hunderd', 'hundert']);

/**
 * A number word as some Englishes say it, and a recogniser writes what it heard: TH said as T (Irish, Caribbean,
 * West African English: "tirty", "tousand", "tird", "tirteenth"), a final TH as T ("fift", "sixt"), "hunner" — the
 * number word meant, or undefined. Only a word no dictionary knows: "tree", "tent" and "fit" stay words — unless
 * `known` is set, for a word a number word stands beside ("tirty tree", "tree hundred").
 */
export function numberWordAsSaid(word: string, options: { known?: boolean } = {}): string | undefined {
  if (HUNDRED_SAID.has(word)) return 'hundred';
  // Only a word that opens or ends with the T a TH was heard as can be one (most words stop here, before the lexicon).
  if (word[0] !== 't' && !word.endsWith('t')) return undefined;
  if (word.length < 3 || isNumberForm(word) || (isKnownWord(word) && !options.known)) return undefined;
  const forms = [
    word[0] === 't' && word[1] !== 'h' ? `th${word.slice(1)}` : '',
    word.endsWith('t') ? `${word}h` : '',
    word[0] === 't' && word[1] !== 'h' && word.endsWith('t') ? `th${word.slice(1)}h` : '',
  ];
  return forms.find((form) => form && isNumberForm(form));
}

export function isMultiplier(word: string | undefined): word is 'double' | 'triple' {
  return word === 'double' || word === 'triple';
}

/** Any cardinal or ordinal number word, for "not next to another number word". */
export function isNumberWord(word: string | undefined): boolean {
  if (word === undefined) return false;
  return (
    UNITS.has(word) ||
    TEENS.has(word) ||
    TENS.has(word) ||
    SCALES.has(word) ||
    word === 'hundred' ||
    TEEN_ORDINALS.has(word) ||
    TENS_ORDINALS.has(word) ||
    word === 'hundredth'
  );
}

/** Can an ordinal start at this word? Ordinal words, and tens before one ("twenty third"). */
export function mayStartOrdinal(word: string): boolean {
  return (
    UNIT_ORDINALS.has(word) ||
    TEEN_ORDINALS.has(word) ||
    TENS_ORDINALS.has(word) ||
    TENS.has(word) ||
    SCALE_ORDINALS.has(word) ||
    word === 'hundredth'
  );
}

/** The ordinal words first … ninth: they stay words when standing alone outside a date. */
export function isUnitOrdinal(word: string | undefined): boolean {
  return word !== undefined && UNIT_ORDINALS.has(word);
}

/** The value of an ordinal word first … ninth (which ITN leaves as words standing alone), or undefined. */
export function unitOrdinalValue(word: string | undefined): number | undefined {
  return word === undefined ? undefined : UNIT_ORDINALS.get(word.toLowerCase());
}

export function ordinalSuffix(value: number): string {
  const lastTwo = value % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return 'th';
  const last = value % 10;
  return last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th';
}

export type GroupShape = 'unit' | 'repeat' | 'pair' | 'composed';

/** One number said as one unit: a digit, "double five", a pair ("forty nine"), or a composed cardinal ("a hundred and five"). */
export interface NumberGroup {
  first: number;
  /** Token index after the group. */
  end: number;
  value: number;
  /** The digits as said: "5", "55", "49", "105"; "0" for "oh". */
  digits: string;
  shape: GroupShape;
  ordinal: boolean;
}

interface Piece {
  value: number;
  end: number;
  ordinal: boolean;
  shape: GroupShape;
}

/** How a word can open a group: 1 a number word, 2 "oh"/"o", 3 "double"/"triple", 4 "a"/"an" (before a scale word). */
const GROUP_OPENERS = new Map<string, number>([
  ...[
    ...UNITS.keys(),
    ...TEENS.keys(),
    ...TENS.keys(),
    ...TEEN_ORDINALS.keys(),
    ...TENS_ORDINALS.keys(),
    ...UNIT_ORDINALS.keys(),
    ...SCALE_ORDINALS.keys(),
    'hundredth',
  ].map((word) => [word, 1] as const),
  ['oh', 2],
  ['o', 2],
  ['double', 3],
  ['triple', 3],
  ['a', 4],
  ['an', 4],
]);

/** Can a number group start here? (Cheap: one look-up, plus the next word for "a hundred" and "double five".) */
export function startsGroup(tokens: readonly Token[], i: number, limit: number, allowOh: boolean): boolean {
  const word = wordAt(tokens, i, limit);
  const opener = word === undefined ? undefined : GROUP_OPENERS.get(word);
  if (opener === undefined) return false;
  if (opener === 1) return true;
  if (opener === 2) return allowOh;
  if (opener === 3) return digitWordAt(tokens, i + 1, limit, true) !== undefined;
  const next = wordAt(tokens, i + 1, limit);
  return next === 'hundred' || (next !== undefined && SCALES.has(next));
}

function digitWordAt(tokens: readonly Token[], i: number, limit: number, allowOh: boolean): number | undefined {
  const word = wordAt(tokens, i, limit);
  if (allowOh && isOh(word)) return 0;
  return unitValue(word);
}

/** Parses one group at `i`, or returns undefined when no number word starts there. */
export function parseGroup(tokens: readonly Token[], i: number, limit: number, allowOh: boolean): NumberGroup | undefined {
  const word = wordAt(tokens, i, limit);
  if (word === undefined) return undefined;
  if (isMultiplier(word)) {
    const digit = digitWordAt(tokens, i + 1, limit, true);
    if (digit === undefined) return undefined;
    const digits = String(digit).repeat(word === 'double' ? 2 : 3);
    return { first: i, end: i + 2, value: Number(digits), digits, shape: 'repeat', ordinal: false };
  }
  if (isOh(word)) return allowOh ? { first: i, end: i + 1, value: 0, digits: '0', shape: 'unit', ordinal: false } : undefined;
  // Fast path for a digit said alone, the commonest group by far (digit strings, phones).
  const unit = UNITS.get(word);
  if (unit !== undefined) {
    const next = wordAt(tokens, i + 1, limit);
    if (next === undefined || !(next === 'hundred' || next === 'hundredth' || SCALES.has(next) || SCALE_ORDINALS.has(next))) {
      return { first: i, end: i + 1, value: unit, digits: DIGIT_STRINGS[unit]!, shape: 'unit', ordinal: false };
    }
  }
  const bareScale = word === 'hundredth' ? 100 : SCALE_ORDINALS.get(word);
  if (bareScale !== undefined)
    return { first: i, end: i + 1, value: bareScale, digits: String(bareScale), shape: 'composed', ordinal: true };
  const cardinal = parseCardinal(tokens, i, limit);
  if (!cardinal) return undefined;
  return {
    first: i,
    end: cardinal.end,
    value: cardinal.value,
    digits: String(cardinal.value),
    shape: cardinal.shape,
    ordinal: cardinal.ordinal,
  };
}

/** Tens, teens, units and their ordinals: "forty", "forty-nine", "twenty third", "thirteen", "seven". */
function parseBelowHundred(tokens: readonly Token[], i: number, limit: number): Piece | undefined {
  const word = wordAt(tokens, i, limit);
  if (word === undefined) return undefined;
  const tens = TENS.get(word);
  if (tens !== undefined) {
    const j = afterGluedHyphen(tokens, i + 1, limit);
    const next = wordAt(tokens, j, limit);
    const unit = unitValue(next);
    if (unit !== undefined && unit > 0) return { value: tens + unit, end: j + 1, ordinal: false, shape: 'pair' };
    const unitOrdinal = next === undefined ? undefined : UNIT_ORDINALS.get(next);
    if (unitOrdinal !== undefined) return { value: tens + unitOrdinal, end: j + 1, ordinal: true, shape: 'pair' };
    return { value: tens, end: i + 1, ordinal: false, shape: 'pair' };
  }
  const teen = TEENS.get(word);
  if (teen !== undefined) return { value: teen, end: i + 1, ordinal: false, shape: 'pair' };
  const unit = UNITS.get(word);
  if (unit !== undefined) return { value: unit, end: i + 1, ordinal: false, shape: 'unit' };
  const ordinal = UNIT_ORDINALS.get(word) ?? TEEN_ORDINALS.get(word) ?? TENS_ORDINALS.get(word);
  if (ordinal !== undefined) return { value: ordinal, end: i + 1, ordinal: true, shape: ordinal < 10 ? 'unit' : 'pair' };
  return undefined;
}

/**
 * After "hundred" or a scale word, a lone digit joins the number only when no digit follows it, nor a
 * "hundred" of its own: "two hundred five" is 205, but "one eight hundred five five five" is 1 800 5 5 5
 * and "seven seven hundred nine hundred" is 77 00 900.
 */
function absorbsAfterScale(tokens: readonly Token[], piece: Piece, saidAnd: boolean, limit: number): boolean {
  if (piece.shape !== 'unit' || piece.ordinal || saidAnd) return true;
  const next = wordAt(tokens, piece.end, limit);
  return unitValue(next) === undefined && !isOh(next) && !isMultiplier(next) && next !== 'hundred';
}

function parseBelowThousand(tokens: readonly Token[], i: number, limit: number): Piece | undefined {
  const word = wordAt(tokens, i, limit);
  let hundreds: number;
  let afterHundred: number;
  if ((word === 'a' || word === 'an') && (wordAt(tokens, i + 1, limit) === 'hundred' || wordAt(tokens, i + 1, limit) === 'hundredth')) {
    if (wordAt(tokens, i + 1, limit) === 'hundredth') return { value: 100, end: i + 2, ordinal: true, shape: 'composed' };
    hundreds = 1;
    afterHundred = i + 2;
  } else {
    const below = parseBelowHundred(tokens, i, limit);
    if (!below || below.ordinal || below.value === 0) return below;
    const next = wordAt(tokens, below.end, limit);
    if (next === 'hundredth') return { value: below.value * 100, end: below.end + 1, ordinal: true, shape: 'composed' };
    if (next !== 'hundred') return below;
    hundreds = below.value;
    afterHundred = below.end + 1;
  }
  let rest: Piece | undefined;
  let saidAnd = false;
  if (wordAt(tokens, afterHundred, limit) === 'and') {
    rest = parseBelowHundred(tokens, afterHundred + 1, limit);
    saidAnd = rest !== undefined;
  } else rest = parseBelowHundred(tokens, afterHundred, limit);
  if (rest && rest.value > 0 && absorbsAfterScale(tokens, rest, saidAnd, limit)) {
    return { value: hundreds * 100 + rest.value, end: rest.end, ordinal: rest.ordinal, shape: 'composed' };
  }
  return { value: hundreds * 100, end: afterHundred, ordinal: false, shape: 'composed' };
}

/** A full cardinal (or ordinal) with scale words: "one million two hundred thousand", "two thousand and nine". */
function parseCardinal(tokens: readonly Token[], i: number, limit: number): Piece | undefined {
  let total = 0;
  let position = i;
  let lastScale = Infinity;
  let shape: GroupShape | undefined;
  for (;;) {
    let chunk = parseBelowThousand(tokens, position, limit);
    const word = wordAt(tokens, position, limit);
    const scaleAfterArticle = wordAt(tokens, position + 1, limit);
    if (
      !chunk &&
      (word === 'a' || word === 'an') &&
      shape === undefined &&
      scaleAfterArticle !== undefined &&
      SCALES.has(scaleAfterArticle)
    ) {
      chunk = { value: 1, end: position + 1, ordinal: false, shape: 'unit' };
    }
    if (!chunk) break;
    if (shape !== undefined && !absorbsAfterScale(tokens, chunk, wordAt(tokens, position - 1, limit) === 'and', limit)) break;
    const scaleWord = wordAt(tokens, chunk.end, limit);
    const scale = scaleWord === undefined ? undefined : (SCALES.get(scaleWord) ?? SCALE_ORDINALS.get(scaleWord));
    if (!chunk.ordinal && scale !== undefined && scale < lastScale && chunk.value > 0) {
      total += chunk.value * scale;
      lastScale = scale;
      shape = 'composed';
      position = chunk.end + 1;
      if (SCALE_ORDINALS.has(scaleWord!)) return { value: total, end: position, ordinal: true, shape };
      if (wordAt(tokens, position, limit) === 'and' && parseBelowThousand(tokens, position + 1, limit)) position++;
      continue;
    }
    if (shape !== undefined && chunk.value === 0) break;
    total += chunk.value;
    return { value: total, end: chunk.end, ordinal: chunk.ordinal, shape: shape ?? chunk.shape };
  }
  if (shape === undefined) return undefined;
  // Ended right after a scale word; a dangling "and" is not part of the number.
  const end = wordAt(tokens, position - 1, limit) === 'and' ? position - 1 : position;
  return { value: total, end, ordinal: false, shape };
}
