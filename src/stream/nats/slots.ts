/** A counting semaphore: at most `n` handlers run at once in one consumer. */
export class Slots {
  #free: number;
  readonly #waiters: (() => void)[] = [];

  constructor(n: number) {
    this.#free = Math.max(1, n);
  }

  acquire(): Promise<void> {
    if (this.#free > 0) {
      this.#free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  release(): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter();
    else this.#free += 1;
  }

  /** Lets every waiter through (when stopping): each then finds the consumer stopping and releases at once. */
  wakeAll(): void {
    for (let waiter = this.#waiters.shift(); waiter; waiter = this.#waiters.shift()) {
      this.#free -= 1;
      waiter();
    }
  }
}
