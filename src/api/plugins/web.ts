import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { stratumError } from '../../contracts/errors.js';

/** dist/web of this package, wherever the code runs from (src/ under tsx, dist/src/ when built). */
export function webDir(): string {
  let dir = import.meta.dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('package.json not found above ' + import.meta.dirname);
    dir = up;
  }
  return join(dir, 'dist', 'web');
}

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>stratum</title>
<p>The dashboard is not built. Run <code>npm run build</code> (npm install does it), then reload.</p></html>`;

/** A request for a file (it has an extension), as opposed to one of the app's own routes (/customers/C1). */
const FILE = /\/[^/]*\.[A-Za-z0-9]+$/;

/**
 * The dashboard (a single-page app built by Vite into dist/web) at /: its files as they are on disk at each request
 * (a rebuild while the server runs is served at once), and index.html for every other GET outside /api so that the
 * app's own routes load on refresh. A missing file is a 404, never index.html under a script's name. Vite names
 * the files under assets/ by their content hash: browsers may keep them for a year; index.html is always revalidated.
 */
export async function registerWeb(app: FastifyInstance, root = webDir()): Promise<void> {
  // serve: false only decorates reply.sendFile (safe against ../ and dotfiles); the one route below decides.
  await app.register(fastifyStatic, { root, serve: false, suppressWarning: true });
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    if (path.startsWith('/api/'))
      throw stratumError('NOT_FOUND', `no route GET ${path}`, { what: 'route', id: request.url });
    // Browsers ask for it whatever the page says: no icon is not an error worth logging in their console.
    if (path === '/favicon.ico' && !existsSync(join(root, 'favicon.ico'))) return reply.code(204).send();
    if (FILE.test(path)) {
      const hashed = path.startsWith('/assets/');
      // Still percent-encoded: sendFile decodes it (and refuses what leaves the root).
      return reply.sendFile(path.slice(1), {
        maxAge: hashed ? '365d' : '1h',
        immutable: hashed,
      });
    }
    void reply.header('cache-control', 'no-cache');
    if (!existsSync(join(root, 'index.html'))) return reply.type('text/html').send(NOT_BUILT);
    return reply.sendFile('index.html', { cacheControl: false });
  });
}
