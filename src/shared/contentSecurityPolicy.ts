/**
 * One CSP for the app window and the web harness (sent as a header where there is HTTP).
 * src/renderer/index.html carries the same policy as a meta tag, minus frame-ancestors, which meta tags ignore.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
