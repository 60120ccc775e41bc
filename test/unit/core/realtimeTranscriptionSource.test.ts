/**
 * Live transcription against a local fake of the OpenAI Realtime wire protocol (wss on 127.0.0.1 with a
 * CA made for the test and handed to the client through its options): the real `openai` SDK and its
 * `ws` transport, real TLS, real frames. Every test is bounded in time.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  audioDurationMs,
  bytesForDuration,
  decodeMuLaw,
  decodeMuLawSample,
  downsample48kTo24k,
  Downsampler48kTo24k,
  encodeMuLaw,
  encodeMuLawSample,
  float32ToPcm16,
  int16ToPcm16,
  pcm16ToInt16,
} from '../../../src/shared/audioFormats';
import {
  RealtimeTranscriptionSource,
  type RealtimeTranscriptionOptions,
  type TranscriptionStatus,
} from '../../../src/main/core/transcription/realtimeTranscriptionSource';
import { ManualClock } from '../../../src/main/core/manualClock';
import type { Speaker } from '../../../src/shared/callScenario';
import type { TranscriptTurn } from '../../../src/shared/callSchemas';
import { startFakeOpenAiRealtime, type FakeOpenAiRealtime, type FakeRealtimeConnection } from '../../support/fakeOpenAiRealtime';

const KEY = 'sk-test-realtime';
const MARK: Record<Speaker, number> = { agent: 0x11, customer: 0x22 };
const WAIT = { timeout: 3_000, interval: 5 };

let fake: FakeOpenAiRealtime;
let source: RealtimeTranscriptionSource | undefined;

beforeEach(async () => {
  fake = await startFakeOpenAiRealtime({ apiKey: KEY });
});
afterEach(async () => {
  source?.stopAll();
  source = undefined;
  await fake.close();
});

interface Recorder {
  turns: Array<Omit<TranscriptTurn, 'index'>>;
  interims: Array<[Speaker, string]>;
  statuses: TranscriptionStatus[];
  stop: () => void;
}

function start(overrides: Partial<RealtimeTranscriptionOptions> = {}, callId = 'call-1'): Recorder {
  source = new RealtimeTranscriptionSource({
    secrets: { get: async (name) => (name === 'openai_api_key' ? KEY : undefined) },
    baseURL: fake.baseURL,
    ca: fake.ca,
    language: 'en',
    heartbeatIntervalMs: 0,
    reconnectDelaysMs: [20],
    ...overrides,
  });
  const recorder: Recorder = { turns: [], interims: [], statuses: [], stop: () => undefined };
  source.onStatus((status) => recorder.statuses.push(status));
  source.onInterim((_callId, speaker, text) => recorder.interims.push([speaker, text]));
  recorder.stop = source.startTranscript(callId, (turn) => recorder.turns.push(turn));
  return recorder;
}

/** `ms` of 24 kHz PCM16 whose bytes all equal the speaker's mark, so the fake can tell the streams apart. */
function markedAudio(speaker: Speaker, ms: number): Uint8Array {
  return new Uint8Array(bytesForDuration(ms, 'pcm16')).fill(MARK[speaker]);
}

/** The fake's connections `from` and `from + 1`, told apart by the marked audio each one received. */
async function streams(from = 0): Promise<Record<Speaker, FakeRealtimeConnection>> {
  const pair = [await fake.connection(from), await fake.connection(from + 1)];
  await Promise.all(pair.map((connection) => connection.waitForAudio(1)));
  const bySpeaker = (speaker: Speaker) => pair.find((connection) => connection.audio()[0] === MARK[speaker])!;
  expect(bySpeaker('agent')).toBeDefined();
  expect(bySpeaker('customer')).toBeDefined();
  return { agent: bySpeaker('agent'), customer: bySpeaker('customer') };
}

function pushBoth(ms: number, callId = 'call-1'): void {
  source!.pushAudio(callId, 'agent', markedAudio('agent', ms));
  source!.pushAudio(callId, 'customer', markedAudio('customer', ms));
}

const latest = (recorder: Recorder, speaker?: Speaker) => recorder.statuses.filter((status) => status.speaker === speaker).at(-1);

describe('RealtimeTranscriptionSource', () => {
  it(
    'turns both streams into labelled turns with call-clock times, configured as a transcription session',
    { timeout: 10_000 },
    async () => {
      const clock = new ManualClock(5_000);
      const recorder = start({ clock });
      clock.advanceTo(6_000); // call clock 1000 ms: the agent speaks first
      source!.pushAudio('call-1', 'agent', markedAudio('agent', 500));
      clock.advanceTo(7_000); // 2000 ms: the customer's first chunk
      source!.pushAudio('call-1', 'customer', markedAudio('customer', 500));
      const { agent, customer } = await streams();
      await Promise.all([agent.waitForAudio(bytesForDuration(500, 'pcm16')), customer.waitForAudio(bytesForDuration(500, 'pcm16'))]);

      expect(agent.url).toBe('/v1/realtime?intent=transcription');
      expect(agent.headers.authorization).toBe(`Bearer ${KEY}`);
      expect(await agent.waitForSession()).toEqual({
        type: 'transcription',
        audio: {
          input: {
            format: { type: 'audio/pcm', rate: 24_000 },
            transcription: { model: 'gpt-4o-transcribe', language: 'en' },
            turn_detection: { type: 'server_vad' },
          },
        },
      });
      // The session is configured before the first audio is appended.
      expect(agent.events.map((event) => event.type).slice(0, 2)).toEqual(['session.update', 'input_audio_buffer.append']);
      await vi.waitFor(() => expect(latest(recorder, 'agent')?.state).toBe('live'), WAIT);

      agent.utterance('item_a1', 'Thanks for calling, this is Sam.', { audioStartMs: 200 });
      await vi.waitFor(() => expect(recorder.turns).toHaveLength(1), WAIT);
      customer.utterance('item_c1', 'Hi, I was charged twice.', { audioStartMs: 100 });
      await vi.waitFor(() => expect(recorder.turns).toHaveLength(2), WAIT);
      clock.advanceTo(8_000); // 3000 ms: the agent again; its audio continues at offset 500 ms on its connection
      source!.pushAudio('call-1', 'agent', markedAudio('agent', 500));
      await agent.waitForAudio(bytesForDuration(1_000, 'pcm16'));
      agent.utterance('item_a2', 'Let me look at that.', { audioStartMs: 600 });
      await vi.waitFor(() => expect(recorder.turns).toHaveLength(3), WAIT);

      expect(recorder.turns).toEqual([
        { atMs: 1_200, speaker: 'agent', text: 'Thanks for calling, this is Sam.' },
        { atMs: 2_100, speaker: 'customer', text: 'Hi, I was charged twice.' },
        { atMs: 3_100, speaker: 'agent', text: 'Let me look at that.' },
      ]);
      // Interim text grows with each delta and is cleared when the turn is final.
      const agentInterims = recorder.interims.filter(([speaker]) => speaker === 'agent').map(([, text]) => text);
      expect(agentInterims.slice(0, 3)).toEqual(['Thanks ', 'Thanks for ', 'Thanks for calling, ']);
      expect(agentInterims).toContain('Thanks for calling, this is Sam.');
      expect(recorder.interims.at(-1)).toEqual(['agent', '']);
      expect(source!.statusOf('call-1').map((status) => [status.speaker, status.state])).toEqual(
        expect.arrayContaining([
          ['agent', 'live'],
          ['customer', 'live'],
        ]),
      );
    },
  );

  it('releases one speaker’s turns in commit order even when their transcriptions finish out of order', { timeout: 10_000 }, async () => {
    const recorder = start({ orderTimeoutMs: 100 });
    pushBoth(100);
    const { customer } = await streams();
    customer.speechStarted('item_1', 0);
    customer.committed('item_1', null);
    customer.speechStarted('item_2', 50);
    customer.committed('item_2', 'item_1');
    customer.completed('item_2', 'my order number is 4417');
    customer.delta('item_1', 'Yes, ');
    await vi.waitFor(() => expect(recorder.interims).toContainEqual(['customer', 'Yes, ']), WAIT);
    expect(recorder.turns).toEqual([]);
    customer.completed('item_1', 'Yes, that is right.');
    customer.completed('item_3', '   '); // silence: no turn
    await vi.waitFor(() => expect(recorder.turns).toHaveLength(2), WAIT);
    expect(recorder.turns.map((turn) => turn.text)).toEqual(['Yes, that is right.', 'my order number is 4417']);

    // An overdue transcription holds later turns only for orderTimeoutMs; it is released when it comes.
    customer.committed('item_4');
    customer.committed('item_5');
    customer.completed('item_5', 'Is it the blue one?');
    await vi.waitFor(() => expect(recorder.turns).toHaveLength(3), WAIT);
    customer.completed('item_4', 'Sorry, say again?');
    await vi.waitFor(() => expect(recorder.turns).toHaveLength(4), WAIT);
    expect(recorder.turns.slice(2).map((turn) => turn.text)).toEqual(['Is it the blue one?', 'Sorry, say again?']);
  });

  it('sends G.711 µ-law at 8 kHz untouched when configured for telephony audio', { timeout: 10_000 }, async () => {
    const clock = new ManualClock(0);
    const recorder = start({ clock, audioFormat: 'pcmu', model: 'gpt-4o-mini-transcribe', noiseReduction: 'far_field' });
    const tone = encodeMuLaw(Int16Array.from({ length: 8_000 }, (_, i) => Math.round(8_000 * Math.sin((2 * Math.PI * 440 * i) / 8_000))));
    tone[0] = MARK.agent;
    source!.pushAudio('call-1', 'agent', tone); // 1 s of audio at call clock 0
    const customerAudio = new Uint8Array(800).fill(MARK.customer);
    source!.pushAudio('call-1', 'customer', customerAudio);
    const { agent } = await streams();
    await agent.waitForAudio(tone.length);
    expect(agent.audio()).toEqual(Buffer.from(tone));
    expect((await agent.waitForSession()).audio.input).toMatchObject({
      format: { type: 'audio/pcmu' },
      transcription: { model: 'gpt-4o-mini-transcribe' },
      noise_reduction: { type: 'far_field' },
    });
    agent.utterance('item_1', 'Hello?', { audioStartMs: 750 });
    await vi.waitFor(() => expect(recorder.turns).toEqual([{ atMs: 750, speaker: 'agent', text: 'Hello?' }]), WAIT);
  });

  it('reports a missing key as a failed status with a clear message, and connects nowhere', { timeout: 5_000 }, async () => {
    const recorder = start({ secrets: { get: async () => undefined } });
    await vi.waitFor(() => expect(latest(recorder)?.state).toBe('failed'), WAIT);
    expect(latest(recorder)!.message).toMatch(/No OpenAI API key is configured/);
    expect(latest(recorder)!.message).toMatch(/rest of the desk works/);
    pushBoth(100); // ignored, no throw
    recorder.stop();
    expect(latest(recorder)?.state).toBe('stopped');
    expect(fake.connections).toHaveLength(0);
    expect(fake.refusals).toHaveLength(0);
  });

  it(
    'treats a refused key (HTTP 401 on the upgrade) as final: failed, with the server’s reason, no retries',
    { timeout: 5_000 },
    async () => {
      const recorder = start({ secrets: { get: async () => 'sk-wrong' }, reconnectDelaysMs: [10] });
      await vi.waitFor(() => expect(recorder.statuses.filter((status) => status.state === 'failed')).toHaveLength(2), WAIT);
      for (const speaker of ['agent', 'customer'] as const) {
        expect(latest(recorder, speaker)!.message).toMatch(/OpenAI refused the API key \(HTTP 401: Incorrect API key provided\.\)/);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(fake.refusals).toHaveLength(2);
      expect(fake.connections).toHaveLength(0);
    },
  );

  it('treats an invalid_api_key error event as final too', { timeout: 5_000 }, async () => {
    await fake.close();
    fake = await startFakeOpenAiRealtime({ apiKey: KEY, authFailure: 'error-event' });
    const recorder = start({ secrets: { get: async () => 'sk-wrong' } });
    await vi.waitFor(() => expect(recorder.statuses.filter((status) => status.state === 'failed')).toHaveLength(2), WAIT);
    expect(latest(recorder, 'customer')!.message).toMatch(/refused the API key \(Incorrect API key provided\.\)/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.connections).toHaveLength(2);
  });

  it('refuses a server whose certificate it was not told to trust (no CA given): failed, no retries', { timeout: 5_000 }, async () => {
    const recorder = start({ ca: undefined });
    await vi.waitFor(() => expect(recorder.statuses.filter((status) => status.state === 'failed')).toHaveLength(2), WAIT);
    expect(latest(recorder, 'agent')!.message).toMatch(/certificate was not trusted/);
    expect(fake.connections).toHaveLength(0);
  });

  it(
    'reconnects when the socket dies mid-turn: earlier turns kept, the partial turn kept, later turns arrive',
    { timeout: 10_000 },
    async () => {
      const recorder = start();
      pushBoth(100);
      const first = await streams();
      first.agent.utterance('item_1', 'Can I have your account number?');
      await vi.waitFor(() => expect(recorder.turns).toHaveLength(1), WAIT);
      first.agent.speechStarted('item_2', 60);
      first.agent.committed('item_2');
      first.agent.delta('item_2', 'And the ');
      first.agent.delta('item_2', 'postcode');
      await vi.waitFor(() => expect(recorder.interims).toContainEqual(['agent', 'And the postcode']), WAIT);
      first.agent.die();

      await vi.waitFor(() => expect(recorder.turns).toHaveLength(2), WAIT);
      expect(recorder.turns[1]).toMatchObject({ speaker: 'agent', text: 'And the postcode' });
      expect(
        recorder.statuses.find((status) => status.speaker === 'agent' && status.state === 'connecting' && /dropped/.test(status.message))
          ?.message,
      ).toMatch(/reconnecting in 20 ms \(attempt 1 of 5\)\. Turns already transcribed are kept\./);
      // Audio pushed during the outage goes to the new connection.
      source!.pushAudio('call-1', 'agent', markedAudio('agent', 40));
      const second = await fake.connection(2);
      await second.waitForAudio(1);
      expect(second.audio()[0]).toBe(MARK.agent);
      await vi.waitFor(() => expect(latest(recorder, 'agent')?.state).toBe('live'), WAIT);
      second.utterance('item_1', 'Thank you.');
      first.customer.utterance('item_9', 'It is 55 01 23.');
      await vi.waitFor(() => expect(recorder.turns).toHaveLength(4), WAIT);
      expect(recorder.turns.map((turn) => `${turn.speaker}: ${turn.text}`)).toEqual([
        'agent: Can I have your account number?',
        'agent: And the postcode',
        ...recorder.turns.slice(2).map((turn) => `${turn.speaker}: ${turn.text}`),
      ]);
      expect(
        recorder.turns
          .slice(2)
          .map((turn) => `${turn.speaker}: ${turn.text}`)
          .sort(),
      ).toEqual(['agent: Thank you.', 'customer: It is 55 01 23.']);
    },
  );

  it('retries a transient refusal (503) and gives up after the bounded number of attempts', { timeout: 10_000 }, async () => {
    fake.refuseNext(1, 503, 'Overloaded');
    const recovered = start();
    await vi.waitFor(() => expect(recovered.statuses.filter((status) => status.state === 'live')).toHaveLength(2), WAIT);
    expect(fake.refusals).toHaveLength(1);
    expect(recovered.statuses.some((status) => status.state === 'connecting' && /HTTP 503: Overloaded/.test(status.message))).toBe(true);
    recovered.stop();

    fake.refuseNext(100, 503, 'Overloaded');
    const doomed = start({ maxReconnectAttempts: 2, reconnectDelaysMs: [5] }, 'call-2');
    await vi.waitFor(() => expect(doomed.statuses.filter((status) => status.state === 'failed')).toHaveLength(2), WAIT);
    expect(latest(doomed, 'customer')!.message).toMatch(
      /stopped after 2 reconnect attempts \(last: The transcription server refused the connection \(HTTP 503: Overloaded\)\)/,
    );
    expect(fake.refusals).toHaveLength(1 + 2 * 3);
  });

  it('notices a server that stops answering pings and reconnects', { timeout: 10_000 }, async () => {
    const recorder = start({ heartbeatIntervalMs: 50 });
    pushBoth(20);
    const { customer } = await streams();
    customer.stall();
    await vi.waitFor(() => expect(fake.connections).toHaveLength(3), WAIT);
    expect(recorder.statuses.some((status) => status.speaker === 'customer' && /server stopped answering/.test(status.message))).toBe(true);
  });

  it('keeps going after a non-fatal error event, and fails the stream when the settings are refused', { timeout: 10_000 }, async () => {
    const recorder = start();
    pushBoth(20);
    const { agent, customer } = await streams();
    await vi.waitFor(() => expect(latest(recorder, 'agent')?.state).toBe('live'), WAIT);
    agent.error('Error committing input audio buffer: buffer is empty.', 'input_audio_buffer_commit_empty');
    await vi.waitFor(() => expect(latest(recorder, 'agent')?.message).toMatch(/reported a problem .* buffer is empty/), WAIT);
    agent.utterance('item_1', 'Still here.');
    await vi.waitFor(() => expect(recorder.turns).toHaveLength(1), WAIT);

    customer.error("Invalid value: 'gpt-nonexistent'.", 'invalid_value', 'whisper-desk-session-1');
    await vi.waitFor(() => expect(latest(recorder, 'customer')?.state).toBe('failed'), WAIT);
    expect(latest(recorder, 'customer')!.message).toMatch(/OpenAI refused the transcription settings/);
    expect(latest(recorder, 'agent')?.state).toBe('live');
  });

  it('stop() hands on what was heard, closes both sockets with 1000, and ignores audio afterwards', { timeout: 10_000 }, async () => {
    const recorder = start();
    pushBoth(20);
    const { agent, customer } = await streams();
    customer.speechStarted('item_1', 0);
    customer.committed('item_1');
    customer.delta('item_1', 'Bye then');
    await vi.waitFor(() => expect(recorder.interims).toContainEqual(['customer', 'Bye then']), WAIT);
    recorder.stop();
    expect(recorder.turns).toEqual([expect.objectContaining({ speaker: 'customer', text: 'Bye then' })]);
    expect(latest(recorder)?.state).toBe('stopped');
    await Promise.all([agent.waitForClose(), customer.waitForClose()]);
    expect([agent.clientCloseCode, customer.clientCloseCode]).toEqual([1000, 1000]);
    const before = agent.audio().length;
    pushBoth(20);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(agent.audio().length).toBe(before);
    expect(fake.connections).toHaveLength(2);
  });

  it('stopping before the key has been read opens no connection', { timeout: 5_000 }, async () => {
    let release: (key: string) => void = () => undefined;
    const recorder = start({ secrets: { get: () => new Promise<string>((resolve) => (release = resolve)) } });
    recorder.stop();
    release(KEY);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(fake.connections).toHaveLength(0);
    expect(recorder.statuses.map((status) => status.state)).toEqual(['connecting', 'stopped']);
  });
});

describe('audio formats', () => {
  it('converts Float32 samples to 16-bit little-endian PCM, clipping out-of-range values', () => {
    const bytes = float32ToPcm16(Float32Array.of(0, 1, -1, 0.5, 2, -3, Number.NaN));
    expect(Array.from(pcm16ToInt16(bytes))).toEqual([0, 32_767, -32_768, 16_384, 32_767, -32_768, 0]);
    expect(Array.from(bytes.subarray(2, 4))).toEqual([0xff, 0x7f]); // 32767, low byte first
    expect(Array.from(int16ToPcm16(Int16Array.of(-2)))).toEqual([0xfe, 0xff]);
    expect(audioDurationMs(48_000, 'pcm16')).toBe(1_000);
    expect(audioDurationMs(8_000, 'pcmu')).toBe(1_000);
  });

  it('downsamples 48 kHz to 24 kHz: half the samples, speech kept, high frequencies not folded back', () => {
    const tone = (hz: number, n = 4_800) => Float32Array.from({ length: n }, (_, i) => Math.sin((2 * Math.PI * hz * i) / 48_000));
    const peak = (samples: Float32Array) => Math.max(...Array.from(samples.subarray(10, -10), Math.abs));
    expect(downsample48kTo24k(tone(1_000))).toHaveLength(2_400);
    expect(peak(downsample48kTo24k(tone(1_000)))).toBeGreaterThan(0.98);
    expect(peak(downsample48kTo24k(tone(20_000)))).toBeLessThan(0.1);
    expect(Array.from(downsample48kTo24k(new Float32Array(9).fill(0.25)))).toEqual(new Array(5).fill(0.25));
    // Chunked output equals whole-buffer output, whatever the chunk sizes.
    const speech = tone(700, 1_001);
    const resampler = new Downsampler48kTo24k();
    const parts = [speech.subarray(0, 127), speech.subarray(127, 128), speech.subarray(128, 640), speech.subarray(640)].map((chunk) =>
      resampler.process(chunk),
    );
    const chunked = [...parts.flatMap((part) => Array.from(part)), ...Array.from(resampler.flush())];
    expect(chunked).toEqual(Array.from(downsample48kTo24k(speech)));
  });

  it('encodes and decodes G.711 µ-law', () => {
    expect(encodeMuLawSample(0)).toBe(0xff);
    expect(decodeMuLawSample(0xff)).toBe(0);
    expect(decodeMuLawSample(0x80)).toBe(32_124);
    expect(decodeMuLawSample(0x00)).toBe(-32_124);
    expect(encodeMuLawSample(32_767)).toBe(0x80);
    expect(encodeMuLawSample(-32_768)).toBe(0x00);
    const samples = Int16Array.from({ length: 2_001 }, (_, i) => (i - 1_000) * 32);
    const decoded = decodeMuLaw(encodeMuLaw(samples));
    samples.forEach((sample, i) => expect(Math.abs(decoded[i]! - sample)).toBeLessThanOrEqual(Math.max(16, Math.abs(sample) * 0.035)));
    // Every code decodes to a value that encodes back to the same code (except the two zeros).
    for (let code = 0; code < 256; code += 1) if (code !== 0x7f) expect(encodeMuLawSample(decodeMuLawSample(code))).toBe(code);
  });
});
