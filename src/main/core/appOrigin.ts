/**
 * The Electron shell's security decisions, as pure functions with no electron import, so each one is a
 * table test: where the app's page lives, which pages are trusted, which asset a request for the app
 * scheme may read, where navigation may go, which permission requests are granted and which links may
 * open in the system browser.
 *
 * The renderer is served from a privileged custom scheme (standard + secure), not file://: with the
 * `grantFileProtocolExtraPrivileges` fuse off, Chromium refuses Vite's `type="module"` bundle from file://.
 */
import path from 'node:path';

export const APP_SCHEME = 'whisper-desk';
export const APP_HOST = 'app';
/** The app's own page, at an exact origin nobody else can have. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_PAGE_URL = `${APP_ORIGIN}/index.html`;

export interface ShellContext {
  /** `app.isPackaged`: a packaged app never trusts a dev server, whatever the environment says. */
  packaged: boolean;
  /** electron-vite's dev server (ELECTRON_RENDERER_URL); honoured only when not packaged. */
  devServerUrl?: string;
}

function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    // A custom scheme registered as standard has a host; URL gives such origins as "null", so build it.
    return parsed.protocol === `${APP_SCHEME}:` ? `${APP_SCHEME}://${parsed.host}` : parsed.origin;
  } catch {
    return undefined;
  }
}

function devOrigin(context: ShellContext): string | undefined {
  if (context.packaged || !context.devServerUrl) return undefined;
  const origin = originOf(context.devServerUrl);
  return origin === 'null' ? undefined : origin;
}

/** What the window loads. */
export function appPageUrl(context: ShellContext): string {
  return devOrigin(context) ? context.devServerUrl! : APP_PAGE_URL;
}

/** Only the app's own page at its exact origin (or the dev server's, unpackaged) may use the desk's IPC. */
export function isTrustedPageUrl(url: string, context: ShellContext): boolean {
  const origin = originOf(url);
  if (!origin) return false;
  return origin === APP_ORIGIN || (devOrigin(context) !== undefined && origin === devOrigin(context));
}

/** will-navigate, will-redirect, will-frame-navigate: the page never leaves itself, frames never load. */
export function navigationAllowed(url: string, context: ShellContext, isMainFrame: boolean): boolean {
  return isMainFrame && isTrustedPageUrl(url, context);
}

export interface PermissionAsk {
  permission: string;
  /** The origin asking (details.requestingUrl / requestingOrigin). */
  requestingUrl: string;
  mediaTypes?: readonly string[];
}

/** The microphone (audio only), the speaker choice and clipboard writes, and only for the app's own page. */
export function permissionGranted(ask: PermissionAsk, context: ShellContext): boolean {
  if (!isTrustedPageUrl(ask.requestingUrl, context)) return false;
  if (ask.permission === 'clipboard-sanitized-write' || ask.permission === 'speaker-selection') return true;
  const media = ask.mediaTypes ?? [];
  return ask.permission === 'media' && media.length > 0 && media.every((type) => type === 'audio');
}

/** Hosts whose pages the app may open in the system browser (help and status pages); nothing else. */
export const EXTERNAL_HOSTS: readonly string[] = ['status.twilio.com', 'www.twilio.com', 'status.openai.com', 'help.openai.com'];

export function externalLinkAllowed(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === '' && EXTERNAL_HOSTS.includes(parsed.hostname);
  } catch {
    return false;
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.map': 'application/json',
};

export type AssetAnswer = { kind: 'file'; filePath: string; contentType: string } | { kind: 'refused'; status: 400 | 403 | 404 };

/**
 * Which file a request for the app scheme reads: only files inside the built renderer directory, never
 * above it (`..`, encoded or not, backslashes, NUL), and only from the app's host.
 */
export function resolveAppAsset(requestUrl: string, rendererDir: string): AssetAnswer {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { kind: 'refused', status: 403 };
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (relative === '/' || relative === '') relative = '/index.html';
  if (relative.includes('\0') || relative.includes('\\') || relative.split('/').includes('..')) return { kind: 'refused', status: 403 };
  const root = path.resolve(rendererDir);
  const filePath = path.resolve(root, `.${relative}`);
  if (!filePath.startsWith(root + path.sep)) return { kind: 'refused', status: 403 };
  const contentType = CONTENT_TYPES[path.extname(filePath).toLowerCase()];
  if (!contentType) return { kind: 'refused', status: 404 };
  return { kind: 'file', filePath, contentType };
}
