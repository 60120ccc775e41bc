/**
 * The wrap-up after a call: the assistant's draft summary and disposition, edited by the agent, with
 * the agent's own rating of the handoff. The customer's survey score is shown apart from it, labelled
 * as the customer's, so the two ratings are never confused.
 */
import { useEffect, useState } from 'react';
import { DispositionValues, type CallView, type WrapUp } from '../../../../shared/callSchemas';
import { formatTimeOfDay } from '../../displayFormat';
import { ariaShortcuts, useKeyBindings } from '../../keyBindings';
import { KeyHint } from '../KeyHint';
import { useDeskClient } from '../../state/deskClient';
import { AgentRatingField } from './AgentRatingField';
import { DISPOSITION_WORDS, type Disposition } from './dispositionWords';

const MAX_SUMMARY_CHARS = 20_000;

interface WrapUpEditorProps {
  call: CallView;
  onSaved(view: CallView): void;
  /** Told whether the agent has changes not yet saved, so leaving the call can ask first. */
  onDirtyChange?(dirty: boolean): void;
}

interface Fields {
  summary: string;
  disposition: Disposition;
  agentRating: number | undefined;
}

function fieldsOf(wrapUp: WrapUp | undefined): Fields {
  return { summary: wrapUp?.summary ?? '', disposition: wrapUp?.disposition ?? 'resolved', agentRating: wrapUp?.agentRating };
}

export function WrapUpEditor({ call, onSaved, onDirtyChange }: WrapUpEditorProps) {
  const client = useDeskClient();
  const { callId, wrapUp } = call;
  const [fields, setFields] = useState<Fields>(() => fieldsOf(wrapUp));
  const [dirty, setDirty] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange]);

  // A new wrap-up from the main process (the draft, or what was just saved) replaces untouched fields.
  const [seenWrapUp, setSeenWrapUp] = useState(wrapUp);
  if (wrapUp !== seenWrapUp) {
    setSeenWrapUp(wrapUp);
    if (!dirty) setFields(fieldsOf(wrapUp));
  }

  const edit = (patch: Partial<Fields>) => {
    setFields((current) => ({ ...current, ...patch }));
    setDirty(true);
  };

  const save = async () => {
    // Not a disabled button while saving (that drops focus to <body>): a second press is ignored here.
    if (saving) return;
    setSaving(true);
    const { summary, disposition, agentRating } = fields;
    const result = await client.call(
      'saveWrapUp',
      { callId, wrapUp: { summary, disposition, ...(agentRating ? { agentRating } : {}) } },
      { quiet: true },
    );
    setSaving(false);
    if (!result.ok) return setError(result.error.message);
    setError(null);
    setDirty(false);
    onSaved(result.value);
  };
  useKeyBindings({ saveWrapUp: () => void save() });

  return (
    <section
      className="wrap-up"
      data-testid="wrap-up"
      data-saved={!dirty && wrapUp?.savedAt !== undefined}
      aria-labelledby={`wrap-up-heading-${callId}`}
    >
      <div className="wrap-up-header">
        <h2 id={`wrap-up-heading-${callId}`} className="panel-heading">
          Wrap-up
        </h2>
        <WrapUpState dirty={dirty} savedAt={wrapUp?.savedAt} saving={saving} error={error} />
      </div>
      <CustomerCsat call={call} />
      <div className="field">
        <label htmlFor={`wrap-up-summary-${callId}`}>Summary</label>
        <textarea
          id={`wrap-up-summary-${callId}`}
          className="wrap-up-summary"
          data-testid="wrap-up-summary"
          dir="auto"
          spellCheck
          maxLength={MAX_SUMMARY_CHARS}
          value={fields.summary}
          onChange={(event) => edit({ summary: event.target.value })}
        />
      </div>
      <div className="wrap-up-row">
        <div className="field">
          <label htmlFor={`wrap-up-disposition-${callId}`}>Disposition</label>
          <select
            id={`wrap-up-disposition-${callId}`}
            data-testid="wrap-up-disposition"
            value={fields.disposition}
            onChange={(event) => edit({ disposition: event.target.value as Disposition })}
          >
            {DispositionValues.map((value) => (
              <option key={value} value={value}>
                {DISPOSITION_WORDS[value]}
              </option>
            ))}
          </select>
        </div>
        <AgentRatingField name={`agent-rating-${callId}`} value={fields.agentRating} onChange={(agentRating) => edit({ agentRating })} />
      </div>
      <div className="wrap-up-actions">
        <button
          type="button"
          className="btn btn-primary"
          data-testid="wrap-up-save"
          aria-disabled={saving}
          aria-keyshortcuts={ariaShortcuts('saveWrapUp')}
          onClick={() => void save()}
        >
          {saving ? 'Saving…' : 'Save wrap-up'} <KeyHint action="saveWrapUp" />
        </button>
      </div>
    </section>
  );
}

function WrapUpState({
  dirty,
  savedAt,
  saving,
  error,
}: {
  dirty: boolean;
  savedAt: number | undefined;
  saving: boolean;
  error: string | null;
}) {
  if (error)
    return (
      <p className="wrap-up-state wrap-up-state-failed" data-testid="wrap-up-state" data-state="failed" role="alert">
        Not saved: {error}
      </p>
    );
  const [state, words] = saving
    ? ['saving', 'Saving…']
    : dirty
      ? ['unsaved', 'Unsaved changes']
      : savedAt !== undefined
        ? ['saved', `Saved ${formatTimeOfDay(savedAt)}`]
        : ['draft', 'Draft by the assistant · not saved yet'];
  return (
    <p className={`wrap-up-state wrap-up-state-${state}`} data-testid="wrap-up-state" data-state={state} aria-live="polite">
      {words}
    </p>
  );
}

/** The customer's own score from the post-call survey, when it has come in. */
function CustomerCsat({ call }: { call: CallView }) {
  if (call.csat !== undefined) {
    return (
      <p className="csat csat-in" data-testid="csat" data-score={call.csat}>
        <span className="csat-label">Customer CSAT</span> <strong className="csat-score">{call.csat}/5</strong>{' '}
        <span className="muted">from the customer’s post-call survey</span>
      </p>
    );
  }
  if (call.phase !== 'ended') return null;
  return (
    <p className="csat csat-waiting muted" data-testid="csat" aria-live="polite">
      Customer CSAT: no survey answer yet
    </p>
  );
}
