/**
 * Live mode's words still being spoken on one call, per side, until the finished turn takes their place.
 * Demo calls never send these events, so the hook stays empty there.
 */
import { useEffect, useState } from 'react';
import type { Speaker } from '../../../shared/callScenario';
import type { DeskClient } from './deskClient';

export type InterimWords = Partial<Record<Speaker, string>>;

export function useInterimWords(client: DeskClient, callId: string): InterimWords {
  const [state, setState] = useState<{ callId: string; interim: InterimWords }>({ callId, interim: {} });

  useEffect(() => {
    const set = (speaker: Speaker, text: string) =>
      setState((previous) => {
        const interim = previous.callId === callId ? previous.interim : {};
        if ((interim[speaker] ?? '') === text) return previous;
        return { callId, interim: { ...interim, [speaker]: text } };
      });
    const offInterim = client.on('transcriptInterim', (event) => {
      if (event.callId === callId) set(event.speaker, event.text);
    });
    const offTurn = client.on('turnAdded', (event) => {
      if (event.callId === callId) set(event.turn.speaker, '');
    });
    return () => {
      offInterim();
      offTurn();
    };
  }, [client, callId]);

  return state.callId === callId ? state.interim : {};
}
