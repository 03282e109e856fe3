import highsModule, { type Highs } from 'highs';
import type {
  LinearModel,
  LinearSolution,
  LinearSolver,
  SolveLimits,
  SolveStatus,
} from '../../domain/allocation/linear-model.js';

// The package's types describe its ESM build's default export but sit in a CommonJS package, so TypeScript takes
// the default import for the whole module; at run time `import` resolves to the ESM build's loader function.
const highsLoader = highsModule as unknown as typeof highsModule.default;

let runtime: Promise<Highs> | undefined;

/** HiGHS compiled to WebAssembly (the `highs` package), loaded once per process. */
export async function loadHighsSolver(): Promise<LinearSolver> {
  runtime ??= highsLoader();
  const highs = await runtime;
  return { solve: (model, limits) => solveWith(highs, model, limits) };
}

// HiGHS model status codes (HighsModelStatus): 7 optimal, 8 infeasible, 13 time limit.
function statusOf(code: number, hasValues: boolean): SolveStatus {
  if (code === 7) return 'optimal';
  if (code === 8) return 'infeasible';
  if (code === 13 && hasValues) return 'time_limit';
  return 'failed';
}

function solveWith(highs: Highs, m: LinearModel, limits: SolveLimits): LinearSolution {
  const model = highs.createModel({
    numCols: m.numCols,
    numRows: m.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: m.colCost,
    colLower: m.colLower,
    colUpper: m.colUpper,
    rowLower: m.rowLower,
    rowUpper: m.rowUpper,
    matrix: {
      format: 'csc',
      numRows: m.numRows,
      numCols: m.numCols,
      starts: m.starts,
      indices: m.indices,
      values: m.values,
    },
    ...(m.integrality ? { integrality: Int32Array.from(m.integrality) } : {}),
  });
  try {
    model.options.set('output_flag', false);
    model.options.set('time_limit', limits.timeLimitSeconds);
    if (m.integrality) model.options.set('mip_rel_gap', limits.mipGap);
    model.run();
    const code = model.getModelStatus();
    const values = code === 7 || code === 13 ? model.getSolution().colValue : new Float64Array();
    const hasValues = values.length === m.numCols && values.every(Number.isFinite);
    return {
      status: statusOf(code, hasValues),
      objective: hasValues ? model.getObjectiveValue() : Number.NaN,
      values: hasValues ? values : new Float64Array(),
    };
  } finally {
    model.dispose();
  }
}
