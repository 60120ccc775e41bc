import type { HandoffPackage } from '../../../../shared/handoffPackage';
import { formatPercent } from '../../displayFormat';
import { ClampedText } from '../ClampedText';
import { labelOfIntent, usePack } from '../../state/packStore';

/** Below this the AI's guess at the need is treated as a guess, and shown as one. */
export const LOW_CONFIDENCE = 0.6;

export function IntentLine({ intent }: { intent: HandoffPackage['intent'] }) {
  const low = intent.confidence < LOW_CONFIDENCE;
  // The pack's label for the intent ("Return for a different size"), not its id.
  usePack();
  return (
    <p className={`intent ${low ? 'intent-low' : ''}`} data-testid="intent" data-confidence={intent.confidence}>
      <span className="field-label">Intent</span>
      <ClampedText text={labelOfIntent(intent.label)} limit={120} className="intent-label" />
      <span className={`confidence ${low ? 'confidence-low' : ''}`}>
        {low ? `Low confidence ${formatPercent(intent.confidence)}: confirm the reason` : `${formatPercent(intent.confidence)} confident`}
      </span>
    </p>
  );
}
