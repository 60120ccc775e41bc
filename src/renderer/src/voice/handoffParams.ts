/**
 * What an incoming Voice SDK call says about the escalation it belongs to: the `<Parameter>`s of the
 * routing backend's `<Dial><Client>` (docs/DEPLOYING.md), which arrive as `call.customParameters`.
 * Pure functions: no SDK, no DOM.
 */

export type HandoffMode = 'warm' | 'cold';

/**
 * How the AI's introduction reaches the agent on a warm handoff: spoken on the call before the customer is
 * bridged (`introAudio=true`: the backend's `<Client url>` whisper plays it), or only as text on screen.
 */
export type IntroKind = 'audio' | 'text' | 'none';

export interface CallHandoff {
  handoffId?: string;
  taskSid?: string;
  mode: HandoffMode;
  intro: IntroKind;
  introText?: string;
  /** `handoffMode` had a value other than warm/cold (the call is treated as cold, and this says so). */
  unknownMode?: string;
}

/** Longest introText kept; the parameter is display text, not a package. */
const MAX_INTRO_TEXT = 2_000;

export function handoffOf(parameters: ReadonlyMap<string, string> | Record<string, string>): CallHandoff {
  const get = (name: string): string | undefined => {
    const value = parameters instanceof Map ? parameters.get(name) : (parameters as Record<string, string>)[name];
    const trimmed = typeof value === 'string' ? value.trim() : undefined;
    return trimmed ? trimmed : undefined;
  };
  const rawMode = get('handoffMode')?.toLowerCase();
  const mode: HandoffMode = rawMode === 'warm' ? 'warm' : 'cold';
  const introText = mode === 'warm' ? get('introText')?.slice(0, MAX_INTRO_TEXT) : undefined;
  const introAudio = mode === 'warm' && ['true', '1', 'yes'].includes(get('introAudio')?.toLowerCase() ?? '');
  return {
    handoffId: get('handoffId'),
    taskSid: get('taskSid'),
    mode,
    intro: introAudio ? 'audio' : introText ? 'text' : 'none',
    ...(introText ? { introText } : {}),
    ...(rawMode && rawMode !== 'warm' && rawMode !== 'cold' ? { unknownMode: rawMode } : {}),
  };
}

export type ReservationMatch =
  | { kind: 'match'; on: Array<'taskSid' | 'handoffId'> }
  | { kind: 'mismatch'; field: 'taskSid' | 'handoffId'; call: string; reservation: string }
  /** Neither id can be compared (the call or the reservation lacks both): the app must not guess. */
  | { kind: 'unknown' };

/**
 * Whether a Voice call is the audio of the reservation the desk accepted. Every id present on both sides
 * must agree; at least one must be present on both.
 */
export function matchReservation(
  call: Pick<CallHandoff, 'taskSid' | 'handoffId'>,
  reservation: { taskSid?: string; handoffId?: string },
): ReservationMatch {
  const on: Array<'taskSid' | 'handoffId'> = [];
  for (const field of ['taskSid', 'handoffId'] as const) {
    const fromCall = call[field];
    const fromReservation = reservation[field];
    if (!fromCall || !fromReservation) continue;
    if (fromCall !== fromReservation) return { kind: 'mismatch', field, call: fromCall, reservation: fromReservation };
    on.push(field);
  }
  return on.length ? { kind: 'match', on } : { kind: 'unknown' };
}
