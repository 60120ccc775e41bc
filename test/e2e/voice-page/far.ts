/**
 * The far side of a test call (what Twilio's media server is for a real call): a plain RTCPeerConnection
 * in a second Chromium page, sending Chromium's fake microphone and listening to what the agent sends.
 * The fake signaling server carries its offer to the SDK and the SDK's answer back (through the test).
 *
 * It also listens for DTMF in the audio it receives: WebRTC's NetEq plays RTP telephone-events out as
 * tones, so digits the SDK sends in-band can be heard here (Goertzel filters on the DTMF frequencies).
 */

import { audioPackets } from './audioPackets';

declare global {
  interface Window {
    far: typeof far;
  }
}

const ROWS = [697, 770, 852, 941];
const COLUMNS = [1209, 1336, 1477, 1633];
const KEYS = ['123A', '456B', '789C', '*0#D'];

let pc: RTCPeerConnection | undefined;
let local: MediaStream | undefined;
let context: AudioContext | undefined;
const heard: string[] = [];
let maxLevel = 0;

const far = {
  /** A new call: the offer with all ICE candidates in it (the PStream protocol does not trickle). */
  async offer(options: { telephoneEvent?: boolean } = {}): Promise<string> {
    far.hangUp();
    heard.length = 0;
    maxLevel = 0;
    local = await navigator.mediaDevices.getUserMedia({ audio: true });
    pc = new RTCPeerConnection({ iceServers: [] });
    for (const track of local.getAudioTracks()) pc.addTrack(track, local);
    pc.ontrack = (event) => listen(event.streams[0] ?? new MediaStream([event.track]));
    await pc.setLocalDescription(await pc.createOffer());
    await gatheringComplete(pc, 5_000);
    const sdp = pc.localDescription!.sdp;
    return options.telephoneEvent === false ? withoutTelephoneEvent(sdp) : sdp;
  },
  async answer(sdp: string): Promise<void> {
    await pc!.setRemoteDescription({ type: 'answer', sdp });
  },
  hangUp(): void {
    pc?.close();
    for (const track of local?.getTracks() ?? []) track.stop();
    void context?.close();
    context = undefined;
  },
  async stats() {
    if (!pc) return undefined;
    const { packetsReceived, packetsSent } = await audioPackets(pc);
    return { connectionState: pc.connectionState, signalingState: pc.signalingState, packetsReceived, packetsSent, maxLevel };
  },
  /** Stops (or resumes) sending RTP, as a dead uplink would: the SDK's stats monitor sees no bytes arrive. */
  async pauseSending(paused: boolean): Promise<void> {
    const sender = pc?.getSenders()[0];
    await sender?.replaceTrack(paused ? null : (local?.getAudioTracks()[0] ?? null));
  },
  /** Digits heard in the received audio, each once per tone. */
  heardDigits(): string {
    return heard.join('');
  },
};

function listen(stream: MediaStream): void {
  // Chromium gives Web Audio silence from a remote stream that no media element plays.
  const element = new Audio();
  element.srcObject = stream;
  element.muted = true;
  void element.play().catch(() => undefined);
  context = new AudioContext({ sampleRate: 48_000 });
  const analyser = context.createAnalyser();
  analyser.fftSize = 1_024;
  context.createMediaStreamSource(stream).connect(analyser);
  const frame = new Float32Array(analyser.fftSize);
  let current: string | undefined;
  let steady = 0;
  const poll = () => {
    if (!context || context.state === 'closed') return;
    analyser.getFloatTimeDomainData(frame);
    const level = Math.sqrt(frame.reduce((sum, sample) => sum + sample * sample, 0) / frame.length);
    maxLevel = Math.max(maxLevel, level);
    const key = dtmfKey(frame, context.sampleRate);
    // A digit counts once it is seen in two frames in a row; a gap ends it.
    if (key && key === current) {
      steady += 1;
      if (steady === 2) heard.push(key);
    } else {
      current = key;
      steady = key ? 1 : 0;
    }
  };
  setInterval(poll, 15);
}

function dtmfKey(frame: Float32Array, sampleRate: number): string | undefined {
  const power = (frequency: number) => goertzel(frame, sampleRate, frequency);
  const rows = ROWS.map(power);
  const columns = COLUMNS.map(power);
  const total = frame.reduce((sum, sample) => sum + sample * sample, 0) * frame.length;
  const row = strongest(rows);
  const column = strongest(columns);
  // Both tones clearly above the rest of their group, and together most of the frame's energy.
  if (row.value < 4 * row.second || column.value < 4 * column.second) return undefined;
  if (total === 0 || (row.value + column.value) / total < 0.3) return undefined;
  return KEYS[row.index]![column.index];
}

function strongest(values: number[]): { index: number; value: number; second: number } {
  const sorted = [...values].sort((a, b) => b - a);
  return { index: values.indexOf(sorted[0]!), value: sorted[0]!, second: sorted[1] ?? 0 };
}

/** Power of one frequency in the frame, scaled like |DFT bin|², so it compares with N·Σx². */
function goertzel(frame: Float32Array, sampleRate: number, frequency: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / sampleRate);
  let previous = 0;
  let beforePrevious = 0;
  for (const sample of frame) {
    const value = sample + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = value;
  }
  return (previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious) * 2;
}

function gatheringComplete(connection: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (connection.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('ICE gathering did not complete')), timeoutMs);
    connection.addEventListener('icegatheringstatechange', () => {
      if (connection.iceGatheringState !== 'complete') return;
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The offer without RFC 4733 telephone-event, so the SDK cannot send RTP DTMF and falls back to signaling. */
function withoutTelephoneEvent(sdp: string): string {
  const payloads = [...sdp.matchAll(/^a=rtpmap:(\d+) telephone-event\/\d+/gm)].map((match) => match[1]!);
  return sdp
    .split('\r\n')
    .filter((line) => !payloads.some((pt) => line.startsWith(`a=rtpmap:${pt} `) || line.startsWith(`a=fmtp:${pt} `)))
    .map((line) =>
      line.startsWith('m=audio ')
        ? line
            .split(' ')
            .filter((part, index) => index < 3 || !payloads.includes(part))
            .join(' ')
        : line,
    )
    .join('\r\n');
}

window.far = far;

export {};
