import type { FactName } from '../../../../shared/facts';
import type { HandoffPackage } from '../../../../shared/handoffPackage';
import { ClampedText } from '../ClampedText';
import type { ContradictedFact } from '../assist/assistFlags';
import { ContradictedFlag } from '../assist/Flags';

interface CallerLineProps {
  caller: HandoffPackage['caller'];
  /** The name and phone are facts too; the call may show either to be wrong. */
  contradicted?: ReadonlyMap<FactName, ContradictedFact>;
}

/** Who is calling and whether the AI verified them; an unverified caller is the loudest thing on screen. */
export function CallerLine({ caller, contradicted }: CallerLineProps) {
  const name = caller.name.trim();
  const wrongName = contradicted?.get('customer_name');
  const wrongPhone = contradicted?.get('phone');
  return (
    <div className="caller">
      <div className="caller-main">
        <h2 className="caller-name" data-testid="caller-name">
          {name ? <ClampedText text={name} limit={120} /> : <span className="muted">Name not given</span>}
        </h2>
        {caller.phone && (
          <span className="caller-phone value" dir="ltr">
            {caller.phone}
          </span>
        )}
      </div>
      {wrongName && <ContradictedFlag fact={wrongName} showLabel />}
      {wrongPhone && <ContradictedFlag fact={wrongPhone} showLabel />}
      {caller.verified ? (
        <p className="badge badge-ok verification" data-testid="verification" data-verified="true">
          <span aria-hidden="true">✔ </span>Verified · <ClampedText text={caller.verification || 'method not stated'} limit={160} />
        </p>
      ) : (
        <p className="verify-alarm verification" data-testid="verification" data-verified="false" role="alert">
          <span aria-hidden="true">⚠ </span>NOT VERIFIED — verify identity before sharing account details
        </p>
      )}
    </div>
  );
}
