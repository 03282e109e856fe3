import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoDatabase } from '../../../test/support/demo-database.js';
import type { Engine } from '../../engines/engine.js';
import { sql } from '../../sql/query.js';
import { addUser, authenticateUser, listUsers } from '../accounts/users.js';
import { ensureDemoUsers } from './demo-users.js';
import { describeEachEngine } from '../../../test/support/engines.js';

describeEachEngine('demo users', (kind) => {
  let db: { engine: Engine; dir: string };
  beforeAll(async () => {
    db = await demoDatabase(200, 3, 11, kind);
  });
  afterAll(async () => {
    await db?.engine.close();
    if (db) await rm(db.dir, { recursive: true, force: true });
  });

  describe('the demo users of `npm start`', () => {
    it('creates one user per role, the manager of the largest team and a rep of it, all with the demo password', async () => {
      // The first admin the server creates does not count as users of the database's own.
      await addUser(
        db.engine,
        { username: 'admin', password: 'first admin password', role: 'admin' },
        new Date(),
      );
      const demo = await ensureDemoUsers(db.engine, 'demo password 1', new Date());
      expect(demo.created).toBe(true);
      expect(demo.users.map((u) => [u.username, u.role])).toEqual([
        ['demo-admin', 'admin'],
        ['demo-analyst', 'analyst'],
        ['demo-manager', 'manager'],
        ['demo-rep', 'rep'],
        ['demo-viewer', 'viewer'],
      ]);
      const [largest] = await db.engine.all(
        'SELECT team, count(*) AS n FROM customer_owners_clean GROUP BY team ORDER BY n DESC, team LIMIT 1',
      );
      const manager = demo.users.find((u) => u.role === 'manager');
      const rep = demo.users.find((u) => u.role === 'rep');
      expect(manager?.team).toBe(largest?.team);
      const [repTeam] = await db.engine.all(
        sql('SELECT DISTINCT team FROM customer_owners_clean WHERE rep_id = $1', [rep?.repId ?? '']),
      );
      expect(repTeam?.team).toBe(largest?.team);
      for (const u of demo.users)
        expect(
          await authenticateUser(db.engine, db.engine.dialect, u.username, 'demo password 1'),
        ).not.toBeNull();
    });

    it('changes nothing the second time, and says whether the password given still signs them in', async () => {
      const before = await listUsers(db.engine);
      const again = await ensureDemoUsers(db.engine, 'demo password 1', new Date());
      expect(again).toMatchObject({ created: false, passwordWorks: true });
      expect(again.users).toHaveLength(5);
      expect(await listUsers(db.engine)).toEqual(before);
      expect(await ensureDemoUsers(db.engine, 'another password', new Date())).toMatchObject({
        created: false,
        passwordWorks: false,
      });
    });

    it('adds none to a database with users of its own', async () => {
      const other = await demoDatabase(100, 3, 11, kind);
      try {
        await addUser(
          other.engine,
          { username: 'li.lei', password: 'a real password', role: 'analyst' },
          new Date(),
        );
        expect(await ensureDemoUsers(other.engine, 'demo password 1', new Date())).toEqual({
          users: [],
          created: false,
          passwordWorks: false,
        });
        expect((await listUsers(other.engine)).map((u) => u.username)).toEqual(['li.lei']);
      } finally {
        await other.engine.close();
        await rm(other.dir, { recursive: true, force: true });
      }
    });
  });
});
