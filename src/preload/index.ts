/**
 * The whole bridge between the sandboxed renderer and the main process: one frozen object with
 * invoke/on over two channels. ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/ipc/channels';
import type { DeskBridge } from '../shared/ipc/deskContract';

type EventListener = (payload: unknown) => void;
const listeners = new Map<string, Set<EventListener>>();

ipcRenderer.on(IPC_EVENT_CHANNEL, (_event: IpcRendererEvent, message: { event: string; payload: unknown }) => {
  listeners.get(message.event)?.forEach((listener) => listener(message.payload));
});

const bridge: DeskBridge = {
  invoke: (method, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input),
  on(event, listener) {
    const set = listeners.get(event) ?? new Set<EventListener>();
    set.add(listener as EventListener);
    listeners.set(event, set);
    return () => set.delete(listener as EventListener);
  },
};

contextBridge.exposeInMainWorld('whisperDesk', Object.freeze(bridge));
