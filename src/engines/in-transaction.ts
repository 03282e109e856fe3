import type { SqlSession } from './engine.js';

/**
 * Runs `work` on `session` between `begin` and COMMIT, or ROLLBACK when it throws; `control` executes those
 * statements on the session's connection.
 */
export function transactionOn(
  session: SqlSession,
  begin: string,
  control: (statement: string) => Promise<unknown>,
): <T>(work: (tx: SqlSession) => Promise<T>) => Promise<T> {
  return async (work) => {
    await control(begin);
    try {
      const result = await work(session);
      await control('COMMIT');
      return result;
    } catch (error) {
      await control('ROLLBACK');
      throw error;
    }
  };
}
