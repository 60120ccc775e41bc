/** What the agent reviews before a hand-back leaves: the task, the facts it needs, their notes, what they did. */
import { z } from 'zod';
import { FactNameSchema } from './domainPack';
import { HandBackCodeSchema } from './handBackPolicy';

export const HandBackDraftSchema = z.object({
  callId: z.string(),
  task: z.string(),
  allowed: z.boolean(),
  code: HandBackCodeSchema,
  /** Why it may or may not go back (shown either way). */
  reason: z.string(),
  facts: z.array(z.object({ name: FactNameSchema, value: z.string() })),
  notes: z.string(),
  doneByHuman: z.array(z.string()),
  /** The tasks this desk may hand back (the pack's routine tasks on IT's allow-list), for choosing another. */
  allowList: z.array(z.string()),
  /** Each choosable task's label, from the pack. */
  taskLabels: z.record(z.string(), z.string()),
});
export type HandBackDraft = z.infer<typeof HandBackDraftSchema>;

export const HandBackConfirmationSchema = z
  .object({
    callId: z.string().min(1).max(200),
    task: z.string().regex(/^[a-z][a-z0-9_]{1,79}$/),
    notes: z.string().max(20_000),
    doneByHuman: z.array(z.string().max(500)).max(20),
  })
  .strict();
export type HandBackConfirmation = z.infer<typeof HandBackConfirmationSchema>;
