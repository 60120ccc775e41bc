/**
 * The transcript, virtualised so a 10 000-turn call scrolls like a 10-turn one. It follows new turns
 * only while the agent is already at the bottom; scrolling up to re-read is never yanked away.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef } from 'react';
import type { AssistState, TranscriptTurn } from '../../../../shared/callState';
import { FACT_LABELS, type FactName } from '../../../../shared/facts';
import { formatCallClock } from '../../displayFormat';
import { ClampedText } from '../ClampedText';

const AT_END_PX = 48;

interface TranscriptPaneProps {
  turns: readonly TranscriptTurn[];
  assist?: AssistState;
  loading?: boolean;
  emptyText: string;
}

export function TranscriptPane({ turns, assist, loading, emptyText }: TranscriptPaneProps) {
  const scroller = useRef<HTMLDivElement>(null);
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
  const repeats = useMemo(() => groupRepeats(assist), [assist]);
  const injections = useMemo(() => new Set(assist?.injectionTurns ?? []), [assist]);
  const origin = turns[0]?.atMs ?? 0;
  const items = virtualizer.getVirtualItems();
  const behind = turns.length > 0 && !virtualizer.isAtEnd(AT_END_PX);

  return (
    <div className="transcript-frame">
      <div ref={scroller} className="transcript" data-testid="transcript" role="log" aria-label="Transcript" tabIndex={0} data-turns={turns.length}>
        {turns.length === 0 && <p className="transcript-empty muted">{loading ? 'Loading transcript…' : emptyText}</p>}
        <div className="transcript-sizer" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const turn = turns[item.index];
            if (!turn) return null;
            return (
              <div key={item.key} ref={virtualizer.measureElement} data-row={item.index} className="transcript-row" style={{ transform: `translateY(${item.start}px)` }}>
                <TurnItem turn={turn} clock={formatCallClock(turn.atMs, origin)} repeated={repeats.get(turn.index)} injection={injections.has(turn.index)} />
              </div>
            );
          })}
        </div>
      </div>
      {behind && (
        <button type="button" className="btn btn-small jump-latest" onClick={() => virtualizer.scrollToIndex(turns.length - 1, { align: 'end' })}>
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
}

function TurnItem({ turn, clock, repeated, injection }: TurnItemProps) {
  return (
    <article className={`turn turn-${turn.speaker}`} data-testid="turn" data-index={turn.index} data-speaker={turn.speaker}>
      <header className="turn-header">
        <span className="turn-speaker">{turn.speaker === 'agent' ? 'Agent' : 'Customer'}</span>
        <time className="turn-clock">{clock}</time>
        <span className="turn-number">turn {turn.index + 1}</span>
      </header>
      <ClampedText text={turn.text} block className="turn-text" />
      {(repeated || injection) && (
        <div className="turn-flags">
          {repeated?.map((name) => (
            <span key={name} className="flag flag-repeat" data-testid="repeat-flag">
              customer repeated: {FACT_LABELS[name]}
            </span>
          ))}
          {injection && (
            <span className="flag flag-injection" data-testid="injection-flag">
              ⚠ tries to instruct the assistant: nothing was done
            </span>
          )}
        </div>
      )}
    </article>
  );
}

function groupRepeats(assist: AssistState | undefined): Map<number, FactName[]> {
  const byTurn = new Map<number, FactName[]>();
  for (const { turnIndex, factName } of assist?.repeats ?? []) {
    const names = byTurn.get(turnIndex) ?? [];
    if (!names.includes(factName)) names.push(factName);
    byTurn.set(turnIndex, names);
  }
  return byTurn;
}
