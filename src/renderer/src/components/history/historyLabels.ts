import type { CallPhase, HistoryItem } from '../../../../shared/callSchemas';

export const PHASE_WORDS: Record<CallPhase, string> = {
  ringing: 'Ringing',
  active: 'On call',
  ended: 'Ended',
  declined: 'Declined',
  missed: 'Missed',
};

export const PACKAGE_STATUS_BADGE: Record<HistoryItem['packageStatus'], { text: string; className: string }> = {
  ok: { text: 'Package', className: 'badge badge-ok' },
  missing: { text: 'No package', className: 'badge badge-warn' },
  malformed: { text: 'Damaged package', className: 'badge badge-failed' },
};
