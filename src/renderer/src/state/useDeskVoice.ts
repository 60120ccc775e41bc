/**
 * Live mode's phone line: one Voice client registered with a token the main process fetches (its
 * credential never comes here), linked to the desk's calls (DeskVoiceLink). Demo mode has none, and
 * does not even load the Voice SDK: it is a chunk of its own, fetched only in live mode.
 * A failed registration can be retried: the client is built anew.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { CallView } from '../../../shared/callSchemas';
import type { DeskSnapshot } from '../../../shared/ipc/deskContract';
import type { DeskLine, DeskVoiceLink, DeskVoiceView } from '../voice/deskVoiceLink';
import type { DeskClient } from './deskClient';
import { pushNotice } from './noticeStore';

export interface DeskVoice {
  link: DeskVoiceLink;
  view: DeskVoiceView;
  retry(): void;
}

export const DeskVoiceContext = createContext<DeskVoice | null>(null);

export function useDeskVoiceContext(): DeskVoice | null {
  return useContext(DeskVoiceContext);
}

const IDLE_VIEW: DeskVoiceView = { status: { state: 'idle' }, unmatched: [] };

export function useDeskVoice(client: DeskClient, snapshot: DeskSnapshot, call: CallView | null): DeskVoice | null {
  const live = snapshot.telephony.mode === 'twilio';
  const { voiceEdge, voiceSignalingHost } = snapshot.settings;
  const [attempt, setAttempt] = useState(0);
  const [link, setLink] = useState<DeskVoiceLink | null>(null);

  useEffect(() => {
    if (!live) return;
    let created: DeskVoiceLink | undefined;
    let cancelled = false;
    void startPhoneLine(client, voiceEdge, voiceSignalingHost).then(
      (link) => {
        if (cancelled) return link.stop();
        created = link;
        setLink(link);
      },
      (error: Error) => pushNotice('error', `The phone line could not start: ${error.message}`),
    );
    return () => {
      cancelled = true;
      created?.stop();
      setLink(null);
    };
  }, [client, live, voiceEdge, voiceSignalingHost, attempt]);

  useEffect(() => link?.deskChanged(call), [link, call]);

  const subscribe = useCallback((onChange: () => void) => link?.subscribe(onChange) ?? (() => undefined), [link]);
  const getView = useCallback(() => link?.view() ?? IDLE_VIEW, [link]);
  const view = useSyncExternalStore(subscribe, getView);
  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  return useMemo(() => (link ? { link, view, retry } : null), [link, view, retry]);
}

/** Loads the Voice chunk, builds the client and its link to the desk, and starts registering. */
async function startPhoneLine(client: DeskClient, voiceEdge: string, voiceSignalingHost: string): Promise<DeskVoiceLink> {
  const [{ DeskVoiceLink }, { createDeskVoiceClient, tapDeskCallAudio }] = await Promise.all([
    import('../voice/deskVoiceLink'),
    import('../voice/deskVoiceClient'),
  ]);
  const edges = voiceEdge
    .split(',')
    .map((edge) => edge.trim())
    .filter(Boolean);
  // TURN credentials come with each Voice token (when the endpoint sends them) and serve the calls after it.
  let iceServers: RTCIceServer[] = [];
  const voice = createDeskVoiceClient({
    iceServers: () => iceServers,
    ...(edges.length ? { edge: edges.length === 1 ? edges[0] : edges } : {}),
    ...(voiceSignalingHost ? { signalingHosts: [voiceSignalingHost] } : {}),
  });
  const link = new DeskVoiceLink(voice, deskLineOf(client), (voiceClient, callSid, onChunk, onError) =>
    tapDeskCallAudio(voiceClient, callSid, { onChunk, onError }),
  );
  // A refusal is shown by the client's status (the badge); nothing else to do with it here.
  voice
    .register(async () => {
      const result = await client.call('getVoiceToken', {}, { quiet: true });
      if (!result.ok) throw new Error(result.error.message);
      iceServers = result.value.iceServers ?? [];
      return result.value.token;
    })
    .catch(() => undefined);
  return link;
}

function deskLineOf(client: DeskClient): DeskLine {
  return {
    async pushAudio(callId, speaker, audioBase64) {
      const result = await client.call('pushCallAudio', { callId, speaker, audioBase64 }, { quiet: true });
      return result.ok;
    },
    recordLeg(callId, leg) {
      // A late report for a call the desk has moved on from is not the agent's problem.
      void client.call('recordVoiceLeg', { callId, leg }, { quiet: true });
    },
    hangUpDesk(callId) {
      void client.call('hangUp', { callId }, { quiet: true });
    },
    notify: pushNotice,
  };
}
