/**
 * One to three things the agent could ask, say or do next, each with where it comes from. The agent
 * uses them by inserting them into the notes or copying them; the app never says or sends them.
 */
import { memo } from 'react';
import type { Suggestion } from '../../../../shared/callSchemas';
import { ariaShortcuts, type KeyAction } from '../../keyBindings';
import type { Arranged, ItemTriage } from '../../state/useItemTriage';
import { ClampedText } from '../ClampedText';
import { KeyHint } from '../KeyHint';
import { AssistItem } from './AssistItem';
import type { AssistSnapshot } from './assistSnapshot';

export const SHORTCUT_COUNT = 3;
const INSERT_KEYS: KeyAction[] = ['insertSuggestion1', 'insertSuggestion2', 'insertSuggestion3'];
const COPY_KEYS: KeyAction[] = ['copySuggestion1', 'copySuggestion2', 'copySuggestion3'];

const KIND_WORDS: Record<Suggestion['kind'], string> = { ask: 'Ask', say: 'Say', do: 'Do', caution: 'Caution' };
const KIND_ICONS: Record<Suggestion['kind'], string> = { ask: '?', say: '“', do: '→', caution: '⚠\uFE0E' };

export interface SuggestionFeedback {
  id: string;
  message: string;
  ok: boolean;
}

interface SuggestionListProps {
  arranged: readonly Arranged<Suggestion>[];
  total: number;
  feedback: SuggestionFeedback | null;
  triage: ItemTriage<AssistSnapshot>;
  onInsert(suggestion: Suggestion): void;
  onCopy(suggestion: Suggestion): void;
}

export const SuggestionList = memo(function SuggestionList({ arranged, total, feedback, triage, onInsert, onCopy }: SuggestionListProps) {
  return (
    <section className="assist-section" aria-labelledby="suggestions-heading">
      <h3 id="suggestions-heading" className="assist-heading">
        Suggestions {arranged.length > 0 && <span className="count">{arranged.length}</span>}
      </h3>
      {arranged.length === 0 ? (
        <p className="muted assist-empty">{total === 0 ? 'Nothing to suggest yet.' : 'All suggestions dismissed.'}</p>
      ) : (
        <ol className="assist-list">
          {arranged.map(({ id, item: suggestion, pinned, stale }, position) => {
            const insertKey = INSERT_KEYS[position];
            const copyKey = COPY_KEYS[position];
            const note = feedback?.id === suggestion.id ? feedback : null;
            return (
              <AssistItem
                key={id}
                id={id}
                name={`Suggestion ${position + 1}: ${suggestion.text}`}
                className={`suggestion suggestion-${suggestion.kind}`}
                testId="suggestion"
                pinned={pinned}
                stale={stale}
                onPin={() => triage.togglePin(id, { kind: 'suggestion', suggestion })}
                onDismiss={() => triage.dismiss(id)}
                data={{ 'data-kind': suggestion.kind, 'data-suggestion-id': suggestion.id }}
                footer={
                  <div className="suggestion-actions">
                    <p className="suggestion-source" data-testid="suggestion-source">
                      From <ClampedText text={suggestion.source} limit={160} />
                    </p>
                    {note && (
                      <span
                        className={`action-note ${note.ok ? 'action-note-ok' : 'action-note-bad'}`}
                        data-testid="suggestion-feedback"
                        role="status"
                      >
                        {note.message}
                      </span>
                    )}
                    <span className="suggestion-buttons">
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid="suggestion-insert"
                        title="Insert into the notes"
                        aria-keyshortcuts={insertKey ? ariaShortcuts(insertKey) : undefined}
                        onClick={() => onInsert(suggestion)}
                      >
                        Insert
                        <span className="visually-hidden">
                          {' '}
                          suggestion {position + 1} into the notes: {brief(suggestion.text)}
                        </span>{' '}
                        {insertKey && <KeyHint action={insertKey} />}
                      </button>
                      <button
                        type="button"
                        className="btn btn-small"
                        data-testid="suggestion-copy"
                        title="Copy to the clipboard"
                        aria-keyshortcuts={copyKey ? ariaShortcuts(copyKey) : undefined}
                        onClick={() => onCopy(suggestion)}
                      >
                        Copy
                        <span className="visually-hidden">
                          {' '}
                          suggestion {position + 1}: {brief(suggestion.text)}
                        </span>{' '}
                        {copyKey && <KeyHint action={copyKey} />}
                      </button>
                    </span>
                  </div>
                }
              >
                <p className="suggestion-line">
                  {position < SHORTCUT_COUNT && (
                    <span className="suggestion-number" aria-hidden="true">
                      {position + 1}
                    </span>
                  )}
                  <span className={`kind-badge kind-${suggestion.kind}`} data-testid="suggestion-kind">
                    <span aria-hidden="true">{KIND_ICONS[suggestion.kind]} </span>
                    {KIND_WORDS[suggestion.kind]}
                  </span>
                  <ClampedText text={suggestion.text} limit={320} className="suggestion-text" />
                </p>
              </AssistItem>
            );
          })}
        </ol>
      )}
    </section>
  );
});

/** A suggestion's opening words, enough for a button's name to say which one it acts on. */
function brief(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length <= 60 ? words : `${words.slice(0, 57).trimEnd()}…`;
}
