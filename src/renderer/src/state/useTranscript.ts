/**
 * The live transcript of one call: the turns so far from getTranscript, then turnAdded events,
 * de-duplicated by index. Events are batched to the next animation frame, so a burst of thousands of
 * turns costs one render a frame and a single turn waits for no timer (half a frame on average).
 */
import { useEffect, useState } from 'react';
import type { TranscriptTurn } from '../../../shared/callSchemas';
import type { DeskClient } from './deskClient';

export interface TranscriptState {
  turns: readonly TranscriptTurn[];
  loading: boolean;
}

interface Loaded extends TranscriptState {
  callId: string;
}

export function useTranscript(client: DeskClient, callId: string | null): TranscriptState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);

  useEffect(() => {
    if (!callId) return;
    const turns: TranscriptTurn[] = [];
    const seen = new Set<number>();
    let outOfOrder = false;
    let loading = true;
    let frame: number | undefined;
    let cancelled = false;

    const add = (turn: TranscriptTurn): boolean => {
      if (seen.has(turn.index)) {
        // The same index again is the desk masking that turn afresh (half of a card number said across two turns).
        const at = turns.findIndex((known) => known.index === turn.index);
        if (at < 0 || turns[at]!.text === turn.text) return false;
        turns[at] = turn;
        return true;
      }
      seen.add(turn.index);
      const last = turns.at(-1);
      if (last && turn.index < last.index) outOfOrder = true;
      turns.push(turn);
      return true;
    };
    const flush = (): void => {
      frame = undefined;
      if (outOfOrder) {
        turns.sort((a, b) => a.index - b.index);
        outOfOrder = false;
      }
      setLoaded({ callId, turns: turns.slice(), loading });
    };
    const flushSoon = (): void => {
      frame ??= requestAnimationFrame(flush);
    };

    // Listen first: a turn said while getTranscript is in flight arrives as an event and is merged by index.
    const off = client.on('turnAdded', (event) => {
      if (event.callId === callId && add(event.turn)) flushSoon();
    });
    void client.call('getTranscript', { callId }).then((result) => {
      if (cancelled) return;
      if (result.ok) result.value.forEach(add);
      loading = false;
      flush();
    });
    return () => {
      cancelled = true;
      off();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
  }, [client, callId]);

  // Until the first flush for this call, it is loading; another call's turns are never shown.
  if (!callId) return { turns: [], loading: false };
  if (loaded?.callId !== callId) return { turns: [], loading: true };
  return loaded;
}
