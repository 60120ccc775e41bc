/**
 * Every keyboard shortcut of the app, in one list. Components bind the actions that make sense while
 * they are on screen (useKeyBindings); buttons show the same list's hints, so the two cannot drift.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { tinykeys } from 'tinykeys';

export const KEY_BINDINGS = {
  accept: { keys: ['a', 'Enter'], label: 'Accept the ringing call' },
  decline: { keys: ['d', 'Escape'], label: 'Decline the ringing call' },
  hangUp: { keys: ['$mod+Shift+h'], label: 'Hang up' },
  focusNotes: { keys: ['$mod+Shift+n'], label: 'Focus the notes' },
  ringDemo: { keys: ['$mod+Shift+r'], label: 'Ring a demo call' },
  loadScenario: { keys: ['$mod+o'], label: 'Load a scenario file' },
  toggleHistory: { keys: ['$mod+Shift+y'], label: 'Show or hide history' },
  toggleMetrics: { keys: ['$mod+Shift+m'], label: 'Show or hide the handoff metrics' },
  // The phone line (live mode).
  muteLine: { keys: ['$mod+Shift+u'], label: 'Mute or unmute your microphone' },
  holdLine: { keys: ['$mod+Shift+l'], label: 'Put the customer on hold or back' },
  focusKeypad: { keys: ['$mod+Shift+k'], label: 'Type keypad digits (DTMF)' },
  // Opens the review; nothing is sent until the agent presses Confirm in it.
  handBack: { keys: ['$mod+Shift+b'], label: 'Review a hand-back to the AI' },
  // The agent's own statement that the caller is verified (focuses the method, Enter confirms).
  verifyCaller: { keys: ['$mod+Shift+v'], label: 'State that the caller is verified' },
  // Suggestions: by their number on screen, from anywhere in the call (also while typing notes).
  // Digit codes, not characters: Alt and Shift change the character a digit key types.
  insertSuggestion1: { keys: ['Alt+Digit1'], label: 'Insert suggestion 1 into the notes' },
  insertSuggestion2: { keys: ['Alt+Digit2'], label: 'Insert suggestion 2 into the notes' },
  insertSuggestion3: { keys: ['Alt+Digit3'], label: 'Insert suggestion 3 into the notes' },
  copySuggestion1: { keys: ['Alt+Shift+Digit1'], label: 'Copy suggestion 1' },
  copySuggestion2: { keys: ['Alt+Shift+Digit2'], label: 'Copy suggestion 2' },
  copySuggestion3: { keys: ['Alt+Shift+Digit3'], label: 'Copy suggestion 3' },
  // The assist panel's items: these act on the focused item, so they are bound on the panel only.
  nextItem: { keys: ['ArrowDown'], label: 'Next assist item' },
  previousItem: { keys: ['ArrowUp'], label: 'Previous assist item' },
  pinItem: { keys: ['p'], label: 'Pin or unpin the focused item' },
  // Backspace too: it is the key labelled "delete" on a Mac keyboard.
  dismissItem: { keys: ['Delete', 'Backspace'], label: 'Dismiss the focused item' },
} as const satisfies Record<string, { keys: readonly string[]; label: string }>;

export type KeyAction = keyof typeof KEY_BINDINGS;
/** A handler that returns false did not use the key, which then keeps its default (scrolling, typing). */
export type KeyHandler = (event: KeyboardEvent) => void | false;
export type KeyHandlers = Partial<Record<KeyAction, KeyHandler>>;

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

const KEY_WORDS: Record<string, string> = {
  $mod: IS_MAC ? '⌘' : 'Ctrl',
  Alt: IS_MAC ? '⌥' : 'Alt',
  Shift: 'Shift',
  Escape: 'Esc',
  Enter: 'Enter',
  Delete: 'Del',
  Backspace: '⌫',
  ArrowDown: '↓',
  ArrowUp: '↑',
};

function keyWord(part: string): string {
  return KEY_WORDS[part] ?? /^Digit(\d)$/.exec(part)?.[1] ?? part.toUpperCase();
}

/** "$mod+Shift+h" → "Ctrl+Shift+H"; the hint printed on a button. */
export function keyHint(action: KeyAction): string {
  return KEY_BINDINGS[action].keys.map((combo) => combo.split('+').map(keyWord).join('+')).join(' / ');
}

/** The same shortcuts in aria-keyshortcuts syntax, for screen readers. */
export function ariaShortcuts(action: KeyAction): string {
  return KEY_BINDINGS[action].keys
    .map((combo) =>
      combo
        .split('+')
        .map((part) => (part === '$mod' ? (IS_MAC ? 'Meta' : 'Control') : part.length === 1 ? part.toUpperCase() : (/^Digit(\d)$/.exec(part)?.[1] ?? part)))
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

/**
 * Binds the given actions on window (or on `target`, for keys that belong to one region) while the
 * component is mounted; a missing handler leaves the key alone.
 */
export function useKeyBindings(handlers: KeyHandlers, target?: RefObject<HTMLElement | null>): void {
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
          if (handler && handler(event) !== false) event.preventDefault();
        };
      }
    }
    const element = target ? target.current : window;
    if (!element) return;
    return tinykeys(element, map, { ignore: ignoreKey });
    // Rebind only when the set of actions changes, not on every new handler closure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [Object.keys(handlers).sort().join(','), target]);
}
