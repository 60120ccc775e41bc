/**
 * Drives the real Electron app. Runs wherever the Electron binary is installed; on machines where it
 * could not be downloaded (this project's CI) it is reported as skipped, never as passed.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = path.resolve(__dirname, '../../..');
const electronDir = path.join(ROOT, 'node_modules/electron');

function installedElectronBinary(): string | undefined {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = installedElectronBinary();

test.describe('Electron app', () => {
  test.skip(!binary, 'The Electron binary is not installed on this machine (ELECTRON_SKIP_BINARY_DOWNLOAD).');
  test.skip(!existsSync(path.join(ROOT, 'out/main/main.js')), 'Run "npm run build" first.');

  test('opens in demo mode, rings a call with its package, and keeps the renderer sandboxed', async () => {
    const userData = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-electron-'));
    const app = await electron.launch({
      executablePath: binary,
      args: [path.join(ROOT, 'out/main/main.js'), `--user-data-dir=${userData}`],
      env: { ...process.env, WHISPER_DESK_MANAGED_SETTINGS: path.join(userData, 'none.json') },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByTestId('ring-demo')).toBeVisible();
      expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      await window.getByTestId('ring-demo').click();
      await expect(window.getByTestId('ringing-card')).toBeVisible();
      await expect(window.getByTestId('caller-name')).not.toBeEmpty();
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0]!.webContents;
        return (contents as unknown as { getLastWebPreferences(): Record<string, unknown> }).getLastWebPreferences();
      });
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    } finally {
      await app.close();
    }
  });
});
