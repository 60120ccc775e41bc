/**
 * The renderer's root: finds the bridge, loads the snapshot, and shows one of three screens (between
 * calls, ringing, on a call) or history. Everything else lives in the components it composes.
 */
import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { BridgeMissing, SnapshotFailed } from './components/StartupProblem';
import { CallScreen } from './components/call/CallScreen';
import { HistoryView } from './components/history/HistoryView';
import { IdleDesk } from './components/IdleDesk';
import { Notices } from './components/Notices';
import { RingAnnouncer } from './components/RingAnnouncer';
import { RingingCard } from './components/RingingCard';
import { ScenarioFileInput } from './components/ScenarioFileInput';
import { SettingsDialog } from './components/SettingsDialog';
import { StorageWarning, TopBar } from './components/TopBar';
import { runAction, useKeyBindings, type KeyAction } from './keyBindings';
import { useScreenFocus, type DeskScreenName } from './deskFocus';
import { CommandPalette } from './components/keyboard/CommandPalette';
import { ShortcutOverlay } from './components/keyboard/ShortcutOverlay';
import type { CallView } from '../../shared/callSchemas';
import type { DeskSnapshot } from '../../shared/ipc/deskContract';
import { createDeskClient, DeskClientContext, type DeskClient } from './state/deskClient';
import { useDeskState } from './state/useDeskState';
import { DeskVoiceContext, useDeskVoice } from './state/useDeskVoice';
import { useTelephonyStatus } from './state/useTelephonyStatus';
import { UnmatchedVoiceCalls } from './components/voice/UnmatchedVoiceCalls';
import { isRingingOrActive } from '../../shared/callLifecycle';

// The metrics page (Chart.js) is a chunk of its own: most of a shift never opens it.
const MetricsView = lazy(() => import('./components/metrics/MetricsView').then((module) => ({ default: module.MetricsView })));

export function App() {
  const bridge = window.whisperDesk;
  const client = useMemo(() => (bridge ? createDeskClient(bridge) : null), [bridge]);
  return (
    <>
      {client ? (
        <DeskClientContext.Provider value={client}>
          <Desk client={client} />
        </DeskClientContext.Provider>
      ) : (
        <BridgeMissing />
      )}
      <Notices />
    </>
  );
}

function Desk({ client }: { client: DeskClient }) {
  const desk = useDeskState(client);
  if (desk.load.status === 'loading') return <main className="startup-loading muted">Starting Whisper Desk…</main>;
  if (desk.load.status === 'failed') return <SnapshotFailed message={desk.load.message} onRetry={desk.retry} />;
  return (
    <DeskScreen
      client={client}
      snapshot={desk.load.snapshot}
      call={desk.call}
      applyCall={desk.applyCall}
      applySettings={desk.applySettings}
    />
  );
}

interface DeskScreenProps {
  client: DeskClient;
  snapshot: DeskSnapshot;
  call: CallView | null;
  applyCall: ReturnType<typeof useDeskState>['applyCall'];
  applySettings: ReturnType<typeof useDeskState>['applySettings'];
}

/** What the main area shows besides the desk itself: one of the two pages, or neither. */
type Page = 'history' | 'metrics' | null;

function DeskScreen({ client, snapshot, call, applyCall, applySettings }: DeskScreenProps) {
  const [page, setPage] = useState<Page>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [keyboardHelp, setKeyboardHelp] = useState<'palette' | 'shortcuts' | null>(null);
  // "Done" on an ended call returns to the idle desk without forgetting which call it was.
  const [dismissedCallId, setDismissedCallId] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const voice = useDeskVoice(client, snapshot, call);
  const [telephony, setTelephony] = useTelephonyStatus(client, snapshot.telephony);

  // A ringing call always wins over history: the package must be on screen before hello.
  // (Adjusted during render, React's pattern for state that follows a prop, rather than in an effect.)
  const ringingId = call?.phase === 'ringing' ? call.callId : null;
  const [seenRingingId, setSeenRingingId] = useState(ringingId);
  if (ringingId !== seenRingingId) {
    setSeenRingingId(ringingId);
    if (ringingId) setPage(null);
  }

  const onRinging = (view: CallView) => {
    applyCall(view);
    setPage(null);
  };
  const ringDemo = async () => {
    const result = await client.call('ringDemoCall', {});
    if (result.ok) onRinging(result.value);
  };
  const loadScenario = () => fileInput.current?.click();
  // The notification's click: the same request as the Accept button; focus then lands on the notes.
  const acceptFromNotification = async (callId: string) => {
    const result = await client.call('acceptCall', { callId });
    if (result.ok) applyCall(result.value);
  };
  // Leaving a wrap-up with unsaved changes for History or Metrics asks first, as Done does: the draft
  // would be lost and the call recorded as not wrapped up.
  const [wrapUpDirty, setWrapUpDirty] = useState(false);
  const [leavingFor, setLeavingFor] = useState<Exclude<Page, null> | null>(null);
  const goTo = (next: Page) => {
    if (next !== null && page === null && wrapUpDirty) setLeavingFor(next);
    else setPage(next);
  };
  const toggleHistory = () => goTo(page === 'history' ? null : 'history');
  const toggleMetrics = () => goTo(page === 'metrics' ? null : 'metrics');
  const demo = snapshot.mode === 'demo';
  useKeyBindings({
    ringDemo: demo ? () => void ringDemo() : undefined,
    loadScenario: demo ? loadScenario : undefined,
    toggleHistory,
    toggleMetrics,
    openSettings: () => setSettingsOpen(true),
    commandPalette: () => setKeyboardHelp((open) => (open === 'palette' ? null : 'palette')),
    shortcutOverlay: () => setKeyboardHelp('shortcuts'),
  });
  // The palette closes first and gives focus back, then the action runs as its key would have.
  const runFromPalette = (action: KeyAction) => {
    setKeyboardHelp(null);
    requestAnimationFrame(() => requestAnimationFrame(() => runAction(action)));
  };

  const agentName = snapshot.settings.agentName;
  const showCall = call && (isRingingOrActive(call.phase) || (call.phase === 'ended' && call.callId !== dismissedCallId));
  const screen: DeskScreenName =
    page ?? (!showCall ? 'idle' : call.phase === 'ringing' ? 'ringing' : call.phase === 'active' ? 'call' : 'wrapUp');
  useScreenFocus(screen);

  return (
    <DeskVoiceContext.Provider value={voice}>
      <div className="app">
        <TopBar
          snapshot={snapshot}
          voice={voice}
          telephony={telephony}
          onTelephonyStatus={setTelephony}
          page={page}
          onRingDemo={() => void ringDemo()}
          onLoadScenario={loadScenario}
          onToggleHistory={toggleHistory}
          onToggleMetrics={toggleMetrics}
          onOpenSettings={() => setSettingsOpen(true)}
        />
        <StorageWarning storage={snapshot.storage} />
        <ScenarioFileInput inputRef={fileInput} onRinging={onRinging} />
        {voice && <UnmatchedVoiceCalls voice={voice} />}
        <main className="app-main">
          {leavingFor && (
            <div className="leave-confirm" role="alert" data-testid="leave-page-confirm">
              <p>The wrap-up has changes you have not saved. Without saving, the call is recorded as not wrapped up.</p>
              <div className="leave-confirm-actions">
                <button type="button" className="btn btn-primary" autoFocus onClick={() => setLeavingFor(null)}>
                  Keep editing
                </button>
                <button
                  type="button"
                  className="btn"
                  data-testid="leave-page-discard"
                  onClick={() => {
                    setPage(leavingFor);
                    setLeavingFor(null);
                    setWrapUpDirty(false);
                  }}
                >
                  Leave without saving
                </button>
              </div>
            </div>
          )}
          {page === 'history' ? (
            <HistoryView agentName={agentName} />
          ) : page === 'metrics' ? (
            <Suspense fallback={<p className="muted page-loading">Loading the metrics…</p>}>
              <MetricsView />
            </Suspense>
          ) : !showCall ? (
            <IdleDesk mode={snapshot.mode} telephony={telephony} lastCall={call} />
          ) : call.phase === 'ringing' ? (
            <RingingCard key={call.callId} call={call} agentName={agentName} onCallView={applyCall} />
          ) : (
            <CallScreen
              key={call.callId}
              call={call}
              agentName={agentName}
              onCallView={applyCall}
              onDone={() => setDismissedCallId(call.callId)}
              onWrapUpDirtyChange={setWrapUpDirty}
            />
          )}
        </main>
        <RingAnnouncer
          call={call}
          volume={snapshot.settings.ringtoneVolume}
          outputDevice={snapshot.settings.ringtoneOutputDevice}
          onAccept={(callId) => void acceptFromNotification(callId)}
        />
        {settingsOpen && <SettingsDialog snapshot={snapshot} onSaved={applySettings} onClose={() => setSettingsOpen(false)} />}
        {keyboardHelp === 'palette' && <CommandPalette onRun={runFromPalette} onClose={() => setKeyboardHelp(null)} />}
        {keyboardHelp === 'shortcuts' && <ShortcutOverlay onClose={() => setKeyboardHelp(null)} />}
      </div>
    </DeskVoiceContext.Provider>
  );
}
