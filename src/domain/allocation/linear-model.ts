/**
 * A linear or mixed-integer program, maximised, in the column-wise sparse form solvers load directly. The domain
 * builds it; a solver adapter (src/app/allocation/highs-solver.ts) solves it, so the domain stays free of the
 * solver's runtime.
 */
export interface LinearModel {
  readonly numCols: number;
  readonly numRows: number;
  readonly colCost: Float64Array;
  readonly colLower: Float64Array;
  readonly colUpper: Float64Array;
  readonly rowLower: Float64Array;
  readonly rowUpper: Float64Array;
  /** Column j's entries are rows indices[starts[j]..starts[j+1]) with the same positions in values. */
  readonly starts: Int32Array;
  readonly indices: Int32Array;
  readonly values: Float64Array;
  /** 1 for an integer column (a MIP); null = the LP relaxation. */
  readonly integrality: Uint8Array | null;
}

export interface SolveLimits {
  readonly timeLimitSeconds: number;
  /** Relative gap at which a MIP search may stop. */
  readonly mipGap: number;
}

export type SolveStatus = 'optimal' | 'time_limit' | 'infeasible' | 'failed';

export interface LinearSolution {
  readonly status: SolveStatus;
  /** Objective of the returned values (NaN when there are none). */
  readonly objective: number;
  /** Column values; empty when the solver found none. */
  readonly values: Float64Array;
}

/** What allocation needs from a solver. */
export interface LinearSolver {
  solve(model: LinearModel, limits: SolveLimits): LinearSolution;
}
