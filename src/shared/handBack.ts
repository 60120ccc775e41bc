/**
 * hand-back/1: what the desk sends the AI voice agent when the human hands a routine task back,
 * with the human's notes. The receiving side verifies the signature (see docs/DEPLOYING.md).
 */
import { z } from 'zod';
import { FactNameSchema } from './domainPack';

export const HandBackMessageSchema = z.object({
  format: z.literal('hand-back/1'),
  /** Stays the same across retries, so the receiver can drop duplicates. */
  handBackId: z.string().min(8).max(100),
  callSid: z.string().max(200),
  handoffId: z.string().max(200).optional(),
  task: z.string().regex(/^[a-z][a-z0-9_]{1,79}$/),
  facts: z.array(z.object({ name: FactNameSchema, value: z.string().max(2_000) })).max(50),
  notes: z.string().max(20_000),
  /** What the human already did, in their words or from the call (e.g. "Verified identity by order id"). */
  doneByHuman: z.array(z.string().max(500)).max(20),
  agentName: z.string().max(60),
  sentAt: z.iso.datetime(),
});
export type HandBackMessage = z.infer<typeof HandBackMessageSchema>;

/** The receiver's answer; anything else counts as a failed delivery. */
export const HandBackReceiptSchema = z.object({
  accepted: z.boolean(),
  status: z.enum(['queued', 'completed', 'failed']).optional(),
  detail: z.string().max(2_000).optional(),
});
export type HandBackReceipt = z.infer<typeof HandBackReceiptSchema>;
