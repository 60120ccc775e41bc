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
  /** Answer only once this has settled (and after `delayMs`): orders one answer after another. */
  after?: Promise<unknown>;
}

export interface FakeHandoffStore {
  /** Stores the package and returns its URL. */
  put(id: string, stored: StoredPackage): string;
  requests: Array<{ path: string; headers: http.IncomingHttpHeaders }>;
  /** Resolves when the answer for `id` has been sent whole (the next request for it, if none was sent yet). */
  served(id: string): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeHandoffStore(): Promise<FakeHandoffStore> {
  const packages = new Map<string, StoredPackage>();
  const requests: FakeHandoffStore['requests'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const servedWaiters = new Map<string, Array<() => void>>();
  const servedIds = new Set<string>();
  const markServed = (id: string) => {
    servedIds.add(id);
    for (const resolve of servedWaiters.get(id) ?? []) resolve();
    servedWaiters.delete(id);
  };
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const id = decodeURIComponent(path.replace(/^\/handoffs\//, ''));
    const stored = request.method === 'GET' ? packages.get(id) : undefined;
    response.on('finish', () => markServed(id));
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
      if (stored?.after) void stored.after.finally(answer);
      else answer();
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
    served(id) {
      if (servedIds.has(id)) return Promise.resolve();
      return new Promise((resolve) => servedWaiters.set(id, [...(servedWaiters.get(id) ?? []), resolve]));
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
