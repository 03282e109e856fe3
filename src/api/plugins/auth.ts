import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Principal } from '../../contracts/access/principal.js';
import { allows } from '../../contracts/access/principal.js';
import type { Permission } from '../../contracts/access/roles.js';
import { stratumError } from '../../contracts/errors.js';
import { recordAudit } from '../../app/accounts/audit.js';
import { resolveApiKey } from '../../app/accounts/api-keys.js';
import { resolveSession } from '../../app/accounts/sessions.js';

export const SESSION_COOKIE = 'stratum_session';
/** A resolved key is trusted this long without a database read; revoking through the API clears it at once. */
const KEY_CACHE_MS = 30_000;

function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header);
  return m?.[1] ?? null;
}

/**
 * Resolves the caller of every request into request.principal (an API key in `Authorization: Bearer`, else the
 * session cookie), and decorates `requirePermission` and `audit`.
 */
export const authPlugin = fp(async (app: FastifyInstance) => {
  const { engine } = app.deps;
  const d = engine.dialect;
  // Committed data on reader connections: signing in stays possible while a run holds the main connection.
  const reader = { all: engine.read };
  const keyCache = new Map<string, { principal: Principal | null; until: number }>();

  app.decorateRequest('principal', null);
  app.decorate('forgetApiKey', (id: string) => {
    for (const [key, entry] of keyCache)
      if (entry.principal?.id === id || key.includes(`_${id}_`)) keyCache.delete(key);
  });

  app.addHook('onRequest', async (request) => {
    const key = bearer(request);
    if (key !== null) {
      const now = Date.now();
      const cached = keyCache.get(key);
      if (cached && cached.until > now) {
        request.principal = cached.principal;
        return;
      }
      const principal = await resolveApiKey(reader, d, key);
      if (keyCache.size > 10_000) keyCache.clear();
      keyCache.set(key, { principal, until: now + KEY_CACHE_MS });
      request.principal = principal;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token) request.principal = await resolveSession(reader, d, token, app.deps.now());
  });

  app.decorate('audit', async (request: FastifyRequest, entry) => {
    const p = request.principal;
    await recordAudit(
      engine,
      d,
      { ...entry, actor: p?.name ?? null, actorKind: p?.kind ?? null, ip: request.ip },
      app.deps.now(),
    );
  });

  app.decorate('requirePermission', (permission: Permission) => async (request: FastifyRequest) => {
    const p = request.principal;
    if (!p)
      throw stratumError('UNAUTHENTICATED', 'sign in or send an API key (Authorization: Bearer KEY)', {});
    if (!allows(p, permission)) {
      await app.audit(request, {
        action: 'permission.denied',
        target: `${request.method} ${request.routeOptions.url ?? request.url}`,
        details: { permission },
      });
      throw stratumError('FORBIDDEN', `the ${p.role} role may not ${permission}`, { permission });
    }
  });
});
