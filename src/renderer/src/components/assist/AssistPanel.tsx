/**
 * Whisper mode's output for the agent, readable at a glance: the engine line, then hand-back advice
 * and flags (always in view, never scrolled away), then suggestions, guidelines, lookups and facts
 * heard. It only shows advice; the only thing it can change is the agent's own notes.
 *
 * callChanged arrives on every turn; the call view shares unchanged parts of the state between
 * updates, so each memoised section renders only when its own part changed.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AssistState, Suggestion } from '../../../../shared/callSchemas';
import type { IntakeResult } from '../../../../shared/handoffPackage';
import { keyHint, useKeyBindings, type KeyHandler } from '../../keyBindings';
import { copyText } from '../../state/clipboard';
import { useItemTriage } from '../../state/useItemTriage';
import { HeardFacts } from '../call/HeardFacts';
import { ITEM_SELECTOR } from './AssistItem';
import { assistFlags } from './assistFlags';
import type { AssistSnapshot } from './assistSnapshot';
import { EngineStatus } from './EngineStatus';
import { FlagList } from './FlagList';
import { GuidelineList } from './GuidelineList';
import { HandBackAdvice } from './HandBackAdvice';
import { LookupList } from './LookupList';
import type { AiAttempt } from '../../../../shared/handoffPackage';

const NO_ATTEMPTS: readonly AiAttempt[] = [];
import { SuggestionList, type SuggestionFeedback } from './SuggestionList';

const FEEDBACK_MS = 2500;

interface AssistPanelProps {
  callId: string;
  assist: AssistState;
  intake: IntakeResult;
  /** Appends a line to the notes; false when it could not (the notes are full). */
  onInsertNote(text: string): boolean;
  onShowTurn(turnIndex: number): void;
  /** Opens the hand-back review from the advice; absent when the call cannot be handed back now. */
  onReviewHandBack?(): void;
}

export const AssistPanel = memo(function AssistPanel({
  callId,
  assist,
  intake,
  onInsertNote,
  onShowTurn,
  onReviewHandBack,
}: AssistPanelProps) {
  const panel = useRef<HTMLElement>(null);
  const triage = useItemTriage<AssistSnapshot>(callId);
  const { facts, repeats, injectionTurns, injectionFields, suggestions } = assist;
  const flags = useMemo(
    () => assistFlags({ facts, repeats, injectionTurns, injectionFields }, intake),
    [facts, repeats, injectionTurns, injectionFields, intake],
  );
  const arrangedSuggestions = useMemo(
    () =>
      triage.arrange(
        suggestions,
        (suggestion) => `suggestion:${suggestion.id}`,
        (snapshot) => (snapshot.kind === 'suggestion' ? snapshot.suggestion : undefined),
      ),
    [triage, suggestions],
  );

  const [feedback, setFeedback] = useState<SuggestionFeedback | null>(null);
  useEffect(() => {
    if (!feedback) return;
    const timer = setTimeout(() => setFeedback(null), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [feedback]);

  const insert = useCallback(
    (suggestion: Suggestion) => {
      const ok = onInsertNote(suggestion.text);
      setFeedback({ id: suggestion.id, ok, message: ok ? 'Added to notes' : 'Notes are full: not added' });
    },
    [onInsertNote],
  );
  const copy = useCallback((suggestion: Suggestion) => {
    void copyText(suggestion.text).then((ok) => setFeedback({ id: suggestion.id, ok, message: ok ? 'Copied' : 'Copy failed' }));
  }, []);

  const byNumber = (position: number, act: (suggestion: Suggestion) => void): KeyHandler => {
    return () => {
      const entry = arrangedSuggestions[position];
      if (!entry) return false;
      act(entry.item);
    };
  };
  useKeyBindings({
    insertSuggestion1: byNumber(0, insert),
    insertSuggestion2: byNumber(1, insert),
    insertSuggestion3: byNumber(2, insert),
    copySuggestion1: byNumber(0, copy),
    copySuggestion2: byNumber(1, copy),
    copySuggestion3: byNumber(2, copy),
    // The first item (hand-back advice and flags come first), from where ↑/↓ move on.
    focusAssist: () => {
      const first = panel.current?.querySelector<HTMLElement>(ITEM_SELECTOR);
      if (!first) return false;
      first.focus();
    },
  });
  useKeyBindings(
    {
      nextItem: (event) => moveFocus(panel.current, event, 1),
      previousItem: (event) => moveFocus(panel.current, event, -1),
      pinItem: (event) => pressItemButton(panel.current, event, 'pin'),
      dismissItem: (event) => pressItemButton(panel.current, event, 'dismiss'),
    },
    panel,
  );

  return (
    <section ref={panel} className="assist" data-testid="assist-panel" aria-labelledby="assist-heading">
      <header className="assist-header">
        <h2 id="assist-heading" className="panel-heading">
          Assist
        </h2>
        <p className="assist-keys" aria-label="Keys in the assist panel">
          <span>
            <kbd>{keyHint('previousItem')}</kbd>
            <kbd>{keyHint('nextItem')}</kbd> move
          </span>
          <span>
            <kbd>{keyHint('pinItem')}</kbd> pin
          </span>
          <span>
            <kbd>{keyHint('dismissItem')}</kbd> dismiss
          </span>
          {triage.dismissedCount > 0 && (
            <button type="button" className="link-btn" data-testid="restore-dismissed" onClick={triage.restoreDismissed}>
              Restore {triage.dismissedCount} dismissed
            </button>
          )}
        </p>
        <EngineStatus status={assist.engine} />
      </header>
      <div className="assist-alerts">
        {assist.handBack && <HandBackAdvice advice={assist.handBack} onReview={onReviewHandBack} />}
        <FlagList flags={flags} triage={triage} onShowTurn={onShowTurn} />
      </div>
      <div className="assist-body">
        <SuggestionList
          arranged={arrangedSuggestions}
          total={suggestions.length}
          feedback={feedback}
          triage={triage}
          onInsert={insert}
          onCopy={copy}
        />
        <GuidelineList guidelines={assist.guidelines} triage={triage} />
        <LookupList lookups={assist.lookups} packageAttempts={intake.status === 'ok' ? intake.package.aiAttempts : NO_ATTEMPTS} />
        <HeardFacts facts={assist.facts} />
      </div>
    </section>
  );
});

function focusedItem(event: KeyboardEvent): HTMLElement | null {
  return event.target instanceof Element ? event.target.closest<HTMLElement>(ITEM_SELECTOR) : null;
}

/** ↑/↓ between the panel's items, from the item or any control inside it. */
function moveFocus(panel: HTMLElement | null, event: KeyboardEvent, step: 1 | -1): false | void {
  if (!panel) return false;
  // Expanded long text scrolls with the arrow keys; leave it that.
  if (event.target instanceof Element && event.target.closest('.value-expanded')) return false;
  const items = [...panel.querySelectorAll<HTMLElement>(ITEM_SELECTOR)];
  const current = focusedItem(event);
  const index = current ? items.indexOf(current) : -1;
  const next = items[index === -1 ? (step === 1 ? 0 : items.length - 1) : index + step];
  if (!next) return false;
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
}

/** P and Delete press the focused item's own button, so key and mouse do exactly the same thing. */
function pressItemButton(panel: HTMLElement | null, event: KeyboardEvent, action: 'pin' | 'dismiss'): false | void {
  const item = focusedItem(event);
  const button = item?.querySelector<HTMLButtonElement>(`:scope > .item-controls > [data-action="${action}"]`);
  if (!panel || !item || !button) return false;
  const id = item.dataset.itemId;
  // Keep the keyboard where it was: on the same item after a pin moves it, on a neighbour after a dismiss.
  const items = [...panel.querySelectorAll<HTMLElement>(ITEM_SELECTOR)];
  const neighbour = items[items.indexOf(item) + 1] ?? items[items.indexOf(item) - 1];
  const neighbourId = neighbour?.dataset.itemId;
  button.click();
  requestAnimationFrame(() => {
    const targetId = action === 'pin' ? id : neighbourId;
    const target = targetId ? panel.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(targetId)}"]`) : null;
    (target ?? panel.querySelector<HTMLElement>(ITEM_SELECTOR))?.focus();
  });
}
