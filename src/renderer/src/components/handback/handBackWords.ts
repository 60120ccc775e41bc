/** How hand-back tasks and outcomes read on screen. */
import type { HandBackStatus } from '../../../../shared/callSchemas';
import { labelOfTask } from '../../state/packStore';

/** "send_return_label" → the pack's "Send a return label" (or "Send return label" for a task it does not label). */
export function taskWords(task: string): string {
  return labelOfTask(task);
}

export const HAND_BACK_STATE_WORDS: Record<HandBackStatus['state'], string> = {
  refused: 'Hand-back refused',
  sending: 'Handing back to the AI',
  delivered: 'Delivered to the AI',
  failed: 'Hand-back failed',
  completed: 'The AI completed the task',
};

export function attemptsWords(attempts: number | undefined): string {
  if (attempts === undefined) return '';
  return attempts === 1 ? '1 attempt' : `${attempts} attempts`;
}

/** A call can be handed back again only after a refusal or a failed delivery. */
export function canHandBackAgain(status: HandBackStatus | undefined): boolean {
  return !status || status.state === 'refused' || status.state === 'failed';
}
