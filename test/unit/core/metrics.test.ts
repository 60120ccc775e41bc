import { describe, expect, it } from 'vitest';
import { CallDatabase } from '../../../src/main/core/store/callDatabase';
import type { PostCallRecord } from '../../../src/shared/postCallRecord';
import { emptyAssistState, type CallView } from '../../../src/shared/callSchemas';

const DAY = 86_400_000;
const START = Date.UTC(2026, 10, 1);

function record(i: number, overrides: Partial<PostCallRecord> = {}): PostCallRecord {
  return {
    format: 'post-call/1',
    callId: `c${i}`,
    ringingAt: START + i * 1000,
    endedAt: START + i * 1000 + 60_000,
    packageStatus: 'ok',
    intent: { fromPackage: 'return_size', settled: 'return_size' },
    triggerCode: i % 2 ? 'customer_request' : 'distress',
    sentimentTrajectory: [0, 0, 0],
    escalated: true,
    slots: { urgency: 'normal' },
    facts: [],
    repeats: i % 4 === 0 ? 2 : 0,
    packageFieldCount: 4,
    contradictedFields: i % 2 ? ['facts.zip_code'] : [],
    lookupsRun: [],
    handBack: null,
    wrapUpNotes: '',
    disposition: i % 3 ? 'resolved' : 'follow_up',
    timings: { triggerToPackageMs: 100 + i, packageToRingMs: 10, ringToPickupMs: 3000, pickupToGreetingMs: 2000 },
    csat: i % 2 ? 4 : 2,
    piiRedactions: 0,
    ...overrides,
  };
}

function database(records: PostCallRecord[]): CallDatabase {
  const db = CallDatabase.inMemory();
  for (const r of records) {
    const view: CallView = {
      callId: r.callId,
      source: 'demo',
      phase: 'ended',
      intake: { status: 'missing' },
      ringingAt: r.ringingAt,
      timings: {},
      notes: '',
      turnCount: 0,
      assist: emptyAssistState(),
    };
    db.saveCall(view);
    db.saveCallRecord(r);
  }
  return db;
}

describe('handoff metrics from post-call records', () => {
  it('computes the four seed metrics and the trigger mix', () => {
    const db = database(Array.from({ length: 8 }, (_, i) => record(i)));
    const metrics = db.queryMetrics({});
    expect(metrics.calls).toBe(8);
    // 4 calls with 1 of 4 fields contradicted (0.75), 4 with none (1.0).
    expect(metrics.contextAccuracy).toEqual({ mean: 0.875, callsWithPackage: 8 });
    // Calls 0 and 4 have 2 repeats each.
    expect(metrics.repeats).toEqual({ perCall: 0.5, shareOfCallsWithAny: 0.25 });
    expect(metrics.csat).toEqual({ mean: 3, responses: 8 });
    expect(metrics.handoffTime.triggerToPackageMs).toEqual({ n: 8, p50: 103, p95: 107 });
    expect(metrics.triggerMix).toEqual([
      { triggerCode: 'customer_request', calls: 4, byDisposition: { follow_up: 1, resolved: 3 } },
      { triggerCode: 'distress', calls: 4, byDisposition: { follow_up: 2, resolved: 2 } },
    ]);
  });

  it('filters by date range and trigger, and plots per day', () => {
    const db = database([
      record(1),
      record(2),
      record(3, { endedAt: START + 2 * DAY }),
      record(4, { endedAt: START + 2 * DAY, triggerCode: 'distress' }),
    ]);
    expect(db.queryMetrics({ triggerCode: 'distress' }).calls).toBe(2);
    expect(db.queryMetrics({ fromMs: START + DAY }).calls).toBe(2);
    expect(db.queryMetrics({}).daily.map((day) => [day.day, day.calls])).toEqual([
      ['2026-11-01', 2],
      ['2026-11-03', 2],
    ]);
  });

  it('counts a call without a package out of context accuracy, and no CSAT as no response', () => {
    const db = database([record(1, { packageStatus: 'missing', packageFieldCount: 0, contradictedFields: [], csat: undefined })]);
    const metrics = db.queryMetrics({});
    expect(metrics.contextAccuracy).toEqual({ mean: null, callsWithPackage: 0 });
    expect(metrics.csat).toEqual({ mean: null, responses: 0 });
  });
});
