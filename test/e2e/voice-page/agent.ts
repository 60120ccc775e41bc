/**
 * The agent's side of the voice e2e test: the real VoiceClient and audio tap (src/renderer/src/voice),
 * bundled by esbuild and served under the app's CSP. The test drives it through `window.voiceTest`; the
 * token provider asks the test (`window.fetchVoiceToken`, exposed by Playwright), as the app's provider
 * asks the main process. Everything observable is kept in plain JSON for the test to read.
 */
import { audioPackets } from './audioPackets';
import { tapCallAudio } from '../../../src/renderer/src/voice/callAudioTap';
import { matchReservation, type ReservationMatch } from '../../../src/renderer/src/voice/handoffParams';
import type { VoiceCallRecord } from '../../../src/renderer/src/voice/voiceCall';
import type { VoiceError } from '../../../src/renderer/src/voice/voiceErrors';
import { VoiceClient, VoiceRegistrationError, type VoiceStatus } from '../../../src/renderer/src/voice/voiceClient';

interface StartOptions {
  host: string;
  tokenRefreshMs?: number;
  reconnectGiveUpMs?: number;
  registerTimeoutMs?: number;
  introTimeoutMs?: number;
  tokenRetryDelaysMs?: number[];
}

interface TapSideStats {
  chunks: number;
  bytes: number;
  sizes: number[];
  /** Largest RMS of any chunk, full scale = 1. */
  maxRms: number;
}

interface LogEntry {
  event: string;
  at: number;
  data: unknown;
}

declare global {
  interface Window {
    fetchVoiceToken(): Promise<string>;
    voiceTest: typeof api;
  }
}

const now = () => performance.timeOrigin + performance.now();

// The SDK makes its RTCPeerConnection when a call is accepted; keep a handle for getStats and DTMF events.
const peerConnections: RTCPeerConnection[] = [];
const NativePeerConnection = window.RTCPeerConnection;
window.RTCPeerConnection = class RecordedPeerConnection extends NativePeerConnection {
  constructor(configuration?: RTCConfiguration) {
    super(configuration);
    peerConnections.push(this);
  }
};

let client: VoiceClient | undefined;
const log: LogEntry[] = [];
const records = new Map<string, VoiceCallRecord>();
const incomingAt = new Map<string, number>();
const tap: Record<'agent' | 'customer', TapSideStats> = {
  agent: { chunks: 0, bytes: 0, sizes: [], maxRms: 0 },
  customer: { chunks: 0, bytes: 0, sizes: [], maxRms: 0 },
};
const tones: string[] = [];
let stopTap: (() => Promise<void>) | undefined;

const api = {
  async start(options: StartOptions): Promise<{ ok: true } | { ok: false; error: VoiceError }> {
    client = new VoiceClient({
      soundUrl: '/silence.wav',
      signalingHosts: [options.host],
      iceServers: [],
      tokenRefreshMs: options.tokenRefreshMs,
      reconnectGiveUpMs: options.reconnectGiveUpMs,
      registerTimeoutMs: options.registerTimeoutMs,
      introTimeoutMs: options.introTimeoutMs,
      tokenRetryDelaysMs: options.tokenRetryDelaysMs,
    });
    client.on('status', (status) => log.push({ event: 'status', at: now(), data: status }));
    client.on('error', (event) => log.push({ event: 'error', at: now(), data: event }));
    client.on('warning', (event) => log.push({ event: 'warning', at: now(), data: { ...event, data: undefined } }));
    client.on('call', (record) => records.set(record.callSid, record));
    client.on('incoming', (incoming) => {
      incomingAt.set(incoming.record.callSid, now());
      records.set(incoming.record.callSid, incoming.record);
      log.push({ event: 'incoming', at: now(), data: incoming.record });
    });
    try {
      await client.register(() => window.fetchVoiceToken());
      return { ok: true };
    } catch (error) {
      if (error instanceof VoiceRegistrationError) return { ok: false, error: error.voiceError };
      throw error;
    }
  },
  status(): VoiceStatus | undefined {
    return client?.status();
  },
  log(event?: string): LogEntry[] {
    return event ? log.filter((entry) => entry.event === event) : log;
  },
  record(callSid: string): VoiceCallRecord | undefined {
    return records.get(callSid);
  },
  incomingAt(callSid: string): number | undefined {
    return incomingAt.get(callSid);
  },
  match(callSid: string, reservation: { taskSid?: string; handoffId?: string }): ReservationMatch | undefined {
    const record = records.get(callSid);
    return record && matchReservation(record.handoff, reservation);
  },
  /** Runs a client method and returns its error message instead of throwing across the page boundary. */
  act(method: 'accept' | 'reject' | 'hangUp' | 'markBridged', callSid: string): string | undefined {
    try {
      client![method](callSid);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  },
  mute(callSid: string, muted: boolean): void {
    client!.mute(callSid, muted);
  },
  hold(callSid: string, held: boolean): void {
    client!.hold(callSid, held);
  },
  sendDigits(callSid: string, digits: string): string | undefined {
    try {
      client!.sendDigits(callSid, digits);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  },
  async startTap(callSid: string): Promise<void> {
    stopTap = await tapCallAudio(client!, callSid, {
      workletUrl: '/pcmWorklet.js',
      onChunk(speaker, chunk) {
        const side = tap[speaker];
        side.chunks += 1;
        side.bytes += chunk.byteLength;
        if (!side.sizes.includes(chunk.byteLength)) side.sizes.push(chunk.byteLength);
        side.maxRms = Math.max(side.maxRms, rmsOf(chunk));
      },
      onError: (error) => log.push({ event: 'tap-error', at: now(), data: error.message }),
    });
  },
  async stopTap(): Promise<void> {
    await stopTap?.();
  },
  tapStats() {
    return tap;
  },
  /** What the SDK's own peer connection says: media in both directions, and the remote track. */
  async peerStats() {
    const pc = peerConnections.at(-1);
    if (!pc) return undefined;
    const { packetsReceived, packetsSent } = await audioPackets(pc);
    const remoteTrack = pc.getReceivers()[0]?.track;
    const localTrack = pc.getSenders()[0]?.track;
    return {
      connectionState: pc.connectionState,
      packetsReceived,
      packetsSent,
      remoteTrack: remoteTrack && { readyState: remoteTrack.readyState, enabled: remoteTrack.enabled },
      localTrackEnabled: localTrack?.enabled,
      telephoneEvent: /telephone-event/i.test(pc.remoteDescription?.sdp ?? ''),
    };
  },
  /** Records the tones the SDK's RTCDTMFSender actually plays into the RTP stream. */
  watchTones(): boolean {
    const sender = peerConnections
      .at(-1)
      ?.getSenders()
      .find((candidate) => candidate.dtmf);
    if (!sender?.dtmf) return false;
    sender.dtmf.addEventListener('tonechange', (event) => {
      if ((event as RTCDTMFToneChangeEvent).tone) tones.push((event as RTCDTMFToneChangeEvent).tone);
    });
    return true;
  },
  tones(): string {
    return tones.join('');
  },
  devices() {
    const devices = client!.devices();
    const plain = (list: MediaDeviceInfo[]) => list.map((device) => ({ deviceId: device.deviceId, label: device.label }));
    return { inputs: plain(devices.inputs), outputs: plain(devices.outputs), outputSelectable: devices.outputSelectable };
  },
  async setInputDevice(deviceId: string): Promise<string | undefined> {
    try {
      await client!.setInputDevice(deviceId);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  },
  async setOutputDevice(deviceId: string): Promise<string | undefined> {
    try {
      await client!.setOutputDevice(deviceId);
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  },
  localTrackId(callSid: string): string | undefined {
    return client!.streams(callSid).local?.getAudioTracks()[0]?.id;
  },
  stop(): void {
    client?.stop();
  },
};

function rmsOf(chunk: Uint8Array): number {
  const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  let sum = 0;
  const samples = Math.floor(chunk.byteLength / 2);
  for (let i = 0; i < samples; i += 1) sum += (view.getInt16(i * 2, true) / 32_768) ** 2;
  return samples ? Math.sqrt(sum / samples) : 0;
}

window.voiceTest = api;
document.getElementById('status')!.textContent = 'ready';
