/**
 * Team-wide handoff metrics without a home-made server: when IT configures an OTLP endpoint, each
 * finished call becomes one "handoff" span with its phase timings and a set of metric points, exported
 * over OTLP/HTTP to the contact center's own collector. Only ids, codes, counts and durations leave the
 * machine — never transcript text, names, numbers or notes (the attribute builder below is the only
 * place that decides what leaves, and it reads nothing free-form).
 */
import type { Attributes } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor, TracerProvider } from '@opentelemetry/sdk-trace';
import type { PostCallRecord } from '../../../shared/postCallRecord';

export interface TelemetryOptions {
  /** The collector's OTLP/HTTP base URL, e.g. https://otel.example.internal:4318 */
  endpoint: string;
  headers?: Record<string, string>;
  /** Which desk this is (an install id, never a person's name). */
  deskId: string;
  appVersion: string;
  exportIntervalMs?: number;
}

const PHASES = ['triggerToPackageMs', 'packageToRingMs', 'ringToPickupMs', 'pickupToGreetingMs'] as const;

export class HandoffTelemetry {
  private readonly tracerProvider: TracerProvider;
  private readonly meterProvider: MeterProvider;
  private readonly phaseHistograms;
  private readonly calls;
  private readonly repeats;
  private readonly contradictedFields;
  private readonly packageFields;
  private readonly csat;

  constructor(options: TelemetryOptions) {
    const base = options.endpoint.replace(/\/+$/, '');
    if (!/^https?:\/\//.test(base)) throw new Error(`OTLP endpoint must be an http(s) URL, got ${options.endpoint}`);
    const resource = resourceFromAttributes({
      'service.name': 'whisper-desk',
      'service.version': options.appVersion,
      'service.instance.id': options.deskId,
    });
    this.tracerProvider = new TracerProvider({
      resource,
      spanProcessors: [new BatchSpanProcessor({ exporter: new OTLPTraceExporter({ url: `${base}/v1/traces`, headers: options.headers }) })],
    });
    this.meterProvider = new MeterProvider({
      resource,
      readers: [
        new PeriodicExportingMetricReader({
          exporter: new OTLPMetricExporter({ url: `${base}/v1/metrics`, headers: options.headers }),
          exportIntervalMillis: options.exportIntervalMs ?? 60_000,
        }),
      ],
    });
    const meter = this.meterProvider.getMeter('whisper-desk.handoff');
    this.phaseHistograms = Object.fromEntries(
      PHASES.map((phase) => [
        phase,
        meter.createHistogram(`whisper_desk.handoff.${snake(phase)}`, { unit: 'ms', description: `Handoff phase ${phase}` }),
      ]),
    ) as Record<(typeof PHASES)[number], ReturnType<typeof meter.createHistogram>>;
    this.calls = meter.createCounter('whisper_desk.handoff.calls', { description: 'Handoffs by trigger and outcome' });
    this.repeats = meter.createCounter('whisper_desk.handoff.customer_repeats', {
      description: 'Times the customer restated a fact the package had',
    });
    this.contradictedFields = meter.createCounter('whisper_desk.handoff.contradicted_fields', {
      description: 'Package fields the call showed wrong',
    });
    this.packageFields = meter.createCounter('whisper_desk.handoff.package_fields', { description: 'Package fields received' });
    this.csat = meter.createHistogram('whisper_desk.handoff.csat', { description: 'CSAT after the handoff (1-5)' });
  }

  record(call: PostCallRecord): void {
    const attributes = telemetryAttributes(call);
    const tracer = this.tracerProvider.getTracer('whisper-desk.handoff');
    const startedAt = call.ringingAt - (call.timings.packageToRingMs ?? 0) - (call.timings.triggerToPackageMs ?? 0);
    const span = tracer.startSpan('handoff', { startTime: startedAt, attributes });
    for (const phase of PHASES) {
      const duration = call.timings[phase];
      if (duration === undefined) continue;
      span.setAttribute(`whisper_desk.${snake(phase)}`, duration);
      this.phaseHistograms[phase].record(duration, { trigger_code: attributes['whisper_desk.trigger_code'] as string });
    }
    span.end(call.endedAt);
    const codes = { trigger_code: attributes['whisper_desk.trigger_code'] as string, disposition: call.disposition };
    this.calls.add(1, { ...codes, package_status: call.packageStatus });
    this.repeats.add(call.repeats, codes);
    this.contradictedFields.add(call.contradictedFields.length, codes);
    this.packageFields.add(call.packageFieldCount, codes);
    if (call.csat !== undefined) this.csat.record(call.csat, codes);
  }

  async flush(): Promise<void> {
    await Promise.all([this.tracerProvider.forceFlush(), this.meterProvider.forceFlush()]);
  }

  async shutdown(): Promise<void> {
    await Promise.all([this.tracerProvider.shutdown(), this.meterProvider.shutdown()]);
  }
}

/** Everything that leaves the machine about a call: codes, counts and durations only. */
export function telemetryAttributes(call: PostCallRecord): Attributes {
  return {
    'whisper_desk.call_id': call.callId,
    'whisper_desk.trigger_code': call.triggerCode ?? 'none',
    'whisper_desk.package_status': call.packageStatus,
    'whisper_desk.disposition': call.disposition,
    'whisper_desk.intent': call.intent.settled ?? call.intent.fromPackage ?? 'unknown',
    'whisper_desk.repeats': call.repeats,
    'whisper_desk.package_fields': call.packageFieldCount,
    'whisper_desk.contradicted_fields': call.contradictedFields.length,
    'whisper_desk.hand_back_state': call.handBack?.state ?? 'none',
    ...(call.csat !== undefined ? { 'whisper_desk.csat': call.csat } : {}),
  };
}

function snake(name: string): string {
  return name
    .replace(/Ms$/, '_ms')
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase();
}
