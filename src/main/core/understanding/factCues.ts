/**
 * Where a pack's facts are named in a text: "order number", "zip", "the email on the account". One
 * compiled pattern per fact, from the pack's cues and label, so every stage that asks "which fact is
 * this about?" (the agent's question, the words before a value) answers the same way.
 */
import type { FactSchema } from '../../../shared/facts';
import { escapeRegExp } from '../../../shared/text';

export interface CueHit {
  fact: string;
  start: number;
  end: number;
}

/**
 * Things callers read out that look like ids but are no customer fact unless a pack declares them:
 * codes and references of other kinds. A value right after one of these is not taken for an account
 * number or an order id.
 */
const OTHER_IDENTIFIERS = [
  'promo code',
  'promotion code',
  'promotional code',
  'discount code',
  'coupon',
  'coupon code',
  'voucher',
  'voucher code',
  'gift card',
  'gift code',
  'referral code',
  'reference number',
  'ticket number',
  'case number',
  'confirmation code',
  'verification code',
  'security code',
  'one time code',
  'pin',
  'password',
  'tracking number',
  'serial number',
  'model number',
  'flight number',
  'extension',
  'claim number',
  'policy number',
  'invoice number',
  'receipt number',
  'employee number',
  'employee id',
  'staff number',
  'staff id',
  'badge number',
  'agent id',
  'operator number',
  'licence number',
  'license number',
  'passport number',
  'social security number',
  'national insurance number',
  'routing number',
  'sort code',
  'student number',
  'student id',
  'room number',
  'table number',
];

function escape(phrase: string): string {
  return escapeRegExp(phrase.toLowerCase().trim()).replace(/\s+/g, '[\\s-]+');
}

function compile(phrases: readonly string[]): RegExp | undefined {
  const parts = [...new Set(phrases.map(escape).filter(Boolean))].sort((a, b) => b.length - a.length);
  return parts.length ? new RegExp(`(?<![a-z0-9])(?:${parts.join('|')})(?:s|es)?(?![a-z0-9])`, 'g') : undefined;
}

export const OTHER_IDENTIFIER = '__other_identifier__';
/** An identifier named by words the pack does not declare ("the member id", "your loyalty number"): some id fact. */
export const ANY_IDENTIFIER = '__any_identifier__';

/** The head noun of an identifier: a cue followed by one of these names an id, not the cue's own fact ("member" → "member id"). */
const ID_HEAD = /^[\s-]+(?:id|i\.? ?d|number|no\.?|#|reference|ref|code)(?![a-z0-9])/;
/** Facts whose own cue may take an id head noun ("phone number", "email id"). */
const OWN_HEAD = new Set(['id', 'phone', 'postcode', 'email']);

export class FactCues {
  private readonly patterns: Array<{ fact: string; pattern: RegExp }> = [];

  constructor(readonly facts: FactSchema) {
    const declared = new Set(facts.all.flatMap((spec) => [spec.label, ...spec.cues].map((cue) => cue.toLowerCase())));
    for (const spec of facts.all) {
      const pattern = compile([spec.label, ...spec.cues, spec.name.replace(/_/g, ' ')]);
      if (pattern) this.patterns.push({ fact: spec.name, pattern });
    }
    // A pack that declares one of these as a fact (a promo code it cares about) takes it over.
    const others = compile(OTHER_IDENTIFIERS.filter((cue) => !declared.has(cue)));
    if (others) this.patterns.push({ fact: OTHER_IDENTIFIER, pattern: others });
  }

  /** Every cue in the text (lower-cased by the caller or not), in order of position. */
  find(text: string): CueHit[] {
    const lower = text.toLowerCase();
    const hits: CueHit[] = [];
    for (const { fact, pattern } of this.patterns) {
      pattern.lastIndex = 0;
      for (let match = pattern.exec(lower); match; match = pattern.exec(lower))
        hits.push({ fact, start: match.index, end: match.index + match[0].length });
    }
    // At one position the longest cue wins ("order number" over "order"; "promo code" over "code").
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    for (const hit of hits) {
      if (hit.fact.startsWith('__') || OWN_HEAD.has(this.facts.spec(hit.fact)?.type ?? '')) continue;
      const head = ID_HEAD.exec(lower.slice(hit.end));
      if (head) Object.assign(hit, { fact: ANY_IDENTIFIER, end: hit.end + head[0].length });
    }
    return hits.filter(
      (hit, i) => i === 0 || !(hit.start >= hits[i - 1]!.start && hit.end <= hits[i - 1]!.end && hit.fact !== hits[i - 1]!.fact),
    );
  }

  /** Facts named anywhere in the text. */
  named(text: string): Set<string> {
    return new Set(this.find(text).map((hit) => hit.fact));
  }
}
