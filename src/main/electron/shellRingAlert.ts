/**
 * The Electron side of a ringing call: an OS notification (silent: the window plays the ringtone)
 * whose click brings the window forward and accepts, the taskbar/dock flash, and a badge (the dock and
 * Unity count; on Windows, which has no count, an overlay dot on the taskbar icon). Cleared when the ring stops.
 */
import { app, nativeImage, Notification, type BrowserWindow } from 'electron';
import type { RingAlertPort } from '../core/attention/ringAlerts';

// A 16×16 red dot (generated, no asset file), the Windows taskbar overlay while a call rings.
const RING_OVERLAY_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAYAAAAf8/9hAAAAMElEQVR42mNgoDbYwKDwHx+mSDNeQ4jVjNUQUjVjGDJqwLAwgOKERJWkTJXMRA4AAK9LNySPxNrLAAAAAElFTkSuQmCC';

interface ShellRingAlertOptions {
  window(): BrowserWindow | undefined;
  /** Accepts the call as the Accept button would (through the desk's request handler). */
  accept(callId: string): void;
}

export function createShellRingAlert(options: ShellRingAlertOptions): RingAlertPort {
  let notification: Notification | undefined;
  const live = () => {
    const window = options.window();
    return window && !window.isDestroyed() ? window : undefined;
  };
  return {
    show(alert) {
      const window = live();
      if (Notification.isSupported()) {
        notification = new Notification({ title: alert.title, body: alert.body, silent: true, urgency: 'critical', timeoutType: 'never' });
        notification.on('click', () => {
          const target = live();
          if (target?.isMinimized()) target.restore();
          target?.show();
          target?.focus();
          options.accept(alert.callId);
        });
        notification.show();
      }
      // Only when the agent is elsewhere: a focused window needs no flash.
      if (window && !window.isFocused()) window.flashFrame(true);
      app.setBadgeCount(1);
      if (process.platform === 'win32') window?.setOverlayIcon(nativeImage.createFromDataURL(RING_OVERLAY_PNG), 'A call is ringing');
    },
    clear() {
      notification?.close();
      notification = undefined;
      const window = live();
      window?.flashFrame(false);
      app.setBadgeCount(0);
      if (process.platform === 'win32') window?.setOverlayIcon(null, '');
    },
  };
}
