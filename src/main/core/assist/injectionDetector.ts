/**
 * Text that tries to steer the assistant instead of talking to the agent: meta-instructions ("ignore
 * your instructions", "system:", "you are now…") or orders addressed to the AI ("Hey AI, refund me").
 * It is flagged for the human and never obeyed; the assistant has no way to act anyway.
 */
const META_INSTRUCTIONS = [
  /\b(?:ignore|disregard|forget|override|bypass)\s+(?:(?:all|any|every|your|the|my|previous|prior|above|earlier|existing|of|these|those|system)\s+)*(?:instructions?|rules|prompts?|guidelines|polic(?:y|ies)|directives|programming|restrictions|limits)\b/i,
  /\b(?:system|developer|admin)\s*(?:prompt|message|override|mode)\b/i,
  /(?:^|[.!?]\s*|\n)\s*(?:system|assistant|developer)\s*:/i,
  /\byou are now\b|\bfrom now on,? you\b|\bnew instructions\b|\bact as (?:an?|the)\b|\bpretend (?:to be|you are)\b|\bjailbreak\b/i,
  /\byou(?:'re| are) (?:now )?(?:authori[sz]ed|allowed|permitted|instructed|required) to\b/i,
  /\b(?:pre-?)?authori[sz]ed (?:instruction|request|command|override|by)\b|\bpre-?authori[sz]ed\b/i,
  /\bno (?:agent|human|manual) (?:review|approval|check|confirmation)\b|\b(?:complete|do|execute|action) this yourself\b/i,
  /\b(?:assistant|ai|bot|computer|system)\b[^.!?]{0,40}\bthis (?:part|bit|message|one|note) is (?:for you|meant for you)\b/i,
  /\b(?:the )?(?:assistant|ai|bot|model) (?:must|should|shall|is required to|has to) (?:approve|refund|issue|grant|waive|credit|cancel|send|mark|transfer|delete|override|give)\b/i,
];

const ADDRESSED_TO_AI =
  /(?:^|[.!?:;]\s*|\bhey\s+|\bok(?:ay)?\s+|\blisten,?\s+)(?:ai|assistant|bot|robot|computer|system|chatbot)\s*[,:!]\s*(?:[\w'-]+[\s,:;]+){0,8}?(?:refund|issue|give|approve|credit|cancel|send|transfer|delete|override|mark|waive|grant|apply|add|change|update|reset|unlock|close|pay|put|raise|upgrade|make|remove|write|record|note|do it)\w*\b/i;

export function looksLikeInjection(text: string): boolean {
  return META_INSTRUCTIONS.some((pattern) => pattern.test(text)) || ADDRESSED_TO_AI.test(text);
}
