import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerErrorHandler } from './errors.js';
import { registerWeb } from './web.js';

let root = '';
let app: FastifyInstance;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'stratum-web-'));
  app = Fastify();
  registerErrorHandler(app);
  await registerWeb(app, root);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await rm(root, { recursive: true, force: true });
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('the dashboard at /', () => {
  it('says how to build it until it is built, then serves it without a restart', async () => {
    const before = await get('/');
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('npm run build');

    await mkdir(join(root, 'assets'), { recursive: true });
    await writeFile(join(root, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(root, 'assets', 'index-abc123.js'), 'console.log(1)');
    const after = await get('/');
    expect(after.body).toContain('id="root"');
    expect(after.headers['cache-control']).toBe('no-cache');
  });

  it("answers the app's own routes with index.html, so that a reload works", async () => {
    for (const url of ['/customers', '/customers/C000123?run=r1', '/config']) {
      const r = await get(url);
      expect(r.statusCode).toBe(200);
      expect(r.headers['content-type']).toMatch(/text\/html/);
      expect(r.body).toContain('id="root"');
    }
  });

  it('serves the hashed assets for a year, and a file added later at once', async () => {
    const js = await get('/assets/index-abc123.js');
    expect(js.statusCode).toBe(200);
    expect(js.headers['content-type']).toMatch(/javascript/);
    expect(js.headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
    await writeFile(join(root, 'assets', 'index-def456.js'), 'console.log(2)');
    expect((await get('/assets/index-def456.js')).body).toBe('console.log(2)');
  });

  it('answers the browser asking for a favicon with nothing rather than an error', async () => {
    expect((await get('/favicon.ico')).statusCode).toBe(204);
  });

  it('answers a missing file, a dotfile, a path leaving the root or an unknown API route with a 404 in JSON', async () => {
    for (const url of [
      '/assets/gone-000.js',
      '/logo.png',
      '/.env',
      '/assets/..%2f..%2fpackage.json',
      '/api/v2/x',
    ]) {
      const r = await get(url);
      expect([403, 404], url).toContain(r.statusCode);
      expect(r.headers['content-type'], url).toMatch(/application\/json/);
      expect(r.body).not.toContain('id="root"');
    }
  });
});
