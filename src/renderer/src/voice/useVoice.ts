/**
 * React's view of a VoiceClient: its status and call records, re-rendered on every change. The hook only
 * reads; the component calls the client's methods (accept, mute, hold, sendDigits, hangUp, devices).
 * `createDeskVoiceClient` and `tapDeskCallAudio` supply the same-origin assets Vite emits (voiceAssets.ts).
 */
import { useSyncExternalStore } from 'react';
import { tapCallAudio, type CallAudioTapOptions } from './callAudioTap';
import type { VoiceCallRecord } from './voiceCall';
import { VoiceClient, type VoiceClientOptions, type VoiceStatus } from './voiceClient';
import { pcmWorkletUrl, silentSoundUrl } from './voiceAssets';

export function createDeskVoiceClient(options: Omit<VoiceClientOptions, 'soundUrl'> = {}): VoiceClient {
  return new VoiceClient({ soundUrl: silentSoundUrl, ...options });
}

/** Starts transcribing-side audio for an accepted call; resolves to its stop function (it also stops at hang-up). */
export function tapDeskCallAudio(
  client: VoiceClient,
  callSid: string,
  options: Omit<CallAudioTapOptions, 'workletUrl'>,
): Promise<() => Promise<void>> {
  return tapCallAudio(client, callSid, { workletUrl: pcmWorkletUrl, ...options });
}

export interface VoiceView {
  status: VoiceStatus;
  /** Live calls first, then ended ones, newest first. */
  calls: VoiceCallRecord[];
}

interface VoiceStore {
  view: VoiceView;
  subscribe(onChange: () => void): () => void;
}

const stores = new WeakMap<VoiceClient, VoiceStore>();

/** One store per client, following it for the client's lifetime, so a late subscriber never reads a stale view. */
function storeOf(client: VoiceClient): VoiceStore {
  const existing = stores.get(client);
  if (existing) return existing;
  const subscribers = new Set<() => void>();
  const store: VoiceStore = {
    view: { status: client.status(), calls: client.calls() },
    subscribe(onChange) {
      subscribers.add(onChange);
      return () => subscribers.delete(onChange);
    },
  };
  const refresh = () => {
    store.view = { status: client.status(), calls: client.calls() };
    for (const onChange of subscribers) onChange();
  };
  client.on('status', refresh);
  client.on('call', refresh);
  stores.set(client, store);
  return store;
}

export function useVoice(client: VoiceClient): VoiceView {
  const store = storeOf(client);
  return useSyncExternalStore(store.subscribe, () => store.view);
}
