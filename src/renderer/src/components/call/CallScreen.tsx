/**
 * The call in progress (or just ended): the package pinned on the left, the live transcript in the
 * centre, the assist panel and the notes on the right. Notes are saved before hang-up.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { CallView } from '../../../../shared/callSchemas';
import { displayCase } from '../../../../shared/valueDisplay';
import { ariaShortcuts, useKeyBindings } from '../../keyBindings';
import { useDeskClient } from '../../state/deskClient';
import { useHandBackReview } from '../../state/useHandBackReview';
import { useNotesAutosave } from '../../state/useNotesAutosave';
import { useTranscript } from '../../state/useTranscript';
import { useInterimWords } from '../../state/useInterimWords';
import { AssistPanel } from '../assist/AssistPanel';
import { ClampedText } from '../ClampedText';
import { HandBackDialog } from '../handback/HandBackDialog';
import { HandBackStatusLine } from '../handback/HandBackStatusLine';
import { KeyHint } from '../KeyHint';
import { packageMarks } from '../package/packageMarks';
import { PackageDetails } from '../package/PackageDetails';
import { Timings } from '../package/Timings';
import { PiiMaskNote } from '../privacy/maskedSecrets';
import { WrapUpEditor } from '../wrapup/WrapUpEditor';
import { useDeskVoiceContext } from '../../state/useDeskVoice';
import { PhoneLinePanel } from '../voice/PhoneLinePanel';
import { CallClock } from './CallClock';
import { CallerVerificationControl } from './CallerVerificationControl';
import { InterimLines, TranscriptStreamStatus } from './LiveTranscriptState';
import { NotesEditor } from './NotesEditor';
import { TranscriptPane, type TranscriptController } from './TranscriptPane';

interface CallScreenProps {
  call: CallView;
  agentName: string;
  onCallView(view: CallView): void;
  /** Whether the wrap-up has unsaved changes, for leaving the call by other ways than Done. */
  onWrapUpDirtyChange?(dirty: boolean): void;
  onDone(): void;
}

export function CallScreen({ call, agentName, onCallView, onDone, onWrapUpDirtyChange }: CallScreenProps) {
  const client = useDeskClient();
  const voice = useDeskVoiceContext();
  const line = voice?.view.lineCallId === call.callId ? voice.view.line : undefined;
  const transcript = useTranscript(client, call.callId);
  const interim = useInterimWords(client, call.callId);
  const notes = useNotesAutosave(client, call.callId, call.notes, call.notesSavedAt);
  const notesField = useRef<HTMLTextAreaElement>(null);
  const transcriptControl = useRef<TranscriptController>(null);
  const [hangingUp, setHangingUp] = useState(false);
  // Timings and turn numbers are for supervisors and debugging, not for the conversation: one toggle shows them.
  const [details, setDetails] = useState(false);
  // The transcript is a log a screen reader leaves quiet; the agent can ask for new turns to be read.
  const [announceTurns, setAnnounceTurns] = useState(false);
  const ended = call.phase !== 'active';
  const { facts, injectionFields } = call.assist;
  const marks = useMemo(() => packageMarks({ facts, injectionFields }), [facts, injectionFields]);
  const verified = call.verification !== undefined;
  const onCall = useMemo(() => ({ verified }), [verified]);

  const { appendLine } = notes;
  const insertNote = useCallback(
    (text: string) => {
      const added = appendLine(text);
      // Show the agent where it went: the end of the notes, without taking focus from where they are.
      if (added) requestAnimationFrame(() => notesField.current?.scrollTo({ top: notesField.current.scrollHeight }));
      return added;
    },
    [appendLine],
  );
  const showTurn = useCallback((turnIndex: number) => transcriptControl.current?.showTurn(turnIndex), []);

  const { change: changeNotes } = notes;
  const handBack = useHandBackReview(client, call, {
    beforeOpen: notes.flush,
    onNotesSent: (text) => {
      if (text !== notes.text) changeNotes(text);
    },
    onCallView,
  });
  // The assist panel is memoised: hand it one stable function that always opens with the latest state.
  const openReviewRef = useRef(handBack.openReview);
  useEffect(() => {
    openReviewRef.current = handBack.openReview;
  });
  const openHandBackReview = useCallback(() => openReviewRef.current(), []);

  const hangUp = async () => {
    if (ended || hangingUp) return;
    setHangingUp(true);
    // Save first: the customer is gone after this, and so is the moment the agent remembers what was said.
    await notes.flush();
    const result = await client.call('hangUp', { callId: call.callId });
    setHangingUp(false);
    if (result.ok) onCallView(result.value);
  };
  // Leaving a wrap-up with unsaved changes asks first: an unsaved wrap-up is recorded as "not wrapped up".
  const [wrapUpDirty, setWrapUpDirty] = useState(false);
  const [confirmLeave, setConfirmLeave] = useState(false);
  useEffect(() => {
    onWrapUpDirtyChange?.(wrapUpDirty);
  }, [wrapUpDirty, onWrapUpDirtyChange]);
  useEffect(() => () => onWrapUpDirtyChange?.(false), [onWrapUpDirtyChange]);
  const done = async (force = false) => {
    if (wrapUpDirty && !force) return setConfirmLeave(true);
    await notes.flush();
    onDone();
  };
  useKeyBindings({
    hangUp: ended ? undefined : () => void hangUp(),
    focusNotes: () => notesField.current?.focus(),
    handBack: ended ? undefined : openHandBackReview,
    finishCall: ended ? () => void done() : undefined,
  });

  return (
    <section
      className={details ? 'call-view call-view-details' : 'call-view'}
      data-testid="call-view"
      data-call-id={call.callId}
      data-phase={call.phase}
      aria-labelledby="call-heading"
    >
      <header className={`call-header ${ended ? 'call-header-ended' : ''}`}>
        <h1 id="call-heading" className="call-title">
          <ClampedText text={callerName(call)} limit={80} />
        </h1>
        {ended ? (
          <p className="call-status call-status-ended" data-testid="call-status" role="status">
            Call ended · saved to history
          </p>
        ) : (
          <p className="call-status call-status-live" data-testid="call-status">
            <span className="live-dot" aria-hidden="true" />
            On call {call.acceptedAt !== undefined && <CallClock since={call.acceptedAt} />}
          </p>
        )}
        <CallerVerificationControl call={call} onCallView={onCallView} />
        {voice && line && <PhoneLinePanel voice={voice} line={line} />}
        {handBack.status && <HandBackStatusLine status={handBack.status} onRetry={handBack.available ? openHandBackReview : undefined} />}
        <div className="call-actions">
          <button
            type="button"
            className="btn btn-quiet"
            data-testid="call-details-toggle"
            aria-pressed={details}
            aria-controls={`call-details-${call.callId}`}
            onClick={() => setDetails((shown) => !shown)}
          >
            Details
          </button>
          {!ended && (
            <button
              type="button"
              className="btn"
              data-testid="hand-back-open"
              disabled={!handBack.available}
              aria-keyshortcuts={ariaShortcuts('handBack')}
              onClick={openHandBackReview}
            >
              Hand back to AI… <KeyHint action="handBack" />
            </button>
          )}
          {ended ? (
            <button
              type="button"
              className="btn"
              data-testid="call-done"
              aria-keyshortcuts={ariaShortcuts('finishCall')}
              onClick={() => void done()}
            >
              Done <KeyHint action="finishCall" />
            </button>
          ) : (
            <button
              type="button"
              className="btn btn-hangup"
              data-testid="hang-up"
              disabled={hangingUp}
              aria-keyshortcuts={ariaShortcuts('hangUp')}
              onClick={() => void hangUp()}
            >
              {hangingUp ? 'Hanging up…' : 'Hang up'} <KeyHint action="hangUp" />
            </button>
          )}
        </div>
      </header>
      <div className="call-details" id={`call-details-${call.callId}`} data-testid="call-details" hidden={!details}>
        {details && <Timings timings={call.timings} />}
      </div>
      <div className="call-columns">
        {/* A scrolling column with no control inside takes focus itself, so the keyboard can scroll it. */}
        <aside className="call-column call-package" aria-labelledby={`call-package-heading-${call.callId}`} tabIndex={0}>
          {/* The caller's name is the page's h1; the package's sections sit under this heading. */}
          <h2 id={`call-package-heading-${call.callId}`} className="visually-hidden">
            Handoff package
          </h2>
          <PackageDetails intake={call.intake} agentName={agentName} variant="compact" marks={marks} onCall={onCall} />
        </aside>
        <section className="call-column call-transcript" aria-label="Live transcript">
          <PiiMaskNote count={call.piiRedactions} />
          {!ended && <TranscriptStreamStatus streams={call.transcription} />}
          <div className="transcript-tools">
            <button
              type="button"
              className="btn btn-quiet btn-small"
              data-testid="announce-turns"
              aria-pressed={announceTurns}
              onClick={() => setAnnounceTurns((on) => !on)}
            >
              Read new turns aloud
            </button>
          </div>
          <TranscriptPane
            turns={transcript.turns}
            assist={call.assist}
            loading={transcript.loading}
            emptyText={ended ? 'Nothing was said on this call.' : 'Waiting for the first words…'}
            controller={transcriptControl}
            announce={announceTurns}
          />
          {!ended && <InterimLines interim={interim} />}
        </section>
        <aside className={ended ? 'call-column call-side call-side-ended' : 'call-column call-side'} aria-label="Assist and notes">
          {ended && confirmLeave && wrapUpDirty && (
            <div className="leave-confirm" role="alert" data-testid="leave-confirm">
              <p>The wrap-up has changes you have not saved. Without saving, the call is recorded as not wrapped up.</p>
              <div className="leave-confirm-actions">
                <button type="button" className="btn btn-primary" autoFocus onClick={() => setConfirmLeave(false)}>
                  Keep editing
                </button>
                <button type="button" className="btn" data-testid="leave-discard" onClick={() => void done(true)}>
                  Leave without saving
                </button>
              </div>
            </div>
          )}
          {ended && <WrapUpEditor call={call} onSaved={onCallView} onDirtyChange={setWrapUpDirty} />}
          {/* After the call the agent's own work comes first: wrap-up and notes, then what the assistant said. */}
          {ended && <NotesEditor notes={notes} textareaRef={notesField} />}
          <AssistPanel
            callId={call.callId}
            assist={call.assist}
            intake={call.intake}
            onInsertNote={insertNote}
            onShowTurn={showTurn}
            onReviewHandBack={handBack.available ? openHandBackReview : undefined}
          />
          {!ended && <NotesEditor notes={notes} textareaRef={notesField} />}
        </aside>
      </div>
      {handBack.open && (
        <HandBackDialog callId={call.callId} advice={call.assist.handBack} onConfirm={handBack.confirm} onClose={handBack.close} />
      )}
    </section>
  );
}

function callerName(call: CallView): string {
  // The name the call established (heard or confirmed), else the package's, written as a name.
  const heard = call.assist.facts.find((fact) => fact.name === 'customer_name')?.value.trim();
  if (heard) return displayCase(heard);
  if (call.intake.status === 'ok') return displayCase(call.intake.package.caller.name.trim()) || 'Caller (name not given)';
  return call.intake.status === 'missing' ? 'Unknown caller (no context)' : 'Unknown caller (damaged context)';
}
