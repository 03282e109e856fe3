import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PrincipalSchema } from '../../../contracts/access/principal.js';
import { stratumError } from '../../../contracts/errors.js';
import { closeSession, openSession, SESSION_HOURS } from '../../../app/accounts/sessions.js';
import { authenticateUser } from '../../../app/accounts/users.js';
import { SESSION_COOKIE } from '../../plugins/auth.js';

const Login = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });

/** Sign-in with a password (a session cookie), sign-out, and who am I. */
export const authRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine } = app.deps;

  app.post(
    '/login',
    {
      // Per address: a password guesser gets 10 tries a minute.
      config: { rateLimit: { max: app.rateLimits.login, timeWindow: '1 minute', keyGenerator: (r) => r.ip } },
      schema: {
        tags: ['auth'],
        body: Login,
        response: { 200: z.object({ user: PrincipalSchema, expiresAt: z.string() }) },
      },
    },
    async (request, reply) => {
      const { username, password } = request.body;
      const user = await authenticateUser(engine, engine.dialect, username, password);
      if (!user) {
        await app.audit(request, { action: 'login_failed', target: username });
        throw stratumError('UNAUTHENTICATED', 'wrong username or password, or the account is disabled', {});
      }
      const { token, expiresAt } = await openSession(
        engine,
        engine.dialect,
        user,
        app.deps.now(),
        request.ip,
      );
      request.principal = {
        kind: 'user',
        id: user.userId,
        name: user.username,
        role: user.role,
        team: user.team,
        repId: user.repId,
        scopes: null,
      };
      await app.audit(request, { action: 'login', target: username });
      void reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: request.protocol === 'https',
        maxAge: SESSION_HOURS * 3600,
      });
      return { user: request.principal, expiresAt: expiresAt.toISOString() };
    },
  );

  app.post('/logout', { schema: { tags: ['auth'], response: { 204: z.null() } } }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await closeSession(engine, engine.dialect, token);
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/me', { schema: { tags: ['auth'], response: { 200: PrincipalSchema } } }, async (request) => {
    if (!request.principal) throw stratumError('UNAUTHENTICATED', 'not signed in', {});
    return request.principal;
  });
};
