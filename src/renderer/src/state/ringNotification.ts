/**
 * The browser's Notification API for a ringing call (the web harness; in the app the shell raises the
 * OS notification itself and the window refuses this permission, so the two never both appear).
 * Clicking it brings the desk forward and accepts.
 */
import type { RingAlert } from '../../../shared/ringAnnouncement';

export interface ShownNotification {
  close(): void;
}

export function showRingNotification(alert: RingAlert, onClick: () => void): ShownNotification {
  let notification: Notification | undefined;
  let closed = false;
  const show = () => {
    if (closed) return;
    notification = new Notification(alert.title, { body: alert.body, tag: `ring-${alert.callId}`, requireInteraction: true, silent: true });
    notification.onclick = () => {
      window.focus();
      notification?.close();
      onClick();
    };
  };
  if (typeof Notification !== 'undefined') {
    if (Notification.permission === 'granted') show();
    else if (Notification.permission === 'default') {
      void Notification.requestPermission().then(
        (permission) => permission === 'granted' && show(),
        () => undefined,
      );
    }
  }
  return {
    close() {
      closed = true;
      notification?.close();
    },
  };
}
