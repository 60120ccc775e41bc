import { keyHint, type KeyAction } from '../keyBindings';

/** The shortcut printed on a button, from the same list that binds it. */
export function KeyHint({ action }: { action: KeyAction }) {
  return (
    <kbd className="key-hint" aria-hidden="true">
      {keyHint(action)}
    </kbd>
  );
}

export function shortcutTitle(label: string, action: KeyAction): string {
  return `${label} (${keyHint(action)})`;
}
