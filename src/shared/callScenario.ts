/** call-scenario/1: one escalated call with its package, turns and ground truth. */
import { z } from 'zod';

export const SpeakerSchema = z.enum(['agent', 'customer']);
export type Speaker = z.infer<typeof SpeakerSchema>;

export const ScenarioTurnSchema = z.object({
  atMs: z.number().nonnegative(),
  speaker: SpeakerSchema,
  text: z.string().max(100_000),
});

export const ScenarioTruthSchema = z.object({
  facts: z.record(z.string(), z.string()),
  repeats: z.array(z.number().int().nonnegative()),
  kbSubflows: z.array(z.string()),
  contextErrors: z.array(z.string()),
  handBack: z.object({ task: z.string(), allowed: z.boolean() }).nullable(),
  injection: z.boolean(),
});
export type ScenarioTruth = z.infer<typeof ScenarioTruthSchema>;

/**
 * The handoff is kept as unknown here on purpose: a damaged package must still ring,
 * so it is validated by the intake, not by the scenario loader.
 */
export const CallScenarioSchema = z.object({
  format: z.literal('call-scenario/1'),
  id: z.string().min(1).max(200),
  title: z.string().max(1000),
  kb: z.string().optional(),
  handoff: z.unknown(),
  rawHandoff: z.string().optional(),
  pickupAtMs: z.number().nonnegative(),
  turns: z.array(ScenarioTurnSchema).max(100_000),
  truth: ScenarioTruthSchema.optional(),
});

export type CallScenario = z.infer<typeof CallScenarioSchema>;
