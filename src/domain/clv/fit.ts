import { minimise } from '../optimise/minimise.js';
import type { DifferentiableObjective } from '../optimise/types.js';
import { ClvFitError, ClvInputError } from './errors.js';
import { gammaGammaLogLikelihood } from './gamma-gamma.js';
import {
  validateHistories,
  validateSpendHistories,
  type Histories,
  type SpendHistories,
} from './histories.js';
import { transactionModel } from './model-registry.js';
import {
  PARAM_NAMES,
  paramRecord,
  paramVector,
  type ClvModelKind,
  type Params,
  type TransactionModelKind,
} from './models.js';
import { prepareHistories } from './prepared-histories.js';

export { ClvFitError, ClvInputError } from './errors.js';
export type { SpendHistories } from './histories.js';

export interface FitOptions {
  /** L2 penalty on the parameters, as lifetimes' penalizer_coef: minimises −LL/customers + penalty·Σθ². Default 0. */
  readonly penalty?: number;
  /** BFGS iterations; default 500 (the CDNOW fits take 22–30). */
  readonly maxIterations?: number;
  /** Converged when every component of the gradient of −LL/customers with respect to ln θ is within this; 1e-9. */
  readonly tolerance?: number;
  /** Starting parameters; default all 1 (lifetimes' choice). */
  readonly start?: Params;
  /**
   * By default a fit that does not converge throws ClvFitError. With this set it returns the best point found with
   * `converged: false` instead (for diagnostics); an optimum at the boundary (a parameter → 0 or ∞) throws either way.
   */
  readonly allowUnconverged?: boolean;
}

export interface FitResult {
  readonly model: ClvModelKind;
  readonly params: Params;
  /** Total over customers (weights), without the penalty. */
  readonly logLikelihood: number;
  readonly customers: number;
  readonly converged: boolean;
  readonly iterations: number;
}

/** Maximum-likelihood BG/NBD, Pareto/NBD or MBG/NBD on grouped calibration histories (validated first). */
export function fitTransactionModel(
  kind: TransactionModelKind,
  h: Histories,
  options: FitOptions = {},
): FitResult {
  const model = transactionModel(kind);
  validateHistories(h);
  if (!h.x.some((x) => x > 0))
    throw new ClvInputError(`${kind}: no customer has a repeat purchase (x > 0), so there is nothing to fit`);
  const data = prepareHistories(h);
  return fit(kind, data.totalWeight, options, (theta, gradient) =>
    model.logLikelihood(theta, data, gradient),
  );
}

/** Maximum-likelihood Gamma-Gamma on repeat buyers' mean spend (validated first). */
export function fitGammaGamma(s: SpendHistories, options: FitOptions = {}): FitResult {
  validateSpendHistories(s);
  let customers = 0;
  for (const w of s.weight) customers += w;
  return fit('gamma_gamma', customers, options, (theta, gradient) =>
    gammaGammaLogLikelihood(theta, s, gradient),
  );
}

/** Total weighted log-likelihood of the data at these parameters (Histories for transaction models, else spend). */
export function logLikelihood(kind: ClvModelKind, params: Params, data: Histories | SpendHistories): number {
  const theta = paramVector(kind, params);
  if (kind === 'gamma_gamma') {
    if (!('zbar' in data)) throw new ClvInputError('gamma_gamma needs spend histories (x, zbar, weight)');
    validateSpendHistories(data);
    return gammaGammaLogLikelihood(theta, data, null);
  }
  if (!('tx' in data)) throw new ClvInputError(`${kind} needs transaction histories (x, tx, T, weight)`);
  const model = transactionModel(kind);
  validateHistories(data);
  return model.logLikelihood(theta, prepareHistories(data), null);
}

/** Estimates beyond these mean the optimum is at the boundary of the parameter space, not an interior maximum. */
const MIN_PARAM = 1e-8;
const MAX_PARAM = 1e8;

type LogLikelihood = (theta: Float64Array, gradient: Float64Array | null) => number;

/**
 * Minimises −LL(θ)/N + penalty·Σθ² over u = ln θ (so θ stays positive and the scales of r ≈ 0.2 and α ≈ 10 even
 * out), with the analytic gradient θ·∂/∂θ.
 */
function fit(kind: ClvModelKind, customers: number, options: FitOptions, ll: LogLikelihood): FitResult {
  const names = PARAM_NAMES[kind];
  if (!(customers > 0)) throw new ClvInputError(`${kind}: no customers to fit`);
  const penalty = options.penalty ?? 0;
  if (!(Number.isFinite(penalty) && penalty >= 0))
    throw new ClvInputError(`penalty must be a non-negative number, got ${penalty}`, undefined, 'penalty');
  const start = options.start ? paramVector(kind, options.start) : new Float64Array(names.length).fill(1);
  const theta = new Float64Array(names.length);
  const llGradient = new Float64Array(names.length);
  const objective: DifferentiableObjective = (u, gradient) => {
    for (let k = 0; k < u.length; k++) theta[k] = Math.exp(u[k] as number);
    let f = -ll(theta, gradient ? llGradient : null) / customers;
    for (let k = 0; k < u.length; k++) {
      const t = theta[k] as number;
      f += penalty * t * t;
      if (gradient) gradient[k] = t * (-(llGradient[k] as number) / customers + 2 * penalty * t);
    }
    return f;
  };
  const result = minimise(objective, start.map(Math.log), {
    maxIterations: options.maxIterations ?? 500,
    gradientTolerance: options.tolerance ?? 1e-9,
  });
  const best = result.x.map(Math.exp);
  const logLikelihood = ll(best, null);
  const params = paramRecord(kind, best);
  if (!best.every((t) => t > MIN_PARAM && t < MAX_PARAM) || !Number.isFinite(logLikelihood))
    throw new ClvFitError(
      `${kind} fit ran off to a boundary (${describe(params)}): the likelihood keeps improving as a parameter goes ` +
        'to 0 or ∞, which usually means too few repeat customers or a model that does not fit the data; ' +
        'try another model, more data, or a penalty (e.g. 0.001) if the parameters are large',
    );
  if (!result.converged && !options.allowUnconverged)
    throw new ClvFitError(
      `${kind} fit did not converge after ${result.iterations} iterations (${result.reason}, gradient ` +
        `${result.gradientNorm.toExponential(1)} > tolerance ${options.tolerance ?? 1e-9}) at ${describe(params)}; ` +
        'try more iterations (maxIterations), a small penalty (e.g. 0.001), a looser tolerance, or check the data',
    );
  return {
    model: kind,
    params,
    logLikelihood,
    customers,
    converged: result.converged,
    iterations: result.iterations,
  };
}

function describe(params: Params): string {
  return Object.entries(params)
    .map(([name, value]) => `${name}=${value.toPrecision(4)}`)
    .join(', ');
}
