import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAudit } from '../../../app/accounts/audit.js';

const Entry = z.object({
  auditId: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  actorKind: z.string().nullable(),
  action: z.string(),
  target: z.string().nullable(),
  ip: z.string().nullable(),
  details: z.unknown(),
});

/** The audit log, newest first (admin). */
export const auditRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine } = app.deps;
  app.get(
    '/',
    {
      preHandler: app.requirePermission('audit.read'),
      schema: {
        tags: ['audit'],
        querystring: z.object({
          action: z.string().max(64).optional(),
          actor: z.string().max(128).optional(),
          since: z.iso.datetime({ offset: true }).optional(),
          limit: z.coerce.number().int().min(1).max(1000).default(100),
        }),
        response: { 200: z.object({ items: z.array(Entry) }) },
      },
    },
    async (request) => ({ items: await listAudit(engine, engine.dialect, request.query) }),
  );
};
