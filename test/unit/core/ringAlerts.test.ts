import { describe, expect, it } from 'vitest';
import { RingAlerts, type RingAlertPort } from '../../../src/main/core/attention/ringAlerts';
import type { CallView } from '../../../src/shared/callSchemas';

function recorder() {
  const log: string[] = [];
  const port: RingAlertPort = {
    show: (alert) => log.push(`show ${alert.callId}: ${alert.title}`),
    clear: (callId) => log.push(`clear ${callId}`),
  };
  return { log, alerts: new RingAlerts(port) };
}
const view = (callId: string, phase: CallView['phase']) =>
  ({ callId, phase, intake: { status: 'ok', package: { caller: { name: 'Dana' } } } }) as unknown as CallView;

describe('the shell alert of a ringing call', () => {
  it('is raised once per ring, however many updates the ringing call gets', () => {
    const { log, alerts } = recorder();
    alerts.onCallChanged(view('c1', 'ringing'));
    alerts.onCallChanged(view('c1', 'ringing'));
    alerts.onCallChanged(view('c1', 'ringing'));
    expect(log).toEqual(['show c1: Incoming escalated call: Dana']);
  });

  it.each(['active', 'declined', 'missed', 'ended'] as const)('is cleared when the ring ends as %s', (phase) => {
    const { log, alerts } = recorder();
    alerts.onCallChanged(view('c1', 'ringing'));
    alerts.onCallChanged(view('c1', phase));
    alerts.onCallChanged(view('c1', phase));
    expect(log).toEqual(['show c1: Incoming escalated call: Dana', 'clear c1']);
  });

  it('is cleared when the desk has no call any more, and a next ring is raised anew', () => {
    const { log, alerts } = recorder();
    alerts.onCallChanged(view('c1', 'ringing'));
    alerts.onCallChanged(null);
    alerts.onCallChanged(view('c2', 'ringing'));
    expect(log).toEqual(['show c1: Incoming escalated call: Dana', 'clear c1', 'show c2: Incoming escalated call: Dana']);
  });

  it('does nothing for calls that are not ringing', () => {
    const { log, alerts } = recorder();
    alerts.onCallChanged(view('c1', 'active'));
    alerts.onCallChanged(null);
    expect(log).toEqual([]);
  });
});
