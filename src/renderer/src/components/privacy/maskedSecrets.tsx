/**
 * Secrets said on the call (card numbers, security codes, one-time codes, passwords) arrive already
 * replaced by a token such as "[card number removed]". These helpers make that token visible as a
 * mask, so the agent sees at a glance that something was said and removed, not what the customer said.
 */
import type { ReactNode } from 'react';
import { MASK_PATTERN } from '../../../../shared/piiMasks';

/** The text with each mask token wrapped in a styled <mark>; plain text when there is none. */
export function markMaskedSecrets(text: string): ReactNode {
  if (!text.includes(' removed]')) return text;
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of text.matchAll(MASK_PATTERN)) {
    const at = match.index;
    if (at > last) parts.push(text.slice(last, at));
    parts.push(
      <mark key={at} className="pii-mask" data-testid="pii-mask" title="Masked before it reached the screen, the store or any assistant">
        {match[0]}
      </mark>,
    );
    last = at + match[0].length;
  }
  if (parts.length === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/** "2 secrets masked in the transcript", shown wherever the transcript is; nothing when none were. */
export function PiiMaskNote({ count }: { count: number | undefined }) {
  if (!count) return null;
  return (
    <p
      className="pii-note"
      data-testid="pii-mask-count"
      data-count={count}
      role="note"
      title="Masked before the screen, the store or any assistant saw them"
    >
      <span className="pii-note-icon" aria-hidden="true">
        •••
      </span>
      {count} {count === 1 ? 'secret' : 'secrets'} masked in the transcript <span className="muted">(card numbers, codes, passwords)</span>
    </p>
  );
}
