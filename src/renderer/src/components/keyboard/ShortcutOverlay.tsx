/** "?": every keyboard shortcut, grouped by where it applies, from the same table that binds them. */
import { useEffect, useRef } from 'react';
import { shortcutGroups } from '../../commandList';
import { useRestoreFocus } from '../../deskFocus';

const GROUPS = shortcutGroups();

export function ShortcutOverlay({ onClose }: { onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useRestoreFocus();
  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);
  return (
    <dialog ref={dialog} className="shortcuts-dialog" aria-labelledby="shortcuts-heading" data-testid="shortcut-overlay" onCancel={onClose}>
      <header className="shortcuts-header">
        <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
        <button type="button" className="btn" onClick={onClose} autoFocus>
          Close <kbd className="key-hint">Esc</kbd>
        </button>
      </header>
      <div className="shortcuts-groups">
        {GROUPS.map(({ group, words, entries }) => (
          <section key={group} className="shortcuts-group" aria-labelledby={`shortcuts-${group}`}>
            <h3 id={`shortcuts-${group}`}>{words}</h3>
            <dl>
              {entries.map(({ action, label, keys }) => (
                <div key={action} className="shortcut-row" data-testid="shortcut-row" data-action={action}>
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{label}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </dialog>
  );
}
