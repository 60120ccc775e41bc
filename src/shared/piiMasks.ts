/** The tokens that replace secrets said on a call; written by the main process, recognised by the UI. */
import { escapeRegExp } from './text';

export type RedactionKind = 'card_number' | 'security_code' | 'password' | 'one_time_code' | 'ssn';

export const MASKS: Record<RedactionKind, string> = {
  card_number: '[card number removed]',
  security_code: '[security code removed]',
  password: '[password removed]',
  one_time_code: '[one-time code removed]',
  ssn: '[social security number removed]',
};

/** Matches any mask token in a transcript turn. */
export const MASK_PATTERN = new RegExp(Object.values(MASKS).map(escapeRegExp).join('|'), 'g');
