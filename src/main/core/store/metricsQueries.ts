/**
 * The handoff metrics straight from the call_records table: counts and means in SQL, percentiles from
 * the sorted timing columns (SQLite has no percentile function). Fast enough for years of calls.
 */
import type Database from 'better-sqlite3-multiple-ciphers';
import type { HandoffMetrics, MetricsFilter } from '../../../shared/handoffMetrics';
import type { PostCallRecord } from '../../../shared/postCallRecord';

export function saveCallRecord(db: Database.Database, record: PostCallRecord): void {
  db.prepare(
    `INSERT INTO call_records (call_id, ended_at, trigger_code, package_status, disposition, trigger_to_package_ms, package_to_ring_ms,
       ring_to_pickup_ms, pickup_to_greeting_ms, package_fields, contradicted_fields, repeats, csat, agent_rating, record_json)
     VALUES (@callId, @endedAt, @triggerCode, @packageStatus, @disposition, @t2p, @p2r, @r2p, @p2g, @fields, @contradicted, @repeats, @csat, @agentRating, @json)
     ON CONFLICT (call_id) DO UPDATE SET disposition = excluded.disposition, csat = excluded.csat, agent_rating = excluded.agent_rating,
       contradicted_fields = excluded.contradicted_fields, repeats = excluded.repeats, record_json = excluded.record_json`,
  ).run({
    callId: record.callId,
    endedAt: record.endedAt,
    triggerCode: record.triggerCode ?? null,
    packageStatus: record.packageStatus,
    disposition: record.disposition,
    t2p: record.timings.triggerToPackageMs ?? null,
    p2r: record.timings.packageToRingMs ?? null,
    r2p: record.timings.ringToPickupMs ?? null,
    p2g: record.timings.pickupToGreetingMs ?? null,
    fields: record.packageFieldCount,
    contradicted: record.contradictedFields.length,
    repeats: record.repeats,
    csat: record.csat ?? null,
    agentRating: record.agentRating ?? null,
    json: JSON.stringify(record),
  });
}

function where(filter: MetricsFilter): { sql: string; params: Record<string, unknown> } {
  const clauses: string[] = [];
  const params: Record<string, unknown> = {};
  if (filter.fromMs !== undefined) {
    clauses.push('ended_at >= @fromMs');
    params.fromMs = filter.fromMs;
  }
  if (filter.toMs !== undefined) {
    clauses.push('ended_at < @toMs');
    params.toMs = filter.toMs;
  }
  if (filter.triggerCode) {
    clauses.push('trigger_code = @triggerCode');
    params.triggerCode = filter.triggerCode;
  }
  return { sql: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

function percentiles(db: Database.Database, column: string, filter: MetricsFilter) {
  const { sql, params } = where(filter);
  const values = db
    .prepare(`SELECT ${column} AS v FROM call_records ${sql ? `${sql} AND` : 'WHERE'} ${column} IS NOT NULL ORDER BY ${column}`)
    .pluck()
    .all(params) as number[];
  const at = (p: number) => (values.length ? values[Math.min(values.length - 1, Math.ceil(p * values.length) - 1)]! : null);
  return { n: values.length, p50: round(at(0.5)), p95: round(at(0.95)) };
}

function round(value: number | null): number | null {
  return value === null ? null : Math.round(value * 100) / 100;
}

export function queryMetrics(db: Database.Database, filter: MetricsFilter): HandoffMetrics {
  const { sql, params } = where(filter);
  const totals = db
    .prepare(
      `SELECT count(*) AS calls,
              avg(CASE WHEN package_fields > 0 THEN 1.0 - CAST(contradicted_fields AS REAL) / package_fields END) AS accuracy,
              sum(CASE WHEN package_fields > 0 THEN 1 ELSE 0 END) AS with_package,
              avg(repeats) AS repeats_per_call,
              avg(CASE WHEN repeats > 0 THEN 1.0 ELSE 0.0 END) AS share_with_repeats,
              avg(csat) AS csat, count(csat) AS csat_n,
              avg(agent_rating) AS rating, count(agent_rating) AS rating_n
       FROM call_records ${sql}`,
    )
    .get(params) as Record<string, number | null>;
  const mix = db
    .prepare(
      `SELECT coalesce(trigger_code, 'none') AS trigger, disposition, count(*) AS n FROM call_records ${sql} GROUP BY 1, 2 ORDER BY 1`,
    )
    .all(params) as Array<{ trigger: string; disposition: string; n: number }>;
  const triggerMix = new Map<string, { triggerCode: string; calls: number; byDisposition: Record<string, number> }>();
  for (const row of mix) {
    const entry = triggerMix.get(row.trigger) ?? { triggerCode: row.trigger, calls: 0, byDisposition: {} };
    entry.calls += row.n;
    entry.byDisposition[row.disposition] = row.n;
    triggerMix.set(row.trigger, entry);
  }
  const daily = db
    .prepare(
      `SELECT date(ended_at / 1000, 'unixepoch') AS day, count(*) AS calls,
              avg(CASE WHEN package_fields > 0 THEN 1.0 - CAST(contradicted_fields AS REAL) / package_fields END) AS accuracy,
              avg(repeats) AS repeats, avg(csat) AS csat
       FROM call_records ${sql} GROUP BY 1 ORDER BY 1`,
    )
    .all(params) as Array<{ day: string; calls: number; accuracy: number | null; repeats: number | null; csat: number | null }>;
  const dailyMedians = dailyTriggerToPackageMedians(db, filter);
  return {
    calls: totals.calls ?? 0,
    handoffTime: {
      triggerToPackageMs: percentiles(db, 'trigger_to_package_ms', filter),
      packageToRingMs: percentiles(db, 'package_to_ring_ms', filter),
      ringToPickupMs: percentiles(db, 'ring_to_pickup_ms', filter),
      pickupToGreetingMs: percentiles(db, 'pickup_to_greeting_ms', filter),
    },
    contextAccuracy: { mean: ratio(totals.accuracy), callsWithPackage: totals.with_package ?? 0 },
    repeats: { perCall: ratio(totals.repeats_per_call), shareOfCallsWithAny: ratio(totals.share_with_repeats) },
    csat: { mean: ratio(totals.csat), responses: totals.csat_n ?? 0 },
    agentRating: { mean: ratio(totals.rating), responses: totals.rating_n ?? 0 },
    triggerMix: [...triggerMix.values()],
    daily: daily.map((row) => ({
      day: row.day,
      calls: row.calls,
      contextAccuracy: ratio(row.accuracy),
      repeatsPerCall: ratio(row.repeats),
      csat: ratio(row.csat),
      triggerToPackageP50Ms: dailyMedians.get(row.day) ?? null,
    })),
  };
}

function dailyTriggerToPackageMedians(db: Database.Database, filter: MetricsFilter): Map<string, number> {
  const { sql, params } = where(filter);
  const rows = db
    .prepare(
      `SELECT date(ended_at / 1000, 'unixepoch') AS day, trigger_to_package_ms AS v FROM call_records
       ${sql ? `${sql} AND` : 'WHERE'} trigger_to_package_ms IS NOT NULL ORDER BY 1, 2`,
    )
    .all(params) as Array<{ day: string; v: number }>;
  const byDay = new Map<string, number[]>();
  for (const row of rows) {
    const values = byDay.get(row.day) ?? [];
    values.push(row.v);
    byDay.set(row.day, values);
  }
  return new Map([...byDay].map(([day, values]) => [day, values[Math.ceil(values.length / 2) - 1]!]));
}

function ratio(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Math.round(value * 10000) / 10000;
}
