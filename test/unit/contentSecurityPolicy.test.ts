import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../src/shared/contentSecurityPolicy';

describe('content security policy', () => {
  it('is the same in index.html as in the shared constant (minus frame-ancestors, which meta tags ignore)', () => {
    const html = readFileSync(path.resolve(__dirname, '../../src/renderer/index.html'), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1];
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  it('lets the window reach Twilio signaling and nothing else remote', () => {
    const connect = CONTENT_SECURITY_POLICY.split('; ').find((directive) => directive.startsWith('connect-src'));
    expect(connect).toBe("connect-src 'self' wss://*.twilio.com");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:\/\/|unsafe/);
  });

  it('adds a test fake only when asked', () => {
    expect(contentSecurityPolicy(['wss://127.0.0.1:4443'])).toContain("connect-src 'self' wss://*.twilio.com wss://127.0.0.1:4443;");
  });
});
