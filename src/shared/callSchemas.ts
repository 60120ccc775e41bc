/** The call as the renderer sees it. Built by the main process, sent over IPC, validated on arrival in tests. */
import { z } from 'zod';
import { SpeakerSchema } from './callScenario';
import { FactNameSchema } from './domainPack';
import { IntakeResultSchema } from './handoffPackage';
import { HandBackBlockerSchema, HandBackCodeSchema } from './handBackPolicy';

export const CallPhaseSchema = z.enum(['ringing', 'active', 'ended', 'declined', 'missed']);
export type CallPhase = z.infer<typeof CallPhaseSchema>;

export const CallSourceSchema = z.enum(['demo', 'file', 'telephony', 'replay']);
export type CallSource = z.infer<typeof CallSourceSchema>;

export const TranscriptTurnSchema = z.object({
  index: z.number().int().nonnegative(),
  /** Milliseconds on the call clock (the same clock as the package's triggeredAtMs). */
  atMs: z.number().nonnegative(),
  speaker: SpeakerSchema,
  text: z.string(),
});
export type TranscriptTurn = z.infer<typeof TranscriptTurnSchema>;

export const HeardFactSchema = z.object({
  name: FactNameSchema,
  value: z.string(),
  /** "package" or the index of the turn it was heard in. */
  source: z.union([z.literal('package'), z.number().int().nonnegative()]),
  /** Set when the call showed the package's value to be wrong. */
  contradictedBy: z.number().int().nonnegative().optional(),
  packageValue: z.string().optional(),
});
export type HeardFact = z.infer<typeof HeardFactSchema>;

export const HandBackAdviceSchema = z.object({
  task: z.string(),
  /** The policy's answer (src/shared/handBackPolicy.ts); verification aside, see needsVerification. */
  allowed: z.boolean(),
  code: HandBackCodeSchema,
  /** What holds an allowed task back until the agent deals with it (an unverified caller, an attempt to steer the assistant). */
  blockers: z.array(HandBackBlockerSchema),
  /** The sensitive topic the call raised, when that is why. */
  topic: z.string().optional(),
  reason: z.string(),
  requestedInTurn: z.number().int().nonnegative(),
});
export type HandBackAdvice = z.infer<typeof HandBackAdviceSchema>;

export const GuidelineStepSchema = z.object({ id: z.string(), button: z.string(), text: z.string() });

/** A knowledge-base subflow that answers the call, with where the call seems to be in it. */
export const GuidelineMatchSchema = z.object({
  subflowId: z.string(),
  flow: z.string(),
  title: z.string(),
  score: z.number(),
  steps: z.array(GuidelineStepSchema),
  currentStep: z.number().int().nonnegative(),
  evidenceTurns: z.array(z.number().int()),
});
export type GuidelineMatch = z.infer<typeof GuidelineMatchSchema>;

/** A reply or next move offered to the agent; never said or done by the assistant itself. */
export const SuggestionSchema = z.object({
  id: z.string(),
  text: z.string(),
  kind: z.enum(['ask', 'say', 'do', 'caution']),
  /** Where it comes from, e.g. "Guideline: Return Due to Size · step 3" or "Repeat flag, turn 4". */
  source: z.string(),
});
export type Suggestion = z.infer<typeof SuggestionSchema>;

/** A read-only lookup the assistant ran, shown with its input and result. */
export const LookupRecordSchema = z.object({
  id: z.string(),
  tool: z.enum(['lookup_order', 'lookup_account', 'search_kb']),
  input: z.record(z.string(), z.string()),
  status: z.enum(['pending', 'ok', 'not_found', 'failed']),
  result: z.string().optional(),
  triggeredByTurn: z.number().int().nonnegative().optional(),
});
export type LookupRecord = z.infer<typeof LookupRecordSchema>;

/** Which engine produced the state, and whether it had to fall back. */
export const AssistEngineStatusSchema = z.object({
  engine: z.enum(['local', 'openai']),
  state: z.enum(['ok', 'working', 'fallback']),
  message: z.string().optional(),
});
export type AssistEngineStatus = z.infer<typeof AssistEngineStatusSchema>;

export const AssistStateSchema = z.object({
  facts: z.array(HeardFactSchema),
  repeats: z.array(z.object({ turnIndex: z.number().int(), factName: FactNameSchema })),
  injectionTurns: z.array(z.number().int()),
  /** Package fields whose text tries to instruct the assistant. */
  injectionFields: z.array(z.string()),
  handBack: HandBackAdviceSchema.nullable(),
  guidelines: z.array(GuidelineMatchSchema),
  suggestions: z.array(SuggestionSchema),
  lookups: z.array(LookupRecordSchema),
  engine: AssistEngineStatusSchema,
});
export type AssistState = z.infer<typeof AssistStateSchema>;

export function emptyAssistState(engine: AssistEngineStatus['engine'] = 'local'): AssistState {
  return {
    facts: [],
    repeats: [],
    injectionTurns: [],
    injectionFields: [],
    handBack: null,
    guidelines: [],
    suggestions: [],
    lookups: [],
    engine: { engine, state: 'ok' },
  };
}

/** Wall-clock phase durations; each is absent until both ends of it happened. */
export const CallTimingsSchema = z.object({
  triggerToPackageMs: z.number().optional(),
  packageToRingMs: z.number().optional(),
  ringToPickupMs: z.number().optional(),
  pickupToGreetingMs: z.number().optional(),
  packageToRenderMs: z.number().optional(),
  talkMs: z.number().optional(),
});
export type CallTimings = z.infer<typeof CallTimingsSchema>;

/** Where a hand-back to the AI stands. Refusals are kept too: they are part of the record. */
export const HandBackStatusSchema = z.object({
  task: z.string(),
  state: z.enum(['refused', 'sending', 'delivered', 'failed', 'completed']),
  detail: z.string(),
  at: z.number(),
  attempts: z.number().int().nonnegative().optional(),
});
export type HandBackStatus = z.infer<typeof HandBackStatusSchema>;

export const DispositionValues = [
  'resolved',
  'handed_back',
  'follow_up',
  'transferred',
  'unresolved',
  'declined',
  'missed',
  'interrupted',
] as const;

/**
 * What the record says a call came to: the agent's saved disposition, an outcome the call itself
 * settled (declined, missed, interrupted, handed back), or `not_wrapped_up` when the agent saved no
 * wrap-up. A draft is never recorded as the agent's decision.
 */
export const CallOutcomeValues = [...DispositionValues, 'not_wrapped_up'] as const;
export type CallOutcome = (typeof CallOutcomeValues)[number];

/** The agent's wrap-up, drafted by the assistant and edited by the human. */
export const WrapUpSchema = z.object({
  summary: z.string().max(20_000),
  disposition: z.enum(DispositionValues),
  agentRating: z.number().int().min(1).max(5).optional(),
  savedAt: z.number().optional(),
});
export type WrapUp = z.infer<typeof WrapUpSchema>;

/** How the call reached this agent: a wrong queue (a skill or language the agent lacks) is flagged on the card. */
export const RoutingInfoSchema = z.object({
  /** The TaskRouter task and the package's handoff id: the ids a Voice call must carry to be this call's audio. */
  taskSid: z.string().max(64).optional(),
  handoffId: z.string().max(200).optional(),
  queueName: z.string().optional(),
  problems: z.array(z.string()),
  packageFetchError: z.string().optional(),
});
export type RoutingInfo = z.infer<typeof RoutingInfoSchema>;

export const VoiceEndReasonValues = ['hung-up-local', 'hung-up-remote', 'cancelled', 'rejected', 'failed', 'signaling-lost'] as const;

/**
 * The phone line of a live call as the desk records it: warm or cold handoff, how the audio was matched
 * to the reservation, when the customer was bridged, and how the line behaved. Digits sent are counted,
 * never kept (they may be a PIN typed into an IVR).
 */
export const VoiceLegSchema = z
  .object({
    callSid: z.string().min(1).max(64),
    mode: z.enum(['warm', 'cold']),
    intro: z.enum(['audio', 'text', 'none']),
    /** Which ids tied the audio to the reservation; empty when the agent took unmatched audio by hand. */
    matchedOn: z.array(z.enum(['taskSid', 'handoffId'])).max(2),
    acceptedAt: z.number().optional(),
    bridgedAt: z.number().optional(),
    bridgedBy: z.enum(['accept', 'message', 'timeout']).optional(),
    endedAt: z.number().optional(),
    endReason: z.enum(VoiceEndReasonValues).optional(),
    digitsSent: z.number().int().nonnegative(),
    qualityWarnings: z.array(z.string().max(80)).max(50),
    reconnects: z.number().int().nonnegative(),
    errors: z.array(z.string().max(300)).max(20),
  })
  .strict();
export type VoiceLeg = z.infer<typeof VoiceLegSchema>;

/** Live mode: the state of a transcription stream (one per speaker; no speaker = the whole call, e.g. no key). */
export const TranscriptionStreamSchema = z.object({
  speaker: z.enum(['agent', 'customer']).optional(),
  state: z.enum(['connecting', 'live', 'failed', 'stopped']),
  message: z.string(),
});
export type TranscriptionStream = z.infer<typeof TranscriptionStreamSchema>;

/** How the caller's identity stands: the package's word, or what the agent stated; never guessed from the transcript. */
export const CALLER_VERIFICATION_METHODS = ['security_questions', 'account_details', 'one_time_code', 'known_caller', 'other'] as const;
export const CallerVerificationSchema = z.object({
  by: z.enum(['package', 'agent']),
  /** The package's own words ("username+email+order id"), or the agent's chosen method. */
  method: z.string().max(200),
  at: z.number().optional(),
});
export type CallerVerification = z.infer<typeof CallerVerificationSchema>;

export const CallViewSchema = z.object({
  callId: z.string(),
  /** Counts every change the desk made to this call, so the renderer keeps the newest of two views that cross. */
  revision: z.number().int().nonnegative().optional(),
  source: CallSourceSchema,
  scenarioId: z.string().optional(),
  title: z.string().optional(),
  phase: CallPhaseSchema,
  intake: IntakeResultSchema,
  ringingAt: z.number(),
  /** When the ring gives up unanswered (the reservation's timeout), if the telephony side knows; wall clock ms. */
  ringExpiresAt: z.number().optional(),
  acceptedAt: z.number().optional(),
  endedAt: z.number().optional(),
  timings: CallTimingsSchema,
  notes: z.string(),
  notesSavedAt: z.number().optional(),
  turnCount: z.number().int().nonnegative(),
  assist: AssistStateSchema,
  handBack: HandBackStatusSchema.optional(),
  wrapUp: WrapUpSchema.optional(),
  /** Secrets masked in the transcript (card numbers, codes, passwords). */
  piiRedactions: z.number().int().nonnegative().optional(),
  /** The customer's post-handoff survey score (1-5), when it has arrived. */
  csat: z.number().min(1).max(5).optional(),
  routing: RoutingInfoSchema.optional(),
  /** Set when the package or the agent verified the caller. */
  verification: CallerVerificationSchema.optional(),
  /** Live mode: the Voice SDK call that carried this call's audio. */
  voice: VoiceLegSchema.optional(),
  /** The app stopped (crash, kill) while this call was ringing or active; it was closed at the next start. */
  interrupted: z.object({ lastPhase: z.enum(['ringing', 'active']), recoveredAt: z.number() }).optional(),
  /** Live mode: why there is no transcript, or that it is connecting (kept on the call so a late screen still says so). */
  transcription: z.array(TranscriptionStreamSchema).max(3).optional(),
});
export type CallView = z.infer<typeof CallViewSchema>;

export const HistoryItemSchema = z.object({
  callId: z.string(),
  title: z.string(),
  callerName: z.string().optional(),
  triggerCode: z.string().optional(),
  packageStatus: z.enum(['ok', 'missing', 'malformed']),
  phase: CallPhaseSchema,
  ringingAt: z.number(),
  endedAt: z.number().optional(),
  turnCount: z.number().int(),
  hasNotes: z.boolean(),
  /** From the post-call record, once the call has ended. */
  disposition: z.enum(CallOutcomeValues).optional(),
  handBack: z.object({ task: z.string(), state: z.string() }).optional(),
  csat: z.number().optional(),
  handoffMode: z.enum(['warm', 'cold']).optional(),
  /** Closed at a later start because the app stopped during the call. */
  interrupted: z.boolean().optional(),
});
export type HistoryItem = z.infer<typeof HistoryItemSchema>;

export const StoredCallSchema = z.object({
  call: CallViewSchema,
  turns: z.array(TranscriptTurnSchema),
});
export type StoredCall = z.infer<typeof StoredCallSchema>;
