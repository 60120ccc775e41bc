/**
 * "What I already did", as the AI will read it: one line per step, each removable, and new lines added
 * with Enter in the field or the Add button (Enter here never confirms the hand-back).
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';

/** The hand-back/1 limits: at most 20 lines of 500 characters. */
export const MAX_DONE_LINES = 20;
const MAX_LINE_CHARS = 500;

interface DoneByHumanListProps {
  lines: readonly string[];
  onChange(lines: string[]): void;
}

export function DoneByHumanList({ lines, onChange }: DoneByHumanListProps) {
  const [draft, setDraft] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const inputId = useId();
  const full = lines.length >= MAX_DONE_LINES;

  const add = () => {
    const line = draft.trim();
    if (!line || full) return;
    onChange([...lines, line]);
    setDraft('');
  };
  const remove = (index: number) => {
    onChange(lines.filter((_, i) => i !== index));
    // Keep the keyboard in the list: on the next line's Remove, or the field when the list is empty.
    requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button');
      const next = buttons?.[Math.min(index, (buttons?.length ?? 1) - 1)];
      (next ?? input.current)?.focus();
    });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    add();
  };

  return (
    <div className="done-list-editor">
      {lines.length === 0 ? (
        <p className="muted done-empty">Nothing listed yet.</p>
      ) : (
        <ul className="done-list" ref={list} data-testid="hand-back-done">
          {lines.map((line, index) => (
            <li key={`${index}:${line}`} className="done-line" data-testid="hand-back-done-line">
              <span className="value">{line}</span>
              <button type="button" className="btn btn-small" aria-label={`Remove: ${line}`} onClick={() => remove(index)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="done-add">
        <label htmlFor={inputId} className="visually-hidden">
          Add a step you already did
        </label>
        <input
          id={inputId}
          ref={input}
          data-testid="hand-back-done-input"
          value={draft}
          maxLength={MAX_LINE_CHARS}
          disabled={full}
          placeholder={full ? 'The list is full (20 lines)' : 'Add a step you already did, then Enter'}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
        />
        <button type="button" className="btn btn-small" data-testid="hand-back-done-add" disabled={full || !draft.trim()} onClick={add}>
          Add
        </button>
      </div>
    </div>
  );
}
