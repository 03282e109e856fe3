import type { LinearModel } from './linear-model.js';
import type { AllocationProblem } from './problem.js';

/** The part of a problem one model covers, with what is already decided outside it. */
export interface ModelPart {
  readonly customers: readonly number[];
  readonly reps: readonly number[];
  /** Workload already placed on each rep (indexed like problem.reps) by customers outside the part. */
  readonly baseLoad: Float64Array;
  /** Moves the part may still make (null = no limit). */
  readonly moveBudget: number | null;
  /** Objective weight of (highest − lowest utilisation) among the part's reps; 0 = no balance rows. */
  readonly balanceWeight: number;
  /** Objective cost of leaving a customer unplaced. */
  readonly unassignedPenalty: number;
  /** At most this many customers of the part unplaced (null = no such row). */
  readonly maxUnplaced: number | null;
  readonly integer: boolean;
}

/** Where each customer's columns are: its candidates from `first`, then its unplaced column. */
export interface ModelLayout {
  readonly first: Int32Array;
  readonly unplaced: Int32Array;
}

const capacityOf = (c: number) => Math.max(c, 1e-6);

/**
 * Maximise Σ net·x − penalty·unplaced − balanceWeight·(uMax − uMin) subject to: each customer's columns sum to 1;
 * each rep's workload ≤ capacity; moves ≤ budget; uMin ≤ utilisation ≤ uMax. The unplaced column keeps the model
 * feasible when capacity runs out, so a shortage shows as named customers instead of "infeasible".
 */
export function assignmentModel(
  problem: AllocationProblem,
  part: ModelPart,
): { model: LinearModel; layout: ModelLayout } {
  const repRow = new Map<number, number>();
  const nCust = part.customers.length;
  part.reps.forEach((r, k) => repRow.set(r, nCust + k));
  const movesRow = part.moveBudget === null ? -1 : nCust + part.reps.length;
  const balanced = part.balanceWeight > 0;
  const maxRow0 = nCust + part.reps.length + (movesRow >= 0 ? 1 : 0);
  const minRow0 = maxRow0 + part.reps.length;
  const coreRows = balanced ? minRow0 + part.reps.length : maxRow0;
  const unplacedRow = part.maxUnplaced === null ? -1 : coreRows;
  const numRows = coreRows + (unplacedRow >= 0 ? 1 : 0);

  let numCols = 0;
  // An upper bound: only candidates that would move a customer have an entry in the moves row.
  let nnz = 0;
  const first = new Int32Array(nCust);
  const unplaced = new Int32Array(nCust);
  const perColumn = 2 + (movesRow >= 0 ? 1 : 0) + (balanced ? 2 : 0);
  part.customers.forEach((ci, k) => {
    const n = problem.customers[ci]?.candidates.length ?? 0;
    first[k] = numCols;
    unplaced[k] = numCols + n;
    numCols += n + 1;
    nnz += n * perColumn + 2;
  });
  const uMax = numCols;
  if (balanced) {
    numCols += 2;
    nnz += 2 * part.reps.length;
  }

  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  const starts = new Int32Array(numCols + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let at = 0;
  const entry = (row: number, value: number) => {
    indices[at] = row;
    values[at++] = value;
  };

  part.customers.forEach((ci, k) => {
    const pc = problem.customers[ci];
    if (!pc) return;
    pc.candidates.forEach((cand, j) => {
      const col = (first[k] as number) + j;
      starts[col] = at;
      colCost[col] = cand.net;
      entry(k, 1);
      const row = repRow.get(cand.rep);
      if (row === undefined) throw new Error(`rep ${cand.rep} is not in the model part`);
      entry(row, cand.workload);
      if (movesRow >= 0 && pc.currentCandidate >= 0 && j !== pc.currentCandidate) entry(movesRow, 1);
      if (balanced) {
        const share = cand.workload / capacityOf(problem.reps[cand.rep]?.capacity ?? 0);
        entry(maxRow0 + (row - nCust), share);
        entry(minRow0 + (row - nCust), share);
      }
    });
    const u = unplaced[k] as number;
    starts[u] = at;
    colCost[u] = -part.unassignedPenalty;
    entry(k, 1);
    if (unplacedRow >= 0) entry(unplacedRow, 1);
  });
  if (balanced) {
    starts[uMax] = at;
    colCost[uMax] = -part.balanceWeight;
    colUpper[uMax] = Number.POSITIVE_INFINITY;
    part.reps.forEach((_, k) => entry(maxRow0 + k, -1));
    starts[uMax + 1] = at;
    colCost[uMax + 1] = part.balanceWeight;
    colUpper[uMax + 1] = Number.POSITIVE_INFINITY;
    part.reps.forEach((_, k) => entry(minRow0 + k, -1));
  }
  starts[numCols] = at;
  const integrality = part.integer ? new Uint8Array(numCols).fill(1) : null;
  if (integrality && balanced) integrality[uMax] = integrality[uMax + 1] = 0;

  const rowLower = new Float64Array(numRows).fill(Number.NEGATIVE_INFINITY);
  const rowUpper = new Float64Array(numRows).fill(Number.POSITIVE_INFINITY);
  for (let k = 0; k < nCust; k++) rowLower[k] = rowUpper[k] = 1;
  part.reps.forEach((r, k) => {
    const capacity = problem.reps[r]?.capacity ?? 0;
    const base = part.baseLoad[r] ?? 0;
    rowUpper[nCust + k] = Math.max(0, capacity - base);
    if (balanced) {
      rowUpper[maxRow0 + k] = -base / capacityOf(capacity);
      rowLower[minRow0 + k] = -base / capacityOf(capacity);
    }
  });
  if (movesRow >= 0) rowUpper[movesRow] = Math.max(0, part.moveBudget ?? 0);
  if (unplacedRow >= 0) rowUpper[unplacedRow] = Math.max(0, part.maxUnplaced ?? 0);

  return {
    model: {
      numCols,
      numRows,
      colCost,
      colLower,
      colUpper,
      rowLower,
      rowUpper,
      starts,
      indices: indices.subarray(0, at),
      values: values.subarray(0, at),
      integrality,
    },
    layout: { first, unplaced },
  };
}
