/**
 * The review before a hand-back to the AI: the task (the assistant's candidate, or another from the
 * allow-list), whether it may go back and why, the facts that will be sent, the agent's notes and what
 * they already did. Nothing leaves until Confirm; the main process checks the rules again then.
 *
 * A modal <dialog>: the page behind is inert, Tab cycles inside, Esc cancels. There is no form, so
 * Enter only ever confirms from the Confirm button itself.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { HandBackAdvice } from '../../../../shared/callSchemas';
import { labelOfFact, usePack } from '../../state/packStore';
import { displayFactValue } from '../../../../shared/valueDisplay';
import type { HandBackConfirmation } from '../../../../shared/handBackDraft';
import { useRestoreFocus } from '../../deskFocus';
import { useDeskClient } from '../../state/deskClient';
import { useHandBackDraft } from '../../state/useHandBackDraft';
import { ClampedText } from '../ClampedText';
import { DoneByHumanList } from './DoneByHumanList';
import { taskWords } from './handBackWords';

const MAX_NOTES_CHARS = 20_000;
const FOCUSABLE = 'button:not(:disabled), select:not(:disabled), textarea:not(:disabled), input:not(:disabled), [tabindex="0"]';

export type HandBackChoice = Omit<HandBackConfirmation, 'callId'>;

interface HandBackDialogProps {
  callId: string;
  /** The assistant's advice, shown beside the desk's decision when it says more. */
  advice: HandBackAdvice | null;
  onConfirm(choice: HandBackChoice): void;
  onClose(): void;
}

export function HandBackDialog({ callId, advice, onConfirm, onClose }: HandBackDialogProps) {
  const client = useDeskClient();
  const pack = usePack();
  const dialog = useRef<HTMLDialogElement>(null);
  const notesField = useRef<HTMLTextAreaElement>(null);
  const { draft, checking, error, chooseTask } = useHandBackDraft(client, callId);
  const [picked, setPicked] = useState<string | null>(null);
  const [notes, setNotes] = useState<string | null>(null);
  const [done, setDone] = useState<string[] | null>(null);
  // Closing the review (Esc, Cancel) puts the agent back where they opened it from.
  useRestoreFocus();

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  // Once the first draft is in, start where the agent most often works: at the end of their notes.
  const ready = draft !== null;
  useEffect(() => {
    const field = notesField.current;
    if (!ready || !field) return;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
  }, [ready]);

  const pick = (task: string) => {
    setPicked(task);
    chooseTask(task);
  };
  const canConfirm = draft !== null && !checking && error === null && draft.allowed;
  const confirm = () => {
    if (!canConfirm) return;
    onConfirm({ task: draft.task, notes: notes ?? draft.notes, doneByHuman: done ?? draft.doneByHuman });
  };

  const options = draft ? (draft.allowList.includes(draft.task) ? draft.allowList : [draft.task, ...draft.allowList]) : [];
  const adviceSaysMore = advice && draft && !advice.allowed && advice.task === draft.task && advice.reason !== draft.reason;

  return (
    <dialog
      ref={dialog}
      className="hand-back-dialog"
      aria-labelledby="hand-back-heading"
      aria-describedby="hand-back-promise"
      data-testid="hand-back-dialog"
      onCancel={onClose}
      onKeyDown={trapTab}
    >
      <header className="hb-dialog-header">
        <h2 id="hand-back-heading">Hand back to the AI</h2>
        <p id="hand-back-promise" className="muted">
          Review what the AI voice agent will get. Nothing is sent until you confirm.
        </p>
      </header>
      {!draft ? (
        <p className={error ? 'note note-error' : 'muted'} role={error ? 'alert' : 'status'}>
          {error ? `The hand-back could not be prepared: ${error}` : 'Preparing the hand-back…'}
        </p>
      ) : (
        <div className="hb-dialog-body">
          <div className="hb-dialog-column">
            <div className="field">
              <label htmlFor="hand-back-task">Task</label>
              <select
                id="hand-back-task"
                data-testid="hand-back-task"
                value={picked ?? draft.task}
                onChange={(event) => pick(event.target.value)}
              >
                {options.map((task) => (
                  <option key={task} value={task}>
                    {taskWords(task)}
                    {optionNote(advice?.task === task, draft.allowList.includes(task))}
                  </option>
                ))}
              </select>
            </div>
            <div
              className={`hb-decision ${checking ? 'hb-decision-checking' : draft.allowed ? 'hb-decision-allowed' : 'hb-decision-refused'}`}
              data-testid="hand-back-decision"
              data-allowed={checking ? undefined : draft.allowed}
              data-task={checking ? undefined : draft.task}
              role="status"
            >
              {checking ? (
                <p className="hb-decision-title">Checking {taskWords(picked ?? draft.task)}…</p>
              ) : (
                <>
                  <p className="hb-decision-title">
                    <span aria-hidden="true">{draft.allowed ? '✓ ' : '✗ '}</span>
                    {draft.allowed ? 'Can go back to the AI' : 'Cannot go back to the AI'}
                  </p>
                  <p className="hb-decision-reason" data-testid="hand-back-reason">
                    {draft.reason}
                  </p>
                  {adviceSaysMore && <p className="hb-decision-advice">Assistant: {advice.reason}</p>}
                </>
              )}
              {error && <p className="hb-decision-reason">Could not check this task: {error}</p>}
            </div>
            <section aria-labelledby="hand-back-facts-heading">
              <h3 id="hand-back-facts-heading" className="hb-heading">
                Facts that will be sent <span className="muted">({draft.facts.length})</span>
              </h3>
              {draft.facts.length === 0 ? (
                <p className="muted">No facts were gathered; the AI gets only your notes.</p>
              ) : (
                <table className="data-table hb-facts" data-testid="hand-back-facts">
                  <tbody>
                    {draft.facts.map((fact) => (
                      <tr key={`${fact.name}:${fact.value}`} data-fact={fact.name}>
                        <th scope="row" className="fact-label">
                          {labelOfFact(fact.name)}
                        </th>
                        <td className="fact-value">
                          <ClampedText text={displayFactValue(pack, fact.name, fact.value)} limit={160} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </section>
          </div>
          <div className="hb-dialog-column">
            <div className="field">
              <label htmlFor="hand-back-notes">Your notes for the AI</label>
              <textarea
                id="hand-back-notes"
                ref={notesField}
                className="hb-notes"
                data-testid="hand-back-notes"
                dir="auto"
                spellCheck
                maxLength={MAX_NOTES_CHARS}
                value={notes ?? draft.notes}
                placeholder="Anything the AI should know to finish the task"
                onChange={(event) => setNotes(event.target.value)}
              />
            </div>
            <section aria-labelledby="hand-back-done-heading">
              <h3 id="hand-back-done-heading" className="hb-heading">
                What you already did
              </h3>
              <DoneByHumanList lines={done ?? draft.doneByHuman} onChange={setDone} />
            </section>
          </div>
        </div>
      )}
      <footer className="dialog-actions hb-dialog-actions">
        <button type="button" className="btn btn-primary" data-testid="hand-back-confirm" disabled={!canConfirm} onClick={confirm}>
          Confirm hand-back
        </button>
        <button type="button" className="btn" data-testid="hand-back-cancel" onClick={onClose}>
          Cancel <kbd className="key-hint">Esc</kbd>
        </button>
        {draft && !checking && !draft.allowed && <span className="hb-blocked">Pick another task, or keep the call.</span>}
      </footer>
    </dialog>
  );
}

function optionNote(suggested: boolean, onList: boolean): string {
  if (suggested) return onList ? ' (suggested)' : ' (suggested, not on the list)';
  return onList ? '' : ' (not on the list)';
}

/** Tab from the last control goes to the first, Shift+Tab from the first to the last: focus stays in. */
function trapTab(event: KeyboardEvent<HTMLDialogElement>): void {
  if (event.key !== 'Tab') return;
  const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((element) => element.offsetParent !== null);
  const first = focusable[0];
  const last = focusable.at(-1);
  if (!first || !last) return;
  if (event.shiftKey && document.activeElement === first) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && document.activeElement === last) {
    event.preventDefault();
    first.focus();
  }
}
