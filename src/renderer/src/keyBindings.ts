/**
 * Every keyboard shortcut of the app, in one list. Components bind the actions that make sense while
 * they are on screen (useKeyBindings); buttons show the same list's hints, so the two cannot drift.
 */
import { useEffect, useRef } from 'react';
import { tinykeys } from 'tinykeys';

export const KEY_BINDINGS = {
  accept: { keys: ['a', 'Enter'], label: 'Accept the ringing call' },
  decline: { keys: ['d', 'Escape'], label: 'Decline the ringing call' },
  hangUp: { keys: ['$mod+Shift+h'], label: 'Hang up' },
  focusNotes: { keys: ['$mod+Shift+n'], label: 'Focus the notes' },
  ringDemo: { keys: ['$mod+Shift+r'], label: 'Ring a demo call' },
  loadScenario: { keys: ['$mod+o'], label: 'Load a scenario file' },
  toggleHistory: { keys: ['$mod+Shift+y'], label: 'Show or hide history' },
} as const satisfies Record<string, { keys: readonly string[]; label: string }>;

export type KeyAction = keyof typeof KEY_BINDINGS;
export type KeyHandlers = Partial<Record<KeyAction, () => void>>;

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const KEY_WORDS: Record<string, string> = { $mod: IS_MAC ? '⌘' : 'Ctrl', Shift: 'Shift', Escape: 'Esc', Enter: 'Enter' };

/** "$mod+Shift+h" → "Ctrl+Shift+H"; the hint printed on a button. */
export function keyHint(action: KeyAction): string {
  return KEY_BINDINGS[action].keys
    .map((combo) =>
      combo
        .split('+')
        .map((part) => KEY_WORDS[part] ?? part.toUpperCase())
        .join('+'),
    )
    .join(' / ');
}

/** The same shortcuts in aria-keyshortcuts syntax, for screen readers. */
export function ariaShortcuts(action: KeyAction): string {
  return KEY_BINDINGS[action].keys
    .map((combo) =>
      combo
        .split('+')
        .map((part) => (part === '$mod' ? (IS_MAC ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : part))
        .join('+'),
    )
    .join(' ');
}

const TEXT_FIELDS = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
const ACTIVATABLE = 'button, a[href], summary, [role="button"], input, select, textarea';

/**
 * Plain keys (a, d, Enter, Escape) belong to whatever has focus when that is a text field or an open
 * dialog, and Enter belongs to a focused button: the agent typing "a" in the notes never accepts a call.
 * Combinations with Ctrl/⌘/Alt always reach the app.
 */
function ignoreKey(event: KeyboardEvent): boolean {
  if (event.repeat || event.isComposing) return true;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return false;
  if (target.closest(TEXT_FIELDS) || target.closest('dialog[open]')) return true;
  return event.key === 'Enter' && target.closest(ACTIVATABLE) !== null;
}

/** Binds the given actions on window while the component is mounted; a missing handler leaves the key alone. */
export function useKeyBindings(handlers: KeyHandlers): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const map: Record<string, (event: KeyboardEvent) => void> = {};
    for (const action of Object.keys(handlers) as KeyAction[]) {
      for (const combo of KEY_BINDINGS[action].keys) {
        map[combo] = (event) => {
          const handler = current.current[action];
          if (!handler) return;
          event.preventDefault();
          handler();
        };
      }
    }
    return tinykeys(window, map, { ignore: ignoreKey });
    // Rebind only when the set of actions changes, not on every new handler closure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [Object.keys(handlers).sort().join(',')]);
}
