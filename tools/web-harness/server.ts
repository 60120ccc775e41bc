/**
 * `npm run web`: the same core as the Electron app, in plain Node, with a loopback-only HTTP bridge
 * (random token, 127.0.0.1) and the same renderer. A development and test tool; never shipped.
 *
 *   tsx tools/web-harness/server.ts [--data-dir DIR] [--port N] [--demo-speed X] [--scenarios DIR]
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { promises as fs } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { createDesk } from '../../src/main/core/createDesk';
import { FileKeyStore } from '../../src/main/core/fileKeyStore';
import { FileSecretStore } from '../../src/main/core/fileSecretStore';
import type { DeskEmitter } from '../../src/main/core/session/deskService';
import { SOURCE_STORE_WORKER } from '../../src/main/core/store/sourceWorker';
import { StoreOpenError } from '../../src/main/core/store/storeClient';
import { isAllowedHarnessOrigin } from './harnessOrigin';
import { contentSecurityPolicy } from '../../src/shared/contentSecurityPolicy';

const ROOT = path.resolve(__dirname, '../..');
const RENDERER_DIR = path.join(ROOT, 'out/renderer');
const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

const { values: args } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: path.join(ROOT, '.data/web') },
    port: { type: 'string', default: '5199' },
    'demo-speed': { type: 'string' },
    scenarios: { type: 'string', default: path.join(ROOT, 'resources/demo-scenarios') },
    'managed-settings': { type: 'string' },
    pack: { type: 'string' },
  },
});

async function main(): Promise<void> {
  const token = randomBytes(24).toString('base64url');
  const subscribers = new Set<http.ServerResponse>();
  const emit: DeskEmitter = (event, payload) => {
    const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
    for (const response of subscribers) response.write(frame);
  };
  const dataDir = path.resolve(args['data-dir']!);
  const desk = await createDesk({
    dataDir,
    keyStore: new FileKeyStore(path.join(dataDir, 'db.key')),
    // OPENAI_API_KEY in the environment wins over the file.
    secretStore: new FileSecretStore(path.join(dataDir, 'secrets.json')),
    demoScenarioDir: path.resolve(args.scenarios!),
    demoPackDir: path.join(ROOT, 'resources/packs/abcd-store'),
    packOverrideDir: args.pack ? path.resolve(args.pack) : undefined,
    managedSettingsPath: args['managed-settings'] ?? process.env.WHISPER_DESK_MANAGED_SETTINGS,
    ...SOURCE_STORE_WORKER,
    emit,
    log: (message) => console.error(message),
    demoSpeedOverride: args['demo-speed'] ? Number(args['demo-speed']) : undefined,
  });
  for (const problem of desk.startupProblems) console.error(`warning: ${problem}`);
  const bridgeScript = await bundleBridge();
  const indexHtml = await fs.readFile(path.join(RENDERER_DIR, 'index.html'), 'utf8').catch(() => {
    throw new Error(`No renderer build in ${RENDERER_DIR}: run "npx electron-vite build" first (npm run web does).`);
  });
  const page = indexHtml.replace('<head>', '<head>\n    <script src="/__harness/bridge.js"></script>');

  const server = http.createServer((request, response) => {
    void route(request, response).catch((error: Error) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500).end('internal error');
    });
  });

  async function route(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    if (!isLoopbackHost(request.headers.host)) return void response.writeHead(421).end('wrong host');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/api/')) {
      if (!isAllowedHarnessOrigin(request.headers.origin, request.headers.host)) return void response.writeHead(403).end('foreign origin');
      if (!hasToken(request.headers['x-desk-token'], token)) return void response.writeHead(401).end('bad token');
      if (url.pathname === '/api/events') return openEventStream(response);
      const method = decodeURIComponent(url.pathname.slice('/api/invoke/'.length));
      if (request.method !== 'POST' || !url.pathname.startsWith('/api/invoke/')) return void response.writeHead(404).end();
      const body = await readBody(request, 6_000_000);
      let input: unknown;
      try {
        input = body ? JSON.parse(body) : {};
      } catch {
        return sendJson(response, { ok: false, error: { code: 'invalid_input', message: 'request body is not JSON' } });
      }
      return sendJson(response, await desk.handle(method, input));
    }
    if (url.pathname === '/__harness/bridge.js') return send(response, 200, MIME['.js']!, bridgeScript);
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const policy = await harnessPolicy();
      return send(response, 200, MIME['.html']!, withMetaPolicy(page, policy), { 'content-security-policy': policy });
    }
    const file = path.join(RENDERER_DIR, path.normalize(url.pathname));
    if (!file.startsWith(RENDERER_DIR + path.sep)) return void response.writeHead(403).end();
    const content = await fs.readFile(file).catch(() => undefined);
    if (!content) return void response.writeHead(404).end('not found');
    send(response, 200, MIME[path.extname(file)] ?? 'application/octet-stream', content);
  }

  /** The app's policy, plus the configured local signaling fake (voiceSignalingHost) when a test set one. */
  async function harnessPolicy(): Promise<string> {
    const snapshot = await desk.handle('getSnapshot', {});
    const host = snapshot.ok ? (snapshot.value as { settings: { voiceSignalingHost: string } }).settings.voiceSignalingHost : '';
    return contentSecurityPolicy(host ? [`wss://${host}`] : []);
  }

  function openEventStream(response: http.ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    response.write(': connected\n\n');
    subscribers.add(response);
    response.on('close', () => subscribers.delete(response));
  }

  const port = Number(args.port);
  server.listen(port, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    console.log(`WEB_HARNESS_URL=http://127.0.0.1:${address.port}/#token=${token}`);
    console.log(`Whisper Desk web harness: data in ${dataDir}; open the URL above in a browser. Ctrl+C stops it.`);
  });

  const shutdown = async () => {
    server.close();
    for (const response of subscribers) response.end();
    await desk.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

/** Browsers enforce every policy they are given, so the page's meta policy must carry the same addition. */
function withMetaPolicy(page: string, policy: string): string {
  const metaPolicy = policy.replace(/; frame-ancestors [^;]*/, '');
  return page.replace(/(http-equiv="Content-Security-Policy"\s+content=")[^"]*"/, `$1${metaPolicy}"`);
}

async function bundleBridge(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, 'bridgeClient.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'es2022',
  });
  return result.outputFiles[0]!.text;
}

function isLoopbackHost(host: string | undefined): boolean {
  return !!host && /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(host);
}

function hasToken(header: string | string[] | undefined, token: string): boolean {
  if (typeof header !== 'string' || header.length !== token.length) return false;
  return timingSafeEqual(Buffer.from(header), Buffer.from(token));
}

function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new Error('request body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(
  response: http.ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', ...headers });
  response.end(body);
}

function sendJson(response: http.ServerResponse, value: unknown): void {
  send(response, 200, 'application/json; charset=utf-8', JSON.stringify(value));
}

main().catch((error: Error) => {
  if (error instanceof StoreOpenError) console.error(`Cannot open the call store: ${error.message}`);
  else console.error(error);
  process.exit(1);
});
