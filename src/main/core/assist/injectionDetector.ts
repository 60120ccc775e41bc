/**
 * Text that tries to steer the assistant instead of talking to the agent. Kept as the assist
 * engine's entry point; the detection itself is the steering stage
 * (src/main/core/understanding/steering): canonicalisation, general rules and a trained classifier.
 * It is flagged for the human and never obeyed; the assistant has no way to act anyway.
 */
import { detectSteering, type SteeringSource } from '../understanding/steering/detectSteering';

export function looksLikeInjection(text: string, where: SteeringSource = 'customer'): boolean {
  return detectSteering(text, where).attempt;
}
