/** The read-only lookups the assistant ran (orders, accounts), with what went in and what came back. */
import { memo } from 'react';
import type { LookupRecord } from '../../../../shared/callSchemas';
import type { AiAttempt } from '../../../../shared/handoffPackage';
import { packageAttemptFor } from '../../../../shared/packageLookups';
import { ClampedText } from '../ClampedText';
import { AssistItem } from './AssistItem';
import { turnWords } from './assistFlags';

const TOOL_WORDS: Record<LookupRecord['tool'], string> = {
  lookup_order: 'Order lookup',
  lookup_account: 'Account lookup',
  search_kb: 'Guideline search',
};

const STATUS: Record<LookupRecord['status'], { words: string; badge: string }> = {
  pending: { words: 'Looking up…', badge: 'badge-neutral' },
  ok: { words: 'Found', badge: 'badge-ok' },
  not_found: { words: 'Not found here', badge: 'badge-warn' },
  failed: { words: 'Failed', badge: 'badge-failed' },
};

interface LookupListProps {
  lookups: readonly LookupRecord[];
  /** What the AI itself looked up before the handoff (the package's attempts). */
  packageAttempts?: readonly AiAttempt[];
}

export const LookupList = memo(function LookupList({ lookups, packageAttempts = [] }: LookupListProps) {
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
              <p className="lookup-origin muted" data-testid="lookup-source">
                This desk&apos;s lookup, for{' '}
                {lookup.triggeredByTurn === undefined ? 'a value in the package' : `a value heard in ${turnWords(lookup.triggeredByTurn)}`}
              </p>
              <PackageAttempt lookup={lookup} attempt={packageAttemptFor(lookup, packageAttempts)} />
            </AssistItem>
          ))}
        </ul>
      )}
    </section>
  );
});

/** The AI's result for the same lookup, from the package; a disagreement with the desk's answer is said in words. */
function PackageAttempt({ lookup, attempt }: { lookup: LookupRecord; attempt: AiAttempt | undefined }) {
  if (!attempt || lookup.status === 'pending') return null;
  const deskFound = lookup.status === 'ok';
  const disagree = deskFound !== attempt.ok;
  return (
    <p
      className={disagree ? 'lookup-package lookup-package-disagrees' : 'lookup-package'}
      data-testid="lookup-package"
      data-disagrees={disagree}
    >
      <strong>{disagree ? 'The package says otherwise: ' : 'The package agrees: '}</strong>
      the AI&apos;s own {TOOL_WORDS[lookup.tool].toLowerCase()} {attempt.ok ? 'found' : 'did not find'} it
      {attempt.result.trim() && (
        <>
          {' '}
          (<ClampedText text={attempt.result} limit={200} />)
        </>
      )}
      .{disagree && ' Check before relying on either.'}
    </p>
  );
}
