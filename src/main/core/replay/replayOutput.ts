/**
 * The fixed output contract of `cli replay --json` (outside evaluation depends on it). Names and
 * meanings follow the `truth` block of call-scenario/1.
 */
import { z } from 'zod';
import { HandBackCodeSchema } from '../../../shared/handBackPolicy';

export const ReplayOutputSchema = z.object({
  id: z.string(),
  package: z.object({ status: z.enum(['ok', 'missing', 'malformed']), errors: z.array(z.string()) }),
  facts: z.record(z.string(), z.string()),
  repeats: z.array(z.number().int()),
  kb: z.array(z.string()),
  contextErrors: z.array(z.string()),
  /** The advice at the call's end, with its typed code (why it is allowed or refused). */
  handBack: z.object({ task: z.string(), allowed: z.boolean(), code: HandBackCodeSchema }).nullable(),
  injectionTurns: z.array(z.number().int()),
  /** Package fields whose text tries to instruct the assistant (an addition; older readers can ignore it). */
  injectionFields: z.array(z.string()),
  actionsTaken: z.array(z.string()),
  timingsMs: z.record(z.string(), z.number()),
});

export type ReplayOutput = z.infer<typeof ReplayOutputSchema>;
