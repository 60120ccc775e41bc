/**
 * Where keyboard focus goes after each action, so it never drops to <body>: one table of the screens
 * and their first useful place, a hook that moves focus there when the screen changes, and a hook that
 * gives focus back to where it was when a dialog closes.
 */
import { useEffect, useRef, useState } from 'react';

/** What the main area shows; the ringing card focuses its own Accept button. */
export type DeskScreenName = 'idle' | 'ringing' | 'call' | 'wrapUp' | 'history' | 'metrics';

const CONTROLS =
  'button:not(:disabled), [href], input:not(:disabled):not([type="hidden"]), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';

/**
 * Each screen's landing place, in order of preference. After Accept the agent types notes; after the
 * call ends, the wrap-up; a page starts at its first control; an idle desk says what it is.
 */
export const SCREEN_FOCUS: Record<DeskScreenName, readonly string[]> = {
  idle: ['[data-testid="idle"] h1'],
  ringing: [],
  call: ['#notes-text'],
  wrapUp: [`[data-testid="wrap-up"] :is(${CONTROLS})`],
  history: [`.history-view :is(${CONTROLS})`],
  metrics: [`[data-testid="metrics-view"] :is(${CONTROLS})`],
};

/** The notes of the call on screen (after verifying the caller, the agent goes back to writing). */
export function focusNotes(): void {
  document.querySelector<HTMLElement>(SCREEN_FOCUS.call[0]!)?.focus();
}

function findTarget(screen: DeskScreenName): HTMLElement | null {
  for (const selector of SCREEN_FOCUS[screen]) {
    const element = document.querySelector<HTMLElement>(selector);
    if (element) return element;
  }
  return null;
}

// The metrics page is a lazy chunk: its first control may take a moment to exist.
const WAIT_MS = 3_000;

/**
 * Moves focus to the screen's landing place whenever the screen changes (not at start-up), unless a
 * dialog is open: the dialog gives focus back itself when it closes.
 */
export function useScreenFocus(screen: DeskScreenName): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (SCREEN_FOCUS[screen].length === 0) return;
    const until = performance.now() + WAIT_MS;
    let frame = 0;
    const attempt = () => {
      if (document.querySelector('dialog[open]')) return;
      const target = findTarget(screen);
      if (target) {
        target.focus({ preventScroll: false });
        return;
      }
      if (performance.now() < until) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [screen]);
}

/**
 * For a dialog: remembers what had focus when it opened (read during the first render, before the
 * dialog takes focus) and gives focus back there when it closes, if that element is still on screen.
 */
export function useRestoreFocus(): void {
  const [opener] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  useEffect(
    () => () => {
      // After this commit: the dialog element is gone by then and cannot hold focus any more.
      requestAnimationFrame(() => {
        if (opener?.isConnected && !document.querySelector('dialog[open]')) opener.focus({ preventScroll: true });
      });
    },
    [opener],
  );
}
