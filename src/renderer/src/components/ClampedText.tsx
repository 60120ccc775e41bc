/**
 * Text that came from outside (the AI's package, the transcript) shown safely: as React text, isolated
 * for direction, invisible control characters removed, and clamped so a 100 KB field cannot bury the
 * screen or stall layout until the agent asks for all of it.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { stripUnsafeCharacters } from '../../../shared/text';
import { formatKb, utf8Bytes } from '../displayFormat';

export const CLAMP_CHARS = 600;

interface ClampedTextProps {
  text: string;
  limit?: number;
  className?: string;
  /** Block text keeps line breaks and is a div; inline text is a span. */
  block?: boolean;
  testId?: string;
  /** Marks parts of the shown text (e.g. masked secrets); gets the cleaned, possibly cut, text. */
  format?: (visible: string) => ReactNode;
}

export function ClampedText({ text, limit = CLAMP_CHARS, className, block = false, testId, format = plain }: ClampedTextProps) {
  const [expanded, setExpanded] = useState(false);
  const clean = useMemo(() => stripUnsafeCharacters(text), [text]);
  const long = clean.length > limit;
  const sizeLabel = useMemo(() => (long ? formatKb(utf8Bytes(clean)) : ''), [clean, long]);
  const classes = ['value', block ? 'value-block' : '', className ?? ''].filter(Boolean).join(' ');
  const Tag = block ? 'div' : 'span';

  return (
    <Tag className={classes} dir="auto" data-testid={testId}>
      {!long && format(clean)}
      {long && !expanded && (
        <>
          {format(cutAt(clean, limit))}
          <span aria-hidden="true">…</span>
        </>
      )}
      {/* Expanded text scrolls in its own box, so the toggle stays in reach below it. */}
      {long && expanded && (
        <span className="value-expanded" tabIndex={0}>
          {format(clean)}
        </span>
      )}
      {long && (
        <button
          type="button"
          className="clamp-toggle"
          dir="ltr"
          aria-expanded={expanded}
          onClick={(event) => {
            // The text may sit inside something clickable (a history row); the toggle is not a click on it.
            event.stopPropagation();
            setExpanded(!expanded);
          }}
        >
          {expanded ? 'Show less' : `Show all (${sizeLabel})`}
        </button>
      )}
    </Tag>
  );
}

function plain(text: string): ReactNode {
  return text;
}

/** Cuts at a character boundary: never leaves half of a surrogate pair at the end. */
function cutAt(text: string, limit: number): string {
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}
