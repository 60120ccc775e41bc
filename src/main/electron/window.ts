/** The app window with Electron's security checklist applied. */
import path from 'node:path';
import { BrowserWindow, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy';

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
    },
  });
  window.once('ready-to-show', () => window.show());
  // No navigation away from the app and no new windows; links go to the system browser only if https.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(path.join(__dirname, '../renderer/index.html'));
  return window;
}

/**
 * Only the microphone may be asked for (the phone line and whisper mode's transcript of the agent's
 * side), plus choosing the speaker the call plays on and writing to the clipboard (copying a
 * suggestion); everything else is refused.
 */
export function restrictSessionPermissions(): void {
  const allowed = new Set(['media', 'speaker-selection', 'clipboard-sanitized-write']);
  session.defaultSession.setPermissionRequestHandler((_contents, permission, callback, details) => {
    if (permission === 'clipboard-sanitized-write' || permission === 'speaker-selection') return callback(true);
    const mediaTypes = (details as { mediaTypes?: string[] }).mediaTypes ?? [];
    callback(permission === 'media' && mediaTypes.length > 0 && mediaTypes.every((type) => type === 'audio'));
  });
  session.defaultSession.setPermissionCheckHandler((_contents, permission) => allowed.has(permission));
  // The built app loads from file:// where index.html's meta CSP applies; the header covers any HTTP response.
  // The dev server (ELECTRON_RENDERER_URL) gets the looser dev policy from its own index.html instead.
  if (!process.env.ELECTRON_RENDERER_URL) {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    });
  }
}
