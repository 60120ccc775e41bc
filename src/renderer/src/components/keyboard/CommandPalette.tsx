/**
 * Ctrl/Cmd+K: every action with its key, filtered as the agent types; ↑/↓ move, Enter runs, Esc
 * closes. A modal dialog holding an ARIA combobox (the filter) that controls a listbox (the actions);
 * focus stays in the filter and the active option is announced through aria-activedescendant.
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { filterCommands, listCommands, unavailableWords, type Command } from '../../commandList';
import { useRestoreFocus } from '../../deskFocus';
import { actionAvailable, type KeyAction } from '../../keyBindings';

interface CommandPaletteProps {
  onRun(action: KeyAction): void;
  onClose(): void;
}

export function CommandPalette({ onRun, onClose }: CommandPaletteProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  useRestoreFocus();
  // What can run is read once, when the palette opens: the screen behind it does not change meanwhile.
  const [commands] = useState(() => listCommands(actionAvailable));
  const [query, setQuery] = useState('');
  const shown = useMemo(() => filterCommands(commands, query), [commands, query]);
  const [active, setActive] = useState(0);
  const [refused, setRefused] = useState<string | null>(null);
  const activeIndex = Math.min(active, Math.max(0, shown.length - 1));
  const activeCommand: Command | undefined = shown[activeIndex];

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  useEffect(() => {
    dialog.current?.querySelector(`#palette-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const run = (command: Command | undefined) => {
    if (!command) return;
    if (!command.available) {
      setRefused(`${command.label}: ${unavailableWords(command)}.`);
      return;
    }
    onRun(command.action);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = shown.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: activeIndex + 1,
      ArrowUp: activeIndex - 1,
      Home: 0,
      End: last,
      PageDown: activeIndex + 8,
      PageUp: activeIndex - 8,
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = moves[event.key]!;
      // ↑/↓ wrap round; Home/End/PageUp/PageDown stop at the ends.
      setActive(
        event.key === 'ArrowDown' && next > last ? 0 : event.key === 'ArrowUp' && next < 0 ? last : Math.max(0, Math.min(last, next)),
      );
      setRefused(null);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      run(activeCommand);
    }
  };

  return (
    <dialog ref={dialog} className="palette-dialog" aria-label="Command palette" data-testid="command-palette" onCancel={onClose}>
      <input
        className="palette-input"
        data-testid="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls="palette-options"
        aria-autocomplete="list"
        aria-activedescendant={activeCommand ? `palette-option-${activeIndex}` : undefined}
        aria-label="Type to find an action"
        placeholder="Type to find an action…"
        autoFocus
        autoComplete="off"
        spellCheck={false}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
          setRefused(null);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-options" className="palette-options" role="listbox" aria-label="Actions">
        {shown.map((command, index) => (
          <li
            key={command.action}
            id={`palette-option-${index}`}
            role="option"
            className={index === activeIndex ? 'palette-option palette-option-active' : 'palette-option'}
            data-testid="palette-option"
            data-action={command.action}
            aria-selected={index === activeIndex}
            aria-disabled={!command.available || undefined}
            // The mouse works too; focus stays in the filter.
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => run(command)}
          >
            <span className="palette-label">{command.label}</span>
            {!command.available && <span className="palette-unavailable"> · {unavailableWords(command)}</span>}
            <kbd className="palette-keys">{command.keys}</kbd>
          </li>
        ))}
      </ul>
      {shown.length === 0 && <p className="palette-empty">No action matches “{query}”.</p>}
      <p className="palette-status" role="status" data-testid="palette-status">
        {refused ?? `${shown.length} ${shown.length === 1 ? 'action' : 'actions'} · ↑ ↓ to move, Enter to run, Esc to close`}
      </p>
    </dialog>
  );
}
