/** The seven escalation triggers named in the seed article, with the words the agent sees. */
export const TRIGGER_CODES = [
  'customer_request',
  'low_confidence',
  'task_failed',
  'distress',
  'off_policy',
  'tool_failure_repeated',
  'sensitive_topic',
] as const;

export type TriggerCode = (typeof TRIGGER_CODES)[number];

export const TRIGGER_WORDS: Record<TriggerCode, string> = {
  customer_request: 'Customer asked for a person',
  low_confidence: 'AI was not confident what the customer needs',
  task_failed: 'AI could not complete the task',
  distress: 'Customer is distressed or frustrated',
  off_policy: 'Request is outside policy',
  tool_failure_repeated: 'A system the AI needed kept failing',
  sensitive_topic: 'Sensitive topic: handle with care',
};

/** A trigger code in words; a code this version does not know reads as itself, in words. */
export function triggerWordsOf(code: string): string {
  const words = (TRIGGER_WORDS as Record<string, string>)[code];
  if (words) return words;
  const plain = code.replace(/[_-]+/g, ' ').trim();
  return plain.charAt(0).toUpperCase() + plain.slice(1);
}
