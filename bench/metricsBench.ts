/** Metrics over 10 000 stored calls in the encrypted store: insert time for the records and query time per filter. */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CallDatabase } from '../src/main/core/store/callDatabase';
import { emptyAssistState } from '../src/shared/callSchemas';
import type { PostCallRecord } from '../src/shared/postCallRecord';
import { TRIGGER_CODES } from '../src/shared/triggers';
import { summarise } from './stats';

const DAY = 86_400_000;

function record(i: number, start: number): PostCallRecord {
  const endedAt = start + Math.floor((i / 10_000) * 90 * DAY);
  return {
    format: 'post-call/1',
    callId: `bench-${i}`,
    ringingAt: endedAt - 240_000,
    endedAt,
    packageStatus: i % 17 === 0 ? 'missing' : 'ok',
    intent: { fromPackage: 'return_size', settled: 'return_size' },
    triggerCode: TRIGGER_CODES[i % TRIGGER_CODES.length],
    sentimentTrajectory: [-0.2, 0.1, 0.5],
    escalated: true,
    slots: { urgency: 'normal' },
    facts: [],
    repeats: i % 5 === 0 ? 1 : 0,
    packageFieldCount: i % 17 === 0 ? 0 : 6,
    contradictedFields: i % 11 === 0 ? ['facts.zip_code'] : [],
    lookupsRun: [],
    handBack: null,
    wrapUpNotes: 'Resolved on the call.',
    disposition: i % 7 === 0 ? 'follow_up' : 'resolved',
    timings: {
      triggerToPackageMs: 200 + (i % 300),
      packageToRingMs: 5 + (i % 20),
      ringToPickupMs: 2_000 + (i % 9_000),
      pickupToGreetingMs: 1_500 + (i % 3_000),
    },
    csat: 1 + (i % 5),
    piiRedactions: 0,
  };
}

export function runMetricsBench(calls = 10_000) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-bench-metrics-'));
  const db = new CallDatabase(path.join(dir, 'calls.db'), randomBytes(32).toString('hex'));
  try {
    const start = Date.UTC(2026, 7, 1);
    const inserting = performance.now();
    for (let i = 0; i < calls; i++) {
      const r = record(i, start);
      db.saveCall({
        callId: r.callId,
        source: 'demo',
        phase: 'ended',
        intake: { status: 'missing' },
        ringingAt: r.ringingAt,
        endedAt: r.endedAt,
        timings: r.timings,
        notes: '',
        turnCount: 0,
        assist: emptyAssistState(),
      });
      db.saveCallRecord(r);
    }
    const insertMs = performance.now() - inserting;
    const time = (filter: Parameters<CallDatabase['queryMetrics']>[0]) =>
      summarise(
        Array.from({ length: 15 }, () => {
          const t = performance.now();
          db.queryMetrics(filter);
          return performance.now() - t;
        }),
      );
    return {
      calls,
      insertCallsAndRecordsMs: Math.round(insertMs),
      queryAllMs: time({}),
      queryLast30DaysMs: time({ fromMs: start + 60 * DAY }),
      queryOneTriggerMs: time({ triggerCode: 'distress' }),
    };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
