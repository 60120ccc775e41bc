/**
 * One item of the assist panel: focusable (Tab, or ↑/↓ inside the panel), with pin and dismiss
 * buttons when the item can be triaged. The panel's P and Delete keys press these same buttons.
 */
import type { ReactNode } from 'react';
import { keyHint } from '../../keyBindings';
import { CloseIcon, PinIcon } from './Icons';

export const ITEM_SELECTOR = '[data-assist-item]';

interface AssistItemProps {
  id: string;
  /** What the item is, in words, for its buttons' labels ("Pin: Repeat flag, Zip code, turn 6"). */
  name: string;
  className?: string;
  testId?: string;
  pinned?: boolean;
  stale?: boolean;
  onPin?(): void;
  onDismiss?(): void;
  children: ReactNode;
  /** A row under the item that may use its full width (actions). */
  footer?: ReactNode;
  data?: Record<`data-${string}`, string | number | boolean | undefined>;
}

export function AssistItem({
  id,
  name,
  className,
  testId,
  pinned = false,
  stale = false,
  onPin,
  onDismiss,
  children,
  footer,
  data,
}: AssistItemProps) {
  return (
    <li
      className={['assist-item', className ?? '', pinned ? 'assist-item-pinned' : '', stale ? 'assist-item-stale' : '']
        .filter(Boolean)
        .join(' ')}
      tabIndex={0}
      data-assist-item=""
      data-item-id={id}
      data-testid={testId}
      data-pinned={pinned}
      {...data}
    >
      <div className="assist-item-body">{children}</div>
      {(onPin || onDismiss) && (
        <div className="item-controls">
          {onPin && (
            <button
              type="button"
              className={`icon-btn ${pinned ? 'icon-btn-on' : ''}`}
              data-testid="item-pin"
              data-action="pin"
              aria-pressed={pinned}
              aria-label={`${pinned ? 'Unpin' : 'Pin'}: ${name}`}
              title={`${pinned ? 'Unpin' : 'Pin to the top'} (${keyHint('pinItem')})`}
              onClick={onPin}
            >
              <PinIcon filled={pinned} />
            </button>
          )}
          {onDismiss && (
            <button
              type="button"
              className="icon-btn"
              data-testid="item-dismiss"
              data-action="dismiss"
              aria-label={`Dismiss: ${name}`}
              title={`Dismiss for this call (${keyHint('dismissItem')})`}
              onClick={onDismiss}
            >
              <CloseIcon />
            </button>
          )}
        </div>
      )}
      {footer && <div className="assist-item-footer">{footer}</div>}
      {stale && <p className="item-stale-note">No longer offered by the assistant; kept because you pinned it.</p>}
    </li>
  );
}
