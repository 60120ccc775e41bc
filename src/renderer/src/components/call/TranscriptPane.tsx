/**
 * The transcript, virtualised so a 10 000-turn call scrolls like a 10-turn one. It follows new turns
 * only while the agent is already at the bottom; scrolling up to re-read is never yanked away.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useImperativeHandle, useMemo, useRef, useState, type Ref } from 'react';
import type { AssistState, TranscriptTurn } from '../../../../shared/callSchemas';
import type { FactName } from '../../../../shared/facts';
import { formatCallClock } from '../../displayFormat';
import { ClampedText } from '../ClampedText';
import { InjectionFlag, RepeatFlag } from '../assist/Flags';
import { markMaskedSecrets } from '../privacy/maskedSecrets';

const AT_END_PX = 48;
const HIGHLIGHT_MS = 2000;
const NO_REPEATS: AssistState['repeats'] = [];
const NO_TURNS: AssistState['injectionTurns'] = [];

/** Lets the assist panel's "show turn N" bring a turn into view. */
export interface TranscriptController {
  showTurn(turnIndex: number): void;
}

interface TranscriptPaneProps {
  turns: readonly TranscriptTurn[];
  assist?: AssistState;
  loading?: boolean;
  emptyText: string;
  controller?: Ref<TranscriptController>;
  /** Whether a screen reader reads each new turn aloud; off unless the agent asks (a call is many turns). */
  announce?: boolean;
}

export function TranscriptPane({ turns, assist, loading, emptyText, controller, announce = false }: TranscriptPaneProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [highlighted, setHighlighted] = useState<number | null>(null);
  // The React Compiler is not used in this build; the virtualiser's own re-render on scroll is what we rely on.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: turns.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 72,
    overscan: 8,
    getItemKey: (i) => turns[i]?.index ?? i,
    // The row's own data-index is the turn's index (for tests and links); the virtualiser's goes here.
    indexAttribute: 'data-row',
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: AT_END_PX,
  });
  // Both arrays keep their identity while unchanged (the call view shares them), so these run only on a new flag.
  const repeatList = assist?.repeats ?? NO_REPEATS;
  const injectionList = assist?.injectionTurns ?? NO_TURNS;
  const repeats = useMemo(() => groupRepeats(repeatList), [repeatList]);
  const injections = useMemo(() => new Set(injectionList), [injectionList]);
  const origin = turns[0]?.atMs ?? 0;
  const items = virtualizer.getVirtualItems();
  const behind = turns.length > 0 && !virtualizer.isAtEnd(AT_END_PX);

  useImperativeHandle(
    controller,
    () => ({
      showTurn(turnIndex: number) {
        const row = turns.findIndex((turn) => turn.index === turnIndex);
        if (row === -1) return;
        virtualizer.scrollToIndex(row, { align: 'center' });
        setHighlighted(turnIndex);
      },
    }),
    [turns, virtualizer],
  );
  useEffect(() => {
    if (highlighted === null) return;
    const timer = setTimeout(() => setHighlighted(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlighted]);

  return (
    <div className="transcript-frame">
      <div
        ref={scroller}
        className="transcript"
        data-testid="transcript"
        role="log"
        aria-live={announce ? 'polite' : 'off'}
        aria-label="Transcript"
        tabIndex={0}
        data-turns={turns.length}
      >
        {turns.length === 0 && <p className="transcript-empty muted">{loading ? 'Loading transcript…' : emptyText}</p>}
        <div className="transcript-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const turn = turns[item.index];
            if (!turn) return null;
            return (
              <div
                key={item.key}
                ref={virtualizer.measureElement}
                data-row={item.index}
                className="transcript-row"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <TurnItem
                  turn={turn}
                  clock={formatCallClock(turn.atMs, origin)}
                  repeated={repeats.get(turn.index)}
                  injection={injections.has(turn.index)}
                  highlighted={highlighted === turn.index}
                />
              </div>
            );
          })}
        </div>
      </div>
      {behind && (
        <button
          type="button"
          className="btn btn-small jump-latest"
          onClick={() => virtualizer.scrollToIndex(turns.length - 1, { align: 'end' })}
        >
          Jump to latest ↓
        </button>
      )}
    </div>
  );
}

interface TurnItemProps {
  turn: TranscriptTurn;
  clock: string;
  repeated: FactName[] | undefined;
  injection: boolean;
  highlighted: boolean;
}

/** Memoised: a new turn re-renders only itself, not the rows already on screen. */
const TurnItem = memo(function TurnItem({ turn, clock, repeated, injection, highlighted }: TurnItemProps) {
  const flagged = repeated !== undefined || injection;
  return (
    <article
      className={['turn', `turn-${turn.speaker}`, injection ? 'turn-injection' : '', highlighted ? 'turn-highlighted' : '']
        .filter(Boolean)
        .join(' ')}
      data-testid="turn"
      data-index={turn.index}
      data-speaker={turn.speaker}
      data-flagged={flagged}
    >
      <header className="turn-header">
        <span className="turn-speaker">{turn.speaker === 'agent' ? 'Agent' : 'Customer'}</span>
        <time className="turn-clock">{clock}</time>
        <span className="turn-number">turn {turn.index + 1}</span>
      </header>
      <ClampedText text={turn.text} block className="turn-text" format={markMaskedSecrets} />
      {flagged && (
        <div className="turn-flags">
          {repeated?.map((name) => (
            <RepeatFlag key={name} factName={name} turnIndex={turn.index} />
          ))}
          {injection && <InjectionFlag turnIndex={turn.index} />}
        </div>
      )}
    </article>
  );
});

function groupRepeats(repeats: AssistState['repeats']): Map<number, FactName[]> {
  const byTurn = new Map<number, FactName[]>();
  for (const { turnIndex, factName } of repeats) {
    const names = byTurn.get(turnIndex) ?? [];
    if (!names.includes(factName)) names.push(factName);
    byTurn.set(turnIndex, names);
  }
  return byTurn;
}
