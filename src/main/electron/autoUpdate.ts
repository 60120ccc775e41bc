/**
 * electron-updater behind the core's Updater port: the decisions (when to look, download, install) are
 * updatePolicy.ts's; this file only sets the feed and calls electron-updater.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { autoUpdater } from 'electron-updater';
import type { Desk } from '../core/createDesk';
import { UpdateCoordinator, type UpdateContext } from '../core/updates/updateCoordinator';

const TICK_MS = 60_000;

export function startAutoUpdate(desk: Desk, log: (message: string) => void): { contextAtQuit(): void; stop(): void } {
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.logger = { info: () => undefined, warn: log, error: log, debug: () => undefined };
  const coordinator = new UpdateCoordinator({
    packaged: app.isPackaged,
    builtInFeed: app.isPackaged && existsSync(path.join(process.resourcesPath, 'app-update.yml')),
    now: Date.now,
    log,
    updater: {
      async check(feed) {
        if (feed.provider === 'generic') autoUpdater.setFeedURL({ provider: 'generic', url: feed.url, channel: feed.channel });
        autoUpdater.channel = feed.channel;
        autoUpdater.allowPrerelease = feed.channel === 'beta';
        const result = await autoUpdater.checkForUpdates();
        return { available: result?.isUpdateAvailable ?? false, version: result?.updateInfo.version };
      },
      async download() {
        await autoUpdater.downloadUpdate();
      },
      install: () => autoUpdater.quitAndInstall(true, true),
    },
  });
  const context = (): UpdateContext => {
    const snapshot = desk.service.getSnapshot();
    return { settings: snapshot.settings, lockedKeys: snapshot.lockedSettings, snapshot };
  };
  const timer = setInterval(() => coordinator.tick(context()), TICK_MS);
  setTimeout(() => coordinator.tick(context()), 10_000).unref();
  return {
    // Quitting: a downloaded update installs on the way out unless a call is on or policy says no.
    contextAtQuit: () => {
      autoUpdater.autoInstallOnAppQuit = coordinator.mayInstallOnQuit(context());
    },
    stop: () => clearInterval(timer),
  };
}
