import type { FactName } from '../../../../shared/facts';
import type { HandoffPackage } from '../../../../shared/handoffPackage';
import { ClampedText } from '../ClampedText';
import type { ContradictedFact } from '../assist/assistFlags';
import { ContradictedFlag } from '../assist/Flags';
import { usePack } from '../../state/packStore';
import { displayCase, phoneForReading, verificationMethodWords } from '../../../../shared/valueDisplay';

interface CallerLineProps {
  caller: HandoffPackage['caller'];
  /**
   * On a call the header shows who is calling and the call's one verification state (the AI's or the
   * agent's); the package column then shows only the phone, and the alarm while nobody has verified.
   */
  onCall?: { verified: boolean };
  /** The name and phone are facts too; the call may show either to be wrong. */
  contradicted?: ReadonlyMap<FactName, ContradictedFact>;
}

/** Who is calling and whether the AI verified them; an unverified caller is the loudest thing on screen. */
export function CallerLine({ caller, contradicted, onCall }: CallerLineProps) {
  const pack = usePack();
  const name = displayCase(caller.name.trim());
  const wrongName = contradicted?.get('customer_name');
  const wrongPhone = contradicted?.get('phone');
  return (
    <div className="caller">
      <div className="caller-main">
        {!onCall && (
          <h2 className="caller-name" data-testid="caller-name">
            {name ? <ClampedText text={name} limit={120} /> : <span className="muted">Name not given</span>}
          </h2>
        )}
        {caller.phone && (
          <span className="caller-phone value" dir="ltr" data-testid="caller-phone">
            {phoneForReading(caller.phone, pack?.defaultRegion)}
          </span>
        )}
      </div>
      {wrongName && <ContradictedFlag fact={wrongName} showLabel />}
      {wrongPhone && <ContradictedFlag fact={wrongPhone} showLabel />}
      {onCall?.verified ? null : caller.verified ? (
        <p className="badge badge-ok verification" data-testid="verification" data-verified="true">
          <span aria-hidden="true">✔ </span>
          <ClampedText text={verifiedWords(caller.verification, pack)} limit={160} />
        </p>
      ) : (
        <p className="verify-alarm verification" data-testid="verification" data-verified="false" role="alert">
          <span aria-hidden="true">⚠ </span>NOT VERIFIED — verify identity before sharing account details
        </p>
      )}
    </div>
  );
}

/** "account id+order id" → "Verified by account ID and order ID". */
export function verifiedWords(method: string, pack: Parameters<typeof verificationMethodWords>[1]): string {
  const words = verificationMethodWords(method, pack);
  return words ? `Verified by ${words}` : 'Verified (method not stated)';
}
