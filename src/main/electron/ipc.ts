/**
 * The one place IPC handlers are registered. A message is served only if it comes from the main frame
 * of one of our own windows showing our own page; anything else is answered `forbidden` and never
 * reaches the handler.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { DeskRequestHandler } from '../core/deskRequestHandler';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/ipc/channels';
import { isTrustedPageUrl } from '../core/appOrigin';
import { shellContext } from './appProtocol';

export function registerDeskIpc(handle: DeskRequestHandler, windows: () => BrowserWindow[]): void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event: IpcMainInvokeEvent, method: unknown, input: unknown) => {
    if (!isTrustedSender(event, windows())) {
      return { ok: false, error: { code: 'forbidden', message: 'Request from an unknown frame was refused.' } };
    }
    if (typeof method !== 'string') return { ok: false, error: { code: 'invalid_input', message: 'method must be a string' } };
    return handle(method, input);
  });
}

export function sendDeskEvent(windows: BrowserWindow[], event: string, payload: unknown): void {
  for (const window of windows) {
    if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, { event, payload });
  }
}

function isTrustedSender(event: IpcMainInvokeEvent, windows: BrowserWindow[]): boolean {
  const frame = event.senderFrame;
  if (!frame || frame !== event.sender.mainFrame) return false;
  if (!windows.some((window) => window.webContents === event.sender)) return false;
  return isTrustedPageUrl(frame.url, shellContext());
}
