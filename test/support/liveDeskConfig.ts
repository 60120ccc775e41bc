/**
 * A live-mode desk for the harness, on loopback: a token endpoint that speaks the contract of
 * docs/DEPLOYING.md (`POST {kind}` with a bearer credential) and the settings and secrets files that
 * point the desk at the TaskRouter fake (and whatever else a test adds).
 */
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FakeTaskRouter } from './fakeTaskRouter';

export interface TokenEndpoint {
  url: string;
  close(): void;
}

export interface TokenEndpointOptions {
  credential: string;
  identity: string;
  /** A token of each kind; `undefined` answers 503, as an endpoint that is down. */
  issue(kind: 'taskrouter' | 'voice'): string | undefined;
}

export async function startTokenEndpoint({ credential, identity, issue }: TokenEndpointOptions): Promise<TokenEndpoint> {
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      if (request.headers.authorization !== `Bearer ${credential}`) return void response.writeHead(401).end();
      const kind = (JSON.parse(body || '{}') as { kind?: string }).kind === 'voice' ? 'voice' : 'taskrouter';
      const token = issue(kind);
      if (!token) return void response.writeHead(503).end('token service down');
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ token, identity, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/token`,
    close: () => {
      server.closeAllConnections();
      server.close();
    },
  };
}

export function writeLiveDeskConfig(
  dataDir: string,
  options: {
    tokenEndpoint: TokenEndpoint;
    taskRouter: FakeTaskRouter;
    credential: string;
    settings?: Record<string, unknown>;
    secrets?: Record<string, string>;
  },
): void {
  writeFileSync(
    path.join(dataDir, 'settings.json'),
    JSON.stringify({
      telephonyMode: 'twilio',
      tokenEndpointUrl: options.tokenEndpoint.url,
      taskRouterEventBridgeUrl: options.taskRouter.ebServer,
      taskRouterSocketUrl: options.taskRouter.wsServer,
      ...options.settings,
    }),
  );
  const secrets = { token_endpoint_credential: options.credential, ...options.secrets };
  writeFileSync(path.join(dataDir, 'secrets.json'), JSON.stringify(secrets), { mode: 0o600 });
}
