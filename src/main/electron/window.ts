/** The app window with Electron's security checklist applied. */
import path from 'node:path';
import { BrowserWindow, session, shell } from 'electron';
import { appPageUrl, externalLinkAllowed, isTrustedPageUrl, navigationAllowed, permissionGranted } from '../core/appOrigin';
import { shellContext } from './appProtocol';

export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1000,
    minHeight: 640,
    show: false,
    title: 'Whisper Desk',
    webPreferences: {
      preload: path.join(__dirname, '../preload/preload.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
      // The ringtone must sound when a call rings, also before the agent has clicked in the window.
      autoplayPolicy: 'no-user-gesture-required',
    },
  });
  window.once('ready-to-show', () => window.show());
  const context = shellContext();
  // The page never leaves itself: no navigation, no redirect, no frame, no new window; a few help
  // pages may open in the system browser (core/appOrigin.ts decides).
  window.webContents.on('will-navigate', (event) => {
    if (!navigationAllowed(event.url, context, event.isMainFrame)) event.preventDefault();
  });
  window.webContents.on('will-redirect', (event) => {
    if (!navigationAllowed(event.url, context, event.isMainFrame)) event.preventDefault();
  });
  window.webContents.on('will-frame-navigate', (event) => {
    if (!navigationAllowed(event.url, context, event.isMainFrame)) event.preventDefault();
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (externalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  void window.loadURL(appPageUrl(context));
  return window;
}

/**
 * The page's own Notification API is refused (not in the list): the shell raises the OS notification
 * for a ringing call itself (shellRingAlert.ts), so the renderer, which uses the API in the browser
 * harness, sees "denied" here and the agent never gets two.
 *
 * Only the microphone may be asked for (the phone line and whisper mode's transcript of the agent's
 * side), plus choosing the speaker the call plays on and writing to the clipboard (copying a
 * suggestion); everything else is refused.
 */
export function restrictSessionPermissions(): void {
  const context = shellContext();
  const allowed = new Set(['media', 'speaker-selection', 'clipboard-sanitized-write']);
  session.defaultSession.setPermissionRequestHandler((contents, permission, callback, details) => {
    const requestingUrl = details.requestingUrl ?? contents?.getURL() ?? '';
    callback(permissionGranted({ permission, requestingUrl, mediaTypes: (details as { mediaTypes?: string[] }).mediaTypes }, context));
  });
  session.defaultSession.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) => allowed.has(permission) && isTrustedPageUrl(requestingOrigin, context),
  );
}
