/**
 * The hand-back draft under review: asked for when the dialog opens, and again for each task the agent
 * picks, since whether a task may go back depends on the task. A late answer for an older pick is dropped.
 */
import { useEffect, useState } from 'react';
import type { HandBackDraft } from '../../../shared/handBackDraft';
import type { DeskClient } from './deskClient';

export interface HandBackDraftState {
  /** The latest draft received; kept on screen while the next one is being checked. */
  draft: HandBackDraft | null;
  /** A draft for the task just picked is on its way: nothing may be confirmed until it arrives. */
  checking: boolean;
  error: string | null;
  chooseTask(task: string): void;
}

export function useHandBackDraft(client: DeskClient, callId: string): HandBackDraftState {
  // undefined: the assistant's candidate (or the first allowed task) — the main process decides.
  const [task, setTask] = useState<string | undefined>(undefined);
  const [draft, setDraft] = useState<HandBackDraft | null>(null);
  const [answeredFor, setAnsweredFor] = useState<string | undefined | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const input = task === undefined ? { callId } : { callId, task };
    void client.call('prepareHandBack', input, { quiet: true }).then((result) => {
      if (cancelled) return;
      setAnsweredFor(task);
      if (result.ok) {
        setDraft(result.value);
        setError(null);
      } else {
        setError(result.error.message);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [client, callId, task]);

  return { draft, checking: answeredFor !== task, error, chooseTask: setTask };
}
