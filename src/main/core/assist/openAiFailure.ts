/**
 * Why a request to OpenAI failed, in words the agent can act on, and whether asking again later in
 * the same call could help. The call itself never depends on the answer: the local engine carries on.
 */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from 'openai';
import { ContentFilterFinishReasonError, LengthFinishReasonError } from 'openai/core/error';

export interface EngineFailure {
  message: string;
  /** A bad key, a forbidden project or an unknown model will not fix itself within the call. */
  permanent: boolean;
}

/** Thrown by the engine itself when an answer arrived but cannot be shown. */
export class UnusableAnswerError extends Error {
  override readonly name = 'UnusableAnswerError';
}

/** Raised when a stream stops sending for longer than the timeout (the SDK's own timeout ends at the headers). */
export class StreamStalledError extends Error {
  override readonly name = 'StreamStalledError';
}

export function describeFailure(error: unknown, settings: { timeoutMs: number; model: string }): EngineFailure {
  const seconds = `${Math.round(settings.timeoutMs / 100) / 10} s`;
  const transient = (message: string): EngineFailure => ({ message, permanent: false });
  if (error instanceof StreamStalledError || error instanceof APIConnectionTimeoutError)
    return transient(`OpenAI did not answer within ${seconds}`);
  if (error instanceof APIConnectionError) return transient(`Could not reach OpenAI (${connectionCause(error)})`);
  if (error instanceof AuthenticationError) return { message: 'OpenAI rejected the API key (401)', permanent: true };
  if (error instanceof PermissionDeniedError) return { message: 'OpenAI refused access for this key (403)', permanent: true };
  if (error instanceof NotFoundError)
    return { message: `OpenAI does not offer the model "${settings.model}" to this key (404)`, permanent: true };
  if (error instanceof RateLimitError) return transient('OpenAI is rate-limiting requests (429), even after retrying');
  if (error instanceof InternalServerError) return transient(`OpenAI had a server error (${error.status})`);
  if (error instanceof BadRequestError) return { message: `OpenAI refused the request (400): ${short(error.message)}`, permanent: true };
  if (error instanceof APIError && error.status) return transient(`OpenAI answered ${error.status}`);
  if (error instanceof LengthFinishReasonError) return transient("OpenAI's answer was cut off");
  if (error instanceof ContentFilterFinishReasonError) return transient("OpenAI's content filter stopped the answer");
  if (error instanceof UnusableAnswerError) return transient(error.message);
  if (isUnparsableAnswer(error)) return transient("OpenAI's answer was not valid suggestions");
  return transient(`OpenAI request failed: ${short((error as Error)?.message ?? String(error))}`);
}

/**
 * The stream helper wraps a parse failure in an OpenAIError whose cause is the SyntaxError or ZodError.
 * Checked by name: the SDK may load zod's CommonJS build while we load its ES module, so two ZodError classes exist.
 */
function isUnparsableAnswer(error: unknown): boolean {
  for (
    let current = error as { name?: string; cause?: unknown } | undefined, depth = 0;
    current && depth < 3;
    current = current.cause as typeof current, depth += 1
  ) {
    if (current.name === 'SyntaxError' || current.name === 'ZodError' || current.name === '$ZodError') return true;
  }
  return false;
}

function connectionCause(error: APIConnectionError): string {
  const cause = (error as { cause?: { code?: string; cause?: { code?: string } } }).cause;
  const code = cause?.code ?? cause?.cause?.code;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host not found';
  return code ?? 'network error';
}

function short(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}
