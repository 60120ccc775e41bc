/**
 * The harness bridge answers only its own page: a request that carries an Origin must come from exactly
 * http://<the Host it was sent to>. A foreign page that learnt the token (a leaked URL) is refused too.
 * Requests without an Origin (same-origin GETs, EventSource) are judged by the token and the Host alone.
 */
export function isAllowedHarnessOrigin(origin: string | undefined, host: string | undefined): boolean {
  if (origin === undefined) return true;
  return host !== undefined && origin === `http://${host}`;
}
