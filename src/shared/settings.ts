import { z } from 'zod';
import { ALL_ROUTINE_TASKS } from './handBackPolicy';

/**
 * An endpoint that receives a secret (an API key, a signing secret, a credential) or customer data must be
 * https; plain http only to this machine (127.0.0.1, ::1, localhost), which is what local tests and fakes use.
 */
export function isSecureEndpoint(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === 'https:') return true;
  return parsed.protocol === 'http:' && ['127.0.0.1', '[::1]', 'localhost'].includes(parsed.hostname);
}

const secureEndpoint = z.union([
  z.literal(''),
  z
    .url({ protocol: /^https?$/ })
    .refine(
      isSecureEndpoint,
      'This endpoint receives secrets or customer data: it must be https (plain http only to 127.0.0.1 or localhost).',
    ),
]);

/** Which secret goes to which endpoint: changing the endpoint clears the secret, so it must be entered again. */
export const SECRET_OF_ENDPOINT = {
  openaiBaseUrl: 'openai_api_key',
  handBackEndpoint: 'hand_back_signing_secret',
  tokenEndpointUrl: 'token_endpoint_credential',
} as const;
export type EndpointWithSecret = keyof typeof SECRET_OF_ENDPOINT;

/** Settings the agent can change; IT can pin any of them through the managed settings file. */
export const SettingsSchema = z.object({
  agentName: z.string().trim().min(1).max(60),
  /** Demo calls play their turns this many times faster than real time (1 = real time). */
  demoSpeed: z.number().min(0.25).max(1000),
  /** Ring the next demo call by itself this many seconds after a call ends; 0 = only on request. */
  demoAutoRingSeconds: z.number().int().min(0).max(3600),
  /** The contact center's read-only lookup API (GET /orders/{id}, /accounts/{id}); empty = demo data. */
  lookupBaseUrl: secureEndpoint,
  /** Which engine writes whisper suggestions; 'openai' also needs an API key (kept apart from settings). */
  assistEngine: z.enum(['local', 'openai']),
  /** An OpenAI-compatible endpoint (a proxy, a local gateway); empty = api.openai.com. */
  openaiBaseUrl: secureEndpoint,
  openaiModel: z.string().trim().min(1).max(100),
  /** Per attempt; a suggestion that arrives after the conversation has moved on is of no use. */
  openaiTimeoutMs: z.number().int().min(1_000).max(60_000),
  /**
   * Tasks the AI may take back (IT can lock this list); anything else stays with the human. Only tasks
   * the domain pack marks routine can ever go; "*" stands for all of them.
   */
  handBackAllowList: z.array(z.union([z.literal(ALL_ROUTINE_TASKS), z.string().regex(/^[a-z][a-z0-9_]{1,79}$/)])).max(100),
  /** The domain pack folder (the business's facts, knowledge base, intents, hand-back tasks); empty = the embedded demo pack. */
  domainPack: z.string().trim().max(1_000),
  /** The AI agent's hand-back endpoint (HTTPS POST, signed); empty = the demo simulator. */
  handBackEndpoint: secureEndpoint,
  /** The contact center's OpenTelemetry collector (OTLP/HTTP base URL); empty = no export. */
  otlpEndpoint: secureEndpoint,
  /** 'demo' rings the built-in simulator; 'twilio' makes this desk a TaskRouter worker (needs the token endpoint). */
  telephonyMode: z.enum(['demo', 'twilio']),
  /** Issues TaskRouter and Voice access tokens to this desk (POST {kind}); its credential is kept with the secrets. */
  tokenEndpointUrl: secureEndpoint,
  /** TaskRouter event bridge overrides (regional or test endpoints); empty = Twilio's defaults. */
  taskRouterEventBridgeUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
  taskRouterSocketUrl: z.union([z.literal(''), z.url({ protocol: /^wss?$/ })]),
  /**
   * Twilio Voice edge(s) for the call's signaling and media, in order of preference, comma-separated
   * (`dublin`, `ashburn,umatilla`); empty = `roaming` (Twilio picks the nearest).
   */
  voiceEdge: z
    .string()
    .trim()
    .max(200)
    .regex(/^([a-z][a-z-]*(\s*,\s*[a-z][a-z-]*)*)?$/, 'Edges are names such as "dublin" or "ashburn,umatilla".'),
  /**
   * A signaling host (`host:port`) instead of the edge's: tests against a local fake, through the web
   * harness only. The app window's CSP admits Twilio's hosts (*.twilio.com) and nothing else.
   */
  voiceSignalingHost: z
    .string()
    .trim()
    .max(200)
    .regex(/^([A-Za-z0-9.-]+(:\d{1,5})?)?$/, 'A signaling host is host or host:port, without a scheme.'),
  /** The OpenAI Realtime transcription model for live calls (uses the OpenAI key and base URL above). */
  transcriptionModel: z.string().trim().min(1).max(100),
  /** Whether the desk looks for updates at all; IT turns this off when it deploys versions itself. */
  updatesEnabled: z.boolean(),
  /** Which release line: 'latest' (stable) or 'beta' (pre-releases, for pilot desks). */
  updateChannel: z.enum(['latest', 'beta']),
  /** The center's own update server (electron-updater generic provider: latest.yml beside the installers); empty = GitHub releases. */
  updateServerUrl: z.union([z.literal(''), z.url({ protocol: /^https$/ })]),
  /** How often to look for an update. */
  updateCheckHours: z.number().int().min(1).max(168),
  /** The ringtone's loudness, 0 (silent: the notification, title and flash still announce the call) to 1. */
  ringtoneVolume: z.number().min(0).max(1),
  /**
   * The speaker the ringtone plays on (a MediaDeviceInfo.deviceId of an audio output, as setSinkId takes
   * it), so it can ring on the speakers while the headset is off; empty = the system's default output.
   */
  ringtoneOutputDevice: z
    .string()
    .trim()
    .max(200)
    .regex(/^[\x21-\x7e]*$/, 'An output device id is one word of printable characters.'),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = SettingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

export const DEFAULT_SETTINGS: Settings = {
  agentName: 'Alex',
  demoSpeed: 1,
  demoAutoRingSeconds: 0,
  lookupBaseUrl: '',
  assistEngine: 'local',
  openaiBaseUrl: '',
  openaiModel: 'gpt-4.1-mini',
  openaiTimeoutMs: 8_000,
  handBackAllowList: [ALL_ROUTINE_TASKS],
  domainPack: '',
  handBackEndpoint: '',
  otlpEndpoint: '',
  telephonyMode: 'demo',
  tokenEndpointUrl: '',
  taskRouterEventBridgeUrl: '',
  taskRouterSocketUrl: '',
  voiceEdge: '',
  voiceSignalingHost: '',
  transcriptionModel: 'gpt-4o-transcribe',
  updatesEnabled: true,
  updateChannel: 'latest',
  updateServerUrl: '',
  updateCheckHours: 4,
  ringtoneVolume: 0.8,
  ringtoneOutputDevice: '',
};

/**
 * How each setting is carried by a policy (Windows registry, macOS managed preferences, the JSON file).
 * Every setting can be managed; a new setting fails to type-check until it is given a kind here, and the
 * ADMX template is regenerated from this list (tools/policyTemplates.ts).
 */
export type SettingKind = 'string' | 'enum' | 'integer' | 'number' | 'boolean' | 'list';
export const SETTING_KINDS: { readonly [K in keyof Settings]: SettingKind } = {
  agentName: 'string',
  demoSpeed: 'number',
  demoAutoRingSeconds: 'integer',
  lookupBaseUrl: 'string',
  assistEngine: 'enum',
  openaiBaseUrl: 'string',
  openaiModel: 'string',
  openaiTimeoutMs: 'integer',
  handBackAllowList: 'list',
  domainPack: 'string',
  handBackEndpoint: 'string',
  otlpEndpoint: 'string',
  telephonyMode: 'enum',
  tokenEndpointUrl: 'string',
  taskRouterEventBridgeUrl: 'string',
  taskRouterSocketUrl: 'string',
  voiceEdge: 'string',
  voiceSignalingHost: 'string',
  transcriptionModel: 'string',
  updatesEnabled: 'boolean',
  updateChannel: 'enum',
  updateServerUrl: 'string',
  updateCheckHours: 'integer',
  ringtoneVolume: 'number',
  ringtoneOutputDevice: 'string',
};
export const MANAGED_SETTING_KEYS = Object.keys(SETTING_KINDS) as (keyof Settings)[];

export function isSettingKey(key: string): key is keyof Settings {
  return Object.hasOwn(SETTING_KINDS, key);
}

export const StorageProtectionSchema = z.enum(['os-keychain', 'key-file', 'none']);
export type StorageProtection = z.infer<typeof StorageProtectionSchema>;
