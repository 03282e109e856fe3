import type { Trajectory } from './plan.js';

/** How a customer's ordering develops over the period. */
export interface TrajectoryParams {
  readonly kind: Trajectory;
  /** Log growth of spend per year (stable ≈ 0, growing > 0, declining < 0). */
  readonly growth: number;
  /** Churned: first day without orders (orders stop before it). Others: Infinity. */
  readonly stopDay: number;
  /** Churned: days before stopDay over which frequency fades (0 = abrupt stop). */
  readonly fadeDays: number;
  /** Fast growing: first day of the ramp, its length in days and the gains reached at its end. */
  readonly since: number;
  readonly ramp: number;
  readonly freqGain: number;
  readonly aovGain: number;
}

/** Multiplier of the order rate on `day` (0 once a churned customer has stopped). */
export function frequencyFactor(p: TrajectoryParams, day: number, startDay: number): number {
  switch (p.kind) {
    case 'churned': {
      if (day >= p.stopDay) return 0;
      const fadeFrom = p.stopDay - p.fadeDays;
      return p.fadeDays > 0 && day > fadeFrom ? 1 - (0.8 * (day - fadeFrom)) / p.fadeDays : 1;
    }
    case 'fastGrowing':
      return p.freqGain ** rampProgress(p, day);
    default:
      return drift(p, day, startDay, 0.6);
  }
}

/** Multiplier of the average order value on `day`. */
export function orderValueFactor(p: TrajectoryParams, day: number, startDay: number): number {
  switch (p.kind) {
    case 'churned':
      return 1;
    case 'fastGrowing':
      return p.aovGain ** rampProgress(p, day);
    default:
      return drift(p, day, startDay, 0.4);
  }
}

function rampProgress(p: TrajectoryParams, day: number): number {
  return Math.min(1, Math.max(0, (day - p.since) / p.ramp));
}

/** exp(growth · years)^power; a declining customer keeps at least 30 % of its spend. */
function drift(p: TrajectoryParams, day: number, startDay: number, power: number): number {
  const m = Math.exp((power * p.growth * (day - startDay)) / 365);
  return p.kind === 'declining' ? Math.max(0.3 ** power, m) : m;
}
