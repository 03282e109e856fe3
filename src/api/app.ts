import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import './fastify-types.js';
import type { ApiDeps } from './deps.js';
import { authPlugin } from './plugins/auth.js';
import { registerErrorHandler } from './plugins/errors.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { zodJsonSerializerCompiler } from './plugins/json-serializer.js';
import { registerWeb } from './plugins/web.js';
import { apiRoutes } from './routes/index.js';

export interface AppOptions {
  /** Fastify's logger (off in tests). */
  readonly logger?: boolean;
  /** Largest JSON body accepted; uploads have their own limit. */
  readonly bodyLimitBytes?: number;
  readonly rateLimits?: Partial<RateLimits>;
}

/** Requests per minute: per API key, per address for everything else, and sign-in attempts per address. */
export interface RateLimits {
  readonly perKey: number;
  readonly perAddress: number;
  readonly login: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perKey: 60_000, perAddress: 1_200, login: 10 };

/** The key id of a Bearer key (its public part), so that a key's limit follows it across addresses. */
function rateKey(request: FastifyRequest): string {
  const m = /^Bearer\s+stk_([0-9a-f]{12})_/i.exec(request.headers.authorization ?? '');
  return m?.[1] ? `key:${m[1]}` : `ip:${request.ip}`;
}

/** The stratum server: every route under /api/v1, its OpenAPI document at /api/docs/json, an interactive page at /api/docs. */
export async function buildApp(deps: ApiDeps, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimitBytes ?? 1024 * 1024,
    trustProxy: false,
    routerOptions: { maxParamLength: 256 },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(zodJsonSerializerCompiler());
  app.decorate('deps', deps);
  registerErrorHandler(app);

  registerSecurityHeaders(app, {
    // The API docs page loads its own scripts and styles from this origin only.
    contentSecurityPolicy: {
      directives: { 'script-src': ["'self'"], 'style-src': ["'self'", "'unsafe-inline'"] },
    },
  });
  await app.register(cookie);
  const limits = { ...DEFAULT_RATE_LIMITS, ...options.rateLimits };
  app.decorate('rateLimits', limits);
  await app.register(rateLimit, {
    global: true,
    timeWindow: '1 minute',
    keyGenerator: rateKey,
    max: (request) => (rateKey(request).startsWith('key:') ? limits.perKey : limits.perAddress),
    // The limit headers only when a caller is refused (with retry-after): every header costs on hot lookups.
    addHeadersOnExceeding: {
      'x-ratelimit-limit': false,
      'x-ratelimit-remaining': false,
      'x-ratelimit-reset': false,
    },
  });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'stratum API',
        description: 'Customer tiering for B2B distributors: tiers, tags, policies, runs, integrations.',
        version: '1',
      },
      components: {
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'API key: Authorization: Bearer stk_…' },
          session: { type: 'apiKey', in: 'cookie', name: 'stratum_session' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  await app.register(authPlugin);
  await app.register(apiRoutes, { prefix: '/api/v1' });
  await registerWeb(app);
  await app.ready();
  return app;
}
