/**
 * The desk's Twilio Voice client: one `Device` from `@twilio/voice-sdk`, registered with the agent's
 * identity, through which the audio of an escalated call arrives after the desk accepted its TaskRouter
 * reservation. No React and no IPC: the app gives it a token provider (which asks the main process, which
 * holds the token endpoint's credential) and listens to its events.
 *
 * - `register(tokenProvider)` fetches a token, creates the Device and resolves once Twilio has registered
 *   it; it rejects, with the state `failed` and a sentence for the agent, when the token cannot be had,
 *   Twilio refuses it, or nothing happens within `registerTimeoutMs`.
 * - `incoming` carries each call with its escalation ids (`handoffId` / `taskSid` from the TwiML's
 *   `<Parameter>`s, see handoffParams.ts) and warm/cold mode; `call` carries every change of its record.
 * - Tokens are refreshed before they expire, and a failed refresh is a visible status and is retried
 *   (voiceToken.ts).
 * - Twilio is never contacted for anything but signaling and media: Insights publishing is off, the
 *   Device's sounds all point at a same-origin silent file, and no ICE servers are configured unless given.
 */
import { Call, Device } from '@twilio/voice-sdk';
import { Listeners } from './listeners';
import { VoiceCall, type VoiceCallRecord } from './voiceCall';
import { isExpiredTokenError, voiceErrorOf, type VoiceError } from './voiceErrors';
import { VoiceToken } from './voiceToken';

export type VoiceTokenProvider = () => Promise<string>;

export interface VoiceClientOptions {
  /** A same-origin sound file used for every Device sound (voiceAssets.silentSoundUrl in the app). */
  soundUrl: string;
  /** Twilio edge(s), e.g. `ashburn` or `['dublin', 'frankfurt']`; the SDK's default is `roaming`. */
  edge?: string | string[];
  /**
   * Signaling hosts (`host:port`, the SDK connects to `wss://<host>/signal`) instead of Twilio's: the SDK's
   * internal `chunderw` option. For the local fake in tests; leave unset in production.
   */
  signalingHosts?: string[];
  /**
   * STUN/TURN servers for each call's peer connection, read when the call is accepted (so servers that
   * arrive with a refreshed token apply to the next call); default none (Twilio's media edge is reachable
   * directly where UDP is open).
   */
  iceServers?: RTCIceServer[] | (() => RTCIceServer[]);
  /** Refresh the token this long before it expires; default 60 s. */
  tokenRefreshMs?: number;
  /** Waits between failed refreshes, the last repeated; default 5 s doubling to 60 s. */
  tokenRetryDelaysMs?: number[];
  /** How long register() waits for Twilio; default 15 s. */
  registerTimeoutMs?: number;
  /**
   * How long a call may stay without signaling before the desk ends it; default 30 s. Also sent to Twilio
   * (the SDK's `maxCallSignalingTimeoutMs`, capped at 30 s) as how long to keep the call for a reconnect.
   */
  reconnectGiveUpMs?: number;
  /** A warm handoff with a spoken intro counts as bridged after this long without the backend's `bridged` message; default 30 s. */
  introTimeoutMs?: number;
  /** Ended calls kept by `calls()`; default 20. */
  keptCalls?: number;
  logLevel?: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'silent';
  now?: () => number;
}

export type VoiceState = 'idle' | 'registering' | 'registered' | 'reconnecting' | 'failed' | 'stopped';

export interface VoiceStatus {
  state: VoiceState;
  identity?: string;
  edge?: string;
  /** Epoch ms, from the current token's `exp`. */
  tokenExpiresAt?: number;
  /** What is wrong, for the agent; absent when nothing is. */
  error?: VoiceError;
}

export interface IncomingVoiceCall {
  record: VoiceCallRecord;
  accept(): void;
  reject(): void;
}

export interface VoiceDevices {
  inputs: MediaDeviceInfo[];
  outputs: MediaDeviceInfo[];
  /** Whether the output can be chosen here (HTMLMediaElement.setSinkId); Electron's Chromium can. */
  outputSelectable: boolean;
  /** The microphone in use, once one was chosen (absent: the system default). */
  inputId?: string;
  /** The speaker in use for the call's audio. */
  outputId?: string;
}

export interface VoiceClientEvents extends Record<string, unknown> {
  status: VoiceStatus;
  incoming: IncomingVoiceCall;
  call: VoiceCallRecord;
  warning: { callSid: string; name: string; cleared: boolean; data: unknown };
  error: { error: VoiceError; callSid?: string };
  streams: { callSid: string; local?: MediaStream; remote?: MediaStream };
}

/**
 * `chunderw` (signaling hosts) and `publishEvents` (Insights) are Device options the SDK reads
 * (IExtendedDeviceOptions in device.ts) but does not export in its public Options type.
 */
type DeviceOptions = Device.Options & { chunderw?: string[]; publishEvents?: boolean };

const DEFAULT_RETRY_DELAYS_MS = [5_000, 10_000, 20_000, 40_000, 60_000];
const REGISTRATION_WATCH_MS = 1_000;

export class VoiceClient {
  private readonly listeners = new Listeners<VoiceClientEvents>();
  private readonly live = new Map<string, VoiceCall>();
  private readonly history: VoiceCallRecord[] = [];
  private readonly now: () => number;
  private device?: Device;
  private token?: VoiceToken;
  private current: VoiceStatus = { state: 'idle' };
  private registrationWatch?: ReturnType<typeof setInterval>;

  constructor(private readonly options: VoiceClientOptions) {
    this.now = options.now ?? Date.now;
  }

  on<K extends keyof VoiceClientEvents>(event: K, listener: (payload: VoiceClientEvents[K]) => void): () => void {
    return this.listeners.on(event, listener);
  }

  status(): VoiceStatus {
    return { ...this.current };
  }

  /** Live calls first, then ended ones, newest first. */
  calls(): VoiceCallRecord[] {
    return [...[...this.live.values()].map((call) => call.record), ...this.history];
  }

  async register(tokenProvider: VoiceTokenProvider): Promise<void> {
    if (this.token || this.current.state === 'stopped') throw new Error('VoiceClient.register can be called once');
    this.setStatus({ state: 'registering', error: undefined });
    const token = new VoiceToken(
      tokenProvider,
      {
        refreshLeadMs: this.options.tokenRefreshMs ?? 60_000,
        retryDelaysMs: this.options.tokenRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
        now: this.now,
      },
      {
        apply: (value) => {
          this.device?.updateToken(value);
          return this.device !== undefined;
        },
        changed: ({ expiresAt, trouble }) => {
          const other = this.current.error?.kind === 'token' ? undefined : this.current.error;
          this.setStatus({ tokenExpiresAt: expiresAt, error: trouble ?? other });
          if (trouble) this.listeners.emit('error', { error: trouble });
        },
      },
    );
    this.token = token;
    let first: string;
    try {
      first = await token.first();
    } catch (error) {
      throw this.fail({ kind: 'token', detail: messageOf(error), message: `Could not get a Voice token: ${messageOf(error)}` });
    }
    if (!Device.isSupported) {
      throw this.fail({ kind: 'other', detail: 'Device.isSupported is false', message: 'This window cannot make WebRTC calls.' });
    }
    const device = new Device(first, this.deviceOptions());
    this.device = device;
    // None of the Device's own sounds are wanted (see voiceAssets.ts); turning them off also spares the
    // incoming event the wait for the ringtone to start.
    device.audio?.incoming(false);
    device.audio?.outgoing(false);
    device.audio?.disconnect(false);
    this.listen(device);
    await this.untilRegistered(device);
  }

  /** Ends every call and releases the Device; the client cannot be used again. */
  stop(): void {
    this.token?.stop();
    for (const call of this.live.values()) call.hangUp();
    this.release();
    this.setStatus({ state: 'stopped' });
  }

  accept(callSid: string): void {
    this.call(callSid).accept();
  }

  reject(callSid: string): void {
    this.call(callSid).reject();
  }

  hangUp(callSid: string): void {
    this.call(callSid).hangUp();
  }

  mute(callSid: string, muted: boolean): void {
    this.call(callSid).mute(muted);
  }

  hold(callSid: string, held: boolean): void {
    this.call(callSid).hold(held);
  }

  sendDigits(callSid: string, digits: string): void {
    this.call(callSid).sendDigits(digits);
  }

  /** The warm intro is over (the app may also decide this, e.g. when the agent clicks "customer is on"). */
  markBridged(callSid: string): void {
    this.call(callSid).markBridged('message');
  }

  streams(callSid: string): { local?: MediaStream; remote?: MediaStream } {
    const call = this.call(callSid).sdkCall;
    return { local: call.getLocalStream(), remote: call.getRemoteStream() };
  }

  devices(): VoiceDevices {
    const audio = this.device?.audio;
    const inputId = audio?.inputDevice?.deviceId;
    const outputId = audio ? [...audio.speakerDevices.get()][0]?.deviceId : undefined;
    return {
      inputs: [...(audio?.availableInputDevices.values() ?? [])],
      outputs: [...(audio?.availableOutputDevices.values() ?? [])],
      outputSelectable: audio?.isOutputSelectionSupported ?? false,
      ...(inputId ? { inputId } : {}),
      ...(outputId ? { outputId } : {}),
    };
  }

  /** For the current call (the SDK swaps the microphone track) and every later one. */
  async setInputDevice(deviceId: string): Promise<void> {
    const audio = this.requireDevice().audio;
    if (!audio) throw new Error('The Voice device has no audio helper');
    await audio.setInputDevice(deviceId);
    for (const call of this.live.values()) call.refreshStreams();
  }

  async setOutputDevice(deviceId: string): Promise<void> {
    const audio = this.requireDevice().audio;
    if (!audio?.isOutputSelectionSupported) throw new Error('The speaker cannot be chosen in this window');
    await audio.speakerDevices.set(deviceId);
  }

  private deviceOptions(): DeviceOptions {
    const sounds = Object.fromEntries(Object.values(Device.SoundName).map((name) => [name, this.options.soundUrl]));
    const giveUpMs = this.options.reconnectGiveUpMs ?? 30_000;
    return {
      ...(this.options.edge ? { edge: this.options.edge } : {}),
      ...(this.options.signalingHosts ? { chunderw: this.options.signalingHosts } : {}),
      publishEvents: false,
      closeProtection: false,
      allowIncomingWhileBusy: false,
      disableAudioContextSounds: true,
      sounds,
      enableImprovedSignalingErrorPrecision: true,
      maxCallSignalingTimeoutMs: giveUpMs,
      tokenRefreshMs: this.options.tokenRefreshMs ?? 60_000,
      codecPreferences: [Call.Codec.Opus, Call.Codec.PCMU],
      logLevel: this.options.logLevel ?? 'error',
    };
  }

  private listen(device: Device): void {
    device.on(Device.EventName.Registered, () => {
      this.token?.accepted();
      this.setStatus({
        state: 'registered',
        identity: device.identity ?? undefined,
        edge: device.edge ?? undefined,
        error: this.tokenTrouble(),
      });
    });
    device.on(Device.EventName.Unregistered, () => {
      // Signaling dropped; the SDK reconnects and (usually) registers again by itself.
      if (this.current.state !== 'registered') return;
      this.setStatus({ state: 'reconnecting' });
      this.watchRegistration(device);
    });
    device.on(Device.EventName.TokenWillExpire, () => this.token?.due());
    device.on(Device.EventName.Error, (twilioError: unknown, sdkCall?: Call) => {
      const error = voiceErrorOf(twilioError);
      const callSid = sdkCall?.parameters.CallSid;
      this.listeners.emit('error', { error, ...(callSid ? { callSid } : {}) });
      if (error.kind === 'token') return this.onTokenRefused(error);
      if (error.kind === 'signaling' && this.current.state !== 'failed') this.setStatus({ error });
    });
    device.on(Device.EventName.Incoming, (sdkCall: Call) => this.onIncoming(sdkCall));
  }

  private onIncoming(sdkCall: Call): void {
    const call = new VoiceCall(
      sdkCall,
      {
        iceServers: this.iceServers(),
        reconnectGiveUpMs: this.options.reconnectGiveUpMs ?? 30_000,
        introTimeoutMs: this.options.introTimeoutMs ?? 30_000,
        now: this.now,
      },
      {
        changed: (record) => this.listeners.emit('call', record),
        warning: (name, cleared, data) => this.listeners.emit('warning', { callSid: call.record.callSid, name, cleared, data }),
        error: (error) => this.listeners.emit('error', { error, callSid: call.record.callSid }),
        streams: (local, remote) => this.listeners.emit('streams', { callSid: call.record.callSid, local, remote }),
        ended: (record) => {
          this.live.delete(record.callSid);
          this.history.unshift(record);
          this.history.splice(this.options.keptCalls ?? 20);
          this.listeners.emit('call', record);
        },
      },
    );
    const record = call.record;
    this.live.set(record.callSid, call);
    this.listeners.emit('incoming', { record, accept: () => call.accept(), reject: () => call.reject() });
  }

  /**
   * A refused token stops the Device (it would retry the same token for ever). An expired one, once the
   * Device has been registered, is replaced instead (VoiceToken.refusedAsExpired): a desk that slept through
   * its refresh, or was offline until the token ran out, is not misconfigured, and the SDK picks the new
   * token up as it reconnects.
   */
  private onTokenRefused(error: VoiceError): void {
    const replaceable = isExpiredTokenError(error) && this.current.state !== 'registering';
    if (!replaceable || !this.token?.refusedAsExpired(this.device?.token ?? null)) {
      this.fail(error);
      return;
    }
    if (this.current.error?.kind !== 'token') this.setStatus({ error });
  }

  private untilRegistered(device: Device): Promise<void> {
    const timeoutMs = this.options.registerTimeoutMs ?? 15_000;
    return new Promise<void>((resolve, reject) => {
      const cleanups: Array<() => void> = [];
      let settled = false;
      const settle = (error?: Error) => {
        if (settled) return;
        settled = true;
        for (const cleanup of cleanups) cleanup();
        if (error) reject(error);
        else resolve();
      };
      const onStatus = this.on('status', (status) => {
        if (status.state === 'failed' && status.error) settle(new VoiceRegistrationError(status.error));
      });
      const timer = setTimeout(() => {
        settle(
          this.fail({
            kind: 'signaling',
            detail: `not registered within ${timeoutMs} ms`,
            message: `Twilio Voice did not answer within ${Math.round(timeoutMs / 1000)} s; incoming calls cannot reach this desk.`,
          }),
        );
      }, timeoutMs);
      cleanups.push(onStatus, () => clearTimeout(timer));
      device.register().then(
        () => settle(),
        (error: unknown) => settle(this.current.state === 'failed' ? undefined : this.fail(voiceErrorOf(error))),
      );
    });
  }

  private iceServers(): RTCIceServer[] {
    const { iceServers } = this.options;
    return typeof iceServers === 'function' ? iceServers() : (iceServers ?? []);
  }

  /**
   * The token trouble that outlives a registration: a failed refresh does (the token still runs out), a
   * refusal as expired does not (Twilio has just accepted a token).
   */
  private tokenTrouble(): VoiceError | undefined {
    const error = this.current.error;
    return error?.kind === 'token' && !isExpiredTokenError(error) ? error : undefined;
  }

  /** Twilio refused the token or never answered: stops the SDK's reconnect loop with the same token. */
  private fail(error: VoiceError): VoiceRegistrationError {
    this.token?.stop();
    this.release();
    this.setStatus({ state: 'failed', error });
    return new VoiceRegistrationError(error);
  }

  /**
   * Works around the SDK losing its intent to register again: it recomputes it at every `offline`, so a
   * second drop before it has re-registered (a socket that opens and closes again, e.g. Twilio refusing an
   * expired token) leaves the Device connected but unregistered for good (device.ts `_onSignalingOffline`,
   * 2.18.5). While reconnecting, once signaling is back (`edge` is set by `connected`) and the Device is
   * still unregistered, the SDK has decided not to register; register it here.
   */
  private watchRegistration(device: Device): void {
    clearInterval(this.registrationWatch);
    this.registrationWatch = setInterval(() => {
      if (this.device !== device || this.current.state !== 'reconnecting') {
        clearInterval(this.registrationWatch);
        return;
      }
      if (device.state === Device.State.Unregistered && device.edge) device.register().catch(() => undefined);
    }, REGISTRATION_WATCH_MS);
  }

  private release(): void {
    clearInterval(this.registrationWatch);
    const device = this.device;
    this.device = undefined;
    if (!device) return;
    // Our listeners go first, so the teardown's own `unregistered` is not taken for a dropped connection;
    // an EventEmitter without an 'error' listener throws, so one stays until destroy() removes it.
    device.removeAllListeners();
    device.on(Device.EventName.Error, () => undefined);
    device.destroy();
  }

  private setStatus(patch: Partial<VoiceStatus>): void {
    this.current = { ...this.current, ...patch };
    for (const key of Object.keys(this.current) as Array<keyof VoiceStatus>) if (this.current[key] === undefined) delete this.current[key];
    this.listeners.emit('status', this.status());
  }

  private call(callSid: string): VoiceCall {
    const call = this.live.get(callSid);
    if (!call) throw new Error(`No live Voice call ${callSid}`);
    return call;
  }

  private requireDevice(): Device {
    if (!this.device) throw new Error('The Voice device is not registered');
    return this.device;
  }
}

export class VoiceRegistrationError extends Error {
  constructor(readonly voiceError: VoiceError) {
    super(voiceError.message);
    this.name = 'VoiceRegistrationError';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
