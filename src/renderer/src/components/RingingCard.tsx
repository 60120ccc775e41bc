/**
 * The incoming escalated call: the whole package, readable in 5–10 seconds, before the agent says hello.
 * Accept gets focus so Enter answers even when the mouse last clicked elsewhere.
 */
import { RoutingAlert } from './RoutingAlert';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { CallView } from '../../../shared/callSchemas';
import { ariaShortcuts, useKeyBindings } from '../keyBindings';
import { useDeskClient } from '../state/deskClient';
import { useReportRendered } from '../state/useReportRendered';
import { ClampedText } from './ClampedText';
import { KeyHint } from './KeyHint';
import { PackageDetails } from './package/PackageDetails';
import { RingCountdown } from './RingCountdown';
import { packageMarks } from './package/packageMarks';

interface RingingCardProps {
  call: CallView;
  agentName: string;
  onCallView(view: CallView): void;
}

export function RingingCard({ call, agentName, onCallView }: RingingCardProps) {
  const client = useDeskClient();
  const acceptButton = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  useReportRendered(client, call.callId);
  // The package is checked for text aimed at the assistant before the call is answered.
  const { injectionFields } = call.assist;
  const marks = useMemo(() => packageMarks({ facts: [], injectionFields }), [injectionFields]);

  useEffect(() => {
    const focused = document.activeElement;
    const typing = focused instanceof HTMLElement && focused.closest('input, textarea, select, dialog[open]');
    if (!typing) acceptButton.current?.focus({ preventScroll: true });
  }, [call.callId]);

  const answer = async (method: 'acceptCall' | 'declineCall') => {
    if (busy) return;
    setBusy(true);
    const result = await client.call(method, { callId: call.callId });
    setBusy(false);
    if (result.ok) onCallView(result.value);
  };
  const accept = () => void answer('acceptCall');
  const decline = () => void answer('declineCall');
  useKeyBindings({ accept, decline });

  return (
    <section className="ringing-card" data-testid="ringing-card" data-call-id={call.callId} aria-labelledby="ringing-heading">
      <header className="ringing-header">
        <h1 id="ringing-heading" className="ringing-title">
          <span className="ring-dot" aria-hidden="true" />
          Incoming escalated call
        </h1>
        <RingCountdown expiresAt={call.ringExpiresAt} />
      </header>
      <div className="ringing-body">
        <RoutingAlert routing={call.routing} />
        <PackageDetails intake={call.intake} agentName={agentName} variant="full" marks={marks} />
      </div>
      <footer className="ringing-actions">
        <button
          ref={acceptButton}
          type="button"
          className="btn btn-accept"
          data-testid="accept"
          disabled={busy}
          aria-keyshortcuts={ariaShortcuts('accept')}
          onClick={accept}
        >
          Accept <KeyHint action="accept" />
        </button>
        <button
          type="button"
          className="btn btn-decline"
          data-testid="decline"
          disabled={busy}
          aria-keyshortcuts={ariaShortcuts('decline')}
          onClick={decline}
        >
          Decline <KeyHint action="decline" />
        </button>
        {call.title && (
          <span className="ringing-source">
            {call.source === 'telephony' ? 'Call' : 'Scenario'}: <ClampedText text={call.title} limit={120} />
          </span>
        )}
      </footer>
    </section>
  );
}
