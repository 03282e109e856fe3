import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RoleSchema } from '../../../contracts/access/roles.js';
import { addUser, disableUser, listUsers } from '../../../app/accounts/users.js';

const User = z.object({
  userId: z.string(),
  username: z.string(),
  role: RoleSchema,
  team: z.string().nullable(),
  repId: z.string().nullable(),
  disabled: z.boolean(),
  createdAt: z.string(),
});

const NewUser = z.object({
  username: z.string(),
  password: z.string(),
  role: RoleSchema.exclude(['integration']),
  team: z.string().min(1).nullable().optional(),
  repId: z.string().min(1).nullable().optional(),
});

/** User management (admin). */
export const usersRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine } = app.deps;
  const admin = { preHandler: app.requirePermission('users.manage') };

  app.get(
    '/',
    { ...admin, schema: { tags: ['users'], response: { 200: z.object({ items: z.array(User) }) } } },
    async () => ({
      items: await listUsers(engine),
    }),
  );

  app.post(
    '/',
    { ...admin, schema: { tags: ['users'], body: NewUser, response: { 201: User } } },
    async (request, reply) => {
      const user = await addUser(engine, request.body, app.deps.now());
      await app.audit(request, {
        action: 'user.created',
        target: user.username,
        details: { role: user.role },
      });
      return reply.status(201).send(user);
    },
  );

  app.post(
    '/:username/disable',
    {
      ...admin,
      schema: { tags: ['users'], params: z.object({ username: z.string() }), response: { 204: z.null() } },
    },
    async (request, reply) => {
      await disableUser(engine, request.params.username);
      await app.audit(request, { action: 'user.disabled', target: request.params.username });
      return reply.status(204).send(null);
    },
  );
};
