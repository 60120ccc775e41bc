/**
 * The ports of a real contact center: TaskRouter rings the desk with the AI's package, the OpenAI
 * Realtime API transcribes both sides of the call. Built only when IT set telephonyMode 'twilio' and a
 * token endpoint; demo mode stays the default.
 */
import type { Settings } from '../../../shared/settings';
import type { Clock, SecretStore } from '../ports';
import { RealtimeTranscriptionSource } from '../transcription/realtimeTranscriptionSource';
import { TaskRouterTelephony, type TaskRouterStatus } from './taskRouterTelephony';
import { TokenEndpoint } from './tokenEndpoint';

export interface LivePorts {
  telephony: TaskRouterTelephony;
  transcripts: RealtimeTranscriptionSource;
  tokens: TokenEndpoint;
  /** Connects the worker; a failure leaves the desk running with the reason in the status. */
  start(onStatus: (status: TaskRouterStatus) => void): Promise<void>;
  stop(): void;
}

export interface LivePortsOptions {
  settings: Settings;
  secrets: SecretStore;
  clock: Clock;
  /** When the call clock starts for a call (pickup), for transcript times. */
  callClockStart: (callId: string) => number | undefined;
}

export function createLivePorts({ settings, secrets, clock, callClockStart }: LivePortsOptions): LivePorts {
  const tokens = new TokenEndpoint({ url: settings.tokenEndpointUrl, credential: () => secrets.get('token_endpoint_credential') });
  const telephony = new TaskRouterTelephony(tokens.provider('taskrouter'), clock, {
    ebServer: settings.taskRouterEventBridgeUrl || undefined,
    wsServer: settings.taskRouterSocketUrl || undefined,
  });
  const transcripts = new RealtimeTranscriptionSource({
    secrets,
    clock,
    baseURL: settings.openaiBaseUrl || undefined,
    model: settings.transcriptionModel,
    callClockStart,
  });
  return {
    telephony,
    transcripts,
    tokens,
    async start(onStatus) {
      telephony.onStatus(onStatus);
      await telephony.start();
    },
    stop() {
      telephony.stop();
      transcripts.stopAll();
    },
  };
}
