import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, signBody, verifySignature } from '../../../src/main/core/handback/handBackSignature';
import { HttpHandBackTransport } from '../../../src/main/core/handback/httpHandBackTransport';
import { HandBackMessageSchema, type HandBackMessage } from '../../../src/shared/handBack';

const SECRET = 'test-secret-0123456789abcdef';

function message(): HandBackMessage {
  return HandBackMessageSchema.parse({
    format: 'hand-back/1',
    handBackId: 'hb_0123456789',
    callSid: 'CA123',
    task: 'send_return_label',
    facts: [{ name: 'email', value: 'm.okafor@email.com' }],
    notes: 'Mail-in label; customer verified by order id.',
    doneByHuman: ['Verified identity', 'Corrected the zip to 53714'],
    agentName: 'Rafael',
    sentAt: new Date().toISOString(),
  });
}

type Reply = (request: http.IncomingMessage, body: string, response: http.ServerResponse) => void;
const servers: http.Server[] = [];
function closeAll(): Promise<unknown> {
  return Promise.all(
    servers.splice(0).map((server) => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    }),
  );
}
afterEach(closeAll);

/** A local stand-in for the AI agent's endpoint that checks the signature like a real receiver would. */
async function receiver(
  replies: Reply[],
): Promise<{ url: string; requests: Array<{ headers: http.IncomingHttpHeaders; body: string; signatureOk: boolean }> }> {
  const requests: Array<{ headers: http.IncomingHttpHeaders; body: string; signatureOk: boolean }> = [];
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const check = verifySignature(SECRET, body, request.headers[SIGNATURE_HEADER] as string | undefined, Math.floor(Date.now() / 1000));
      requests.push({ headers: request.headers, body, signatureOk: check.ok });
      if (!check.ok) return void response.writeHead(401).end();
      (replies[requests.length - 1] ?? replies.at(-1)!)(request, body, response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hand-back`, requests };
}

const accept: Reply = (_request, _body, response) =>
  response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: true, status: 'queued' }));
const fail500: Reply = (_request, _body, response) => response.writeHead(500).end('boom');
const noWait = async () => {};

describe('hand-back signature', () => {
  it('verifies what it signs and rejects tampering, staleness and garbage', () => {
    const body = JSON.stringify(message());
    const now = 1_800_000_000;
    const header = signBody(SECRET, body, now);
    expect(verifySignature(SECRET, body, header, now + 10)).toEqual({ ok: true });
    expect(verifySignature(SECRET, body.replace('Rafael', 'Mallory'), header, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature('another-secret-xxxxxxxx', body, header, now)).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifySignature(SECRET, body, header, now + 301)).toEqual({ ok: false, reason: 'stale' });
    expect(verifySignature(SECRET, body, 't=abc,v1=zz', now)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifySignature(SECRET, body, undefined, now)).toEqual({ ok: false, reason: 'missing' });
  });
});

describe('HTTP hand-back delivery to a local receiver', () => {
  it('delivers a signed message once, with an idempotency key', async () => {
    const { url, requests } = await receiver([accept]);
    const delivery = await new HttpHandBackTransport({ endpoint: url, secret: SECRET, sleep: noWait }).deliver(message());
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 1, receiverStatus: 'queued' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      signatureOk: true,
      headers: { 'idempotency-key': 'hb_0123456789', 'content-type': 'application/json' },
    });
    expect(HandBackMessageSchema.parse(JSON.parse(requests[0]!.body)).notes).toContain('Mail-in label');
  });

  it('retries a 500 with the same idempotency key, then succeeds', async () => {
    const { url, requests } = await receiver([fail500, fail500, accept]);
    const waits: number[] = [];
    const delivery = await new HttpHandBackTransport({
      endpoint: url,
      secret: SECRET,
      baseDelayMs: 100,
      sleep: async (ms) => void waits.push(ms),
    }).deliver(message());
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 3 });
    expect(new Set(requests.map((request) => request.headers['idempotency-key']))).toEqual(new Set(['hb_0123456789']));
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });

  it('gives up after the last attempt when the receiver keeps failing, and says why', async () => {
    const { url, requests } = await receiver([fail500]);
    const delivery = await new HttpHandBackTransport({ endpoint: url, secret: SECRET, maxAttempts: 3, sleep: noWait }).deliver(message());
    expect(delivery).toEqual({ state: 'failed', attempts: 3, detail: 'receiver answered 500' });
    expect(requests).toHaveLength(3);
  });

  it('does not retry a refusal (4xx other than 429)', async () => {
    const { url, requests } = await receiver([(_request, _body, response) => response.writeHead(422).end()]);
    const delivery = await new HttpHandBackTransport({ endpoint: url, secret: SECRET, sleep: noWait }).deliver(message());
    expect(delivery).toMatchObject({ state: 'failed', attempts: 1, detail: 'receiver refused it (422)' });
    expect(requests).toHaveLength(1);
  });

  it('times out on a slow receiver and retries', async () => {
    const slow: Reply = (_request, _body, response) => setTimeout(() => accept(_request, _body, response), 600);
    const { url, requests } = await receiver([slow, accept]);
    const delivery = await new HttpHandBackTransport({ endpoint: url, secret: SECRET, timeoutMs: 150, sleep: noWait }).deliver(message());
    expect(delivery).toMatchObject({ state: 'delivered', attempts: 2 });
    expect(requests.length).toBeGreaterThanOrEqual(1);
  });

  it('fails cleanly when the receiver is down', async () => {
    const { url } = await receiver([accept]);
    await closeAll();
    const delivery = await new HttpHandBackTransport({ endpoint: url, secret: SECRET, maxAttempts: 2, sleep: noWait }).deliver(message());
    expect(delivery.state).toBe('failed');
    expect(delivery.detail).toMatch(/could not connect/);
  });

  it('treats an unparseable answer as not delivered', async () => {
    const { url } = await receiver([(_request, _body, response) => response.writeHead(200).end('ok')]);
    const delivery = await new HttpHandBackTransport({ endpoint: url, secret: SECRET, sleep: noWait }).deliver(message());
    expect(delivery).toMatchObject({ state: 'failed', detail: 'receiver answered in an unexpected shape' });
  });
});
