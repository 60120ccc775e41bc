/**
 * Phone calls the desk could not tie to the reservation on screen: the agent takes the audio onto the
 * answered call or turns it away. The desk never guesses which customer is on the line.
 */
import type { DeskVoice } from '../../state/useDeskVoice';

export function UnmatchedVoiceCalls({ voice }: { voice: DeskVoice }) {
  const { unmatched } = voice.view;
  if (unmatched.length === 0) return null;
  return (
    <div className="unmatched-calls" role="alert" data-testid="unmatched-calls">
      {unmatched.map(({ record, reason, canTake }) => (
        <div key={record.callSid} className="unmatched-call" data-testid="unmatched-call" data-call-sid={record.callSid}>
          <p>
            <strong>Incoming phone call{record.from ? ` from ${record.from.replace(/^client:/, '')}` : ''}</strong> — {reason}{' '}
            {canTake ? 'Take it only if you know it is this customer.' : 'Accept a call on the desk first to take its audio.'}
          </p>
          <div className="unmatched-call-actions">
            <button
              type="button"
              className="btn"
              data-testid="unmatched-take"
              disabled={!canTake}
              onClick={() => voice.link.take(record.callSid)}
            >
              Take the audio
            </button>
            <button type="button" className="btn" data-testid="unmatched-turn-away" onClick={() => voice.link.turnAway(record.callSid)}>
              Turn away
            </button>
          </div>
        </div>
      ))}
    </div>
  );
}
