import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PermissionSchema, RoleSchema } from '../../../contracts/access/roles.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../../../app/accounts/api-keys.js';
import { stratumError } from '../../../contracts/errors.js';

const KeyInfo = z.object({
  id: z.string(),
  name: z.string(),
  role: RoleSchema,
  scopes: z.array(PermissionSchema).nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});

/** API keys for integrations (admin): the secret is in the creation response only. */
export const keysRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine } = app.deps;
  const admin = { preHandler: app.requirePermission('keys.manage') };

  app.get(
    '/',
    { ...admin, schema: { tags: ['keys'], response: { 200: z.object({ items: z.array(KeyInfo) }) } } },
    async () => ({
      items: await listApiKeys(engine),
    }),
  );

  app.post(
    '/',
    {
      ...admin,
      schema: {
        tags: ['keys'],
        body: z.object({
          name: z.string().min(1).max(100),
          role: RoleSchema.default('integration'),
          scopes: z.array(PermissionSchema).nullable().optional(),
        }),
        response: { 201: z.object({ id: z.string(), key: z.string() }) },
      },
    },
    async (request, reply) => {
      const { name, role, scopes } = request.body;
      if (role === 'manager' || role === 'rep')
        throw stratumError('INVALID_ARGUMENT', 'role: keys act for the whole company, not a team or rep', {
          field: 'role',
        });
      const created = await createApiKey(
        engine,
        engine.dialect,
        { name, role, scopes: scopes ?? null, createdBy: request.principal?.name ?? 'admin' },
        app.deps.now(),
      );
      await app.audit(request, { action: 'key.created', target: created.id, details: { name, role } });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/:id',
    {
      ...admin,
      schema: { tags: ['keys'], params: z.object({ id: z.string() }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await revokeApiKey(engine, engine.dialect, request.params.id, app.deps.now());
      app.forgetApiKey(request.params.id);
      await app.audit(request, { action: 'key.revoked', target: request.params.id });
      return reply.status(204).send(null);
    },
  );
};
