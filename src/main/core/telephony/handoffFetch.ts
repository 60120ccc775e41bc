/**
 * Fetches a handoff package that was too large for the task attributes: `GET handoffUrl`, bounded in
 * time and size, before the reservation rings. The URL should be short-lived and pre-signed: the desk
 * sends no credentials with it, and follows no redirects (so an allow-list of origins means something).
 */
import { MAX_PACKAGE_BYTES } from '../../../shared/handoffPackage';
import { parseServiceUrl } from './serviceUrl';

export interface HandoffFetchOptions {
  /** The whole fetch, headers and body; keep it well under the reservation timeout. Default 3 s. */
  timeoutMs?: number;
  /** Default: the intake's own limit, 512 KB. */
  maxBytes?: number;
  /** When set, the package URL's origin must be one of these (e.g. `https://handoffs.example.com`). */
  allowedOrigins?: string[];
}

export type HandoffFetchResult = { ok: true; text: string } | { ok: false; error: string };

export async function fetchHandoffPackage(
  rawUrl: string,
  expectedHandoffId: string | undefined,
  options: HandoffFetchOptions = {},
): Promise<HandoffFetchResult> {
  const timeoutMs = options.timeoutMs ?? 3_000;
  const maxBytes = options.maxBytes ?? MAX_PACKAGE_BYTES;
  let url: URL;
  try {
    url = parseServiceUrl(rawUrl, 'handoffUrl');
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  if (options.allowedOrigins && !options.allowedOrigins.includes(url.origin)) {
    return { ok: false, error: `handoffUrl origin ${url.origin} is not one this desk is allowed to fetch from` };
  }
  const where = `${url.origin}${url.pathname}`;
  try {
    const response = await fetch(url, {
      method: 'GET',
      headers: { accept: 'application/json' },
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, error: `GET ${where} answered ${response.status}` };
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel();
      return { ok: false, error: `package at ${where} is ${kb(declared)}, over the ${kb(maxBytes)} limit` };
    }
    const body = await readAtMost(response, maxBytes);
    if (body === undefined) return { ok: false, error: `package at ${where} is over the ${kb(maxBytes)} limit` };
    const mismatch = handoffIdMismatch(body, expectedHandoffId);
    if (mismatch) return { ok: false, error: `package at ${where} is for handoff ${mismatch}, but the task names ${expectedHandoffId}` };
    return { ok: true, text: body };
  } catch (error) {
    if ((error as Error).name === 'TimeoutError') return { ok: false, error: `GET ${where} did not finish within ${timeoutMs} ms` };
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return { ok: false, error: `GET ${where} failed (${cause?.code ?? cause?.message ?? (error as Error).message})` };
  }
}

/** Reads the body as UTF-8, stopping (and cancelling the rest) as soon as it passes maxBytes. */
async function readAtMost(response: Response, maxBytes: number): Promise<string | undefined> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The package's own handoffId when it differs from the one on the task; a package we cannot read is the intake's to judge. */
function handoffIdMismatch(text: string, expected: string | undefined): string | undefined {
  if (!expected) return undefined;
  try {
    const parsed = JSON.parse(text) as { handoffId?: unknown } | null;
    const actual = parsed?.handoffId;
    return typeof actual === 'string' && actual !== expected ? actual : undefined;
  } catch {
    return undefined;
  }
}

function kb(bytes: number): string {
  return `${Math.round(bytes / 1024)} KB`;
}
