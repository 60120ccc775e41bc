/** Text that tries to steer the assistant rather than talk to the agent. Flagged for the human; never obeyed. */
const INSTRUCTION_PATTERNS = [
  /\bignore (?:all |any |your |the )?(?:previous |prior |above )?(?:instructions|rules|prompt)/i,
  /\b(?:system|developer) prompt\b/i,
  /\b(?:AI|assistant|bot|computer),? (?:please )?(?:refund|issue|give|approve|credit|cancel|send|transfer|delete|override)\b/i,
  /\byou are now\b|\bact as\b|\bnew instructions\b/i,
  /\boverride (?:the )?(?:policy|rules|limits)\b/i,
];

export function looksLikeInjection(text: string): boolean {
  return INSTRUCTION_PATTERNS.some((pattern) => pattern.test(text));
}
