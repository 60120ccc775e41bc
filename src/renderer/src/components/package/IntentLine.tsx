import type { HandoffPackage } from '../../../../shared/handoffPackage';
import { formatPercent, humaniseCode } from '../../displayFormat';
import { ClampedText } from '../ClampedText';

/** Below this the AI's guess at the need is treated as a guess, and shown as one. */
export const LOW_CONFIDENCE = 0.6;

export function IntentLine({ intent }: { intent: HandoffPackage['intent'] }) {
  const low = intent.confidence < LOW_CONFIDENCE;
  return (
    <p className={`intent ${low ? 'intent-low' : ''}`} data-testid="intent" data-confidence={intent.confidence}>
      <span className="field-label">Intent</span>
      <ClampedText text={humaniseCode(intent.label)} limit={120} className="intent-label" />
      <span className={`confidence ${low ? 'confidence-low' : ''}`}>
        {low ? `Low confidence ${formatPercent(intent.confidence)}: confirm the reason` : `${formatPercent(intent.confidence)} confident`}
      </span>
    </p>
  );
}
