import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { HandoffTelemetry } from '../../../src/main/core/telemetry/handoffTelemetry';
import type { PostCallRecord } from '../../../src/shared/postCallRecord';

const PII = ['Marguerite Okafor', '+16085550147', 'm.okafor@email.com', '7392051846', 'stained', 'bleach', 'Customer prefers mail'];

const call: PostCallRecord = {
  format: 'post-call/1',
  callId: 'demo-3f2a',
  ringingAt: Date.UTC(2026, 10, 24, 12, 0, 0),
  endedAt: Date.UTC(2026, 10, 24, 12, 4, 0),
  packageStatus: 'ok',
  intent: { fromPackage: 'return_stain', settled: 'return_stain' },
  triggerCode: 'task_failed',
  sentimentTrajectory: [-0.3, 0, 0.4],
  escalated: true,
  slots: { name: 'Marguerite Okafor', callbackNumber: '+16085550147', reason: 'stained jeans, bleach blotch', urgency: 'normal' },
  facts: [
    { name: 'email', value: 'm.okafor@email.com', source: 'package' },
    { name: 'order_id', value: '7392051846', source: 'turn 1' },
  ],
  repeats: 1,
  packageFieldCount: 8,
  contradictedFields: ['facts.zip_code'],
  lookupsRun: ['lookup_order:7392051846'],
  handBack: { task: 'send_return_label', state: 'delivered' },
  wrapUpNotes: 'Customer prefers mail-in label.',
  disposition: 'handed_back',
  timings: { triggerToPackageMs: 420, packageToRingMs: 12, ringToPickupMs: 4100, pickupToGreetingMs: 2300 },
  csat: 5,
  piiRedactions: 0,
};

/** A local OTLP/HTTP receiver: records what arrives at /v1/traces and /v1/metrics. */
const received: Array<{ path: string; body: string }> = [];
const receiver = http.createServer((request, response) => {
  let body = '';
  request.on('data', (chunk) => (body += chunk));
  request.on('end', () => {
    received.push({ path: request.url ?? '', body });
    response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  });
});
afterAll(() => {
  receiver.closeAllConnections();
  receiver.close();
});

describe('OTLP export of handoff metrics', () => {
  it('exports a handoff span and metric points with codes and durations, and no PII', async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    const telemetry = new HandoffTelemetry({ endpoint, deskId: 'desk-test', appVersion: '0.1.0', exportIntervalMs: 60_000 });
    telemetry.record(call);
    await telemetry.flush();
    await telemetry.shutdown();

    const traces = received.filter((entry) => entry.path === '/v1/traces').map((entry) => JSON.parse(entry.body));
    const metrics = received.filter((entry) => entry.path === '/v1/metrics').map((entry) => JSON.parse(entry.body));
    expect(traces.length).toBeGreaterThan(0);
    expect(metrics.length).toBeGreaterThan(0);
    const span = traces[0].resourceSpans[0].scopeSpans[0].spans[0];
    expect(span.name).toBe('handoff');
    const attributes = Object.fromEntries(
      span.attributes.map((a: { key: string; value: Record<string, unknown> }) => [a.key, Object.values(a.value)[0]]),
    );
    expect(attributes).toMatchObject({
      'whisper_desk.trigger_code': 'task_failed',
      'whisper_desk.disposition': 'handed_back',
      'whisper_desk.trigger_to_package_ms': 420,
      'whisper_desk.pickup_to_greeting_ms': 2300,
    });
    const metricNames = metrics.flatMap((m) => m.resourceMetrics[0].scopeMetrics[0].metrics.map((metric: { name: string }) => metric.name));
    expect(metricNames).toEqual(
      expect.arrayContaining([
        'whisper_desk.handoff.trigger_to_package_ms',
        'whisper_desk.handoff.calls',
        'whisper_desk.handoff.customer_repeats',
      ]),
    );

    const everything = received.map((entry) => entry.body).join('\n');
    for (const secret of PII) expect(everything).not.toContain(secret);
  });
});
