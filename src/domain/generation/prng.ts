/**
 * sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG) seeded through a splitmix32-style mixer.
 *
 * Why our own: we need one cheap, independent stream per customer (and per purpose) derived from
 * (seed, customer index, salt), so that the output does not depend on which worker thread simulated which
 * customer or in which order. Math.random cannot be seeded, and sfc32 is tiny, fast in 32-bit integer
 * arithmetic and passes PractRand; splitmix32 turns correlated seeds (i, i+1, …) into unrelated states.
 */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private spare = NaN;

  constructor(...keys: readonly number[]) {
    let h = 0x9e3779b9;
    for (const k of keys) h = mix32(h ^ mix32((k | 0) + 0x6d2b79f5));
    this.a = mix32(h + 0x9e3779b9);
    this.b = mix32(this.a + 0x9e3779b9);
    this.c = mix32(this.b + 0x9e3779b9);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.next();
  }

  /** Uniform in [0, 1). */
  next(): number {
    const a = this.a;
    const b = this.b;
    const c = this.c;
    const d = this.d;
    const t = (((a + b) | 0) + d) | 0;
    this.d = (d + 1) | 0;
    this.a = b ^ (b >>> 9);
    this.b = (c + (c << 3)) | 0;
    const r = (c << 21) | (c >>> 11);
    this.c = (r + t) | 0;
    return (t >>> 0) / 4294967296;
  }

  /** Uniform in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }

  /** Uniform integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor((hi - lo + 1) * this.next());
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(items.length * this.next())];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Standard normal (Box–Muller, caching the second value). */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Lognormal with the given median and log-scale sigma. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Index drawn with probability proportional to `weights`. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let u = this.next() * total;
    for (let i = 0; i < weights.length; i++) {
      u -= weights[i] ?? 0;
      if (u < 0) return i;
    }
    return weights.length - 1;
  }

  /** Index drawn from cumulative weights (see `cumulative`): cheaper than `weighted` in hot loops. */
  fromCumulative(cum: Float64Array): number {
    const u = this.next() * (cum[cum.length - 1] ?? 0);
    let i = 0;
    while (i < cum.length - 1 && u >= (cum[i] as number)) i++;
    return i;
  }

  /** Poisson-distributed count (inversion; meant for small means). */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    let p = Math.exp(-mean);
    let cdf = p;
    const u = this.next();
    let k = 0;
    while (u > cdf && k < 50) {
      k++;
      p *= mean / k;
      cdf += p;
    }
    return k;
  }

  /** Erlang(shape, rate = shape) draw: mean 1, coefficient of variation 1/√shape (shape 1 = exponential). */
  unitErlang(shape: number): number {
    let product = 1;
    for (let i = 0; i < shape; i++) product *= 1 - this.next();
    return -Math.log(product) / shape;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor((i + 1) * this.next());
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}

/** Running sums of `weights`, for `Rng.fromCumulative`. */
export function cumulative(weights: readonly number[]): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, i) => (out[i] = sum += w));
  return out;
}

function mix32(x: number): number {
  let z = (x + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) | 0;
}

/** Salts naming the independent streams derived from one customer index. */
export const STREAM = {
  plan: 1,
  regions: 2,
  profile: 3,
  orders: 4,
  account: 5,
  duplicate: 6,
  owners: 7,
  reps: 8,
  surveys: 9,
} as const;
