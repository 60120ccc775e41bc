/** The read-only lookups the assistant ran (orders, accounts), with what went in and what came back. */
import { memo } from 'react';
import type { LookupRecord } from '../../../../shared/callState';
import { ClampedText } from '../ClampedText';
import { AssistItem } from './AssistItem';
import { turnWords } from './assistFlags';

const TOOL_WORDS: Record<LookupRecord['tool'], string> = { lookup_order: 'Order lookup', lookup_account: 'Account lookup', search_kb: 'Guideline search' };

const STATUS: Record<LookupRecord['status'], { words: string; badge: string }> = {
  pending: { words: 'Looking up…', badge: 'badge-neutral' },
  ok: { words: 'Found', badge: 'badge-ok' },
  not_found: { words: 'Not found', badge: 'badge-warn' },
  failed: { words: 'Failed', badge: 'badge-failed' },
};

export const LookupList = memo(function LookupList({ lookups }: { lookups: readonly LookupRecord[] }) {
  return (
    <section className="assist-section" aria-labelledby="lookups-heading">
      <h3 id="lookups-heading" className="assist-heading">
        Lookups <span className="heading-note">read-only</span>
      </h3>
      {lookups.length === 0 ? (
        <p className="muted assist-empty">No lookups yet.</p>
      ) : (
        <ul className="assist-list">
          {/* Newest first: the one the conversation just triggered is the one the agent is waiting for. */}
          {[...lookups].reverse().map((lookup) => (
            <AssistItem
              key={lookup.id}
              id={`lookup:${lookup.id}`}
              name={`${TOOL_WORDS[lookup.tool]}, ${STATUS[lookup.status].words}`}
              className={`lookup lookup-${lookup.status}`}
              testId="lookup"
              data={{ 'data-tool': lookup.tool, 'data-status': lookup.status }}
            >
              <p className="lookup-line">
                <span className="lookup-tool">{TOOL_WORDS[lookup.tool]}</span>
                <span className="lookup-input">
                  {Object.entries(lookup.input).map(([key, value]) => (
                    <span key={key} className="key-value-inline">
                      <span className="muted">
                        <ClampedText text={key} limit={40} />:
                      </span>{' '}
                      <ClampedText text={value} limit={120} className="value-strong" />
                    </span>
                  ))}
                </span>
                <span className={`badge ${STATUS[lookup.status].badge} lookup-status`} data-testid="lookup-status">
                  {lookup.status === 'pending' && <span className="spinner" aria-hidden="true" />}
                  {STATUS[lookup.status].words}
                </span>
              </p>
              {lookup.result !== undefined && (
                <p className="lookup-result" data-testid="lookup-result">
                  <ClampedText text={lookup.result} limit={400} />
                </p>
              )}
              <p className="lookup-origin muted">{lookup.triggeredByTurn === undefined ? 'From the package' : `Heard in ${turnWords(lookup.triggeredByTurn)}`}</p>
            </AssistItem>
          ))}
        </ul>
      )}
    </section>
  );
});
