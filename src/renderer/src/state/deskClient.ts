/**
 * The renderer's only way to reach the main process: wraps window.whisperDesk so every reply is an
 * envelope, a transport failure becomes an error envelope too, and every failure is shown as a notice.
 */
import { createContext, useContext } from 'react';
import type { DeskBridge, DeskInput, DeskMethodName, DeskOutput } from '../../../shared/ipc/deskContract';
import type { Envelope } from '../../../shared/ipc/envelope';
import { pushNotice } from './noticeStore';

/** What the agent was trying to do, in words, for the error notice. */
const ACTION_WORDS: Record<DeskMethodName, string> = {
  getSnapshot: 'Loading the desk',
  acceptCall: 'Accepting the call',
  declineCall: 'Declining the call',
  hangUp: 'Hanging up',
  saveNotes: 'Saving notes',
  getTranscript: 'Loading the transcript',
  listHistory: 'Loading call history',
  getStoredCall: 'Opening the stored call',
  ringDemoCall: 'Ringing a demo call',
  ringScenarioText: 'Loading the scenario',
  updateSettings: 'Saving settings',
  setOpenAiApiKey: 'Saving the OpenAI key',
  prepareHandBack: 'Preparing the hand-back',
  confirmHandBack: 'Handing back to the assistant',
  verifyCaller: 'Recording the caller verification',
  saveWrapUp: 'Saving the wrap-up',
  getMetrics: 'Loading the metrics',
  exportCallRecordsCsv: 'Exporting call records',
  setAvailability: 'Changing availability',
  getVoiceToken: 'Connecting the phone line',
  pushCallAudio: 'Sending call audio for the transcript',
  reportRendered: 'Reporting render time',
  recordVoiceLeg: 'Saving the phone line details',
};

export interface CallOptions {
  /** The caller shows the error itself, in place (e.g. the notes status line). */
  quiet?: boolean;
}

export interface DeskClient {
  call<M extends DeskMethodName>(method: M, input: DeskInput<M>, options?: CallOptions): Promise<Envelope<DeskOutput<M>>>;
  on: DeskBridge['on'];
}

export function createDeskClient(bridge: DeskBridge): DeskClient {
  return {
    async call(method, input, options) {
      let envelope: Envelope<DeskOutput<typeof method>>;
      try {
        envelope = await bridge.invoke(method, input);
        if (typeof envelope !== 'object' || envelope === null || typeof envelope.ok !== 'boolean') {
          envelope = { ok: false, error: { code: 'internal', message: 'the desk sent a reply the app cannot read' } };
        }
      } catch (error) {
        envelope = { ok: false, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
      }
      if (!envelope.ok && !options?.quiet) pushNotice('error', `${ACTION_WORDS[method]} failed: ${envelope.error.message}`);
      return envelope;
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

export const DeskClientContext = createContext<DeskClient | null>(null);

export function useDeskClient(): DeskClient {
  const client = useContext(DeskClientContext);
  if (!client) throw new Error('useDeskClient outside DeskClientContext');
  return client;
}
