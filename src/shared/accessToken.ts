/**
 * Reads the claims of a Twilio access token (a JWT) without verifying its signature — only Twilio can —
 * so a token that is malformed, lacks the grant we need, or has already expired is refused with a
 * reason a person can act on before the SDK tries it. (Once the SDK has a token, a refusal by the event
 * bridge reaches us only as "could not connect", with no reason.) Decoding is jose's `decodeJwt`; the
 * claims are checked with zod. Used by the main process (TaskRouter) and the renderer (Voice).
 */
import { decodeJwt } from 'jose';
import { z } from 'zod';

const ClaimsSchema = z.object({
  exp: z.number(),
  grants: z.object({
    identity: z.string().optional(),
    task_router: z.object({ workspace_sid: z.string().min(1), worker_sid: z.string().min(1), role: z.string().optional() }).optional(),
  }),
});

export interface AccessTokenClaims {
  expiresAtMs: number;
  identity?: string;
  taskRouter?: { workspaceSid: string; workerSid: string };
}

export class AccessTokenError extends Error {
  override readonly name = 'AccessTokenError';
}

/** The claims of a Twilio access token, expired or not; an AccessTokenError when it is not one. */
export function readAccessToken(token: string): AccessTokenClaims {
  if (token.split('.').length !== 3) throw new AccessTokenError('the token is not a JWT (expected three dot-separated parts)');
  let json: unknown;
  try {
    json = decodeJwt(token);
  } catch {
    throw new AccessTokenError('the token payload is not readable JSON');
  }
  const claims = ClaimsSchema.safeParse(json);
  if (!claims.success) throw new AccessTokenError('the token is not a Twilio access token (no exp or grants claim)');
  const { exp, grants } = claims.data;
  return {
    expiresAtMs: exp * 1000,
    identity: grants.identity,
    taskRouter: grants.task_router
      ? { workspaceSid: grants.task_router.workspace_sid, workerSid: grants.task_router.worker_sid }
      : undefined,
  };
}

/** The claims of a token the TaskRouter worker can use now, or an AccessTokenError saying why not. */
export function readTaskRouterToken(
  token: string,
  nowMs: number,
): AccessTokenClaims & { taskRouter: { workspaceSid: string; workerSid: string } } {
  const claims = readAccessToken(token);
  if (!claims.taskRouter) throw new AccessTokenError('the token has no TaskRouter grant (workspace and worker)');
  if (claims.expiresAtMs <= nowMs) {
    throw new AccessTokenError(
      `the token expired at ${new Date(claims.expiresAtMs).toISOString()} (check the clocks of this computer and the token endpoint)`,
    );
  }
  return { ...claims, taskRouter: claims.taskRouter };
}
