/// <reference types="vite/client" />
import type { DeskBridge } from '../../shared/ipc/deskContract';

declare global {
  interface Window {
    /** Put there by the preload (or the web harness); absent means the renderer was opened on its own. */
    whisperDesk?: DeskBridge;
  }
}

export {};
