/** Where a text came from: a customer's turn, the agent's turn, or a field of the handoff package. */
export type SteeringSource = 'customer' | 'agent' | 'package';

export const STEERING_REASONS = [
  'addressed_to_assistant',
  'authority_claim',
  'meta_instruction',
  'record_tampering',
  'role_play',
  'instruction_probe',
  'relayed_instruction',
  'obfuscated',
  'classifier',
] as const;

/** Why a text was judged an attempt to steer the assistant; typed codes, never English to match. */
export type SteeringReason = (typeof STEERING_REASONS)[number];

export interface SteeringVerdict {
  attempt: boolean;
  /** 0..1: how sure the detector is that this is an attempt. */
  score: number;
  reasons: SteeringReason[];
}
