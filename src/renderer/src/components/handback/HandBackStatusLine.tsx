/**
 * Where a hand-back stands, on the call view and in a stored call: sending (spinner), delivered or
 * completed (green), failed (red, with Retry) or refused (red, with the reason).
 */
import type { HandBackStatus } from '../../../../shared/callSchemas';
import { formatTimeOfDay } from '../../displayFormat';
import { ClampedText } from '../ClampedText';
import { attemptsWords, HAND_BACK_STATE_WORDS, taskWords } from './handBackWords';

interface HandBackStatusLineProps {
  status: HandBackStatus;
  /** Offered after a failure or refusal while the call can still be handed back: reopens the review. */
  onRetry?(): void;
}

const TONE: Record<HandBackStatus['state'], string> = {
  sending: 'hb-status-sending',
  delivered: 'hb-status-ok',
  completed: 'hb-status-ok',
  failed: 'hb-status-bad',
  refused: 'hb-status-bad',
};

export function HandBackStatusLine({ status, onRetry }: HandBackStatusLineProps) {
  const attempts = attemptsWords(status.attempts);
  const bad = status.state === 'failed' || status.state === 'refused';
  const meta = [attempts, status.state === 'sending' ? '' : formatTimeOfDay(status.at)].filter(Boolean).join(' · ');
  return (
    <div
      className={`hb-status ${TONE[status.state]}`}
      data-testid="hand-back-status"
      data-state={status.state}
      role={bad ? 'alert' : 'status'}
    >
      {status.state === 'sending' ? <span className="spinner" aria-hidden="true" /> : <span aria-hidden="true">{bad ? '✗' : '✓'}</span>}
      <strong>{HAND_BACK_STATE_WORDS[status.state]}:</strong>
      <span className="hb-status-task">{taskWords(status.task)}</span>
      <span className="hb-status-detail">
        · <ClampedText text={status.detail} limit={200} />
      </span>
      {meta && <span className="hb-status-meta muted">{meta}</span>}
      {onRetry && bad && (
        <button type="button" className="btn btn-small" data-testid="hand-back-retry" onClick={onRetry}>
          {status.state === 'failed' ? 'Retry…' : 'Choose another task…'}
        </button>
      )}
    </div>
  );
}
