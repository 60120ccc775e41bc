/** When an update is looked for, downloaded and installed: a truth table, and the coordinator driving a fake updater. */
import { describe, expect, it } from 'vitest';
import { UpdateCoordinator, type Updater } from '../../../../src/main/core/updates/updateCoordinator';
import {
  decideUpdate,
  deskActivity,
  INSTALL_QUIET_MS,
  type DeskActivity,
  type UpdateDecision,
  type UpdateFacts,
} from '../../../../src/main/core/updates/updatePolicy';
import { DEFAULT_SETTINGS } from '../../../../src/shared/settings';

const HOUR = 3_600_000;
const NOW = 100 * HOUR;
const QUIET: DeskActivity = { inCall: false, wrappingUp: false, takingCalls: false };
const base: UpdateFacts = {
  settings: { updatesEnabled: true, updateChannel: 'latest', updateServerUrl: '', updateCheckHours: 4 },
  lockedKeys: [],
  packaged: true,
  builtInFeed: true,
  phase: 'idle',
  lastCheckAt: undefined,
  now: NOW,
  activity: QUIET,
  quitting: false,
};

type Case = [
  name: string,
  facts: Partial<Omit<UpdateFacts, 'settings' | 'activity'>> & {
    settings?: Partial<UpdateFacts['settings']>;
    activity?: Partial<DeskActivity>;
  },
  expected: UpdateDecision,
];

const CASES: Case[] = [
  // What policy forbids
  [
    'updates off by IT',
    { settings: { updatesEnabled: false }, lockedKeys: ['updatesEnabled'] },
    { action: 'off', reason: 'disabled-by-policy' },
  ],
  ['updates off by the agent', { settings: { updatesEnabled: false } }, { action: 'off', reason: 'disabled-by-agent' }],
  [
    'off by IT even with an update downloaded and the desk quiet',
    { settings: { updatesEnabled: false }, lockedKeys: ['updatesEnabled'], phase: 'downloaded' },
    { action: 'off', reason: 'disabled-by-policy' },
  ],
  ['a development run', { packaged: false }, { action: 'off', reason: 'development-build' }],
  ['no feed at all', { builtInFeed: false }, { action: 'off', reason: 'no-feed' }],
  // When to check
  ['first check, built-in feed (GitHub releases)', {}, { action: 'check', feed: { provider: 'built-in', channel: 'latest' } }],
  [
    "the center's own server, beta channel",
    { builtInFeed: false, settings: { updateServerUrl: 'https://updates.cc.example.com/wd/', updateChannel: 'beta' } },
    { action: 'check', feed: { provider: 'generic', url: 'https://updates.cc.example.com/wd/', channel: 'beta' } },
  ],
  ['checked 3 h ago, every 4 h', { lastCheckAt: NOW - 3 * HOUR }, { action: 'wait', reason: 'not-due' }],
  ['checked 4 h ago, every 4 h', { lastCheckAt: NOW - 4 * HOUR }, { action: 'check', feed: { provider: 'built-in', channel: 'latest' } }],
  [
    'a failed check is retried when due',
    { phase: 'failed', lastCheckAt: NOW - 5 * HOUR },
    { action: 'check', feed: { provider: 'built-in', channel: 'latest' } },
  ],
  ['no check while a call rings or is on', { activity: { inCall: true } }, { action: 'wait', reason: 'call-in-progress' }],
  ['no check while a wrap-up is open', { activity: { wrappingUp: true } }, { action: 'wait', reason: 'wrap-up-open' }],
  ['a check is running', { phase: 'checking' }, { action: 'wait', reason: 'in-progress' }],
  // When to download
  ['update found, desk quiet', { phase: 'available', lastCheckAt: NOW }, { action: 'download' }],
  ['update found during a call: wait', { phase: 'available', activity: { inCall: true } }, { action: 'wait', reason: 'call-in-progress' }],
  [
    'update found while taking calls: downloading does not restart anything',
    { phase: 'available', activity: { takingCalls: true } },
    { action: 'download' },
  ],
  ['downloading', { phase: 'downloading', activity: { inCall: true } }, { action: 'wait', reason: 'in-progress' }],
  // When to install: only when idle
  ['downloaded, quiet, not taking calls', { phase: 'downloaded' }, { action: 'install' }],
  ['downloaded, on a call', { phase: 'downloaded', activity: { inCall: true } }, { action: 'wait', reason: 'call-in-progress' }],
  ['downloaded, wrap-up open', { phase: 'downloaded', activity: { wrappingUp: true } }, { action: 'wait', reason: 'wrap-up-open' }],
  [
    'downloaded, a call ended a minute ago',
    { phase: 'downloaded', activity: { busyUntil: NOW - 60_000 } },
    { action: 'wait', reason: 'desk-recently-busy' },
  ],
  [
    'downloaded, quiet for the full interval',
    { phase: 'downloaded', activity: { busyUntil: NOW - INSTALL_QUIET_MS } },
    { action: 'install' },
  ],
  [
    'downloaded, agent Available (a restart would miss a reservation)',
    { phase: 'downloaded', activity: { takingCalls: true } },
    { action: 'wait', reason: 'taking-calls' },
  ],
  [
    'downloaded, agent Available, the app quits',
    { phase: 'downloaded', activity: { takingCalls: true, busyUntil: NOW - 1000 }, quitting: true },
    { action: 'install' },
  ],
  [
    'downloaded, the app quits during a call',
    { phase: 'downloaded', activity: { inCall: true }, quitting: true },
    { action: 'wait', reason: 'call-in-progress' },
  ],
];

describe('update policy', () => {
  it.each(CASES)('%s', (_name, facts, expected) => {
    expect(
      decideUpdate({ ...base, ...facts, settings: { ...base.settings, ...facts.settings }, activity: { ...QUIET, ...facts.activity } }),
    ).toEqual(expected);
  });

  it('never installs while a call is on, in any phase, channel or quitting state', () => {
    for (const phase of ['idle', 'checking', 'available', 'downloading', 'downloaded', 'failed'] as const)
      for (const quitting of [false, true])
        for (const takingCalls of [false, true]) {
          const decision = decideUpdate({ ...base, phase, quitting, activity: { ...QUIET, inCall: true, takingCalls } });
          expect(decision.action, `${phase} ${quitting} ${takingCalls}`).not.toBe('install');
          expect(decision.action).not.toBe('download');
        }
  });

  it('reads the desk snapshot: ringing and active are calls, an ended call without a saved wrap-up is a wrap-up', () => {
    const call = (phase: string, savedAt?: number) => ({ phase, wrapUp: savedAt ? { savedAt } : undefined }) as never;
    const demo = { mode: 'demo' as const, telephony: { mode: 'demo' as const, connected: true } };
    expect(deskActivity({ ...demo, activeCall: call('ringing') })).toMatchObject({ inCall: true, wrappingUp: false });
    expect(deskActivity({ ...demo, activeCall: call('active') })).toMatchObject({ inCall: true });
    expect(deskActivity({ ...demo, activeCall: call('ended') })).toMatchObject({ inCall: false, wrappingUp: true });
    expect(deskActivity({ ...demo, activeCall: call('ended', 5) })).toMatchObject({ inCall: false, wrappingUp: false });
    expect(deskActivity({ ...demo, activeCall: null })).toEqual({
      inCall: false,
      wrappingUp: false,
      takingCalls: false,
      busyUntil: undefined,
    });
    const live = { mode: 'live' as const, telephony: { mode: 'twilio' as const, connected: true, availability: 'Available' as const } };
    expect(deskActivity({ ...live, activeCall: null }).takingCalls).toBe(true);
  });
});

describe('update coordinator', () => {
  function setup() {
    let now = NOW;
    const calls: string[] = [];
    let finishDownload: () => void = () => undefined;
    const updater: Updater = {
      check: async (feed) => {
        calls.push(`check ${feed.provider} ${feed.channel}`);
        return { available: true, version: '0.2.0' };
      },
      download: () => {
        calls.push('download');
        return new Promise<void>((resolve) => (finishDownload = resolve));
      },
      install: () => calls.push('install'),
    };
    const coordinator = new UpdateCoordinator({ updater, packaged: true, builtInFeed: true, now: () => now });
    const settings = { ...DEFAULT_SETTINGS };
    const idle = { mode: 'demo' as const, telephony: { mode: 'demo' as const, connected: true }, activeCall: null };
    const onCall = { ...idle, activeCall: { phase: 'active' } as never };
    return {
      coordinator,
      calls,
      tick: (snapshot: typeof idle = idle) => coordinator.tick({ settings, lockedKeys: [], snapshot }).action,
      advance: (ms: number) => (now += ms),
      finishDownload: () => finishDownload(),
      onCall,
      idle,
    };
  }

  it('checks, downloads when quiet, and installs only once the call is over and the desk has been quiet', async () => {
    const desk = setup();
    expect(desk.tick()).toBe('check');
    await Promise.resolve();
    expect(desk.coordinator.state).toMatchObject({ phase: 'available', version: '0.2.0' });
    expect(desk.tick(desk.onCall)).toBe('wait');
    expect(desk.tick()).toBe('download');
    desk.finishDownload();
    await new Promise((resolve) => setImmediate(resolve));
    expect(desk.coordinator.state.phase).toBe('downloaded');
    desk.advance(60_000);
    expect(desk.tick(desk.onCall)).toBe('wait');
    desk.advance(60_000);
    expect(desk.tick()).toBe('wait');
    desk.advance(INSTALL_QUIET_MS);
    expect(desk.tick()).toBe('install');
    expect(desk.calls).toEqual(['check built-in latest', 'download', 'install']);
  });

  it('at quit, lets the update install unless a call is on', async () => {
    const desk = setup();
    desk.tick();
    await Promise.resolve();
    desk.tick();
    desk.finishDownload();
    await new Promise((resolve) => setImmediate(resolve));
    const context = { settings: DEFAULT_SETTINGS, lockedKeys: [] };
    expect(desk.coordinator.mayInstallOnQuit({ ...context, snapshot: desk.onCall })).toBe(false);
    expect(desk.coordinator.mayInstallOnQuit({ ...context, snapshot: desk.idle })).toBe(true);
    expect(
      desk.coordinator.mayInstallOnQuit({
        settings: { ...DEFAULT_SETTINGS, updatesEnabled: false },
        lockedKeys: ['updatesEnabled'],
        snapshot: desk.idle,
      }),
    ).toBe(false);
  });
});
