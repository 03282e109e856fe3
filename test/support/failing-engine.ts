import type { Engine, SqlSession } from '../../src/engines/engine.js';

/** The session with `run` throwing 'disk full' for every statement `fails` picks. */
function failingRuns<S extends SqlSession>(session: S, fails: (sql: string) => boolean): S {
  return {
    ...session,
    run: async (q) => {
      if (fails(typeof q === 'string' ? q : q.sql)) throw new Error('disk full');
      return session.run(q);
    },
  };
}

/**
 * The engine whose exclusive work (a tiering run, a what-if) fails at the statements `fails` picks: those run on the
 * exclusive session itself (the temp tables), or those of the transactions it opens (the writes).
 */
export function failingEngine(
  engine: Engine,
  where: 'session' | 'transaction',
  fails: (sql: string) => boolean,
): Engine {
  return {
    ...engine,
    exclusive: (work) =>
      engine.exclusive((session) =>
        work(
          where === 'session'
            ? failingRuns(session, fails)
            : {
                ...session,
                transaction: (inner) => session.transaction((tx) => inner(failingRuns(tx, fails))),
              },
        ),
      ),
  };
}
