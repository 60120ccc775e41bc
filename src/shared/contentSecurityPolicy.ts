/**
 * One CSP for the app window and the web harness (sent as a header where there is HTTP).
 * src/renderer/index.html carries the same policy as a meta tag, minus frame-ancestors, which meta tags
 * ignore (a unit test keeps the two equal).
 *
 * The only remote origin is Twilio Voice's signaling (`wss://voice-js.<edge>.twilio.com/signal`); the call's
 * media is WebRTC, which CSP does not govern. Nothing else leaves the window: OpenAI, TaskRouter and the
 * token endpoint are reached from the main process.
 */
export const TWILIO_SIGNALING_SOURCE = 'wss://*.twilio.com';

/** `extraConnectSources`: a test's local signaling fake (the web harness only; the app never widens its policy). */
export function contentSecurityPolicy(extraConnectSources: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", TWILIO_SIGNALING_SOURCE, ...extraConnectSources].join(' '),
    "media-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();
