/**
 * Masks the handoff package's text at intake, before it is stored, shown or sent anywhere: a card number
 * the customer read to the AI is otherwise kept in the package, the store and the renderer. The same
 * masking as spoken turns, applied to every string in the package (keys are names, not content).
 */
import type { IntakeResult } from '../../../shared/handoffPackage';
import { redactTurnText } from './piiRedactor';

export function redactPackage(intake: IntakeResult): { intake: IntakeResult; redactions: number } {
  if (intake.status !== 'ok') return { intake, redactions: 0 };
  let redactions = 0;
  const mask = (value: unknown): unknown => {
    if (typeof value === 'string') {
      const redacted = redactTurnText(value);
      redactions += redacted.redactions.length;
      return redacted.text;
    }
    if (Array.isArray(value)) return value.map(mask);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, mask(child)]));
    return value;
  };
  const { handoffId, callSid, language, triggeredAtMs, packagedAtMs, ...content } = intake.package;
  const masked = { handoffId, callSid, language, triggeredAtMs, packagedAtMs, ...(mask(content) as typeof content) };
  const warnings = redactions
    ? [...intake.warnings, `${redactions} secret${redactions === 1 ? '' : 's'} (card numbers, codes) masked in the package`]
    : intake.warnings;
  return { intake: { ...intake, package: masked, warnings }, redactions };
}
