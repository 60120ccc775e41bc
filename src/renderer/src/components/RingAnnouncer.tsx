/**
 * A ringing call announces itself to an agent who is looking elsewhere: the ringtone, the window
 * title ("Ringing — <caller>"), a notification that accepts on click, and one sentence for screen
 * readers. Everything stops when the call stops ringing (accepted, declined, timed out, cancelled).
 * It lives beside the screens, not in the ringing card, so opening History does not silence a call.
 */
import { useEffect, useRef, useState } from 'react';
import type { CallView } from '../../../shared/callSchemas';
import { callerLabel, ringAlertOf, ringingAnnouncement, ringingTitle } from '../../../shared/ringAnnouncement';
import ringtoneUrl from '../assets/ringtone.wav';
import { keyHint } from '../keyBindings';
import { pushNotice } from '../state/noticeStore';
import { showRingNotification } from '../state/ringNotification';
import { startRingtone, stopRingtone, type RingtoneState } from '../state/ringtonePlayer';

interface RingAnnouncerProps {
  call: CallView | null;
  volume: number;
  outputDevice: string;
  onAccept(callId: string): void;
}

export function RingAnnouncer({ call, volume, outputDevice, onAccept }: RingAnnouncerProps) {
  const audio = useRef<HTMLAudioElement>(null);
  const [ringtone, setRingtone] = useState<RingtoneState>('stopped');
  const ringing = call?.phase === 'ringing' ? call : null;
  const ringingId = ringing?.callId ?? null;
  // Read when the ring starts; a later change of the call view (assist updates) does not restart anything.
  const latest = useRef({ ringing, volume, outputDevice, onAccept });
  useEffect(() => {
    latest.current = { ringing, volume, outputDevice, onAccept };
  });

  useEffect(() => {
    const view = latest.current.ringing;
    const element = audio.current;
    if (!ringingId || !view || !element) return;
    const previousTitle = document.title;
    document.title = ringingTitle(callerLabel(view));

    let stopped = false;
    void startRingtone(element, {
      volume: latest.current.volume,
      outputDevice: latest.current.outputDevice,
      onDeviceProblem: (message) => pushNotice('warning', message),
    }).then((state) => {
      if (stopped) stopRingtone(element);
      else setRingtone(state);
    });

    const alert = ringAlertOf(view);
    const notification = alert ? showRingNotification(alert, () => latest.current.onAccept(alert.callId)) : null;
    return () => {
      stopped = true;
      stopRingtone(element);
      setRingtone('stopped');
      notification?.close();
      document.title = previousTitle;
    };
  }, [ringingId]);

  return (
    <>
      <audio ref={audio} src={ringtoneUrl} loop preload="auto" data-testid="ringtone" data-state={ringtone} />
      <div className="visually-hidden" aria-live="assertive" aria-atomic="true" data-testid="ring-announcement">
        {ringing ? ringingAnnouncement(ringing, { accept: keyHint('accept').replaceAll(' / ', ' or '), decline: keyHint('decline') }) : ''}
      </div>
    </>
  );
}
