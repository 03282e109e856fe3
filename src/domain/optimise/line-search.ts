import { dot, type DifferentiableObjective } from './types.js';

export interface LineSearchOptions {
  /** Sufficient-decrease (Armijo) constant. */
  readonly c1?: number;
  /** Curvature constant: 0.9 is the usual choice for quasi-Newton directions. */
  readonly c2?: number;
  readonly maxEvaluations?: number;
}

export interface LineSearchResult {
  /** False when no step with sufficient decrease was found. */
  readonly ok: boolean;
  readonly step: number;
  readonly x: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
  readonly evaluations: number;
}

interface Trial {
  step: number;
  value: number;
  slope: number;
  x: Float64Array;
  gradient: Float64Array;
}

/**
 * Line search along the descent direction p for a step satisfying the strong Wolfe conditions (Nocedal & Wright,
 * Numerical Optimization, 2nd ed., algorithms 3.5 and 3.6, with safeguarded cubic interpolation). A trial where f is
 * not finite counts as "too far" and is bisected back. When the evaluations run out, the best step with sufficient
 * decrease is returned (`ok`), even if it misses the curvature condition.
 */
export function strongWolfeLineSearch(
  f: DifferentiableObjective,
  x: Float64Array,
  value: number,
  gradient: Float64Array,
  p: Float64Array,
  initialStep: number,
  options: LineSearchOptions = {},
): LineSearchResult {
  const c1 = options.c1 ?? 1e-4;
  const c2 = options.c2 ?? 0.9;
  const maxEvaluations = options.maxEvaluations ?? 40;
  const slope0 = dot(gradient, p);
  let evaluations = 0;

  const evaluate = (step: number): Trial => {
    const xt = new Float64Array(x.length);
    for (let i = 0; i < x.length; i++) xt[i] = (x[i] as number) + step * (p[i] as number);
    const gt = new Float64Array(x.length);
    evaluations++;
    const ft = f(xt, gt);
    const slope = dot(gt, p);
    const finite = Number.isFinite(ft) && Number.isFinite(slope);
    return { step, value: finite ? ft : Infinity, slope: finite ? slope : NaN, x: xt, gradient: gt };
  };
  // Near a minimum f changes by less than its rounding error, so Armijo's test on values becomes noise. Within
  // `flat` of f(x), Hager & Zhang's approximate Wolfe condition φ'(α) ≤ (2c1 − 1)φ'(0) (exact for quadratics)
  // stands in for it, and values within `flat` of each other count as equal.
  const flat = 1e-10 * (1 + Math.abs(value));
  const sufficient = (t: Trial) =>
    t.value <= value + c1 * t.step * slope0 || (t.value <= value + flat && t.slope <= (2 * c1 - 1) * slope0);
  const worse = (t: Trial, than: Trial) =>
    t.value > than.value + (Math.abs(t.value - value) <= flat ? flat : 0);
  const curvature = (t: Trial) => Math.abs(t.slope) <= -c2 * slope0;
  const start: Trial = { step: 0, value, slope: slope0, x, gradient };
  const done = (t: Trial, ok: boolean): LineSearchResult => ({
    ok,
    step: t.step,
    x: t.x,
    value: t.value,
    gradient: t.gradient,
    evaluations,
  });

  const zoom = (lo: Trial, hi: Trial): LineSearchResult => {
    while (evaluations < maxEvaluations) {
      const t = evaluate(interpolate(lo, hi));
      if (!sufficient(t) || worse(t, lo)) hi = t;
      else {
        if (curvature(t)) return done(t, true);
        if (t.slope * (hi.step - lo.step) >= 0) hi = lo;
        lo = t;
      }
      if (Math.abs(hi.step - lo.step) <= 1e-16 * Math.max(1, lo.step)) break;
    }
    return done(lo, lo.step > 0 && sufficient(lo));
  };

  let prev = start;
  let step = initialStep;
  while (evaluations < maxEvaluations) {
    const t = evaluate(step);
    if (!sufficient(t) || (prev.step > 0 && worse(t, prev))) return zoom(prev, t);
    if (curvature(t)) return done(t, true);
    if (t.slope >= 0) return zoom(t, prev);
    prev = t;
    step *= 2;
  }
  return done(prev, prev.step > 0 && sufficient(prev));
}

/** Minimiser of the cubic through (lo, hi) with their slopes, kept inside the middle 80 % of the bracket. */
function interpolate(lo: Trial, hi: Trial): number {
  const width = hi.step - lo.step;
  const lower = Math.min(lo.step, hi.step) + 0.1 * Math.abs(width);
  const upper = Math.max(lo.step, hi.step) - 0.1 * Math.abs(width);
  const mid = lo.step + width / 2;
  if (!Number.isFinite(hi.value) || Number.isNaN(hi.slope)) return mid;
  const d1 = lo.slope + hi.slope - (3 * (lo.value - hi.value)) / (lo.step - hi.step);
  const disc = d1 * d1 - lo.slope * hi.slope;
  if (!(disc >= 0)) return mid;
  const d2 = Math.sign(width) * Math.sqrt(disc);
  const step = hi.step - (width * (hi.slope + d2 - d1)) / (hi.slope - lo.slope + 2 * d2);
  return Number.isFinite(step) && step >= lower && step <= upper ? step : mid;
}
