/** The browser search of `npm test` (tools/findBrowser.ts), on a fake filesystem per platform. */
import { execFileSync, spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBrowser, describeBrowserSearch, findBrowser, NO_BROWSER_MESSAGE, type BrowserFileSystem } from '../../../tools/findBrowser';

function fakeFs(files: string[]): BrowserFileSystem {
  const set = new Set(files);
  return {
    isFile: (file) => set.has(file),
    list: (dir) => {
      const prefix = dir.endsWith('/') || dir.endsWith('\\') ? dir : dir + (dir.includes('\\') ? '\\' : '/');
      return [...new Set(files.filter((file) => file.startsWith(prefix)).map((file) => file.slice(prefix.length).split(/[\\/]/)[0]!))];
    },
  };
}

const LINUX_CHROMIUM = '/usr/bin/chromium';
const LINUX_CHROME = '/usr/bin/google-chrome';
const LINUX_EDGE = '/usr/bin/microsoft-edge';
const LINUX_CACHE = '/home/ana/.cache/ms-playwright/chromium-1200/chrome-linux64/chrome';
const linux = (files: string[], env: Record<string, string> = {}) =>
  findBrowser({ platform: 'linux', env: { PATH: '/usr/bin', ...env }, home: '/home/ana', fs: fakeFs(files) });

describe('browser search for the end-to-end tests', () => {
  it('takes CHROMIUM_PATH first, then Chromium, Chrome, Edge and the Playwright cache, in that order (Linux)', () => {
    const all = ['/opt/my/chrome', LINUX_CHROMIUM, LINUX_CHROME, LINUX_EDGE, LINUX_CACHE];
    expect(linux(all, { CHROMIUM_PATH: '/opt/my/chrome' })).toMatchObject({ kind: 'found', source: 'env', path: '/opt/my/chrome' });
    expect(linux(all.slice(1))).toMatchObject({ source: 'chromium', path: LINUX_CHROMIUM });
    expect(linux(all.slice(2))).toMatchObject({ source: 'chrome', path: LINUX_CHROME });
    expect(linux(all.slice(3))).toMatchObject({ source: 'edge', path: LINUX_EDGE });
    expect(linux(all.slice(4))).toMatchObject({ source: 'playwright', path: LINUX_CACHE });
    expect(linux([])).toEqual({ kind: 'none' });
  });

  it('finds chromium-browser and browsers elsewhere on PATH', () => {
    expect(linux(['/usr/bin/chromium-browser'])).toMatchObject({ source: 'chromium', path: '/usr/bin/chromium-browser' });
    expect(linux(['/home/ana/bin/chromium'], { PATH: '/usr/bin:/home/ana/bin' })).toMatchObject({
      source: 'chromium',
      path: '/home/ana/bin/chromium',
    });
    expect(linux(['/opt/google/chrome/chrome'])).toMatchObject({ source: 'chrome' });
  });

  it('says so when CHROMIUM_PATH names nothing, instead of quietly using another browser', () => {
    const result = linux([LINUX_CHROMIUM], { CHROMIUM_PATH: '/nowhere/chrome' });
    expect(result).toEqual({ kind: 'missing-env', path: '/nowhere/chrome' });
    expect(describeBrowserSearch(result)).toMatch(/^CHROMIUM_PATH is set to \/nowhere\/chrome, which does not exist/);
  });

  it('takes the newest Playwright revision, in its old or new layout, and honours PLAYWRIGHT_BROWSERS_PATH', () => {
    const old = '/home/ana/.cache/ms-playwright/chromium-1100/chrome-linux/chrome';
    const newer = '/home/ana/.cache/ms-playwright/chromium-1208/chrome-linux64/chrome';
    const shell = '/home/ana/.cache/ms-playwright/chromium_headless_shell-1300/chrome-linux/headless_shell';
    expect(linux([old, newer, shell])).toMatchObject({ path: newer });
    expect(linux([old])).toMatchObject({ path: old });
    expect(linux(['/pw/chromium-1/chrome-linux64/chrome'], { PLAYWRIGHT_BROWSERS_PATH: '/pw' })).toMatchObject({
      source: 'playwright',
      path: '/pw/chromium-1/chrome-linux64/chrome',
    });
  });

  it('looks in the standard places on macOS', () => {
    const mac = (files: string[]) => findBrowser({ platform: 'darwin', env: {}, home: '/Users/ana', fs: fakeFs(files) });
    const chromium = '/Applications/Chromium.app/Contents/MacOS/Chromium';
    const chrome = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
    const edge = '/Users/ana/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge';
    const cache =
      '/Users/ana/Library/Caches/ms-playwright/chromium-1200/chrome-mac-arm64/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing';
    expect(mac([chromium, chrome, edge, cache])).toMatchObject({ source: 'chromium', path: chromium });
    expect(mac([chrome, edge, cache])).toMatchObject({ source: 'chrome', path: chrome });
    expect(mac([edge, cache])).toMatchObject({ source: 'edge', path: edge });
    expect(mac([cache])).toMatchObject({ source: 'playwright', path: cache });
  });

  it('looks in the standard places on Windows', () => {
    const env = {
      LOCALAPPDATA: 'C:\\Users\\ana\\AppData\\Local',
      ProgramFiles: 'C:\\Program Files',
      'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    };
    const win = (files: string[]) => findBrowser({ platform: 'win32', env, home: 'C:\\Users\\ana', fs: fakeFs(files) });
    const chromium = 'C:\\Users\\ana\\AppData\\Local\\Chromium\\Application\\chrome.exe';
    const chrome = 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const cache = 'C:\\Users\\ana\\AppData\\Local\\ms-playwright\\chromium-1200\\chrome-win64\\chrome.exe';
    expect(win([chromium, chrome, edge, cache])).toMatchObject({ source: 'chromium', path: chromium });
    expect(win([chrome, edge, cache])).toMatchObject({ source: 'chrome', path: chrome });
    expect(win([edge, cache])).toMatchObject({ source: 'edge', path: edge });
    expect(win([cache])).toMatchObject({ source: 'playwright', path: cache });
  });

  it('as the first step of npm test: names the browser, or stops with one line saying how to get one', () => {
    const lines: string[] = [];
    const out = { log: (line: string) => lines.push(`log ${line}`), error: (line: string) => lines.push(`error ${line}`) };
    expect(checkBrowser({ platform: 'linux', env: {}, home: '/home/ana', fs: fakeFs([LINUX_CHROME]) }, out)).toBe(0);
    expect(checkBrowser({ platform: 'linux', env: {}, home: '/home/ana', fs: fakeFs([]) }, out)).toBe(1);
    expect(lines).toEqual([`log End-to-end tests use Google Chrome: ${LINUX_CHROME}`, `error ${NO_BROWSER_MESSAGE}`]);
    expect(NO_BROWSER_MESSAGE).not.toContain('\n');
    expect(NO_BROWSER_MESSAGE).toMatch(/apt-get install chromium.*npx playwright install chromium.*CHROMIUM_PATH/);
  });

  it('runs as a script: exit 0 and the line on stdout; exit 1 and the line on stderr', () => {
    const script = path.resolve(__dirname, '../../../tools/checkBrowser.ts');
    const ok = execFileSync(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, CHROMIUM_PATH: process.execPath },
      encoding: 'utf8',
    });
    expect(ok.trim()).toBe(`End-to-end tests use CHROMIUM_PATH: ${process.execPath}`);
    const failed = spawnSync(process.execPath, ['--import', 'tsx', script], {
      env: { ...process.env, CHROMIUM_PATH: '/nowhere/chrome' },
      encoding: 'utf8',
    });
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([describeBrowserSearch({ kind: 'missing-env', path: '/nowhere/chrome' })]);
  });
});
