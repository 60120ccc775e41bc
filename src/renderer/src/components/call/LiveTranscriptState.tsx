/**
 * Live mode, around the transcript: above it, why there is none (no OpenAI key, a refused key, a stream
 * that died) or that it is still connecting; below it, the words each side is saying right now.
 */
import type { Speaker } from '../../../../shared/callScenario';
import type { TranscriptionStream } from '../../../../shared/callSchemas';
import type { InterimWords } from '../../state/useInterimWords';

const SPEAKER_WORDS: Record<Speaker, string> = { agent: 'You', customer: 'Customer' };

export function TranscriptStreamStatus({ streams }: { streams: readonly TranscriptionStream[] | undefined }) {
  const troubled = (streams ?? []).filter((stream) => stream.state === 'failed' || stream.state === 'connecting');
  if (troubled.length === 0) return null;
  return (
    <div className="transcript-stream-status" data-testid="transcript-stream-status">
      {troubled.map((stream) => (
        <p
          key={stream.speaker ?? 'call'}
          className={stream.state === 'failed' ? 'note note-warn' : 'note note-neutral'}
          role={stream.state === 'failed' ? 'alert' : 'status'}
          data-state={stream.state}
        >
          <strong>{stream.state === 'failed' ? 'No live transcript' : 'Live transcript connecting'}</strong>
          {stream.speaker ? ` (${SPEAKER_WORDS[stream.speaker].toLowerCase()})` : ''}: {stream.message}
        </p>
      ))}
    </div>
  );
}

export function InterimLines({ interim }: { interim: InterimWords }) {
  const speaking = (Object.entries(interim) as Array<[Speaker, string]>).filter(([, text]) => text);
  if (speaking.length === 0) return null;
  return (
    <div className="transcript-interim" aria-live="off" data-testid="transcript-interim">
      {speaking.map(([speaker, text]) => (
        <p key={speaker} data-speaker={speaker}>
          <span className="transcript-interim-speaker">{SPEAKER_WORDS[speaker]}:</span> {text}…
        </p>
      ))}
    </div>
  );
}
