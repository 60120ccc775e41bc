/**
 * The rule for every URL the telephony side talks to over HTTP: https, or plain http to this computer
 * only (local fakes and development). A token or a customer's package never crosses a network in clear.
 */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function parseServiceUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${what} is not a URL: ${JSON.stringify(raw.slice(0, 200))}`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return url;
  throw new Error(`${what} must be an https URL (plain http only to this computer), got ${url.protocol}//${url.host}`);
}
