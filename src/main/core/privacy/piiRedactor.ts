/**
 * Masks secrets said on a call before the turn goes anywhere (screen, store, any assist engine):
 * payment card numbers (Luhn-checked, digits said as words too, fillers such as "um" inside, and a number
 * split across two turns of the same speaker), security codes (CVV/CVC, "three digits on the back"),
 * social security numbers, passwords and one-time codes (also when the cue was in the previous turn).
 * What is masked is replaced by a visible token, so the agent sees that something was said and removed.
 *
 * Every pattern is linear: a run is at most MAX_RUN_TOKENS digit tokens with bounded separators, and
 * the alternatives inside a run start with different characters, so no input makes them backtrack.
 */
import { MASKS, type RedactionKind } from '../../../shared/piiMasks';
import { unitValue } from '../understanding/itn/numberWords';

export { MASKS, type RedactionKind };

export interface Redaction {
  kind: RedactionKind;
}

/** The dialogue around a turn, for secrets whose cue or first half was in an earlier turn. */
export interface RedactionContext {
  /** The turn just before, by either speaker ("Can you read me the code we texted?"). */
  previousTurn?: { speaker: 'agent' | 'customer'; text: string };
  /** The same speaker's previous turn (already masked), for a card number split across two turns. */
  previousSameSpeaker?: { text: string };
}

export interface RedactedTurn {
  text: string;
  redactions: Redaction[];
  /** Set when the first half of a split card number was in the same speaker's previous turn: its new text. */
  previousSameSpeakerText?: string;
}

const DIGIT_WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)';
const TOKEN = `(?:\\d|\\b${DIGIT_WORD}\\b)`;
const FILLER = '(?:um+|uh+|erm|er|hmm+|ah+)';
/** What people put between digit groups: spaces, commas, dashes, dots, and a hesitation or two. */
const SEPARATOR = `[\\s,.-]{0,6}(?:\\b${FILLER}\\b[\\s,.]{0,6}){0,2}`;
const MAX_RUN_TOKENS = 40;
const RUN = `${TOKEN}(?:${SEPARATOR}${TOKEN}){0,${MAX_RUN_TOKENS}}`;
const DIGITISH_RUN = new RegExp(RUN, 'gi');
const TRAILING_RUN = new RegExp(`(${RUN})[\\s,.]*$`, 'i');
const LEADING_RUN = new RegExp(`^[\\s,.]*(?:\\b${FILLER}\\b[\\s,.]*)?(${RUN})`, 'i');

const SECURITY_CODE_CUE = new RegExp(
  '\\b(?:cvv2?|cvc2?|cv2|c\\.?\\s?v\\.?\\s?[vc]\\.?|security (?:code|number)|(?:three|3|four|4)[- ]digit (?:code|number)|(?:(?:three|3|four|4) )?(?:digits?|numbers?|code) on the back(?: of (?:the|my) card)?)' +
    "(?:\\s+(?:is|are|was|were|it's|number|reads?|says?))?[\\s:,-]*",
  'gi',
);
const ONE_TIME_CODE_CUE =
  /\b(?:one[- ]time (?:code|passcode|password|pin)|verification code|confirmation code|otp|sms code|the code (?:you|we|they) (?:just )?(?:sent|texted)|(?:texted|sent) (?:me|you) (?:a |the )?code)\b(?:\s+(?:is|was|it's|says))?[\s:,-]*/gi;
const SSN_CUE = /\b(?:social security(?: number)?|social|ssn|s\.? ?s\.? ?n\.?)(?:\s+(?:number|is|was|it's)){0,2}[\s:,-]*/gi;
const WRITTEN_SSN = /\b\d{3}-\d{2}-\d{4}\b/g;

/** Digits of a run; words are only read when there are letters, as most runs are plain numerals. */
const digitsOf = (run: string): string => (/[a-z]/i.test(run) ? spokenDigits(run) : run).replace(/\D/g, '');

/** Digits said one at a time ("four four oh", "double five"), by ITN's one list of number words. */
function spokenDigits(run: string): string {
  let out = '';
  let repeat = 1;
  for (const word of run.toLowerCase().split(/[^a-z0-9]+/)) {
    if (word === 'double' || word === 'triple') {
      repeat = word === 'double' ? 2 : 3;
      continue;
    }
    const digit = /^\d+$/.test(word) ? word : word === 'oh' || word === 'o' || word === 'nought' ? '0' : unitValue(word)?.toString();
    if (digit !== undefined && digit.length === 1) out += digit.repeat(repeat);
    else if (digit !== undefined) out += digit;
    repeat = 1;
  }
  return out;
}

export function redactTurnText(text: string, context: RedactionContext = {}): RedactedTurn {
  const redactions: Redaction[] = [];
  let result = text;
  let previousSameSpeakerText: string | undefined;
  const split = context.previousSameSpeaker && maskSplitCard(context.previousSameSpeaker.text, result);
  if (split) {
    result = split.current;
    previousSameSpeakerText = split.previous;
    redactions.push({ kind: 'card_number' });
  }
  result = maskCardNumbers(result, redactions);
  result = maskAfterCue(result, SECURITY_CODE_CUE, 'security_code', 3, 4, redactions);
  result = maskAfterCue(result, ONE_TIME_CODE_CUE, 'one_time_code', 4, 8, redactions);
  result = maskAfterCue(result, SSN_CUE, 'ssn', 9, 9, redactions);
  result = result.replace(WRITTEN_SSN, () => {
    redactions.push({ kind: 'ssn' });
    return MASKS.ssn;
  });
  // "Can you read me the code we texted?" — "Sure, 482917": the cue was the other speaker's.
  if (context.previousTurn && context.previousTurn.speaker !== undefined && cueIn(ONE_TIME_CODE_CUE, context.previousTurn.text)) {
    result = maskFirstRun(result, 'one_time_code', 4, 8, redactions);
  }
  result = maskPasswords(result, redactions);
  return { text: result, redactions, ...(previousSameSpeakerText !== undefined ? { previousSameSpeakerText } : {}) };
}

function cueIn(cue: RegExp, text: string): boolean {
  cue.lastIndex = 0;
  const found = cue.test(text);
  cue.lastIndex = 0;
  return found;
}

function maskCardNumbers(text: string, redactions: Redaction[]): string {
  return text.replace(DIGITISH_RUN, (run) => {
    // Thirteen digits take at least thirteen characters: most runs ("3", "$1,") are over at once.
    if (run.length < 13) return run;
    const digits = digitsOf(run);
    if (!isCardNumber(digits)) return run;
    redactions.push({ kind: 'card_number' });
    return MASKS.card_number;
  });
}

function isCardNumber(digits: string): boolean {
  return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits);
}

/** The end of the previous turn and the start of this one make a card number together: mask both halves. */
function maskSplitCard(previous: string, current: string): { previous: string; current: string } | undefined {
  const tail = TRAILING_RUN.exec(previous);
  const head = LEADING_RUN.exec(current);
  if (!tail?.[1] || !head?.[1]) return undefined;
  const before = digitsOf(tail[1]);
  const after = digitsOf(head[1]);
  if (before.length < 4 || after.length < 4 || isCardNumber(before) || !isCardNumber(before + after)) return undefined;
  const tailStart = tail.index;
  const headEnd = head.index + head[0].length;
  return {
    previous: `${previous.slice(0, tailStart)}${MASKS.card_number}${previous.slice(tailStart + tail[1].length)}`,
    current: `${MASKS.card_number}${current.slice(headEnd)}`,
  };
}

function maskAfterCue(
  text: string,
  cue: RegExp,
  kind: RedactionKind,
  minDigits: number,
  maxDigits: number,
  redactions: Redaction[],
): string {
  return text.replace(new RegExp(`(${cue.source})(${RUN})`, 'gi'), (whole, cueText: string, run: string) => {
    const digits = digitsOf(run);
    if (digits.length < minDigits || digits.length > maxDigits) return whole;
    redactions.push({ kind });
    return `${cueText}${MASKS[kind]}`;
  });
}

function maskFirstRun(text: string, kind: RedactionKind, minDigits: number, maxDigits: number, redactions: Redaction[]): string {
  let done = false;
  return text.replace(DIGITISH_RUN, (run) => {
    if (done) return run;
    const digits = digitsOf(run);
    if (digits.length < minDigits || digits.length > maxDigits) return run;
    done = true;
    redactions.push({ kind });
    return MASKS[kind];
  });
}

/** "my password is hunter2", "the new password's Blue-Moon-7": the word after the cue, to the end of the clause. */
function maskPasswords(text: string, redactions: Redaction[]): string {
  return text.replace(
    /\b((?:my |the |new |old |temporary |temp ){0,4}(?:password|passcode|pass phrase|passphrase|pin)(?:'s| is| was|:| would be| should be)\s{1,4})("[^"]{1,200}"|[^\s,.;!?]{1,200}(?:\s(?:dash|underscore|at|hash|exclamation mark)\s[^\s,.;!?]{1,200}){0,10})/gi,
    (whole, cue: string, secret: string) => {
      if (/^(?:wrong|right|correct|fine|not|incorrect|expired|the|a|an|different|same|too|still|what|that|this|it)$/i.test(secret))
        return whole;
      redactions.push({ kind: 'password' });
      return `${cue}${MASKS.password}`;
    },
  );
}

export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
