import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hmacSha256Hex } from './hmac.js';
import { sendDelivery } from './send-delivery.js';

let server: Server;
let base: string;
const hanging: (() => void)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      switch (req.url) {
        case '/ok':
          res.writeHead(204).end();
          return;
        case '/slow':
          hanging.push(() => res.writeHead(200).end());
          return;
        case '/redirect':
          res.writeHead(302, { location: '/ok' }).end();
          return;
        case '/big':
          res.writeHead(503).end('x'.repeat(100_000));
          return;
        default:
          req.socket.destroy();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const finish of hanging) finish();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const send = (path: string, timeoutMs = 2_000) =>
  sendDelivery(
    fetch,
    hmacSha256Hex,
    { deliveryId: 'dlv_1', eventType: 'run.completed', url: `${base}${path}`, secret: 's', body: '{}' },
    Date.now(),
    timeoutMs,
  );

describe('sendDelivery against a real server', () => {
  it('succeeds on any 2xx', async () => {
    expect(await send('/ok')).toEqual({ ok: true, statusCode: 204 });
  });

  it('fails on a timeout, a redirect (not followed), a dropped connection and a closed port', async () => {
    expect(await send('/slow', 200)).toEqual({ ok: false, statusCode: null, error: 'timed out' });
    expect(await send('/redirect')).toEqual({ ok: false, statusCode: 302, error: 'HTTP 302' });
    const dropped = await send('/drop');
    expect(dropped).toMatchObject({ ok: false, statusCode: null });
    expect(!dropped.ok && dropped.error).toMatch(/fetch failed/);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const refused = await sendDelivery(
      fetch,
      hmacSha256Hex,
      { deliveryId: 'dlv_1', eventType: 'x', url: `http://127.0.0.1:${port}/`, secret: 's', body: '{}' },
      Date.now(),
      2_000,
    );
    expect(!refused.ok && refused.error).toMatch(/ECONNREFUSED/);
  });

  it('keeps only the start of an error body for the delivery log', async () => {
    const r = await send('/big');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.length).toBeLessThanOrEqual(500);
    expect(!r.ok && r.error.startsWith('HTTP 503: xxx')).toBe(true);
  });
});
