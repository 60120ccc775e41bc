/**
 * When the desk looks for, downloads and installs an update: a pure decision over plain facts, so that
 * the rule "an update never interrupts a call" is a table of cases (test/unit/core/updates). The
 * Electron shell only carries out the decision with electron-updater (src/main/electron/autoUpdate.ts).
 *
 * - Policy first: updates off (by IT or the agent), a development build, or no feed means nothing happens.
 * - Look (a small HTTPS request) and download only while no call is ringing, on, or waiting for its wrap-up:
 *   a download competes with the call's audio for the network.
 * - Install (which restarts the app) only after the desk has been quiet for a while and the agent is not
 *   taking calls (a restart while Available would miss a reservation), or when the app is quitting.
 */
import type { CallView } from '../../../shared/callSchemas';
import { isRingingOrActive } from '../../../shared/callLifecycle';
import type { DeskSnapshot } from '../../../shared/ipc/deskContract';
import type { Settings } from '../../../shared/settings';

export type UpdatePhase = 'idle' | 'checking' | 'available' | 'downloading' | 'downloaded' | 'failed';

export type UpdateSettings = Pick<Settings, 'updatesEnabled' | 'updateChannel' | 'updateServerUrl' | 'updateCheckHours'>;

/** What the desk is doing, as far as an update cares. */
export interface DeskActivity {
  /** A call is ringing or on. */
  inCall: boolean;
  /** A call ended and its wrap-up is not saved yet. */
  wrappingUp: boolean;
  /** Live mode and the agent is Available: reservations may ring at any moment. */
  takingCalls: boolean;
  /** When the desk last had a call or a wrap-up open (ms); undefined = not since start. */
  busyUntil?: number;
}

export interface UpdateFacts {
  settings: UpdateSettings;
  /** Keys IT locked: 'updatesEnabled' among them means the policy turned updates off. */
  lockedKeys: readonly string[];
  /** A packaged app (never a development run, which has nothing to update). */
  packaged: boolean;
  /** The app was built with a publish config (app-update.yml next to it). */
  builtInFeed: boolean;
  phase: UpdatePhase;
  /** When the last check started (ms). */
  lastCheckAt?: number;
  now: number;
  activity: DeskActivity;
  /** The app is quitting: the one moment a downloaded update installs whatever the availability. */
  quitting: boolean;
}

export type UpdateFeed =
  { provider: 'generic'; url: string; channel: Settings['updateChannel'] } | { provider: 'built-in'; channel: Settings['updateChannel'] };

export type UpdateDecision =
  | { action: 'check'; feed: UpdateFeed }
  | { action: 'download' }
  | { action: 'install' }
  | { action: 'wait'; reason: UpdateWaitReason }
  | { action: 'off'; reason: UpdateOffReason };

export type UpdateOffReason = 'disabled-by-policy' | 'disabled-by-agent' | 'development-build' | 'no-feed';
export type UpdateWaitReason = 'not-due' | 'in-progress' | 'call-in-progress' | 'wrap-up-open' | 'desk-recently-busy' | 'taking-calls';

/** The desk must have been quiet this long before a restart. */
export const INSTALL_QUIET_MS = 2 * 60_000;

export function updateFeed(settings: UpdateSettings, builtInFeed: boolean): UpdateFeed | undefined {
  if (settings.updateServerUrl) return { provider: 'generic', url: settings.updateServerUrl, channel: settings.updateChannel };
  return builtInFeed ? { provider: 'built-in', channel: settings.updateChannel } : undefined;
}

export function decideUpdate(facts: UpdateFacts): UpdateDecision {
  const { settings, activity } = facts;
  if (!settings.updatesEnabled)
    return { action: 'off', reason: facts.lockedKeys.includes('updatesEnabled') ? 'disabled-by-policy' : 'disabled-by-agent' };
  if (!facts.packaged) return { action: 'off', reason: 'development-build' };
  const feed = updateFeed(settings, facts.builtInFeed);
  if (!feed) return { action: 'off', reason: 'no-feed' };
  if (facts.phase === 'checking' || facts.phase === 'downloading') return { action: 'wait', reason: 'in-progress' };

  if (facts.phase === 'downloaded') {
    if (activity.inCall) return { action: 'wait', reason: 'call-in-progress' };
    if (activity.wrappingUp) return { action: 'wait', reason: 'wrap-up-open' };
    if (facts.quitting) return { action: 'install' };
    if (activity.busyUntil !== undefined && facts.now - activity.busyUntil < INSTALL_QUIET_MS)
      return { action: 'wait', reason: 'desk-recently-busy' };
    if (activity.takingCalls) return { action: 'wait', reason: 'taking-calls' };
    return { action: 'install' };
  }

  if (activity.inCall) return { action: 'wait', reason: 'call-in-progress' };
  if (activity.wrappingUp) return { action: 'wait', reason: 'wrap-up-open' };
  if (facts.phase === 'available') return { action: 'download' };
  const due = facts.lastCheckAt === undefined || facts.now - facts.lastCheckAt >= settings.updateCheckHours * 3_600_000;
  if (!due) return { action: 'wait', reason: 'not-due' };
  return { action: 'check', feed };
}

/** The desk's snapshot as update activity; `busyUntil` is kept by the caller across snapshots. */
export function deskActivity(snapshot: Pick<DeskSnapshot, 'activeCall' | 'telephony' | 'mode'>, busyUntil?: number): DeskActivity {
  const call: CallView | null = snapshot.activeCall;
  const inCall = isRingingOrActive(call?.phase);
  const wrappingUp = Boolean(call && !inCall && call.phase === 'ended' && !call.wrapUp?.savedAt);
  return { inCall, wrappingUp, takingCalls: snapshot.mode === 'live' && snapshot.telephony.availability === 'Available', busyUntil };
}
