/** Post-call records as CSV for spreadsheets: one row per call, codes and figures, RFC 4180 quoting. */
import type { PostCallRecord } from '../../../shared/postCallRecord';

const COLUMNS: Array<[string, (record: PostCallRecord) => string | number | undefined]> = [
  ['call_id', (r) => r.callId],
  ['ended_at', (r) => new Date(r.endedAt).toISOString()],
  ['trigger_code', (r) => r.triggerCode],
  ['package_status', (r) => r.packageStatus],
  ['intent_package', (r) => r.intent.fromPackage],
  ['intent_settled', (r) => r.intent.settled],
  ['disposition', (r) => r.disposition],
  ['trigger_to_package_ms', (r) => r.timings.triggerToPackageMs],
  ['package_to_ring_ms', (r) => r.timings.packageToRingMs],
  ['ring_to_pickup_ms', (r) => r.timings.ringToPickupMs],
  ['pickup_to_greeting_ms', (r) => r.timings.pickupToGreetingMs],
  ['package_fields', (r) => r.packageFieldCount],
  ['contradicted_fields', (r) => r.contradictedFields.join(' ')],
  ['context_accuracy', (r) => (r.packageFieldCount ? round(1 - r.contradictedFields.length / r.packageFieldCount) : undefined)],
  ['customer_repeats', (r) => r.repeats],
  ['hand_back', (r) => (r.handBack ? `${r.handBack.task}:${r.handBack.state}` : undefined)],
  ['csat', (r) => r.csat],
  ['agent_rating', (r) => r.agentRating],
  ['urgency', (r) => r.slots.urgency],
  ['sentiment', (r) => r.sentimentTrajectory.join(' ')],
  ['pii_redactions', (r) => r.piiRedactions],
  ['handoff_mode', (r) => r.handoffMode],
];

export function callRecordsCsv(records: readonly PostCallRecord[]): string {
  const lines = [COLUMNS.map(([name]) => name).join(',')];
  for (const record of records) lines.push(COLUMNS.map(([, value]) => cell(value(record))).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  // Quote when needed, and defuse spreadsheet formulas in text cells.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function round(value: number): number {
  return Math.round(value * 10000) / 10000;
}
