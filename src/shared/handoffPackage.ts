/**
 * handoff-package/1: the context the AI voice agent sends when it escalates.
 * This is the `handoff` object of the call-scenario/1 format (../shared/scenarios/README.md).
 */
import { z } from 'zod';
import { FactNameSchema } from './domainPack';
import { TRIGGER_CODES } from './triggers';

/** Longest text we accept in one field; longer is a damaged package, not a long summary. */
export const MAX_FIELD_CHARS = 200_000;
/** Largest package we accept on the wire, in UTF-8 bytes. */
export const MAX_PACKAGE_BYTES = 512 * 1024;

const text = z.string().max(MAX_FIELD_CHARS);

export const CallerSchema = z.object({
  name: text,
  phone: text,
  verified: z.boolean(),
  verification: text,
});

export const FactSchema = z.object({
  name: FactNameSchema,
  value: text,
  source: text,
});

export const AiAttemptSchema = z.object({
  tool: text,
  input: z.record(z.string(), z.unknown()),
  ok: z.boolean(),
  result: text,
});

export const HandoffPackageSchema = z.object({
  handoffId: z.string().min(1).max(200),
  callSid: z.string().max(200),
  triggeredAtMs: z.number().nonnegative(),
  packagedAtMs: z.number().nonnegative(),
  caller: CallerSchema,
  intent: z.object({ label: text, confidence: z.number().min(0).max(1) }),
  summary: text,
  facts: z.array(FactSchema).max(500),
  aiAttempts: z.array(AiAttemptSchema).max(200),
  trigger: z.object({ code: z.enum(TRIGGER_CODES), detail: text }),
  nextSteps: z.array(text).max(100),
  language: z.string().max(35),
});

export type HandoffPackage = z.infer<typeof HandoffPackageSchema>;
export type PackageFact = z.infer<typeof FactSchema>;
export type AiAttempt = z.infer<typeof AiAttemptSchema>;

/** What the intake made of whatever arrived: the UI shows a specific state for each status. */
export const IntakeResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    package: HandoffPackageSchema,
    warnings: z.array(z.string()),
    /** Fields that carried invisible characters (zero-width, tag characters, bidi controls…), now removed. */
    hiddenCharacters: z.array(z.string()).optional(),
    /** Keys the raw package had twice; the last one was kept (as JSON.parse does). */
    duplicateKeys: z.array(z.string()).optional(),
  }),
  z.object({ status: z.literal('missing') }),
  z.object({
    status: z.literal('malformed'),
    errors: z.array(z.string()).min(1),
    /** The start of what arrived, as text, so the agent can glance at it; never parsed further. */
    rawExcerpt: z.string(),
    rawBytes: z.number().int().nonnegative(),
  }),
]);

export type IntakeResult = z.infer<typeof IntakeResultSchema>;
export type PackageStatus = IntakeResult['status'];
