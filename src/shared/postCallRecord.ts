/**
 * The post-call record: one structured row per call, as the seed asks ("every call produces a row of
 * structured data, not just a recording"). Built at hang-up; the metrics are computed from these rows.
 * (There is no record of which suggestions the agent used: inserting or copying one happens in the
 * renderer and never reaches the core. The always-empty `suggestionsUsed` field was removed; rows
 * stored with it still read, the extra key ignored.)
 */
import { z } from 'zod';
import { CallOutcomeValues, CallTimingsSchema, DispositionValues } from './callSchemas';
import { FactNameSchema } from './domainPack';

export const DispositionSchema = z.enum(DispositionValues);
export type Disposition = z.infer<typeof DispositionSchema>;

export const HandBackOutcomeSchema = z.object({
  task: z.string(),
  state: z.enum(['refused', 'sent', 'delivered', 'failed', 'completed']),
  detail: z.string().optional(),
});
export type HandBackOutcome = z.infer<typeof HandBackOutcomeSchema>;

export const PostCallRecordSchema = z.object({
  format: z.literal('post-call/1'),
  callId: z.string(),
  ringingAt: z.number(),
  endedAt: z.number(),
  packageStatus: z.enum(['ok', 'missing', 'malformed']),
  intent: z.object({ fromPackage: z.string().optional(), settled: z.string().optional() }),
  triggerCode: z.string().optional(),
  /** Customer mood per third of the call, from -1 (upset) to 1 (pleased). */
  sentimentTrajectory: z.array(z.number().min(-1).max(1)),
  escalated: z.boolean(),
  slots: z.object({
    name: z.string().optional(),
    callbackNumber: z.string().optional(),
    reason: z.string().optional(),
    urgency: z.enum(['low', 'normal', 'high']),
  }),
  facts: z.array(z.object({ name: FactNameSchema, value: z.string(), source: z.string() })),
  repeats: z.number().int().nonnegative(),
  packageFieldCount: z.number().int().nonnegative(),
  contradictedFields: z.array(z.string()),
  lookupsRun: z.array(z.string()),
  handBack: HandBackOutcomeSchema.nullable(),
  /** The saved wrap-up's summary; empty while the agent has saved none (the draft is not recorded). */
  wrapUpNotes: z.string(),
  /** What the call came to (CallOutcomeValues): `not_wrapped_up` until the agent saves a wrap-up. */
  disposition: z.enum(CallOutcomeValues),
  timings: CallTimingsSchema,
  /** CSAT after the handoff, 1-5, from the customer's survey when it arrives. */
  csat: z.number().min(1).max(5).optional(),
  /** The agent's own quick rating of the handoff, 1-5: a separate, labelled field. */
  agentRating: z.number().int().min(1).max(5).optional(),
  piiRedactions: z.number().int().nonnegative(),
  /** Live calls: whether the AI introduced the call to the agent before the customer was bridged. */
  handoffMode: z.enum(['warm', 'cold']).optional(),
});
export type PostCallRecord = z.infer<typeof PostCallRecordSchema>;
