/**
 * Live mode's Voice registration in the top bar: whether calls can reach this desk's phone line, and
 * why not (a refused token, an unreachable Twilio, a failed refresh), with a retry when it gave up.
 */
import type { DeskVoice } from '../../state/useDeskVoice';

export function PhoneLineBadge({ voice }: { voice: DeskVoice }) {
  const { status } = voice.view;
  const trouble = status.error?.message;
  const { text, className } = badgeOf(status.state, Boolean(trouble));
  return (
    <span className="phone-line-status" data-testid="phone-line-status" data-state={status.state}>
      <span
        className={className}
        title={trouble ?? (status.identity ? `Registered as ${status.identity}${status.edge ? ` via ${status.edge}` : ''}` : undefined)}
      >
        {text}
      </span>
      {trouble && status.state !== 'registering' && (
        <span className="phone-line-trouble" role="alert" data-testid="phone-line-trouble">
          {trouble}
        </span>
      )}
      {status.state === 'failed' && (
        <button type="button" className="btn btn-small" data-testid="phone-line-retry" onClick={voice.retry}>
          Retry
        </button>
      )}
    </span>
  );
}

function badgeOf(state: DeskVoice['view']['status']['state'], trouble: boolean): { text: string; className: string } {
  switch (state) {
    case 'registered':
      return trouble
        ? { text: 'Phone line ready · token trouble', className: 'badge badge-warn' }
        : { text: 'Phone line ready', className: 'badge badge-ok' };
    case 'reconnecting':
      return { text: 'Phone line reconnecting…', className: 'badge badge-warn' };
    case 'failed':
      return { text: 'Phone line down', className: 'badge badge-failed' };
    case 'stopped':
      return { text: 'Phone line off', className: 'badge badge-neutral' };
    default:
      return { text: 'Phone line connecting…', className: 'badge badge-neutral' };
  }
}
