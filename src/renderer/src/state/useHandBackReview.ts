/**
 * The hand-back as the call view drives it: whether the review may open, the dialog's open state, and
 * the confirmation. Between Confirm and the main process's first answer the status already reads
 * "sending", so the agent never wonders whether the key press did anything.
 */
import { useState } from 'react';
import type { CallView, HandBackStatus } from '../../../shared/callSchemas';
import { canHandBackAgain } from '../components/handback/handBackWords';
import type { HandBackChoice } from '../components/handback/HandBackDialog';
import type { DeskClient } from './deskClient';
import { pushNotice } from './noticeStore';

export interface HandBackReview {
  open: boolean;
  /** The call is live and has no hand-back under way or done. */
  available: boolean;
  status: HandBackStatus | undefined;
  openReview(): void;
  close(): void;
  confirm(choice: HandBackChoice): void;
}

interface Options {
  /** Runs before the draft is asked for (saves the notes, so the draft carries the latest). */
  beforeOpen(): Promise<unknown>;
  /** The notes went with the hand-back; the notes editor should show what was sent. */
  onNotesSent(notes: string): void;
  onCallView(view: CallView): void;
}

export function useHandBackReview(client: DeskClient, call: CallView, { beforeOpen, onNotesSent, onCallView }: Options): HandBackReview {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState<{ task: string; at: number } | null>(null);
  const available = call.phase === 'active' && pending === null && canHandBackAgain(call.handBack);

  const openReview = () => {
    if (open) return;
    if (!available) {
      if (call.phase === 'active') pushNotice('info', 'This call is already being handed back to the AI.');
      return;
    }
    void beforeOpen().then(() => setOpen(true));
  };

  const confirm = (choice: HandBackChoice) => {
    setOpen(false);
    setPending({ task: choice.task, at: Date.now() });
    onNotesSent(choice.notes);
    void client.call('confirmHandBack', { callId: call.callId, ...choice }).then((result) => {
      setPending(null);
      if (result.ok) onCallView(result.value);
    });
  };

  // An older refusal or failure must not show while the new attempt is on its way.
  const status: HandBackStatus | undefined =
    pending && canHandBackAgain(call.handBack)
      ? { task: pending.task, state: 'sending', detail: 'Sending to the AI…', at: pending.at }
      : call.handBack;

  // The review belongs to a live call: if the call ends meanwhile, the dialog goes with it.
  return { open: open && call.phase === 'active', available, status, openReview, close: () => setOpen(false), confirm };
}
