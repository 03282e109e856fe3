/**
 * When a failed delivery is tried again: exponential backoff with jitter, capped, and dead after the last attempt.
 * Delay after the n-th failed attempt = min(cap, base · factor^(n−1)) · (1 − jitter + 2 · jitter · random).
 */
export interface RetryPolicy {
  readonly baseMs: number;
  readonly factor: number;
  readonly capMs: number;
  /** Fraction of the delay randomised either way, in [0, 1). */
  readonly jitter: number;
  /** Attempts in all (the first one included); after the last failure the delivery is dead. */
  readonly maxAttempts: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 10_000,
  factor: 3,
  capMs: 3_600_000,
  jitter: 0.2,
  maxAttempts: 8,
};

/** The delay before the next attempt once `attempts` attempts have failed (attempts ≥ 1), before jitter. */
export function nominalDelayMs(policy: RetryPolicy, attempts: number): number {
  return Math.min(policy.capMs, policy.baseMs * policy.factor ** Math.max(0, attempts - 1));
}

/** `random` in [0, 1) (Math.random in production; a constant in tests). */
export function retryDelayMs(policy: RetryPolicy, attempts: number, random: number): number {
  const jittered = nominalDelayMs(policy, attempts) * (1 - policy.jitter + 2 * policy.jitter * random);
  return Math.round(jittered);
}

export type AfterFailure =
  | { readonly status: 'pending'; readonly attempts: number; readonly nextAttemptAt: Date }
  | { readonly status: 'dead'; readonly attempts: number };

/** The state of a delivery whose attempt number `attempts` (1-based, just made) failed at `now`. */
export function afterFailure(policy: RetryPolicy, attempts: number, now: Date, random: number): AfterFailure {
  if (attempts >= policy.maxAttempts) return { status: 'dead', attempts };
  return {
    status: 'pending',
    attempts,
    nextAttemptAt: new Date(now.getTime() + retryDelayMs(policy, attempts, random)),
  };
}
