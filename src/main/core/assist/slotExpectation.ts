/**
 * What the agent just asked for. A bare answer ("6029 184 417.", "Desmond Attah.") means little alone;
 * after "What's the order number?" it is an order ID. This is how a human listener resolves it too.
 */
import type { FactName } from '../../../shared/facts';

const QUESTION_CUES: Array<[FactName, RegExp]> = [
  ['order_id', /\border (?:number|id|#)|\bwhich order\b|\border\b.*\?/i],
  ['email', /\be-?mail\b/i],
  ['username', /\buser ?name\b/i],
  ['phone', /\b(?:phone|number to reach|best number|callback|call you back|cell|mobile)\b/i],
  ['zip_code', /\bzip\b|\bpostal code\b|\bpostcode\b/i],
  ['street_address', /\baddress\b/i],
  ['customer_name', /\b(?:your (?:full )?name|who am i speaking|who do i have|speaking with|who's calling|who is calling)\b/i],
  ['account_id', /\baccount (?:id|number)\b/i],
  ['membership_level', /\bmembership\b|\bwhat level\b|\bwhich level\b|\btier\b/i],
  ['date', /\bwhat date\b|\bwhen did\b|\bwhich day\b/i],
];

const REQUEST = /\?|\b(?:can|could|would) (?:you|i get|i have)\b|\bplease\b|\b(?:tell|give|read|spell) me\b|\bi(?:'ll)? need\b|\bconfirm\b/i;

/** Only questions and requests set an expectation; "Your username is …" is a statement, not a question. */
export function expectedSlots(agentText: string): FactName[] {
  const asking = agentText.split(/(?<=[.!?])\s+/).filter((sentence) => REQUEST.test(sentence)).join(' ');
  return QUESTION_CUES.filter(([, cue]) => cue.test(asking)).map(([name]) => name);
}
