import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  APP_PAGE_URL,
  appPageUrl,
  externalLinkAllowed,
  isTrustedPageUrl,
  navigationAllowed,
  permissionGranted,
  resolveAppAsset,
} from '../../../src/main/core/appOrigin';

const packaged = { packaged: true, devServerUrl: 'http://localhost:5173/' };
const dev = { packaged: false, devServerUrl: 'http://localhost:5173/' };
const ROOT = path.resolve('/opt/app/renderer');

describe('the app page and who is trusted', () => {
  it('a packaged app loads its own scheme even when ELECTRON_RENDERER_URL is set; unpackaged, the dev server', () => {
    expect(appPageUrl(packaged)).toBe(APP_PAGE_URL);
    expect(appPageUrl(dev)).toBe('http://localhost:5173/');
    expect(appPageUrl({ packaged: false })).toBe(APP_PAGE_URL);
  });

  it.each([
    ['whisper-desk://app/index.html', packaged, true],
    ['whisper-desk://app/', packaged, true],
    ['whisper-desk://other/index.html', packaged, false],
    ['file:///opt/app/renderer/index.html', packaged, false],
    ['file:///etc/passwd', dev, false],
    ['http://localhost:5173/', packaged, false],
    ['http://localhost:5173/', dev, true],
    ['http://localhost:5173.evil.example/', dev, false],
    ['http://localhost:51730/', dev, false],
    ['https://evil.example/whisper-desk://app/', dev, false],
    ['not a url', dev, false],
  ])('%s trusted (%o): %s', (url, context, trusted) => {
    expect(isTrustedPageUrl(url, context)).toBe(trusted);
  });

  it.each([
    ['whisper-desk://app/index.html', true, true],
    ['whisper-desk://app/index.html', false, false],
    ['https://evil.example/', true, false],
    ['file:///etc/passwd', true, false],
  ])('navigation / redirect / frame navigation to %s (main frame %s): %s', (url, mainFrame, allowed) => {
    expect(navigationAllowed(url, packaged, mainFrame)).toBe(allowed);
  });
});

describe('permission requests check the requesting origin', () => {
  it.each([
    [{ permission: 'media', requestingUrl: 'whisper-desk://app/index.html', mediaTypes: ['audio'] }, true],
    [{ permission: 'media', requestingUrl: 'whisper-desk://app/index.html', mediaTypes: ['audio', 'video'] }, false],
    [{ permission: 'media', requestingUrl: 'https://evil.example/', mediaTypes: ['audio'] }, false],
    [{ permission: 'clipboard-sanitized-write', requestingUrl: 'whisper-desk://app/index.html' }, true],
    [{ permission: 'clipboard-sanitized-write', requestingUrl: 'https://evil.example/' }, false],
    [{ permission: 'geolocation', requestingUrl: 'whisper-desk://app/index.html' }, false],
    [{ permission: 'media', requestingUrl: 'http://localhost:5173/', mediaTypes: ['audio'] }, false],
  ])('%o → %s', (ask, granted) => {
    expect(permissionGranted(ask, packaged)).toBe(granted);
  });
});

describe('shell.openExternal allow-list', () => {
  it.each([
    ['https://status.twilio.com/', true],
    ['https://www.twilio.com/docs', true],
    ['http://status.twilio.com/', false],
    ['https://status.twilio.com.evil.example/', false],
    ['https://user:pass@status.twilio.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://evil.example/', false],
  ])('%s: %s', (url, allowed) => {
    expect(externalLinkAllowed(url)).toBe(allowed);
  });
});

describe('the app scheme serves only the built renderer', () => {
  it.each([
    ['whisper-desk://app/index.html', path.join(ROOT, 'index.html')],
    ['whisper-desk://app/', path.join(ROOT, 'index.html')],
    ['whisper-desk://app/assets/index-abc.js', path.join(ROOT, 'assets/index-abc.js')],
  ])('%s → a file inside the renderer', (url, filePath) => {
    expect(resolveAppAsset(url, ROOT)).toMatchObject({ kind: 'file', filePath });
  });

  it.each([
    'whisper-desk://app/../../etc/passwd',
    'whisper-desk://app/%2e%2e/%2e%2e/etc/passwd',
    'whisper-desk://app/assets/..%2f..%2f..%2fetc%2fpasswd',
    'whisper-desk://app/..%5c..%5cwindows%5cwin.ini',
    'whisper-desk://app/index.html%00.png',
    'whisper-desk://other/index.html',
    'file:///etc/passwd',
    'whisper-desk://app/%E0%A4%A',
    'whisper-desk://app/secrets.txt',
  ])('%s is refused', (url) => {
    expect(resolveAppAsset(url, ROOT).kind).toBe('refused');
  });
});
