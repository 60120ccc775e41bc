import type { KeyboardEvent } from 'react';
import type { HistoryItem } from '../../../../shared/callSchemas';
import { formatDateTime } from '../../displayFormat';
import { triggerWordsOf } from '../../../../shared/triggers';
import { displayCase } from '../../../../shared/valueDisplay';
import { titleOfCall } from '../../state/packStore';
import { HAND_BACK_STATE_WORDS, taskWords } from '../handback/handBackWords';
import { ClampedText } from '../ClampedText';
import { dispositionWords } from '../wrapup/dispositionWords';
import { PACKAGE_STATUS_BADGE, PHASE_WORDS } from './historyLabels';

interface HistoryListProps {
  items: readonly HistoryItem[];
  selectedId: string | null;
  onOpen(callId: string): void;
}

/** Stored calls, newest first; a row opens with a click or Enter. */
export function HistoryList({ items, selectedId, onOpen }: HistoryListProps) {
  if (items.length === 0) {
    return (
      <p className="history-empty muted" data-testid="history" data-count={0}>
        No calls stored yet. Calls appear here once they end.
      </p>
    );
  }
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, callId: string) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen(callId);
    }
  };
  return (
    <table className="data-table history-table" data-testid="history" data-count={items.length}>
      <thead>
        <tr>
          <th scope="col">Time</th>
          <th scope="col">Caller</th>
          <th scope="col">Call</th>
          <th scope="col">Trigger</th>
          <th scope="col">Package</th>
          <th scope="col">Outcome</th>
          <th scope="col">Hand-back</th>
          <th scope="col" className="num">
            CSAT
          </th>
          <th scope="col" className="num">
            Turns
          </th>
          <th scope="col">Notes</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => {
          const badge = PACKAGE_STATUS_BADGE[item.packageStatus];
          return (
            <tr
              key={item.callId}
              className={item.callId === selectedId ? 'history-row history-row-selected' : 'history-row'}
              data-testid="history-row"
              data-call-id={item.callId}
              tabIndex={0}
              aria-label={`Open call with ${item.callerName ?? 'unknown caller'}`}
              onClick={() => onOpen(item.callId)}
              onKeyDown={(event) => onKeyDown(event, item.callId)}
            >
              <td className="nowrap">{formatDateTime(item.ringingAt)}</td>
              <td>
                {item.callerName ? (
                  <ClampedText text={displayCase(item.callerName)} limit={60} />
                ) : (
                  <span className="muted">Name not given</span>
                )}
              </td>
              <td>
                <ClampedText text={titleOfCall(item.title)} limit={200} />
              </td>
              <td>{item.triggerCode ? triggerWordsOf(item.triggerCode) : <span className="muted">—</span>}</td>
              <td>
                <span className={badge.className}>{badge.text}</span>
              </td>
              <td data-testid="history-outcome">
                {item.disposition ? dispositionWords(item.disposition) : PHASE_WORDS[item.phase]}
                {item.handoffMode && <span className="muted"> · {item.handoffMode}</span>}
                {item.interrupted && (
                  <span className="badge badge-warn" data-testid="history-interrupted">
                    {' '}
                    interrupted
                  </span>
                )}
              </td>
              <td data-testid="history-hand-back">
                {item.handBack ? (
                  `${taskWords(item.handBack.task)}: ${handBackStateWords(item.handBack.state)}`
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="num" data-testid="history-csat">
                {item.csat !== undefined ? `${item.csat}/5` : <span className="muted">—</span>}
              </td>
              <td className="num">{item.turnCount}</td>
              <td>{item.hasNotes ? 'Yes' : <span className="muted">—</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function handBackStateWords(state: string): string {
  return (HAND_BACK_STATE_WORDS as Record<string, string>)[state] ?? state;
}
