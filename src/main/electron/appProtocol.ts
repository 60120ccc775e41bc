/**
 * The renderer is served from `whisper-desk://app/`, a privileged scheme (standard + secure), instead of
 * file://: Chromium loads Vite's module bundle from it, and the page has one exact origin to trust. The
 * decisions (which file, what is refused) are in core/appOrigin.ts; this is the Electron glue.
 */
import { promises as fs } from 'node:fs';
import { app, protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/contentSecurityPolicy';
import { APP_SCHEME, resolveAppAsset, type ShellContext } from '../core/appOrigin';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const answer = resolveAppAsset(request.url, rendererDir);
    if (answer.kind === 'refused') return new Response(null, { status: answer.status });
    const body = await fs.readFile(answer.filePath).catch(() => undefined);
    if (!body) return new Response(null, { status: 404 });
    return new Response(new Uint8Array(body), {
      headers: {
        'content-type': answer.contentType,
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
      },
    });
  });
}

export function shellContext(): ShellContext {
  return { packaged: app.isPackaged, devServerUrl: process.env.ELECTRON_RENDERER_URL };
}
