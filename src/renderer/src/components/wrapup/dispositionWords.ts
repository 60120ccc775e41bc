/** The wrap-up dispositions in words, for the editor and the metrics view's trigger mix. */
import { DispositionValues } from '../../../../shared/callState';

export type Disposition = (typeof DispositionValues)[number];

export const DISPOSITION_WORDS: Record<Disposition, string> = {
  resolved: 'Resolved',
  handed_back: 'Handed back to the AI',
  follow_up: 'Follow-up needed',
  transferred: 'Transferred',
  unresolved: 'Unresolved',
  declined: 'Declined',
  missed: 'Missed',
  interrupted: 'Interrupted (the app stopped)',
};

export function dispositionWords(code: string): string {
  return (DISPOSITION_WORDS as Record<string, string>)[code] ?? code.replace(/_/g, ' ');
}
