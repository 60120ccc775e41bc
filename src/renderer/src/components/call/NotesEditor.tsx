import type { Ref } from 'react';
import { formatTimeOfDay } from '../../displayFormat';
import { KeyHint } from '../KeyHint';
import { MAX_NOTES_CHARS, type NotesAutosave, type NotesStatus } from '../../state/useNotesAutosave';

interface NotesEditorProps {
  notes: NotesAutosave;
  textareaRef: Ref<HTMLTextAreaElement>;
}

/** The agent's notes: saved by themselves, and the status line always says whether they are. */
export function NotesEditor({ notes, textareaRef }: NotesEditorProps) {
  return (
    <section className="notes" aria-labelledby="notes-heading">
      <div className="notes-header">
        <h2 id="notes-heading" className="panel-heading">
          <label htmlFor="notes-text">Notes</label> <KeyHint action="focusNotes" />
        </h2>
        <NotesStatusLine status={notes.status} onRetry={() => void notes.flush()} />
      </div>
      <textarea
        id="notes-text"
        ref={textareaRef}
        className="notes-text"
        data-testid="notes"
        dir="auto"
        spellCheck
        maxLength={MAX_NOTES_CHARS}
        value={notes.text}
        placeholder="What the customer needs, what you did, what is left…"
        onChange={(event) => notes.change(event.target.value)}
        onBlur={() => void notes.flush()}
      />
    </section>
  );
}

function NotesStatusLine({ status, onRetry }: { status: NotesStatus; onRetry(): void }) {
  switch (status.kind) {
    case 'idle':
      return (
        <p className="notes-status" data-testid="notes-status" data-state="idle">
          Saves automatically
        </p>
      );
    case 'unsaved':
    case 'saving':
      return (
        <p className="notes-status" data-testid="notes-status" data-state="saving" aria-live="polite">
          Saving…
        </p>
      );
    case 'saved':
      return (
        <p className="notes-status notes-saved" data-testid="notes-status" data-state="saved" aria-live="polite">
          Saved {formatTimeOfDay(status.at)}
          {status.masked ? (
            <span data-testid="notes-masked">
              {' '}
              · {status.masked === 1 ? 'a card number or code was' : `${status.masked} card numbers or codes were`} masked in your notes
            </span>
          ) : null}
        </p>
      );
    case 'failed':
      return (
        <p className="notes-status notes-failed" data-testid="notes-status" data-state="failed" role="alert">
          Not saved: {status.message}{' '}
          <button type="button" className="btn btn-small" onClick={onRetry}>
            Retry
          </button>
        </p>
      );
  }
}
