import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../../app/accounts/users.js';
import { buildApp } from '../../app.js';
import { apiTestServer, type ApiTestServer } from '../../../../test/support/api-server.js';
import { describeEachEngine } from '../../../../test/support/engines.js';

describeEachEngine('auth API', (kind) => {
  let s: ApiTestServer;
  const PASSWORD = 'correct horse battery staple';

  beforeAll(async () => {
    s = await apiTestServer({ engine: kind });
    await addUser(s.engine, { username: 'li.lei', password: PASSWORD, role: 'analyst' }, new Date());
  });
  afterAll(async () => s?.close());

  const auditActions = async () => {
    const admin = await s.as('admin');
    const res = await s.app.inject({ method: 'GET', url: '/api/v1/audit?limit=1000', headers: admin });
    return (res.json() as { items: { action: string; actor: string | null; target: string | null }[] }).items;
  };

  describe('sign-in, sessions and API keys', () => {
    it('signs in with a password, sets an httpOnly session cookie and knows the caller', async () => {
      const login = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'li.lei', password: PASSWORD },
      });
      expect(login.statusCode).toBe(200);
      const cookie = login.cookies.find((c) => c.name === 'stratum_session');
      expect(cookie?.httpOnly).toBe(true);
      expect(cookie?.sameSite).toBe('Strict');
      const me = await s.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: `stratum_session=${cookie?.value}` },
      });
      expect(me.json()).toMatchObject({ kind: 'user', name: 'li.lei', role: 'analyst' });
      const out = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        headers: { cookie: `stratum_session=${cookie?.value}` },
      });
      expect(out.statusCode).toBe(204);
      const after = await s.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { cookie: `stratum_session=${cookie?.value}` },
      });
      expect(after.statusCode).toBe(401);
    });

    it('refuses a wrong password with 401 and audits the failure, never storing the password', async () => {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'li.lei', password: 'wrong password!' },
      });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('UNAUTHENTICATED');
      const entries = await auditActions();
      expect(entries.some((e) => e.action === 'login_failed' && e.target === 'li.lei')).toBe(true);
      expect(entries.some((e) => e.action === 'login' && e.actor === 'li.lei')).toBe(true);
      const [row] = await s.engine.all(`SELECT password_hash FROM users WHERE username = 'li.lei'`);
      expect(String(row?.password_hash)).toMatch(/^scrypt\$/);
      expect(String(row?.password_hash)).not.toContain(PASSWORD);
    });

    it('accepts an API key as a Bearer token until it is revoked', async () => {
      const admin = await s.as('admin');
      const created = await s.app.inject({
        method: 'POST',
        url: '/api/v1/keys',
        headers: admin,
        payload: { name: 'CRM sync', role: 'integration' },
      });
      expect(created.statusCode).toBe(201);
      const { id, key } = created.json() as { id: string; key: string };
      const me = await s.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${key}` },
      });
      expect(me.json()).toMatchObject({ kind: 'key', id, role: 'integration' });
      const listed = await s.app.inject({ method: 'GET', url: '/api/v1/keys', headers: admin });
      expect(JSON.stringify(listed.json())).not.toContain(key.slice(-20));
      expect(
        (await s.app.inject({ method: 'DELETE', url: `/api/v1/keys/${id}`, headers: admin })).statusCode,
      ).toBe(204);
      const revoked = await s.app.inject({
        method: 'GET',
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${key}` },
      });
      expect(revoked.statusCode).toBe(401);
      const actions = (await auditActions()).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['key.created', 'key.revoked']));
    });

    it('rejects malformed and forged keys', async () => {
      for (const key of ['nope', 'stk_000000000000_' + 'a'.repeat(43), "stk_' OR 1=1 --"]) {
        const res = await s.app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { authorization: `Bearer ${key}` },
        });
        expect(res.statusCode).toBe(401);
      }
    });

    it('answers 403 without the permission, and audits the denial', async () => {
      const viewer = await s.as('viewer');
      const res = await s.app.inject({ method: 'GET', url: '/api/v1/users', headers: viewer });
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', details: { permission: 'users.manage' } });
      expect((await auditActions()).some((e) => e.action === 'permission.denied')).toBe(true);
      expect((await s.app.inject({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
    });

    it('manages users: add, list, disable (which ends their sessions)', async () => {
      const admin = await s.as('admin');
      const add = await s.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: { username: 'wang.rep', password: PASSWORD, role: 'rep', repId: 'R007' },
      });
      expect(add.statusCode).toBe(201);
      const dup = await s.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: { username: 'wang.rep', password: PASSWORD, role: 'rep', repId: 'R007' },
      });
      expect(dup.statusCode).toBe(409);
      const noRep = await s.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: admin,
        payload: { username: 'x.rep', password: PASSWORD, role: 'rep' },
      });
      expect(noRep.json().error.details).toEqual({ field: 'repId' });
      const login = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'wang.rep', password: PASSWORD },
      });
      const cookie = `stratum_session=${login.cookies[0]?.value}`;
      expect(
        (await s.app.inject({ method: 'POST', url: '/api/v1/users/wang.rep/disable', headers: admin }))
          .statusCode,
      ).toBe(204);
      expect(
        (await s.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } })).statusCode,
      ).toBe(401);
      const again = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'wang.rep', password: PASSWORD },
      });
      expect(again.statusCode).toBe(401);
    });
  });

  describe('hardening', () => {
    it('names the field of a validation error', async () => {
      const admin = await s.as('admin');
      const res = await s.app.inject({ method: 'GET', url: '/api/v1/audit?limit=0', headers: admin });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'INVALID_ARGUMENT',
        details: { field: 'querystring.limit' },
      });
    });

    it('sends security headers and a registry error for unknown routes', async () => {
      const res = await s.app.inject({ method: 'GET', url: '/api/v1/nope' });
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('NOT_FOUND');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toBeDefined();
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['x-powered-by']).toBeUndefined();
    });

    it('refuses bodies over the limit with 413', async () => {
      const res = await s.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'a', password: 'x'.repeat(2 * 1024 * 1024) },
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('rate-limits sign-in attempts per address', async () => {
      const codes: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await s.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '10.9.8.7',
          payload: { username: 'li.lei', password: 'guess ' + i },
        });
        codes.push(res.statusCode);
      }
      expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
      expect(codes.at(-1)).toBe(429);
    });

    it('rate-limits each API key on its own, whatever the address', async () => {
      const small = await buildApp(
        { engine: s.engine, timeZone: 'Asia/Shanghai', now: () => new Date(), fetch, bus: null },
        { rateLimits: { perKey: 3 } },
      );
      try {
        const [a, b] = [await s.key('integration'), await s.key('integration')];
        const codes = [];
        for (let i = 0; i < 4; i++)
          codes.push(
            (
              await small.inject({
                method: 'GET',
                url: '/api/v1/auth/me',
                headers: a,
                remoteAddress: `10.0.0.${i}`,
              })
            ).statusCode,
          );
        expect(codes).toEqual([200, 200, 200, 429]);
        expect((await small.inject({ method: 'GET', url: '/api/v1/auth/me', headers: b })).statusCode).toBe(
          200,
        );
      } finally {
        await small.close();
      }
    });

    it('serves the OpenAPI document generated from the schemas, and the interactive page', async () => {
      const doc = await s.app.inject({ method: 'GET', url: '/api/docs/json' });
      expect(doc.statusCode).toBe(200);
      const body = doc.json() as { openapi: string; paths: Record<string, unknown> };
      expect(body.openapi).toMatch(/^3\./);
      expect(Object.keys(body.paths)).toEqual(
        expect.arrayContaining(['/api/v1/auth/login', '/api/v1/keys/']),
      );
      expect((await s.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
    });
  });
});
