/** The desk as the renderer knows it: the snapshot from start-up, kept current by callChanged events. */
import { setPack } from './packStore';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallView } from '../../../shared/callSchemas';
import type { DeskSnapshot } from '../../../shared/ipc/deskContract';
import type { Settings } from '../../../shared/settings';
import { mergeCallView } from './callMerge';
import type { DeskClient } from './deskClient';
import { pushNotice } from './noticeStore';

export type DeskLoad = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; snapshot: DeskSnapshot };

export interface DeskState {
  load: DeskLoad;
  call: CallView | null;
  applyCall(view: CallView | null): void;
  applySettings(settings: Settings): void;
  retry(): void;
}

export function useDeskState(client: DeskClient): DeskState {
  const [load, setLoad] = useState<DeskLoad>({ status: 'loading' });
  const [call, setCall] = useState<CallView | null>(null);
  const [attempt, setAttempt] = useState(0);
  // Set once any callChanged arrives, so a snapshot that was answered earlier cannot overwrite it.
  const sawCallEvent = useRef(false);

  const applyCall = useCallback((view: CallView | null) => setCall((current) => mergeCallView(current, view)), []);

  useEffect(() => {
    // Subscribe before asking for the snapshot so nothing that happens in between is lost.
    const offCall = client.on('callChanged', (view) => {
      sawCallEvent.current = true;
      applyCall(view);
    });
    const offNotice = client.on('notice', ({ level, message }) => pushNotice(level, message));
    return () => {
      offCall();
      offNotice();
    };
  }, [client, applyCall]);

  useEffect(() => {
    let cancelled = false;
    void client.call('getSnapshot', {}, { quiet: true }).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setLoad({ status: 'failed', message: result.error.message });
        return;
      }
      setPack(result.value.pack);
      setLoad({ status: 'ready', snapshot: result.value });
      if (!sawCallEvent.current) applyCall(result.value.activeCall);
    });
    return () => {
      cancelled = true;
    };
  }, [client, applyCall, attempt]);

  const applySettings = useCallback((settings: Settings) => {
    setLoad((current) => (current.status === 'ready' ? { ...current, snapshot: { ...current.snapshot, settings } } : current));
  }, []);

  const retry = useCallback(() => {
    setLoad({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  return { load, call, applyCall, applySettings, retry };
}
