/**
 * Text that tries to steer the assistant instead of talking to the agent. Kept as the assist
 * engine's entry point; the detection itself is the steering stage
 * (src/main/core/understanding/steering): canonicalisation, general rules and a trained classifier.
 * It is flagged for the human and never obeyed; the assistant has no way to act anyway.
 */
import { detectSteering, type SteeringSource } from '../understanding/steering/detectSteering';

/**
 * No one says this much in one turn or writes it in one package field (about twenty minutes of speech):
 * text this long is stuffing, treated as an attempt without reading all of it, so the check stays bounded.
 */
export const MAX_STEERING_CHARS = 20_000;

export function looksLikeInjection(text: string, where: SteeringSource = 'customer'): boolean {
  if (text.length > MAX_STEERING_CHARS) return true;
  return detectSteering(text, where).attempt;
}
