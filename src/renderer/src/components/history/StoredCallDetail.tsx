/**
 * One stored call: the package as it arrived, the transcript and the agent's notes, read-only; the
 * hand-back outcome; and the wrap-up, which stays editable after the call.
 */
import { useEffect, useState } from 'react';
import type { StoredCall } from '../../../../shared/callSchemas';
import { formatDateTime } from '../../displayFormat';
import { useDeskClient } from '../../state/deskClient';
import { titleOfCall } from '../../state/packStore';
import { ClampedText } from '../ClampedText';
import { packageMarks } from '../package/packageMarks';
import { PackageDetails } from '../package/PackageDetails';
import { Timings } from '../package/Timings';
import { TranscriptPane } from '../call/TranscriptPane';
import { HandBackStatusLine } from '../handback/HandBackStatusLine';
import { PiiMaskNote } from '../privacy/maskedSecrets';
import { WrapUpEditor } from '../wrapup/WrapUpEditor';
import { PHASE_WORDS } from './historyLabels';
import { isFinished } from '../../../../shared/callLifecycle';

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; stored: StoredCall };

/** Keyed by callId by its parent, so a new call starts again from "loading". */
export function StoredCallDetail({ callId, agentName }: { callId: string; agentName: string }) {
  const client = useDeskClient();
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void client.call('getStoredCall', { callId }).then((result) => {
      if (!cancelled)
        setLoaded(result.ok ? { status: 'ready', stored: result.value } : { status: 'failed', message: result.error.message });
    });
    return () => {
      cancelled = true;
    };
  }, [client, callId]);

  if (loaded.status === 'loading') return <p className="muted stored-loading">Opening the stored call…</p>;
  if (loaded.status === 'failed') return <p className="note note-error">This call could not be opened: {loaded.message}</p>;

  const { call, turns } = loaded.stored;
  const finished = isFinished(call.phase);
  const onWrapUpSaved = (view: StoredCall['call']) => setLoaded({ status: 'ready', stored: { call: view, turns } });
  return (
    <article className="stored-call" data-testid="stored-call" data-call-id={call.callId}>
      <header className="stored-header">
        <h2 className="stored-title">
          <ClampedText text={call.title ? titleOfCall(call.title) : 'Call'} limit={120} />
        </h2>
        <p className="stored-meta">
          {formatDateTime(call.ringingAt)} · {PHASE_WORDS[call.phase]} · {turns.length} turns
        </p>
        <Timings timings={call.timings} />
        {call.handBack && <HandBackStatusLine status={call.handBack} />}
      </header>
      <div className="call-columns">
        {/* A scrolling column with no control inside takes focus itself, so the keyboard can scroll it. */}
        <section className="call-column call-package" aria-label="Handoff package as received" tabIndex={0}>
          <PackageDetails intake={call.intake} agentName={agentName} variant="compact" marks={packageMarks(call.assist)} />
        </section>
        <section className="call-column call-transcript" aria-label="Transcript">
          <PiiMaskNote count={call.piiRedactions} />
          <TranscriptPane turns={turns} assist={call.assist} emptyText="Nothing was said on this call." />
        </section>
        <section className="call-column call-side" aria-label="Wrap-up and notes">
          {finished && <WrapUpEditor call={call} onSaved={onWrapUpSaved} />}
          <h3 id="stored-notes-heading" className="panel-heading">
            Notes
          </h3>
          {call.notes.trim() ? (
            <ClampedText text={call.notes} limit={4000} block className="stored-notes" testId="stored-notes" />
          ) : (
            <p className="muted">No notes were taken.</p>
          )}
        </section>
      </div>
    </article>
  );
}
