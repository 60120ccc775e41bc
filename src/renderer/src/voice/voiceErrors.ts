/**
 * Twilio Voice SDK errors (TwilioError: numeric `code`, `name`, `message`) as the desk shows them: a kind
 * the UI can act on and one sentence for the agent. Codes from @twilio/voice-errors as the SDK maps them
 * (lib/twilio/errors/generated.ts, device.ts `_onSignalingError`).
 */

export type VoiceErrorKind =
  /** The access token was refused or has expired: registration stops until a new token works. */
  | 'token'
  /** The signaling connection to Twilio dropped or cannot be reached; the SDK retries by itself. */
  | 'signaling'
  /** Microphone or audio device problems. */
  | 'media'
  /** Anything else about one call. */
  | 'call'
  | 'other';

export interface VoiceError {
  kind: VoiceErrorKind;
  code?: number;
  /** The SDK's own message, e.g. "AccessTokenInvalid (20101): Twilio was unable to validate your Access Token". */
  detail: string;
  /** For the agent. */
  message: string;
}

const TOKEN_CODES = new Set([20101, 20104, 20151, 31201, 31202, 31203, 31204, 31205, 31207]);
const EXPIRED_CODES = new Set([20104, 31205]);
const SIGNALING_CODES = new Set([31000, 31003, 31005, 31009, 53000, 53001]);
const MICROPHONE_CODES = new Set([31401, 31402]);
const MEDIA_CODES = new Set([53400, 53402, 53405]);

export function isExpiredTokenError(error: Pick<VoiceError, 'code'>): boolean {
  return error.code !== undefined && EXPIRED_CODES.has(error.code);
}

export function voiceErrorOf(error: unknown): VoiceError {
  const code = typeof (error as { code?: unknown })?.code === 'number' ? (error as { code: number }).code : undefined;
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : JSON.stringify(error);
  if (code !== undefined && TOKEN_CODES.has(code)) {
    return {
      kind: 'token',
      code,
      detail,
      message: EXPIRED_CODES.has(code)
        ? `Twilio says the Voice token has expired (${code}); calls cannot reach this desk until a new one is fetched.`
        : `Twilio refused the Voice token (${code}); calls cannot reach this desk. Check the token endpoint's Voice grant and identity.`,
    };
  }
  if (code !== undefined && SIGNALING_CODES.has(code)) {
    return { kind: 'signaling', code, detail, message: `The connection to Twilio Voice dropped (${code}); reconnecting.` };
  }
  if (code !== undefined && MICROPHONE_CODES.has(code)) {
    return {
      kind: 'media',
      code,
      detail,
      message: `The microphone could not be used (${code}). Check the input device and the app's microphone permission.`,
    };
  }
  if (code !== undefined && MEDIA_CODES.has(code)) {
    return { kind: 'media', code, detail, message: `The call's audio connection failed (${code}).` };
  }
  return { kind: code !== undefined && code >= 31000 && code < 32000 ? 'call' : 'other', code, detail, message: detail };
}
