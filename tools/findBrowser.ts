/**
 * Which Chromium-family browser the end-to-end tests and the benches drive, found in this order:
 * CHROMIUM_PATH, the system's Chromium, Google Chrome, Microsoft Edge, then Playwright's own browser
 * cache (`npx playwright install chromium`). `tools/checkBrowser.ts`, the first step of `npm test`, says
 * which one it found, or stops with one line saying how to get one.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface BrowserFileSystem {
  isFile(file: string): boolean;
  list(dir: string): string[];
}

export type BrowserSource = 'env' | 'chromium' | 'chrome' | 'edge' | 'playwright';

export type BrowserSearchResult =
  | { kind: 'found'; path: string; source: BrowserSource; label: string }
  /** CHROMIUM_PATH names a file that is not there: said, not silently passed over. */
  | { kind: 'missing-env'; path: string }
  | { kind: 'none' };

export interface BrowserSearchOptions {
  platform?: NodeJS.Platform;
  env?: Record<string, string | undefined>;
  home?: string;
  fs?: BrowserFileSystem;
}

export const NO_BROWSER_MESSAGE =
  'No Chromium, Chrome or Edge found for the end-to-end tests: install one (`apt-get install chromium`), or run `npx playwright install chromium`, or set CHROMIUM_PATH to a Chromium-family browser.';

export const realFileSystem: BrowserFileSystem = {
  isFile: (file) => {
    try {
      return statSync(file).isFile();
    } catch {
      return false;
    }
  },
  list: (dir) => {
    try {
      return existsSync(dir) ? readdirSync(dir) : [];
    } catch {
      return [];
    }
  },
};

type Env = Record<string, string | undefined>;
type InstalledSource = 'chromium' | 'chrome' | 'edge';

function pathsFor(platform: NodeJS.Platform): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** Where each kind of browser installs itself on each platform, most usual first. */
function installedCandidates(platform: NodeJS.Platform, env: Env, home: string): Record<InstalledSource, string[]> {
  const p = pathsFor(platform);
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.ProgramFiles ?? 'C:\\Program Files', env['ProgramFiles(x86)'] ?? 'C:\\Program Files (x86)'].filter(
      (root): root is string => Boolean(root),
    );
    const under = (...parts: string[]) => roots.map((root) => p.join(root, ...parts));
    return {
      chromium: under('Chromium', 'Application', 'chrome.exe'),
      chrome: under('Google', 'Chrome', 'Application', 'chrome.exe'),
      edge: under('Microsoft', 'Edge', 'Application', 'msedge.exe'),
    };
  }
  if (platform === 'darwin') {
    const apps = (name: string, binary: string) =>
      ['/Applications', p.join(home, 'Applications')].map((dir) => p.join(dir, `${name}.app`, 'Contents', 'MacOS', binary));
    return {
      chromium: apps('Chromium', 'Chromium'),
      chrome: apps('Google Chrome', 'Google Chrome'),
      edge: apps('Microsoft Edge', 'Microsoft Edge'),
    };
  }
  const onPath = (...names: string[]) => {
    const dirs = ['/usr/bin', '/usr/local/bin', '/snap/bin', ...(env.PATH ?? '').split(':').filter(Boolean)];
    return [...new Set(names.flatMap((name) => dirs.map((dir) => p.join(dir, name))))];
  };
  return {
    chromium: onPath('chromium', 'chromium-browser'),
    chrome: [...onPath('google-chrome', 'google-chrome-stable'), '/opt/google/chrome/chrome'],
    edge: [...onPath('microsoft-edge', 'microsoft-edge-stable'), '/opt/microsoft/msedge/msedge'],
  };
}

/** Playwright's cache: PLAYWRIGHT_BROWSERS_PATH, else its per-platform default. */
function playwrightCacheDir(platform: NodeJS.Platform, env: Env, home: string): string {
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0') return env.PLAYWRIGHT_BROWSERS_PATH;
  const p = pathsFor(platform);
  if (platform === 'win32') return p.join(env.LOCALAPPDATA ?? p.join(home, 'AppData', 'Local'), 'ms-playwright');
  if (platform === 'darwin') return p.join(home, 'Library', 'Caches', 'ms-playwright');
  return p.join(env.XDG_CACHE_HOME ?? p.join(home, '.cache'), 'ms-playwright');
}

/** The executable inside one `chromium-<revision>` folder: Chrome for Testing layouts first, then the older Chromium ones. */
function playwrightExecutables(platform: NodeJS.Platform, dir: string): string[] {
  const p = pathsFor(platform);
  if (platform === 'win32') return [p.join(dir, 'chrome-win64', 'chrome.exe'), p.join(dir, 'chrome-win', 'chrome.exe')];
  if (platform === 'darwin') {
    const testing = ['Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'];
    return [
      p.join(dir, 'chrome-mac-arm64', ...testing),
      p.join(dir, 'chrome-mac-x64', ...testing),
      p.join(dir, 'chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'),
    ];
  }
  return [p.join(dir, 'chrome-linux64', 'chrome'), p.join(dir, 'chrome-linux-arm64', 'chrome'), p.join(dir, 'chrome-linux', 'chrome')];
}

const SOURCE_LABELS: Record<BrowserSource, string> = {
  env: 'CHROMIUM_PATH',
  chromium: "the system's Chromium",
  chrome: 'Google Chrome',
  edge: 'Microsoft Edge',
  playwright: "Playwright's browser cache",
};

const REVISION = /^chromium-(\d+)$/;

export function findBrowser(options: BrowserSearchOptions = {}): BrowserSearchResult {
  const { platform = process.platform, env = process.env, home = os.homedir(), fs = realFileSystem } = options;
  const found = (file: string, source: BrowserSource): BrowserSearchResult => ({
    kind: 'found',
    path: file,
    source,
    label: SOURCE_LABELS[source],
  });
  if (env.CHROMIUM_PATH)
    return fs.isFile(env.CHROMIUM_PATH) ? found(env.CHROMIUM_PATH, 'env') : { kind: 'missing-env', path: env.CHROMIUM_PATH };
  const installed = installedCandidates(platform, env, home);
  for (const source of ['chromium', 'chrome', 'edge'] as const) {
    const file = installed[source].find((candidate) => fs.isFile(candidate));
    if (file) return found(file, source);
  }
  const cache = playwrightCacheDir(platform, env, home);
  // The newest revision first: `npx playwright install` leaves older ones behind.
  const revisions = fs
    .list(cache)
    .filter((name) => REVISION.test(name))
    .sort((a, b) => Number(REVISION.exec(b)?.[1]) - Number(REVISION.exec(a)?.[1]));
  for (const revision of revisions) {
    const file = playwrightExecutables(platform, pathsFor(platform).join(cache, revision)).find((candidate) => fs.isFile(candidate));
    if (file) return found(file, 'playwright');
  }
  return { kind: 'none' };
}

/** One line for the console. */
export function describeBrowserSearch(result: BrowserSearchResult): string {
  if (result.kind === 'found') return `End-to-end tests use ${result.label}: ${result.path}`;
  if (result.kind === 'missing-env')
    return `CHROMIUM_PATH is set to ${result.path}, which does not exist: point it at a Chromium-family browser, or unset it to search the usual places.`;
  return NO_BROWSER_MESSAGE;
}

/** The browser's path, or an Error carrying the one line to show. */
export function browserExecutable(options?: BrowserSearchOptions): string {
  const result = findBrowser(options);
  if (result.kind === 'found') return result.path;
  throw new Error(describeBrowserSearch(result));
}

/** The script's work: one line out, and the exit code (1 when there is no browser). */
export function checkBrowser(
  options?: BrowserSearchOptions,
  out: { log(line: string): void; error(line: string): void } = { log: (line) => console.log(line), error: (line) => console.error(line) },
): 0 | 1 {
  const result = findBrowser(options);
  const line = describeBrowserSearch(result);
  if (result.kind === 'found') {
    out.log(line);
    return 0;
  }
  out.error(line);
  return 1;
}
