/**
 * The web harness's stand-in for the preload bridge: the same DeskBridge API on window.whisperDesk,
 * over loopback HTTP with the session token. Served only by the harness; never part of the app bundle.
 */
import type { DeskBridge } from '../../src/shared/ipc/deskContract';

declare global {
  interface Window {
    whisperDesk?: DeskBridge;
  }
}

const TOKEN_KEY = 'whisper-desk-harness-token';

function takeToken(): string {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('token');
  if (fromHash) {
    sessionStorage.setItem(TOKEN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

const token = takeToken();
const listeners = new Map<string, Set<(payload: unknown) => void>>();

async function pumpEvents(): Promise<void> {
  for (;;) {
    try {
      const response = await fetch('/api/events', { headers: { 'x-desk-token': token } });
      if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = frame.split('\n').find((line) => line.startsWith('data: '));
          if (!data) continue;
          const { event, payload } = JSON.parse(data.slice(6)) as { event: string; payload: unknown };
          listeners.get(event)?.forEach((listener) => listener(payload));
        }
      }
    } catch {
      // The harness restarted or the stream broke: try again shortly.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const bridge: DeskBridge = {
  async invoke(method, input) {
    try {
      const response = await fetch(`/api/invoke/${encodeURIComponent(method)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-desk-token': token },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as never;
    } catch (error) {
      return { ok: false, error: { code: 'internal', message: `The desk is not reachable: ${(error as Error).message}` } } as const;
    }
  },
  on(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener as (payload: unknown) => void);
    listeners.set(event, set);
    return () => set.delete(listener as (payload: unknown) => void);
  },
};

window.whisperDesk = Object.freeze(bridge);
void pumpEvents();
