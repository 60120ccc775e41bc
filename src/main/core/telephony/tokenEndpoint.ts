/**
 * Client of the contact center's token endpoint, which mints the Twilio access tokens this desk uses:
 * one for the TaskRouter worker, one (later) for the Voice SDK device.
 *
 * Contract (docs/DEPLOYING.md): `POST {url}` with `Authorization: Bearer <credential>` and the
 * JSON body `{ "kind": "taskrouter" | "voice" }`; the answer is `200` with
 * `{ "token": "<JWT>", "identity": "<agent identity>", "expiresAt": "<ISO 8601 with offset>" }`.
 * The credential stays in the main process: it is read at each request and never cached here.
 */
import { z } from 'zod';
import { IceServersSchema, type IceServer } from '../../../shared/iceServers';
import { parseServiceUrl } from './serviceUrl';

export type TokenKind = 'taskrouter' | 'voice';

export interface IssuedToken {
  token: string;
  identity: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Voice tokens only, when the endpoint sends them: STUN/TURN servers for the call (e.g. Twilio NTS). */
  iceServers?: IceServer[];
}

export interface TokenEndpointOptions {
  url: string;
  /** The bearer credential the endpoint expects, from the main process's secret store. */
  credential: () => Promise<string | undefined>;
  timeoutMs?: number;
  /** For tests: the wall clock. */
  now?: () => number;
}

export type TokenEndpointFailure = 'no_credential' | 'unreachable' | 'timeout' | 'unauthorized' | 'refused' | 'bad_answer';

export class TokenEndpointError extends Error {
  override readonly name = 'TokenEndpointError';
  constructor(
    readonly failure: TokenEndpointFailure,
    message: string,
  ) {
    super(message);
  }
}

/** A token is a few KB at most; anything much larger is not a token answer. */
const MAX_ANSWER_CHARS = 64 * 1024;

const AnswerSchema = z.object({
  token: z
    .string()
    .min(1)
    .max(16 * 1024),
  identity: z.string().min(1).max(256),
  expiresAt: z.iso.datetime({ offset: true }),
  iceServers: IceServersSchema.optional(),
});

export class TokenEndpoint {
  private readonly url: URL;

  constructor(private readonly options: TokenEndpointOptions) {
    this.url = parseServiceUrl(options.url, 'token endpoint');
  }

  async fetchToken(kind: TokenKind): Promise<IssuedToken> {
    const credential = await this.options.credential();
    if (!credential) throw new TokenEndpointError('no_credential', 'No token endpoint credential is set for this desk.');
    const timeoutMs = this.options.timeoutMs ?? 5_000;
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { authorization: `Bearer ${credential}`, 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ kind }),
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      if ((error as Error).name === 'TimeoutError')
        throw new TokenEndpointError('timeout', `The token endpoint did not answer within ${timeoutMs} ms.`);
      throw new TokenEndpointError('unreachable', `Could not reach the token endpoint (${describeCause(error)}).`);
    }
    if (response.status === 401 || response.status === 403) {
      await response.body?.cancel();
      throw new TokenEndpointError(
        'unauthorized',
        `The token endpoint refused this desk's credential (${response.status}); ask IT to check it.`,
      );
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new TokenEndpointError('refused', `The token endpoint answered ${response.status} instead of a ${kind} token.`);
    }
    return this.readAnswer(response, kind, timeoutMs);
  }

  /** What TaskRouterTelephony (and later the voice device) is given: a function that returns a fresh token. */
  provider(kind: TokenKind): () => Promise<string> {
    return async () => (await this.fetchToken(kind)).token;
  }

  private async readAnswer(response: Response, kind: TokenKind, timeoutMs: number): Promise<IssuedToken> {
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      const reason =
        (error as Error).name === 'TimeoutError'
          ? `did not finish its answer within ${timeoutMs} ms`
          : `broke off its answer (${describeCause(error)})`;
      throw new TokenEndpointError('timeout', `The token endpoint ${reason}.`);
    }
    if (text.length > MAX_ANSWER_CHARS)
      throw new TokenEndpointError('bad_answer', `The token endpoint sent ${text.length} characters; a token answer is far smaller.`);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new TokenEndpointError('bad_answer', 'The token endpoint did not answer with JSON.');
    }
    const answer = AnswerSchema.safeParse(json);
    if (!answer.success) {
      const issues = answer.error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || 'answer'}: ${issue.message}`);
      throw new TokenEndpointError('bad_answer', `The token endpoint answered in an unexpected shape (${issues.join('; ')}).`);
    }
    const expiresAt = Date.parse(answer.data.expiresAt);
    const now = (this.options.now ?? Date.now)();
    if (expiresAt <= now) {
      throw new TokenEndpointError(
        'bad_answer',
        `The token endpoint sent a ${kind} token that expired at ${answer.data.expiresAt}; check both clocks.`,
      );
    }
    const { token, identity, iceServers } = answer.data;
    return { token, identity, expiresAt, ...(kind === 'voice' && iceServers ? { iceServers } : {}) };
  }
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}
