/** The fastest of `runs` runs of `work`, in milliseconds. */
export async function bestOf(runs: number, work: () => Promise<unknown>): Promise<number> {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    min = Math.min(min, performance.now() - start);
  }
  return min;
}
