/**
 * What the Voice e2e tests share: the browser tools/findBrowser.ts finds, launched with fake media devices and trust for one
 * test certificate (by SPKI pin, nothing else relaxed), and the test pages of test/e2e/voice-page bundled
 * with esbuild and served from loopback under the app's CSP plus the signaling fake's origin.
 */
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { contentSecurityPolicy } from '../../src/shared/contentSecurityPolicy';
import { browserExecutable } from '../../tools/findBrowser';
import { spkiHashOf, type FarEnd } from './fakeVoiceSignaling';

const ROOT = path.resolve(__dirname, '../..');
const PAGES = path.join(ROOT, 'test/e2e/voice-page');
const VOICE = path.join(ROOT, 'src/renderer/src/voice');

export function launchVoiceChromium(trustedCertificatePem: string): Promise<Browser> {
  return chromium.launch({
    executablePath: browserExecutable(),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      '--autoplay-policy=no-user-gesture-required',
      // Real host addresses in ICE candidates instead of mDNS names nothing here would resolve.
      '--disable-features=WebRtcHideLocalIpsWithMdns',
      // Trust the fake's certificate in this browser only, by its key; nothing else is relaxed.
      `--ignore-certificate-errors-spki-list=${spkiHashOf(trustedCertificatePem)}`,
    ],
  });
}

export interface VoicePages {
  origin: string;
  /** The signaling fake's origin for the pages' CSP (its port changes per test). */
  setSignalingOrigin(origin: string): void;
  close(): Promise<void>;
}

/** Bundles and serves the test pages: `agent` (the VoiceClient under test) and/or `far` (the caller's side). */
export async function serveVoicePages(pages: Array<'agent' | 'far'>): Promise<VoicePages> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'whisper-desk-voice-'));
  const entryPoints: Record<string, string> = Object.fromEntries(pages.map((page) => [page, path.join(PAGES, `${page}.ts`)]));
  if (pages.includes('agent')) entryPoints.pcmWorklet = path.join(VOICE, 'pcmWorklet.ts');
  await build({
    entryPoints,
    outdir: dir,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  copyFileSync(path.join(VOICE, 'silence.wav'), path.join(dir, 'silence.wav'));
  for (const page of pages) copyFileSync(path.join(PAGES, `${page}.html`), path.join(dir, `${page}.html`));
  let signalingOrigin = '';
  const server = http.createServer((request, response) => {
    const name = path.basename(new URL(request.url ?? '/', 'http://x').pathname);
    if (!readdirSync(dir).includes(name)) return void response.writeHead(404).end();
    const type = name.endsWith('.html')
      ? 'text/html'
      : name.endsWith('.js')
        ? 'text/javascript'
        : name.endsWith('.wav')
          ? 'audio/wav'
          : 'application/octet-stream';
    // The app's own policy; the only addition is the local signaling socket in place of Twilio's.
    const csp = contentSecurityPolicy(signalingOrigin ? [signalingOrigin] : []);
    response.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': csp, 'Cache-Control': 'no-store' });
    response.end(readFileSync(path.join(dir, name)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setSignalingOrigin: (origin) => (signalingOrigin = origin),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The far page as the signaling fake's `FarEnd`. */
export function farEndOf(farPage: Page, options: { telephoneEvent?: boolean } = {}): FarEnd {
  return {
    offer: () => farPage.evaluate((offerOptions) => window.far.offer(offerOptions), options),
    answer: (sdp) => farPage.evaluate((answerSdp) => window.far.answer(answerSdp), sdp),
    hangUp: () => farPage.evaluate(() => window.far.hangUp()).catch(() => undefined),
  };
}
