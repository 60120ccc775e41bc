/** Which assistant is listening, small; loud (amber) only when OpenAI failed and the local one took over. */
import { memo } from 'react';
import type { AssistEngineStatus } from '../../../../shared/callSchemas';
import { ClampedText } from '../ClampedText';

const ENGINE_WORDS: Record<AssistEngineStatus['engine'], string> = { local: 'local', openai: 'OpenAI' };

export const EngineStatus = memo(function EngineStatus({ status }: { status: AssistEngineStatus }) {
  if (status.state === 'fallback') {
    return (
      <p
        className="engine-status engine-fallback"
        data-testid="engine-status"
        data-engine={status.engine}
        data-state={status.state}
        role="status"
      >
        <span aria-hidden="true">⚠&#xFE0E; </span>OpenAI unavailable — using the local assistant
        {status.message ? (
          <>
            : <ClampedText text={status.message} limit={160} />
          </>
        ) : null}
      </p>
    );
  }
  return (
    <p className="engine-status" data-testid="engine-status" data-engine={status.engine} data-state={status.state}>
      Assistant: {ENGINE_WORDS[status.engine]}
      {status.state === 'working' && (
        <span className="engine-working" role="status">
          <span className="spinner" aria-hidden="true" /> working…
        </span>
      )}
    </p>
  );
});
