import { describe, expect, it } from 'vitest';
import type { CallView } from '../../../src/shared/callSchemas';
import { callerLabel, ringAlertOf, ringCountdown, ringingAnnouncement, ringingTitle } from '../../../src/shared/ringAnnouncement';

const withCaller = (name: string) => ({ intake: { status: 'ok', package: { caller: { name } } } }) as unknown as CallView;
const ringing = (patch: Partial<CallView> = {}) =>
  ({ ...withCaller('Dana Whitfield'), callId: 'c1', phase: 'ringing', ...patch }) as CallView;

describe('ring countdown', () => {
  it.each([
    [undefined, 0, null],
    [Number.NaN, 0, null],
    [120_000, 0, { seconds: 120, text: '2:00', urgent: false }],
    [65_000, 0, { seconds: 65, text: '1:05', urgent: false }],
    // Rounded up: "0:01" until the last millisecond, never "0:00" while it still rings.
    [10_500, 1_000, { seconds: 10, text: '0:10', urgent: true }],
    [1_000, 999, { seconds: 1, text: '0:01', urgent: true }],
    [1_000, 5_000, { seconds: 0, text: '0:00', urgent: true }],
  ])('expires %s, now %s → %j', (expiresAt, now, expected) => {
    expect(ringCountdown(expiresAt, now)).toEqual(expected);
  });
});

describe('what a ringing call says', () => {
  it('titles the window with the caller, or says there is no context', () => {
    expect(ringingTitle(callerLabel(withCaller('Dana Whitfield')))).toBe('Ringing — Dana Whitfield');
    expect(callerLabel(withCaller('  '))).toBe('a caller who gave no name');
    expect(callerLabel({ intake: { status: 'missing' } } as unknown as CallView)).toBe('an unknown caller (no context)');
    expect(callerLabel({ intake: { status: 'malformed', errors: [] } } as unknown as CallView)).toBe('an unknown caller (damaged context)');
  });

  it('notifies only while ringing, with the expiry when known', () => {
    expect(ringAlertOf(null)).toBeNull();
    expect(ringAlertOf(ringing({ phase: 'active' }))).toBeNull();
    expect(ringAlertOf(ringing())).toEqual({
      callId: 'c1',
      title: 'Incoming escalated call: Dana Whitfield',
      body: expect.stringContaining('Click to accept'),
    });
    expect(ringAlertOf(ringing({ ringExpiresAt: 5 }))?.expiresAt).toBe(5);
  });

  it('announces the caller and the keys', () => {
    expect(ringingAnnouncement(ringing(), { accept: 'A or Enter', decline: 'D' })).toBe(
      'Incoming escalated call from Dana Whitfield. Press A or Enter to accept, D to decline.',
    );
  });
});
