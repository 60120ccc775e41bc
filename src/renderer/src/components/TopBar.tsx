import { TelephonyControl } from './TelephonyControl';
import type { DeskSnapshot, TelephonyStatusView } from '../../../shared/ipc/deskContract';
import { ariaShortcuts } from '../keyBindings';
import { KeyHint, shortcutTitle } from './KeyHint';
import type { DeskVoice } from '../state/useDeskVoice';
import { PhoneLineBadge } from './voice/PhoneLineBadge';

const STORAGE_BADGES: Record<DeskSnapshot['storage']['protection'], { text: string; className: string }> = {
  'os-keychain': { text: 'Encrypted · OS keychain', className: 'badge badge-ok' },
  'key-file': { text: 'Encrypted · key file', className: 'badge badge-neutral' },
  none: { text: 'NOT ENCRYPTED', className: 'badge badge-alarm' },
};

interface TopBarProps {
  snapshot: DeskSnapshot;
  /** Live mode's phone line; null in demo mode. */
  voice: DeskVoice | null;
  telephony: TelephonyStatusView;
  onTelephonyStatus(status: TelephonyStatusView): void;
  /** The page shown instead of the desk, if any. */
  page: 'history' | 'metrics' | null;
  onRingDemo(): void;
  onLoadScenario(): void;
  onToggleHistory(): void;
  onToggleMetrics(): void;
  onOpenSettings(): void;
}

export function TopBar({
  snapshot,
  voice,
  telephony,
  onTelephonyStatus,
  page,
  onRingDemo,
  onLoadScenario,
  onToggleHistory,
  onToggleMetrics,
  onOpenSettings,
}: TopBarProps) {
  const storage = STORAGE_BADGES[snapshot.storage.protection];
  const historyOpen = page === 'history';
  const metricsOpen = page === 'metrics';
  return (
    <header className="top-bar">
      <div className="top-bar-brand">
        <span className="product-name">Whisper Desk</span>
        {snapshot.mode === 'demo' && (
          <span className="badge badge-demo" data-testid="demo-badge">
            Demo mode
          </span>
        )}
        <span
          className={snapshot.pack.origin === 'fallback' ? 'badge badge-warn' : 'badge'}
          data-testid="pack-badge"
          title={snapshot.pack.problem ?? `Domain pack ${snapshot.pack.id} ${snapshot.pack.version}`}
        >
          {snapshot.pack.name} {snapshot.pack.version}
          {snapshot.pack.origin === 'fallback' ? ' (configured pack refused)' : ''}
        </span>
        <span className={storage.className} data-testid="storage-badge" title={snapshot.storage.warning}>
          {storage.text}
        </span>
        {telephony.mode === 'twilio' && <TelephonyControl status={telephony} onStatus={onTelephonyStatus} />}
        {voice && <PhoneLineBadge voice={voice} />}
      </div>
      <nav className="top-bar-actions" aria-label="Desk actions">
        <button
          type="button"
          className="btn btn-quiet agent-name"
          onClick={onOpenSettings}
          data-testid="agent-name"
          title={shortcutTitle('Settings', 'openSettings')}
          aria-keyshortcuts={ariaShortcuts('openSettings')}
        >
          Agent: <strong>{snapshot.settings.agentName}</strong> <span aria-hidden="true">⚙</span>
        </button>
        {snapshot.mode === 'demo' && (
          <button
            type="button"
            className="btn"
            data-testid="ring-demo"
            onClick={onRingDemo}
            aria-keyshortcuts={ariaShortcuts('ringDemo')}
            title={shortcutTitle(`${snapshot.demoScenarioCount} demo scenarios installed`, 'ringDemo')}
          >
            Ring demo call <KeyHint action="ringDemo" />
          </button>
        )}
        {/* Scenario files ring through the demo simulator; a live desk takes its calls from TaskRouter only. */}
        {snapshot.mode === 'demo' && (
          <button
            type="button"
            className="btn"
            data-testid="load-scenario"
            onClick={onLoadScenario}
            aria-keyshortcuts={ariaShortcuts('loadScenario')}
            title={shortcutTitle('Load a call-scenario file', 'loadScenario')}
          >
            Load scenario… <KeyHint action="loadScenario" />
          </button>
        )}
        {/* Toggle buttons keep their label (the pressed state says the page is open), so the bar stays one line. */}
        <button
          type="button"
          className={historyOpen ? 'btn btn-pressed' : 'btn'}
          title={shortcutTitle(historyOpen ? 'Back to the desk' : 'Call history', 'toggleHistory')}
          data-testid="history-toggle"
          aria-pressed={historyOpen}
          onClick={onToggleHistory}
          aria-keyshortcuts={ariaShortcuts('toggleHistory')}
        >
          History <KeyHint action="toggleHistory" />
        </button>
        <button
          type="button"
          className={metricsOpen ? 'btn btn-pressed' : 'btn'}
          title={shortcutTitle(metricsOpen ? 'Back to the desk' : 'Handoff metrics', 'toggleMetrics')}
          data-testid="metrics-toggle"
          aria-pressed={metricsOpen}
          onClick={onToggleMetrics}
          aria-keyshortcuts={ariaShortcuts('toggleMetrics')}
        >
          Metrics <KeyHint action="toggleMetrics" />
        </button>
      </nav>
    </header>
  );
}

/** Unencrypted storage is a loud, permanent banner: call notes may hold account details. */
export function StorageWarning({ storage }: { storage: DeskSnapshot['storage'] }) {
  if (storage.protection !== 'none' && !storage.warning) return null;
  const loud = storage.protection === 'none';
  return (
    <div
      className={loud ? 'storage-warning storage-warning-loud' : 'storage-warning'}
      role={loud ? 'alert' : 'note'}
      data-testid="storage-warning"
    >
      <strong>{loud ? 'Call records are stored WITHOUT encryption.' : 'Storage notice.'}</strong>{' '}
      {storage.warning ?? 'Anyone with access to this computer can read saved calls and notes.'}
    </div>
  );
}
