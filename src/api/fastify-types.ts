import type { Permission } from '../contracts/access/roles.js';
import type { Principal } from '../contracts/access/principal.js';
import type { ApiDeps } from './deps.js';
import type { RateLimits } from './app.js';
import type { AuditEntry } from '../app/accounts/audit.js';
import type { preHandlerAsyncHookHandler } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    readonly deps: ApiDeps;
    readonly rateLimits: RateLimits;
    /** A preHandler that answers 401 without a caller and 403 (audited) without `permission`. */
    requirePermission(permission: Permission): preHandlerAsyncHookHandler;
    /** Records an audit entry with the request's caller and address. */
    audit(request: FastifyRequest, entry: Omit<AuditEntry, 'actor' | 'actorKind' | 'ip'>): Promise<void>;
    /** Drops an API key (by id) from the resolution cache, after revoking it. */
    forgetApiKey(id: string): void;
  }
  interface FastifyRequest {
    /** The authenticated caller, or null (set by the auth plugin before every handler). */
    principal: Principal | null;
  }
}
