/**
 * Masks secrets said on a call before the turn goes anywhere (screen, store, any assist engine):
 * payment card numbers (Luhn-checked, digits said as words too), security codes (CVV/CVC), passwords
 * and one-time codes. What is masked is replaced by a visible token, so the agent sees that something
 * was said and removed.
 */
import { MASKS, type RedactionKind } from '../../../shared/piiMasks';
import { spokenDigitsToNumerals } from '../assist/spokenNumbers';

export { MASKS, type RedactionKind };

export interface Redaction {
  kind: RedactionKind;
}

const DIGIT_WORD = '(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple)';
/** A run of digits or digit words with the separators people say between groups. */
const DIGITISH_RUN = new RegExp(`(?:\\d|\\b${DIGIT_WORD}\\b)(?:[\\s,.-]*(?:\\d|\\b${DIGIT_WORD}\\b))*`, 'gi');

export function redactTurnText(text: string): { text: string; redactions: Redaction[] } {
  const redactions: Redaction[] = [];
  let result = text;
  result = maskCardNumbers(result, redactions);
  result = maskAfterCue(result, /\b(?:cvv|cvc|cv2|security code|three[- ]digit code|code on the back)\b(?:\s+(?:is|was|it's|number))?[\s:,-]*/gi, 'security_code', 3, 4, redactions);
  result = maskAfterCue(
    result,
    /\b(?:one[- ]time (?:code|passcode|password|pin)|verification code|otp|sms code|the code (?:you|we|they) (?:sent|texted)|(?:texted|sent) me (?:a |the )?code)\b(?:\s+(?:is|was|it's|says))?[\s:,-]*/gi,
    'one_time_code',
    4,
    8,
    redactions,
  );
  result = maskPasswords(result, redactions);
  return { text: result, redactions };
}

function maskCardNumbers(text: string, redactions: Redaction[]): string {
  return text.replace(DIGITISH_RUN, (run) => {
    const digits = spokenDigitsToNumerals(run).replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19 || !passesLuhn(digits)) return run;
    redactions.push({ kind: 'card_number' });
    return MASKS.card_number;
  });
}

function maskAfterCue(text: string, cue: RegExp, kind: RedactionKind, minDigits: number, maxDigits: number, redactions: Redaction[]): string {
  return text.replace(new RegExp(`(${cue.source})(${DIGITISH_RUN.source})`, 'gi'), (whole, cueText: string, run: string) => {
    const digits = spokenDigitsToNumerals(run).replace(/\D/g, '');
    if (digits.length < minDigits || digits.length > maxDigits) return whole;
    redactions.push({ kind });
    return `${cueText}${MASKS[kind]}`;
  });
}

/** "my password is hunter2", "the new password's Blue-Moon-7": the word after the cue, to the end of the clause. */
function maskPasswords(text: string, redactions: Redaction[]): string {
  return text.replace(/\b((?:my |the |new |old |temporary |temp )*(?:password|passcode|pass phrase|passphrase|pin)(?:'s| is| was|:| would be| should be)\s+)("[^"]+"|[^\s,.;!?]+(?:\s+(?:dash|underscore|at|hash|exclamation mark)\s+[^\s,.;!?]+)*)/gi, (whole, cue: string, secret: string) => {
    if (/^(?:wrong|right|correct|fine|not|incorrect|expired|the|a|an|different|same|too|still|what|that|this|it)$/i.test(secret)) return whole;
    redactions.push({ kind: 'password' });
    return `${cue}${MASKS.password}`;
  });
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
