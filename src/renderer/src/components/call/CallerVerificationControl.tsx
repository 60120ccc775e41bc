/**
 * The agent states that they verified the caller, and how: the one way besides the package that a
 * caller counts as verified (hand-back checks it; it is written to the call's audit log). Nothing said
 * on the call can set it.
 */
import { useRef, useState } from 'react';
import { CALLER_VERIFICATION_METHODS, type CallView } from '../../../../shared/callSchemas';
import { focusNotes } from '../../deskFocus';
import { ariaShortcuts, useKeyBindings } from '../../keyBindings';
import { useDeskClient } from '../../state/deskClient';
import { KeyHint } from '../KeyHint';
import { usePack } from '../../state/packStore';
import { verificationMethodWords, type DisplayPack } from '../../../../shared/valueDisplay';

const METHOD_WORDS: Record<(typeof CALLER_VERIFICATION_METHODS)[number], string> = {
  security_questions: 'Security questions',
  account_details: 'Account details matched',
  one_time_code: 'One-time code',
  known_caller: 'Known caller',
  other: 'Other check',
};

/** "Verified by you · Security questions", or the AI's method in words: "Verified by the AI with account ID and order ID". */
export function verificationWords(verification: NonNullable<CallView['verification']>, pack?: DisplayPack): string {
  if (verification.by === 'agent')
    return `Verified by you · ${(METHOD_WORDS as Record<string, string>)[verification.method] ?? verification.method}`;
  const words = verificationMethodWords(verification.method, pack);
  return words ? `Verified by the AI with ${words}` : 'Verified by the AI';
}

export function CallerVerificationControl({ call, onCallView }: { call: CallView; onCallView(view: CallView): void }) {
  const client = useDeskClient();
  const pack = usePack();
  const [method, setMethod] = useState<(typeof CALLER_VERIFICATION_METHODS)[number]>('security_questions');
  const [saving, setSaving] = useState(false);
  const select = useRef<HTMLSelectElement>(null);
  const active = call.phase === 'active';
  const confirm = async () => {
    if (!active || saving || call.verification) return;
    setSaving(true);
    const result = await client.call('verifyCaller', { callId: call.callId, method });
    setSaving(false);
    if (result.ok) {
      onCallView(result.value);
      // The control becomes a badge; the agent goes back to the notes rather than to <body>.
      requestAnimationFrame(focusNotes);
    }
  };
  useKeyBindings({ verifyCaller: active && !call.verification ? () => select.current?.focus() : undefined });

  if (call.verification) {
    return (
      <p className="badge badge-ok caller-verified" data-testid="caller-verified" data-by={call.verification.by}>
        <span aria-hidden="true">✔ </span>
        {verificationWords(call.verification, pack)}
      </p>
    );
  }
  if (!active) return null;
  return (
    <form
      className="verify-caller"
      data-testid="verify-caller"
      onSubmit={(event) => {
        event.preventDefault();
        void confirm();
      }}
    >
      <label>
        <span className="field-label">Caller verified by</span>
        <select
          ref={select}
          value={method}
          onChange={(event) => setMethod(event.target.value as typeof method)}
          // A select does not submit its form on Enter; the agent's key flow is Ctrl/Cmd+Shift+V, then Enter.
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              void confirm();
            }
          }}
          aria-keyshortcuts={ariaShortcuts('verifyCaller')}
        >
          {CALLER_VERIFICATION_METHODS.map((value) => (
            <option key={value} value={value}>
              {METHOD_WORDS[value]}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="btn" disabled={saving}>
        Caller verified <KeyHint action="verifyCaller" />
      </button>
    </form>
  );
}
