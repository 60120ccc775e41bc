/**
 * The one table of routine tasks the AI may take back, and which of them need a verified caller. The
 * assistant's advice during the call (assist/handBackAdvisor.ts) and the check at confirmation
 * (session/handBackFlow.ts) both read it, so the advice never calls allowed what confirm then refuses.
 *
 * Safe for a caller nobody has verified: what only goes to the contact already on file (reset, sign-in
 * and confirmation messages, as a public "forgot password" flow would), a tracking link, and moving a
 * delivery later (it changes when a parcel comes, not where, and exposes nothing). Anything that changes
 * the account, reveals it (a username) or gives something of value (a promo code, a return label)
 * waits for verification.
 */

export interface RoutineTask {
  task: string;
  /** How a request for it is worded on a call. */
  cue: RegExp;
  needsVerifiedCaller: boolean;
}

export const ROUTINE_TASKS: readonly RoutineTask[] = [
  { task: 'send_return_label', cue: /\b(?:return|shipping|prepaid|mailing) label\b|\blabel\b/i, needsVerifiedCaller: true },
  { task: 'send_password_reset_link', cue: /\b(?:password|reset link|temporary password)\b/i, needsVerifiedCaller: false },
  { task: 'send_account_login_link', cue: /\b(?:sign-?in|log-?in) link\b|\blink to (?:your|the) account\b/i, needsVerifiedCaller: false },
  { task: 'send_promo_code', cue: /\b(?:new|replacement|promo|discount|coupon) code\b/i, needsVerifiedCaller: true },
  { task: 'send_2fa_reset', cue: /\b(?:two[- ]factor|2fa|two[- ]step|sign[- ]in code|verification code|reset code)\b/i, needsVerifiedCaller: false },
  { task: 'send_username_reminder', cue: /\busername\b/i, needsVerifiedCaller: true },
  { task: 'send_shipping_status_link', cue: /\b(?:tracking|shipping status|track(?:ing)? link|where (?:it|the package) is)\b/i, needsVerifiedCaller: false },
  {
    task: 'update_address_after_verification',
    cue: /\b(?:update|change|switch)\b[^.?!]{0,40}\b(?:address|street|drive|road|avenue|lane|apartment)\b/i,
    needsVerifiedCaller: true,
  },
  { task: 'send_confirmation_email', cue: /\b(?:confirmation|receipt)\b/i, needsVerifiedCaller: false },
  {
    task: 'reschedule_delivery',
    cue: /\b(?:move|change|reschedule|push|slow)\w*\b[^.?!]{0,40}\bdeliver\w*\b|\bdelivery (?:window|date|day)\b/i,
    needsVerifiedCaller: false,
  },
];

/**
 * Whether a task is routine, so that it may be on the hand-back allow-list at all. The one check the
 * settings (and anything else) ask; today it reads ROUTINE_TASKS, later a domain pack's table.
 */
export function isRoutineTask(task: string): boolean {
  return ROUTINE_TASKS.some((routine) => routine.task === task);
}

/** What an agent says once they have verified the caller on the call. */
export const VERIFIED_IN_CALL =
  /\b(?:you're verified|verified now|that (?:all )?matches|checks out|confirmed your identity|identity (?:is )?confirmed|verification (?:passed|complete)|that's you)\b/i;

/** Why a hand-back may not go, in the same words from the advice and from the check at confirmation. */
export const REFUSAL = {
  notOnList: (task: string) => `"${task.replace(/_/g, ' ')}" is not on the routine hand-back list set by IT.`,
  injection: 'Someone tried to instruct the assistant during this call; keep the rest with a person.',
  unverified: 'The caller is not verified; verify identity before the AI acts on the account.',
} as const;

/** Tasks not in the table (IT may allow others) are treated as acting on the account. */
export function needsVerifiedCaller(task: string): boolean {
  return ROUTINE_TASKS.find((routine) => routine.task === task)?.needsVerifiedCaller ?? true;
}
