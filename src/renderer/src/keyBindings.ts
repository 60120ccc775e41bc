/**
 * Every keyboard shortcut of the app, in one list. Components bind the actions that make sense while
 * they are on screen (useKeyBindings); buttons show the same list's hints, so the two cannot drift.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { tinykeys } from 'tinykeys';

/** Where a binding applies, for the shortcut overlay's groups and the palette's "when". */
export type KeyGroup = 'anywhere' | 'ringing' | 'call' | 'wrapUp' | 'line' | 'suggestions' | 'assist';

export const KEY_GROUP_WORDS: Record<KeyGroup, string> = {
  anywhere: 'Anywhere',
  ringing: 'A call is ringing',
  call: 'In a call',
  wrapUp: 'After the call (wrap-up)',
  line: 'The phone line (live calls)',
  suggestions: 'Suggestions',
  assist: 'Inside the assist panel',
};

interface KeyBinding {
  keys: readonly string[];
  label: string;
  group: KeyGroup;
  /** Bound on one region (the assist panel) and acting on its focused item: listed, but not run from the palette. */
  region?: true;
}

export const KEY_BINDINGS = {
  commandPalette: { keys: ['$mod+k'], label: 'Open the command palette', group: 'anywhere' },
  // "?" is Shift+/ on most layouts, so Shift may be held or not.
  shortcutOverlay: { keys: ['[Shift]+?'], label: 'Show the keyboard shortcuts', group: 'anywhere' },
  // Esc is everyone's "close" key: it never declines a call. Decline has its own key and button.
  accept: { keys: ['a', 'Enter'], label: 'Accept the ringing call', group: 'ringing' },
  decline: { keys: ['d'], label: 'Decline the ringing call', group: 'ringing' },
  hangUp: { keys: ['$mod+Shift+h'], label: 'Hang up', group: 'call' },
  focusNotes: { keys: ['$mod+Shift+n'], label: 'Focus the notes', group: 'call' },
  focusAssist: { keys: ['$mod+Shift+p'], label: 'Go to the assist panel', group: 'call' },
  // Opens the review; nothing is sent until the agent presses Confirm in it.
  handBack: { keys: ['$mod+Shift+b'], label: 'Review a hand-back to the AI', group: 'call' },
  // The agent's own statement that the caller is verified (focuses the method, Enter confirms).
  verifyCaller: { keys: ['$mod+Shift+v'], label: 'State that the caller is verified', group: 'call' },
  saveWrapUp: { keys: ['$mod+s'], label: 'Save the wrap-up', group: 'wrapUp' },
  finishCall: { keys: ['$mod+Shift+d'], label: 'Done: close the ended call', group: 'wrapUp' },
  ringDemo: { keys: ['$mod+Shift+r'], label: 'Ring a demo call', group: 'anywhere' },
  loadScenario: { keys: ['$mod+o'], label: 'Load a scenario file', group: 'anywhere' },
  toggleHistory: { keys: ['$mod+Shift+y'], label: 'Show or hide history', group: 'anywhere' },
  toggleMetrics: { keys: ['$mod+Shift+m'], label: 'Show or hide the handoff metrics', group: 'anywhere' },
  openSettings: { keys: ['$mod+,'], label: 'Open the settings', group: 'anywhere' },
  dismissNotice: { keys: ['$mod+Shift+x'], label: 'Dismiss the newest notice', group: 'anywhere' },
  // The phone line (live mode).
  muteLine: { keys: ['$mod+Shift+u'], label: 'Mute or unmute your microphone', group: 'line' },
  holdLine: { keys: ['$mod+Shift+l'], label: 'Put the customer on hold or back', group: 'line' },
  focusKeypad: { keys: ['$mod+Shift+k'], label: 'Type keypad digits (DTMF)', group: 'line' },
  // Suggestions: by their number on screen, from anywhere in the call (also while typing notes).
  // Digit codes, not characters: Alt and Shift change the character a digit key types.
  insertSuggestion1: { keys: ['Alt+Digit1'], label: 'Insert suggestion 1 into the notes', group: 'suggestions' },
  insertSuggestion2: { keys: ['Alt+Digit2'], label: 'Insert suggestion 2 into the notes', group: 'suggestions' },
  insertSuggestion3: { keys: ['Alt+Digit3'], label: 'Insert suggestion 3 into the notes', group: 'suggestions' },
  copySuggestion1: { keys: ['Alt+Shift+Digit1'], label: 'Copy suggestion 1', group: 'suggestions' },
  copySuggestion2: { keys: ['Alt+Shift+Digit2'], label: 'Copy suggestion 2', group: 'suggestions' },
  copySuggestion3: { keys: ['Alt+Shift+Digit3'], label: 'Copy suggestion 3', group: 'suggestions' },
  // The assist panel's items: these act on the focused item, so they are bound on the panel only.
  nextItem: { keys: ['ArrowDown'], label: 'Next assist item', group: 'assist', region: true },
  previousItem: { keys: ['ArrowUp'], label: 'Previous assist item', group: 'assist', region: true },
  pinItem: { keys: ['p'], label: 'Pin or unpin the focused item', group: 'assist', region: true },
  // Backspace too: it is the key labelled "delete" on a Mac keyboard.
  dismissItem: { keys: ['Delete', 'Backspace'], label: 'Dismiss the focused item', group: 'assist', region: true },
} as const satisfies Record<string, KeyBinding>;

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

/** Parts in brackets are optional modifiers ("[Shift]+?"): not printed, not required. */
function requiredParts(combo: string): string[] {
  return combo.split(/(?<=\w|\])\+/).filter((part) => !/^\[.*\]$/.test(part));
}

function keyWord(part: string): string {
  return KEY_WORDS[part] ?? /^Digit(\d)$/.exec(part)?.[1] ?? part.toUpperCase();
}

/** "$mod+Shift+h" → "Ctrl+Shift+H"; the hint printed on a button. */
export function keyHint(action: KeyAction): string {
  return KEY_BINDINGS[action].keys.map((combo) => requiredParts(combo).map(keyWord).join('+')).join(' / ');
}

/** The same shortcuts in aria-keyshortcuts syntax, for screen readers. */
export function ariaShortcuts(action: KeyAction): string {
  return KEY_BINDINGS[action].keys
    .map((combo) =>
      requiredParts(combo)
        .map((part) =>
          part === '$mod'
            ? IS_MAC
              ? 'Meta'
              : 'Control'
            : part.length === 1
              ? part.toUpperCase()
              : (/^Digit(\d)$/.exec(part)?.[1] ?? part),
        )
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
 * The window-wide handlers of the components on screen, latest mounted last, so the command palette
 * can run any action the keyboard could run right now (and say which it cannot).
 */
const windowHandlers = new Map<KeyAction, Set<{ current: KeyHandlers }>>();

function currentHandler(action: KeyAction): KeyHandler | undefined {
  const holders = [...(windowHandlers.get(action) ?? [])];
  for (let i = holders.length - 1; i >= 0; i -= 1) {
    const handler = holders[i]!.current[action];
    if (handler) return handler;
  }
  return undefined;
}

/** Whether pressing the action's key now would do something (a component on screen binds it). */
export function actionAvailable(action: KeyAction): boolean {
  return !('region' in KEY_BINDINGS[action]) && currentHandler(action) !== undefined;
}

/** Runs an action as its key would (the palette's Enter); false when nothing on screen can do it now. */
export function runAction(action: KeyAction): boolean {
  if (!actionAvailable(action)) return false;
  const [combo] = KEY_BINDINGS[action].keys;
  return currentHandler(action)?.(new KeyboardEvent('keydown', { key: combo })) !== false;
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
    const actions = Object.keys(handlers) as KeyAction[];
    const map: Record<string, (event: KeyboardEvent) => void> = {};
    for (const action of actions) {
      for (const combo of KEY_BINDINGS[action].keys) {
        map[combo] = (event) => {
          const handler = current.current[action];
          if (handler && handler(event) !== false) event.preventDefault();
        };
      }
    }
    const element = target ? target.current : window;
    if (!element) return;
    const unbind = tinykeys(element, map, { ignore: ignoreKey });
    if (target) return unbind;
    for (const action of actions) {
      const holders = windowHandlers.get(action) ?? new Set();
      holders.add(current);
      windowHandlers.set(action, holders);
    }
    return () => {
      unbind();
      for (const action of actions) windowHandlers.get(action)?.delete(current);
    };
    // Rebind only when the set of actions changes, not on every new handler closure.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [Object.keys(handlers).sort().join(','), target]);
}
