/**
 * Notes that save themselves: ~400 ms after the agent stops typing, on blur, and before hang-up.
 * Saves run one at a time; whatever was typed meanwhile is saved by the next one.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskClient } from './deskClient';

const DEBOUNCE_MS = 400;
/** A save the store refused (disk full, a damaged page) is tried again after this long; the text stays in memory. */
const RETRY_MS = 3_000;
/** The contract's limit for saveNotes; the textarea enforces it for typing, appendLine for inserts. */
export const MAX_NOTES_CHARS = 200_000;

export type NotesStatus =
  | { kind: 'idle' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number; masked?: number }
  | { kind: 'failed'; message: string };

export interface NotesAutosave {
  text: string;
  status: NotesStatus;
  change(text: string): void;
  /** Adds a line at the end (an inserted suggestion), saved like typing; false when it would not fit. */
  appendLine(line: string): boolean;
  /** Saves now if anything is unsaved; resolves true when everything typed is saved. */
  flush(): Promise<boolean>;
}

export function useNotesAutosave(client: DeskClient, callId: string, initialText: string, initialSavedAt?: number): NotesAutosave {
  const [text, setText] = useState(initialText);
  const [status, setStatus] = useState<NotesStatus>(initialSavedAt ? { kind: 'saved', at: initialSavedAt } : { kind: 'idle' });
  const latest = useRef(initialText);
  const saved = useRef(initialText);
  const inFlight = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const flushRef = useRef<() => Promise<boolean>>(async () => true);

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current !== undefined) clearTimeout(timer.current);
    timer.current = undefined;
    while (inFlight.current) await inFlight.current;
    const value = latest.current;
    if (value === saved.current) return true;
    setStatus({ kind: 'saving' });
    let ok = false;
    const request = client.call('saveNotes', { callId, text: value }, { quiet: true }).then((result) => {
      if (result.ok) {
        const stored = result.value.text;
        saved.current = stored;
        ok = true;
        // The desk masked a card number or code in the notes: show what was kept, and say so.
        if (stored !== value && latest.current === value) {
          latest.current = stored;
          setText(stored);
        }
        setStatus(
          latest.current === stored ? { kind: 'saved', at: result.value.savedAt, masked: result.value.masked } : { kind: 'unsaved' },
        );
      } else {
        setStatus({ kind: 'failed', message: result.error.message });
        if (timer.current === undefined) timer.current = setTimeout(() => void flushRef.current(), RETRY_MS);
      }
    });
    inFlight.current = request;
    try {
      await request;
    } finally {
      inFlight.current = null;
    }
    return ok && latest.current === saved.current;
  }, [client, callId]);
  useEffect(() => {
    flushRef.current = flush;
  }, [flush]);

  const change = useCallback(
    (next: string) => {
      latest.current = next;
      setText(next);
      setStatus({ kind: 'unsaved' });
      if (timer.current !== undefined) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), DEBOUNCE_MS);
    },
    [flush],
  );

  const appendLine = useCallback(
    (line: string) => {
      const current = latest.current;
      const separator = current === '' || current.endsWith('\n') ? '' : '\n';
      const next = `${current}${separator}${line}`;
      if (next.length > MAX_NOTES_CHARS) return false;
      change(next);
      return true;
    },
    [change],
  );

  // Leaving the call view (another call rang, the view closed) must not drop the last keystrokes.
  useEffect(() => () => void flush(), [flush]);

  return { text, status, change, appendLine, flush };
}
