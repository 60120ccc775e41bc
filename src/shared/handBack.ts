/**
 * hand-back/1: what the desk sends the AI voice agent when the human hands a routine task back,
 * with the human's notes. The receiving side verifies the signature (see docs/DEPLOYING.md).
 */
import { z } from 'zod';
import { FACT_NAMES } from './facts';

export const HandBackMessageSchema = z.object({
  format: z.literal('hand-back/1'),
  /** Stays the same across retries, so the receiver can drop duplicates. */
  handBackId: z.string().min(8).max(100),
  callSid: z.string().max(200),
  handoffId: z.string().max(200).optional(),
  task: z.string().regex(/^[a-z][a-z0-9_]{1,79}$/),
  facts: z.array(z.object({ name: z.enum(FACT_NAMES), value: z.string().max(2_000) })).max(50),
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

/** Routine, bounded tasks the AI may take back unless IT sets another list (drawn from the ABCD action set). */
export const DEFAULT_HAND_BACK_ALLOW_LIST = [
  'send_return_label',
  'send_password_reset_link',
  'send_2fa_reset',
  'send_username_reminder',
  'send_shipping_status_link',
  'send_account_login_link',
  'send_promo_code',
  'send_confirmation_email',
  'reschedule_delivery',
  'update_address_after_verification',
] as const;
