/** The seed's handoff metrics plus the trigger mix, as one shape for the metrics view, the CLI and OTLP. */
import { z } from 'zod';

export const HANDOFF_TARGETS_MS = {
  triggerToPackage: 500,
  routingToPickup: 30_000,
  pickupToGreeting: 5_000,
} as const;

const Percentiles = z.object({ n: z.number().int(), p50: z.number().nullable(), p95: z.number().nullable() });

export const MetricsFilterSchema = z
  .object({
    fromMs: z.number().optional(),
    toMs: z.number().optional(),
    triggerCode: z.string().max(60).optional(),
  })
  .strict();
export type MetricsFilter = z.infer<typeof MetricsFilterSchema>;

export const HandoffMetricsSchema = z.object({
  calls: z.number().int(),
  handoffTime: z.object({
    triggerToPackageMs: Percentiles,
    packageToRingMs: Percentiles,
    ringToPickupMs: Percentiles,
    pickupToGreetingMs: Percentiles,
  }),
  contextAccuracy: z.object({ mean: z.number().nullable(), callsWithPackage: z.number().int() }),
  repeats: z.object({ perCall: z.number().nullable(), shareOfCallsWithAny: z.number().nullable() }),
  csat: z.object({ mean: z.number().nullable(), responses: z.number().int() }),
  agentRating: z.object({ mean: z.number().nullable(), responses: z.number().int() }),
  triggerMix: z.array(
    z.object({ triggerCode: z.string(), calls: z.number().int(), byDisposition: z.record(z.string(), z.number().int()) }),
  ),
  /** One point per day (UTC), for the over-time plots. */
  daily: z.array(
    z.object({
      day: z.string(),
      calls: z.number().int(),
      contextAccuracy: z.number().nullable(),
      repeatsPerCall: z.number().nullable(),
      csat: z.number().nullable(),
      triggerToPackageP50Ms: z.number().nullable(),
    }),
  ),
});
export type HandoffMetrics = z.infer<typeof HandoffMetricsSchema>;
