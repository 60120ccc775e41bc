/**
 * The one contract between the renderer and the main process. The preload bridge, the Electron IPC
 * registration and the web harness are all derived from these two maps, so a channel is declared once.
 */
import { z } from 'zod';
import {
  CALLER_VERIFICATION_METHODS,
  CallViewSchema,
  HistoryItemSchema,
  StoredCallSchema,
  TranscriptTurnSchema,
  VoiceLegSchema,
} from '../callSchemas';
import { SettingsPatchSchema, SettingsSchema, StorageProtectionSchema } from '../settings';
import { WrapUpSchema } from '../callSchemas';
import { HandBackConfirmationSchema, HandBackDraftSchema } from '../handBackDraft';
import { HandoffMetricsSchema, MetricsFilterSchema } from '../handoffMetrics';
import { IceServersSchema } from '../iceServers';
import { PackSummarySchema } from '../domainPack';

const CallRef = z.object({ callId: z.string().min(1).max(200) }).strict();
const Empty = z.object({}).strict();

/** Which engine writes the whisper suggestions. The OpenAI key itself never crosses to the renderer. */
export const AssistantStatusSchema = z.object({
  engine: z.enum(['local', 'openai']),
  openAiKeyConfigured: z.boolean(),
  /** Why the engine is not the one the settings ask for. */
  reason: z.string().optional(),
});
export type AssistantStatus = z.infer<typeof AssistantStatusSchema>;

/** The telephony side as the agent needs to see it: which mode, connected or not, availability, and why not. */
export const TelephonyStatusSchema = z.object({
  mode: z.enum(['demo', 'twilio']),
  connected: z.boolean(),
  availability: z.enum(['Available', 'Busy', 'Offline']).optional(),
  error: z.string().optional(),
});
export type TelephonyStatusView = z.infer<typeof TelephonyStatusSchema>;

/** A Voice access token for the renderer's Device, and the STUN/TURN servers for its calls when the endpoint sent them. */
export const VoiceTokenSchema = z.object({ token: z.string(), identity: z.string(), iceServers: IceServersSchema.optional() });
export type VoiceToken = z.infer<typeof VoiceTokenSchema>;

export const DeskSnapshotSchema = z.object({
  mode: z.enum(['demo', 'live']),
  settings: SettingsSchema,
  lockedSettings: z.array(z.string()),
  storage: z.object({ protection: StorageProtectionSchema, warning: z.string().optional() }),
  activeCall: CallViewSchema.nullable(),
  telephony: TelephonyStatusSchema,
  demoScenarioCount: z.number().int(),
  assistant: AssistantStatusSchema,
  /** The domain pack in use: its name and version for the top bar, its labels for every screen. */
  pack: PackSummarySchema,
});
export type DeskSnapshot = z.infer<typeof DeskSnapshotSchema>;

export const deskMethods = {
  getSnapshot: { input: Empty, output: DeskSnapshotSchema },
  acceptCall: { input: CallRef, output: CallViewSchema },
  declineCall: { input: CallRef, output: CallViewSchema },
  hangUp: { input: CallRef, output: CallViewSchema },
  saveNotes: {
    input: z.object({ callId: z.string().min(1).max(200), text: z.string().max(200_000) }).strict(),
    /** `text` is what was stored: the notes with any card number or code masked (`masked` of them). */
    output: z.object({ savedAt: z.number(), text: z.string(), masked: z.number().int().nonnegative() }),
  },
  getTranscript: { input: CallRef, output: z.array(TranscriptTurnSchema) },
  listHistory: {
    input: z.object({ limit: z.number().int().min(1).max(500) }).strict(),
    output: z.array(HistoryItemSchema),
  },
  getStoredCall: { input: CallRef, output: StoredCallSchema },
  ringDemoCall: { input: Empty, output: CallViewSchema },
  ringScenarioText: {
    input: z.object({ fileName: z.string().max(500), text: z.string().max(5_000_000) }).strict(),
    output: CallViewSchema,
  },
  updateSettings: { input: SettingsPatchSchema, output: SettingsSchema },
  /** Write-only: the key is stored in the main process and never sent back; an empty string removes it. */
  setOpenAiApiKey: {
    input: z
      .object({
        apiKey: z
          .string()
          .max(500)
          .trim()
          .regex(/^[\x21-\x7e]*$/, 'An API key is one word of printable characters.'),
      })
      .strict(),
    output: z.object({ stored: z.literal(true) }),
  },
  reportRendered: {
    input: z.object({ callId: z.string().min(1).max(200), renderedAt: z.number() }).strict(),
    output: Empty,
  },
  /** The draft the agent reviews before a hand-back; nothing leaves until confirmHandBack. */
  prepareHandBack: {
    input: z
      .object({
        callId: z.string().min(1).max(200),
        task: z
          .string()
          .regex(/^[a-z][a-z0-9_]{1,79}$/)
          .optional(),
      })
      .strict(),
    output: HandBackDraftSchema,
  },
  confirmHandBack: { input: HandBackConfirmationSchema, output: CallViewSchema },
  /** The agent states the caller is verified, and how; audited. The only way besides the package. */
  verifyCaller: {
    input: z.object({ callId: z.string().min(1).max(200), method: z.enum(CALLER_VERIFICATION_METHODS) }).strict(),
    output: CallViewSchema,
  },
  saveWrapUp: {
    input: z.object({ callId: z.string().min(1).max(200), wrapUp: WrapUpSchema.omit({ savedAt: true }).strict() }).strict(),
    output: CallViewSchema,
  },
  getMetrics: { input: MetricsFilterSchema, output: HandoffMetricsSchema },
  exportCallRecordsCsv: { input: MetricsFilterSchema, output: z.object({ csv: z.string(), rows: z.number().int() }) },
  setAvailability: { input: z.object({ availability: z.enum(['Available', 'Busy', 'Offline']) }).strict(), output: TelephonyStatusSchema },
  /** A short-lived Voice SDK access token for the renderer's Device; the credential that gets it stays here. */
  getVoiceToken: { input: Empty, output: VoiceTokenSchema },
  /** Live-call audio for transcription: 16-bit PCM, mono, 24 kHz, base64 (about 100 ms a chunk). */
  pushCallAudio: {
    input: z
      .object({
        callId: z.string().min(1).max(200),
        speaker: z.enum(['agent', 'customer']),
        audioBase64: z
          .string()
          .max(200_000)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/),
      })
      .strict(),
    output: Empty,
  },
  /** The renderer's Voice SDK call for this call (warm/cold, bridging, how it ended): kept with the call record. */
  recordVoiceLeg: { input: z.object({ callId: z.string().min(1).max(200), leg: VoiceLegSchema }).strict(), output: Empty },
} as const;

export const deskEvents = {
  callChanged: CallViewSchema.nullable(),
  turnAdded: z.object({ callId: z.string(), turn: TranscriptTurnSchema }),
  historyChanged: Empty,
  telephonyStatus: TelephonyStatusSchema,
  /** Live mode: words of the turn still being spoken (secrets already masked); replaced by the turn when it ends. */
  transcriptInterim: z.object({ callId: z.string(), speaker: z.enum(['agent', 'customer']), text: z.string() }),
  notice: z.object({ level: z.enum(['info', 'warning', 'error']), message: z.string() }),
} as const;

export type DeskMethods = typeof deskMethods;
export type DeskMethodName = keyof DeskMethods;
export type DeskInput<M extends DeskMethodName> = z.input<DeskMethods[M]['input']>;
export type DeskOutput<M extends DeskMethodName> = z.infer<DeskMethods[M]['output']>;
export type DeskEventName = keyof typeof deskEvents;
export type DeskEventPayload<E extends DeskEventName> = z.infer<(typeof deskEvents)[E]>;

export const DESK_METHOD_NAMES = Object.keys(deskMethods) as DeskMethodName[];
export const DESK_EVENT_NAMES = Object.keys(deskEvents) as DeskEventName[];

/** The object the preload (or the web harness) puts on window.whisperDesk. */
export interface DeskBridge {
  invoke<M extends DeskMethodName>(method: M, input: DeskInput<M>): Promise<import('./envelope').Envelope<DeskOutput<M>>>;
  on<E extends DeskEventName>(event: E, listener: (payload: DeskEventPayload<E>) => void): () => void;
}

export { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from './channels';
