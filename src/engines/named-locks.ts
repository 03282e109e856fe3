import { Mutex } from './mutex.js';

/** Named locks within one process: what an embedded engine (one process per database file) needs. */
export class NamedLocks {
  private readonly held = new Map<string, { mutex: Mutex; holders: number }>();

  async withLock<T>(name: string, work: () => Promise<T>): Promise<T> {
    const entry = this.held.get(name) ?? { mutex: new Mutex(), holders: 0 };
    this.held.set(name, entry);
    entry.holders++;
    try {
      return await entry.mutex.exclusive(work);
    } finally {
      if (--entry.holders === 0) this.held.delete(name);
    }
  }

  async tryWithLock<T>(name: string, work: () => Promise<T>): Promise<{ value: T } | undefined> {
    if (this.held.has(name)) return undefined;
    return { value: await this.withLock(name, work) };
  }
}
