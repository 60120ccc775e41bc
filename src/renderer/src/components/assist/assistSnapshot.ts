import type { GuidelineMatch, Suggestion } from '../../../../shared/callSchemas';
import type { AssistFlag } from './assistFlags';

/** A pinned item as it was when pinned: shown if the assistant stops offering it. */
export type AssistSnapshot =
  { kind: 'flag'; flag: AssistFlag } | { kind: 'suggestion'; suggestion: Suggestion } | { kind: 'guideline'; guideline: GuidelineMatch };
