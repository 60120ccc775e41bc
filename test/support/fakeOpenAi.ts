/**
 * A local stand-in for the OpenAI chat completions endpoint, on 127.0.0.1 with a random port. It speaks
 * the wire format the SDK expects (a JSON completion, or SSE chunks ending in `data: [DONE]`, with tool
 * calls streamed as deltas), misbehaves on request (latency, 401/429/500, a hang, broken JSON, a call to
 * a tool that does not exist) and records every request so tests can check what was sent.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSuggestion {
  text: string;
  kind: string;
  source: string;
}

export type FakeReply = (
  | { kind: 'suggestions'; suggestions: FakeSuggestion[] }
  /** Raw assistant content, e.g. broken JSON. */
  | { kind: 'content'; content: string }
  | { kind: 'toolCalls'; calls: Array<{ name: string; arguments: unknown }> }
  | { kind: 'status'; status: number; retryAfter?: string; message?: string }
  /** Never answers (before-headers), or sends the headers and one chunk and then goes quiet (mid-stream). */
  | { kind: 'hang'; when?: 'before-headers' | 'mid-stream' }
) & { latencyMs?: number };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  // The request body as JSON; loose on purpose, tests read whichever fields they check.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  receivedAt: number;
  /** The client went away before the answer was complete (an abort, a timeout). */
  abandoned: boolean;
}

export interface FakeOpenAi {
  /** Pass as the SDK's baseURL. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Replies for the next requests, in order; after them the default reply answers. */
  enqueue(...replies: FakeReply[]): void;
  setDefault(reply: FakeReply | ((request: RecordedRequest) => FakeReply)): void;
  /** Resolves once `count` requests have arrived. */
  waitForRequests(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

const MODEL = 'gpt-fake';

export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: RecordedRequest[] = [];
  const queue: FakeReply[] = [];
  let fallbackReply: FakeReply | ((request: RecordedRequest) => FakeReply) = {
    kind: 'suggestions',
    suggestions: [{ text: 'Ask how you can help.', kind: 'ask', source: 'Turn 1' }],
  };
  const timers = new Set<NodeJS.Timeout>();
  const waiters = new Set<() => void>();
  const later = (ms: number, run: () => void) => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      run();
    }, ms);
    timers.add(timer);
  };

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      let body: unknown = null;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        body = null;
      }
      const recorded: RecordedRequest = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
        receivedAt: Date.now(),
        abandoned: false,
      };
      requests.push(recorded);
      response.on('close', () => (recorded.abandoned = !response.writableFinished));
      for (const wake of waiters) wake();
      if (request.method !== 'POST' || !request.url?.endsWith('/chat/completions')) return sendError(response, 404, 'Unknown path');
      const reply = queue.shift() ?? (typeof fallbackReply === 'function' ? fallbackReply(recorded) : fallbackReply);
      later(reply.latencyMs ?? 0, () => answer(response, reply, (body as { stream?: boolean } | null)?.stream === true));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (...replies) => queue.push(...replies),
    setDefault: (reply) => (fallbackReply = reply),
    waitForRequests(count, timeoutMs = 3_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`fake OpenAI: ${requests.length} of ${count} requests within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = () => {
          if (requests.length < count) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function answer(response: http.ServerResponse, reply: FakeReply, stream: boolean): void {
  if (response.destroyed) return;
  if (reply.kind === 'status') return sendError(response, reply.status, reply.message ?? `fake status ${reply.status}`, reply.retryAfter);
  if (reply.kind === 'hang') {
    if (reply.when !== 'mid-stream') return;
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write(sse(chunk({ role: 'assistant', content: '' }, null)));
    return;
  }
  const message = messageOf(reply);
  if (!stream) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(
      JSON.stringify({
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: MODEL,
        choices: [
          { index: 0, message: { role: 'assistant', refusal: null, ...message.full }, finish_reason: message.finishReason, logprobs: null },
        ],
        usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
      }),
    );
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const delta of message.deltas) response.write(sse(chunk(delta, null)));
  response.write(sse(chunk({}, message.finishReason)));
  response.end('data: [DONE]\n\n');
}

type Delta = Record<string, unknown>;

/** The reply as one message and as the deltas a stream would carry it in. */
function messageOf(reply: Extract<FakeReply, { kind: 'suggestions' | 'content' | 'toolCalls' }>): {
  full: Delta;
  deltas: Delta[];
  finishReason: string;
} {
  if (reply.kind === 'toolCalls') {
    const calls = reply.calls.map((call, index) => ({
      index,
      id: `call_fake_${index}`,
      type: 'function',
      function: { name: call.name, arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments) },
    }));
    const deltas: Delta[] = [{ role: 'assistant', content: null }];
    for (const call of calls) {
      // The name comes first with empty arguments, then the arguments in pieces, as the API streams them.
      deltas.push({ tool_calls: [{ ...call, function: { name: call.function.name, arguments: '' } }] });
      for (const piece of pieces(call.function.arguments))
        deltas.push({ tool_calls: [{ index: call.index, function: { arguments: piece } }] });
    }
    return { full: { content: null, tool_calls: calls.map(({ index: _index, ...call }) => call) }, deltas, finishReason: 'tool_calls' };
  }
  const content = reply.kind === 'content' ? reply.content : JSON.stringify({ suggestions: reply.suggestions });
  return {
    full: { content },
    deltas: [{ role: 'assistant', content: '' }, ...pieces(content).map((piece) => ({ content: piece }))],
    finishReason: 'stop',
  };
}

function pieces(text: string, size = 16): string[] {
  const result: string[] = [];
  for (let at = 0; at < text.length; at += size) result.push(text.slice(at, at + size));
  return result;
}

function chunk(delta: Delta, finishReason: string | null): unknown {
  return {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: Math.floor(Date.now() / 1000),
    model: MODEL,
    choices: [{ index: 0, delta, finish_reason: finishReason, logprobs: null }],
  };
}

function sse(data: unknown): string {
  return `data: ${JSON.stringify(data)}\n\n`;
}

function sendError(response: http.ServerResponse, status: number, message: string, retryAfter?: string): void {
  const headers: http.OutgoingHttpHeaders = { 'content-type': 'application/json' };
  if (retryAfter !== undefined) headers['retry-after'] = retryAfter;
  response.writeHead(status, headers);
  const type = status === 401 ? 'invalid_request_error' : status === 429 ? 'rate_limit_exceeded' : 'server_error';
  response.end(JSON.stringify({ error: { message, type, param: null, code: status === 401 ? 'invalid_api_key' : null } }));
}
