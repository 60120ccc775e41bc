/** Hand-back round trip to a local receiver that verifies the signature: confirm → delivered, p50/p95. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SIGNATURE_HEADER, verifySignature } from '../src/main/core/handback/handBackSignature';
import { HttpHandBackTransport } from '../src/main/core/handback/httpHandBackTransport';
import { HandBackMessageSchema } from '../src/shared/handBack';
import { summarise } from './stats';

const SECRET = 'bench-secret-0123456789abcdef';

export async function runHandBackBench(deliveries = 200) {
  const server = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const ok = verifySignature(SECRET, body, request.headers[SIGNATURE_HEADER] as string, Math.floor(Date.now() / 1000)).ok;
      response.writeHead(ok ? 200 : 401, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: ok, status: 'queued' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hand-back`;
  const transport = new HttpHandBackTransport({ endpoint, secret: SECRET });
  const samples: number[] = [];
  let failed = 0;
  try {
    for (let i = 0; i < deliveries; i++) {
      const message = HandBackMessageSchema.parse({
        format: 'hand-back/1',
        handBackId: `hb_bench_${i.toString().padStart(6, '0')}`,
        callSid: `CA${i}`,
        task: 'send_return_label',
        facts: [{ name: 'order_id', value: '7392051846' }],
        notes: 'Mail-in label.',
        doneByHuman: ['Verified identity'],
        agentName: 'Bench',
        sentAt: new Date().toISOString(),
      });
      const started = performance.now();
      const delivery = await transport.deliver(message);
      samples.push(performance.now() - started);
      if (delivery.state !== 'delivered') failed++;
    }
  } finally {
    server.closeAllConnections();
    server.close();
  }
  return { deliveries, failed, roundTripMs: summarise(samples) };
}
