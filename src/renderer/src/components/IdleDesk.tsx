import type { CallView, CallPhase } from '../../../shared/callState';
import { KeyHint } from './KeyHint';

const LAST_CALL_WORDS: Partial<Record<CallPhase, string>> = {
  declined: 'You declined the last call; it went back to the queue.',
  missed: 'The last call rang out before it was answered.',
  ended: 'The last call ended and is saved to history.',
};

/** Between calls: say plainly that nothing is ringing, and how to make something ring in demo mode. */
export function IdleDesk({ mode, lastCall }: { mode: 'demo' | 'live'; lastCall: CallView | null }) {
  const lastWords = lastCall ? LAST_CALL_WORDS[lastCall.phase] : undefined;
  return (
    <section className="idle-desk" data-testid="idle">
      <h1 className="idle-title">No call right now</h1>
      <p className="idle-text">
        {mode === 'demo' ? (
          <>
            Ring a demo call to practise: <KeyHint action="ringDemo" />, or load a scenario file: <KeyHint action="loadScenario" />.
          </>
        ) : (
          'The next escalated call will ring here, with the AI agent’s handoff package.'
        )}
      </p>
      {lastWords && <p className="muted">{lastWords}</p>}
    </section>
  );
}
