/**
 * The built renderer served the way the app's custom scheme serves it: a small loopback server maps each
 * request to `whisper-desk://app/<path>` and answers with core/appOrigin.ts's resolveAppAsset and the app's
 * CSP header, exactly as src/main/electron/appProtocol.ts does inside Electron. Chromium must load Vite's
 * module bundle from it and render the app (here its "bridge missing" screen: no preload outside Electron).
 */
import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { APP_ORIGIN, resolveAppAsset } from '../../../src/main/core/appOrigin';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/contentSecurityPolicy';

const RENDERER_DIR = path.resolve(__dirname, '../../../out/renderer');

test('the built module bundle loads from the app scheme handler and the app renders; traversal is refused', async ({ page }) => {
  const served: string[] = [];
  const server = http.createServer((request, response) => {
    void (async () => {
      const answer = resolveAppAsset(`${APP_ORIGIN}${request.url ?? '/'}`, RENDERER_DIR);
      if (answer.kind === 'refused') return void response.writeHead(answer.status).end();
      const body = await fs.readFile(answer.filePath).catch(() => undefined);
      if (!body) return void response.writeHead(404).end();
      served.push(path.relative(RENDERER_DIR, answer.filePath));
      response
        .writeHead(200, {
          'content-type': answer.contentType,
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        })
        .end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${base}/index.html`);
    await expect(page.getByTestId('bridge-missing')).toBeVisible();
    expect(errors).toEqual([]);
    const moduleScript = await page.locator('script[type="module"]').first().getAttribute('src');
    expect(moduleScript).toMatch(/\.js$/);
    expect(served.some((file) => file.endsWith('.js'))).toBe(true);
    for (const attempt of [
      '/..%2f..%2fpackage.json',
      '/%2e%2e/%2e%2e/package.json',
      '/assets/..%5c..%5cpackage.json',
      '/index.html%00.js',
    ]) {
      const response = await page.request.get(`${base}${attempt}`);
      expect(response.status(), attempt).toBeGreaterThanOrEqual(400);
    }
  } finally {
    server.close();
  }
});
