/**
 * Where the routing backend keeps packages too large for the task attributes: a node:http server on
 * 127.0.0.1 serving `GET /handoffs/<id>` with whatever a test put there, slowly or broken on request.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StoredPackage {
  body: string;
  status?: number;
  /** Wait this long before answering (longer than the desk's timeout = a hang). */
  delayMs?: number;
  /** Leave out Content-Length (chunked), so only reading the body reveals the size. */
  chunked?: boolean;
}

export interface FakeHandoffStore {
  /** Stores the package and returns its URL. */
  put(id: string, stored: StoredPackage): string;
  requests: Array<{ path: string; headers: http.IncomingHttpHeaders }>;
  close(): Promise<void>;
}

export async function startFakeHandoffStore(): Promise<FakeHandoffStore> {
  const packages = new Map<string, StoredPackage>();
  const requests: FakeHandoffStore['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const stored = request.method === 'GET' ? packages.get(decodeURIComponent(path.replace(/^\/handoffs\//, ''))) : undefined;
    const answer = () => {
      if (response.destroyed) return;
      if (!stored) {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"no such handoff"}');
        return;
      }
      const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' };
      if (!stored.chunked) headers['content-length'] = Buffer.byteLength(stored.body);
      response.writeHead(stored.status ?? 200, headers);
      if (stored.chunked) {
        for (let at = 0; at < stored.body.length; at += 64 * 1024) response.write(stored.body.slice(at, at + 64 * 1024));
        response.end();
      } else {
        response.end(stored.body);
      }
    };
    const timer = setTimeout(() => {
      timers.delete(timer);
      answer();
    }, stored?.delayMs ?? 0);
    timers.add(timer);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    put(id, stored) {
      packages.set(id, stored);
      return `http://127.0.0.1:${port}/handoffs/${encodeURIComponent(id)}`;
    },
    requests,
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
