/**
 * The token endpoint client against a local node:http server (127.0.0.1): the request it sends, the
 * answers it takes, and a clear, typed error for each way the endpoint can fail.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenEndpoint, TokenEndpointError } from '../../../src/main/core/telephony/tokenEndpoint';

interface Seen {
  method?: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

type Reply = (response: http.ServerResponse) => void;

let server: http.Server;
let url: string;
let seen: Seen[];
let reply: Reply;
const timers = new Set<NodeJS.Timeout>();

const json =
  (status: number, body: unknown): Reply =>
  (response) =>
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

beforeEach(async () => {
  seen = [];
  reply = json(200, { token: 'eyJ.token.sig', identity: 'agent-1', expiresAt: inAnHour() });
  server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({ method: request.method, headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      reply(response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/tokens`;
});
afterEach(async () => {
  for (const timer of timers) clearTimeout(timer);
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const endpoint = (options: Partial<ConstructorParameters<typeof TokenEndpoint>[0]> = {}) =>
  new TokenEndpoint({ url, credential: async () => 'desk-credential-123', timeoutMs: 300, ...options });

async function failure(promise: Promise<unknown>): Promise<TokenEndpointError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TokenEndpointError);
  return error as TokenEndpointError;
}

describe('token endpoint', () => {
  it('POSTs the kind with the bearer credential and returns the validated token', async () => {
    const issued = await endpoint().fetchToken('taskrouter');
    expect(issued).toMatchObject({ token: 'eyJ.token.sig', identity: 'agent-1' });
    expect(issued.expiresAt).toBeGreaterThan(Date.now());
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.headers.authorization).toBe('Bearer desk-credential-123');
    expect(JSON.parse(seen[0]!.body)).toEqual({ kind: 'taskrouter' });

    await endpoint().provider('voice')();
    expect(JSON.parse(seen[1]!.body)).toEqual({ kind: 'voice' });
  });

  it('passes on STUN/TURN servers with a Voice token, and refuses ones that are not ICE URLs', async () => {
    const turn = {
      urls: ['turn:global.turn.twilio.com:3478?transport=udp', 'turns:global.turn.twilio.com:443?transport=tcp'],
      username: 'u1',
      credential: 'c1',
    };
    reply = json(200, {
      token: 'eyJ.voice.sig',
      identity: 'agent-1',
      expiresAt: inAnHour(),
      iceServers: [{ urls: 'stun:global.stun.twilio.com:3478' }, turn],
    });
    expect((await endpoint().fetchToken('voice')).iceServers).toEqual([{ urls: 'stun:global.stun.twilio.com:3478' }, turn]);
    // A TaskRouter token has no use for them.
    expect(await endpoint().fetchToken('taskrouter')).not.toHaveProperty('iceServers');

    reply = json(200, { token: 'x', identity: 'agent-1', expiresAt: inAnHour(), iceServers: [{ urls: 'https://evil.example/turn' }] });
    expect(await failure(endpoint().fetchToken('voice'))).toMatchObject({
      failure: 'bad_answer',
      message: expect.stringMatching(/iceServers\.0\.urls/),
    });
  });

  it('says which way it failed', async () => {
    reply = json(401, { message: 'nope' });
    expect(await failure(endpoint().fetchToken('taskrouter'))).toMatchObject({
      failure: 'unauthorized',
      message: expect.stringMatching(/refused this desk's credential \(401\)/),
    });

    reply = json(503, { message: 'down' });
    expect(await failure(endpoint().fetchToken('taskrouter'))).toMatchObject({
      failure: 'refused',
      message: expect.stringMatching(/answered 503/),
    });

    reply = json(200, { token: 'x', identity: 'agent-1', expiresAt: 'tomorrow' });
    expect(await failure(endpoint().fetchToken('taskrouter'))).toMatchObject({
      failure: 'bad_answer',
      message: expect.stringMatching(/unexpected shape \(expiresAt: /),
    });

    reply = (response) => response.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>');
    expect(await failure(endpoint().fetchToken('taskrouter'))).toMatchObject({
      failure: 'bad_answer',
      message: expect.stringMatching(/not answer with JSON/),
    });

    reply = json(200, { token: 'x', identity: 'agent-1', expiresAt: new Date(Date.now() - 1_000).toISOString() });
    expect(await failure(endpoint().fetchToken('taskrouter'))).toMatchObject({
      failure: 'bad_answer',
      message: expect.stringMatching(/expired at/),
    });

    reply = (response) => timers.add(setTimeout(() => json(200, {})(response), 2_000));
    expect(await failure(endpoint().fetchToken('taskrouter'))).toMatchObject({
      failure: 'timeout',
      message: expect.stringMatching(/within 300 ms/),
    });

    expect(await failure(endpoint({ credential: async () => undefined }).fetchToken('taskrouter'))).toMatchObject({
      failure: 'no_credential',
    });
    expect(seen.filter((request) => request.headers.authorization === undefined)).toEqual([]);
  });

  it('reports an endpoint that is not there', async () => {
    const spare = http.createServer();
    await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
    const { port } = spare.address() as AddressInfo;
    await new Promise<void>((resolve) => spare.close(() => resolve()));
    const closed = endpoint({ url: `http://127.0.0.1:${port}/tokens` });
    expect(await failure(closed.fetchToken('taskrouter'))).toMatchObject({
      failure: 'unreachable',
      message: expect.stringMatching(/Could not reach the token endpoint \(ECONNREFUSED\)/),
    });
  });

  it('refuses a URL that would send the credential in clear over a network', () => {
    expect(() => endpoint({ url: 'http://tokens.example.com/issue' })).toThrow(/must be an https URL/);
    expect(() => endpoint({ url: 'https://tokens.example.com/issue' })).not.toThrow();
  });
});
