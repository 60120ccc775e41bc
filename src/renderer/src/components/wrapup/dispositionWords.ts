/** The wrap-up dispositions in words, for the editor and the metrics view's trigger mix. */
import { DispositionValues } from '../../../../shared/callSchemas';

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

/** What history and the metrics call a call whose wrap-up the agent never saved. */
export const NOT_WRAPPED_UP_WORDS = 'Not wrapped up';

export function dispositionWords(code: string): string {
  if (code === 'not_wrapped_up') return NOT_WRAPPED_UP_WORDS;
  return (DISPOSITION_WORDS as Record<string, string>)[code] ?? code.replace(/_/g, ' ');
}
