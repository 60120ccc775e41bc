/** Whether the rest of the call could go back to the AI voice agent: advice only, in one line. */
import { memo } from 'react';
import type { HandBackAdvice as Advice } from '../../../../shared/callSchemas';
import { ariaShortcuts } from '../../keyBindings';
import { ClampedText } from '../ClampedText';
import { KeyHint } from '../KeyHint';
import { turnWords } from './assistFlags';

interface HandBackAdviceProps {
  advice: Advice;
  /** Opens the hand-back review; absent when the call cannot be handed back (ended, or already sent). */
  onReview?(): void;
}

export const HandBackAdvice = memo(function HandBackAdvice({ advice, onReview }: HandBackAdviceProps) {
  const task = taskWords(advice.task);
  return (
    <div
      className={`hand-back ${advice.allowed ? 'hand-back-allowed' : 'hand-back-refused'}`}
      data-testid="hand-back"
      data-allowed={advice.allowed}
      data-assist-item=""
      data-item-id="hand-back"
      tabIndex={0}
      role="status"
    >
      <p className="hand-back-title">
        <span className="hand-back-icon" aria-hidden="true">
          {advice.allowed ? '✓' : '✗'}
        </span>
        {advice.allowed ? (
          <>
            Hand-back candidate: <ClampedText text={task} limit={120} />
          </>
        ) : (
          <>
            Hand-back not allowed: <ClampedText text={advice.reason} limit={240} />
          </>
        )}
      </p>
      <p className="hand-back-detail">
        {advice.allowed ? <ClampedText text={advice.reason} limit={240} /> : <>Task: {task}</>} · asked in{' '}
        {turnWords(advice.requestedInTurn)}
      </p>
      {onReview && (
        <button
          type="button"
          className="btn btn-small hand-back-review"
          data-testid="hand-back-review"
          aria-keyshortcuts={ariaShortcuts('handBack')}
          onClick={onReview}
        >
          Review hand-back… <KeyHint action="handBack" />
        </button>
      )}
    </div>
  );
});

/** "send_return_label" → "send return label". */
function taskWords(task: string): string {
  return task.replace(/[_-]+/g, ' ').trim();
}
