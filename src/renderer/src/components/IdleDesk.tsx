import type { CallView, CallPhase } from '../../../shared/callSchemas';
import type { TelephonyStatusView } from '../../../shared/ipc/deskContract';
import { KeyHint } from './KeyHint';

const LAST_CALL_WORDS: Partial<Record<CallPhase, string>> = {
  declined: 'You declined the last call; it went back to the queue.',
  missed: 'The last call rang out before it was answered.',
  ended: 'The last call ended and is saved to history.',
};

/**
 * Between calls: say plainly that nothing is ringing, and what it takes for something to ring (a demo
 * call, or in live mode being connected and Available).
 */
export function IdleDesk({
  mode,
  telephony,
  lastCall,
}: {
  mode: 'demo' | 'live';
  telephony: TelephonyStatusView;
  lastCall: CallView | null;
}) {
  const lastWords = lastCall ? LAST_CALL_WORDS[lastCall.phase] : undefined;
  return (
    <section className="idle-desk" data-testid="idle">
      <h1 className="idle-title" tabIndex={-1}>
        No call right now
      </h1>
      <p className="idle-text">
        {mode === 'demo' ? (
          <>
            Ring a demo call to practise: <KeyHint action="ringDemo" />, or load a scenario file: <KeyHint action="loadScenario" />.
          </>
        ) : (
          liveWords(telephony)
        )}
      </p>
      {lastWords && <p className="muted">{lastWords}</p>}
    </section>
  );
}

function liveWords(telephony: TelephonyStatusView): string {
  if (!telephony.connected) return 'Calls cannot reach this desk until it is connected to TaskRouter (see the top bar).';
  if (telephony.availability && telephony.availability !== 'Available') {
    return `You are ${telephony.availability}: set Available in the top bar to receive escalated calls.`;
  }
  return 'The next escalated call will ring here, with the AI agent’s handoff package.';
}
