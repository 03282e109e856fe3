import { ClvInputError } from './errors.js';

export type TransactionModelKind = 'bgnbd' | 'pareto_nbd' | 'mbgnbd';
export type ClvModelKind = TransactionModelKind | 'gamma_gamma';

export const PARAM_NAMES = {
  bgnbd: ['r', 'alpha', 'a', 'b'],
  pareto_nbd: ['r', 'alpha', 's', 'beta'],
  mbgnbd: ['r', 'alpha', 'a', 'b'],
  gamma_gamma: ['p', 'q', 'v'],
} as const satisfies Record<ClvModelKind, readonly string[]>;

/** Model parameters keyed by the names in PARAM_NAMES; all must be positive. */
export type Params = Readonly<Record<string, number>>;

/** The parameters in PARAM_NAMES order, after checking they are all present, finite and positive. */
export function paramVector(kind: ClvModelKind, params: Params): Float64Array {
  const names = PARAM_NAMES[kind];
  return Float64Array.from(names, (name) => {
    const value = params[name];
    if (value === undefined) throw new ClvInputError(`${kind} parameter ${name} is missing`, undefined, name);
    if (!(Number.isFinite(value) && value > 0))
      throw new ClvInputError(
        `${kind} parameter ${name} must be a finite positive number, got ${value}`,
        undefined,
        name,
      );
    return value;
  });
}

export function paramRecord(kind: ClvModelKind, theta: ArrayLike<number>): Params {
  return Object.fromEntries(PARAM_NAMES[kind].map((name, i) => [name, theta[i] as number]));
}
