/**
 * The hand-back draft under review: a TanStack query asked for when the dialog opens, and again for each
 * task the agent picks, since whether a task may go back depends on the task. Each pick is its own query
 * key, so a late answer for an older pick never shows; drafts are not cached (gcTime 0), so a task picked
 * again, or the dialog opened again, is checked again.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { HandBackDraft } from '../../../shared/handBackDraft';
import type { DeskClient } from './deskClient';
import { queryDesk } from './deskQueries';

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
  const query = useQuery({
    queryKey: ['handBackDraft', callId, task ?? null],
    queryFn: () => queryDesk(client, 'prepareHandBack', task === undefined ? { callId } : { callId, task }),
    placeholderData: keepPreviousData,
    gcTime: 0,
  });
  return { draft: query.data ?? null, checking: query.isFetching, error: query.error?.message ?? null, chooseTask: setTask };
}
