import type { SqlReader } from '../../engines/engine.js';
import type { Dialect } from '../../sql/dialects/dialect.js';
import { customerSummarySql, type SummaryWindow, type TransactionSource } from '../../sql/clv/summary-sql.js';

/** Every customer's calibration summary and holdout counts, column-wise (one array per column, aligned). */
export interface CustomerSummaries {
  readonly customerId: readonly string[];
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  /** Mean amount per repeat purchase day (0 when x = 0). */
  readonly zbar: Float64Array;
  /** Mean margin per repeat purchase day (NaN when unknown, 0 when x = 0). */
  readonly marginBar: Float64Array;
  readonly amountCalibration: Float64Array;
  readonly marginCalibration: Float64Array;
  readonly xHoldout: Float64Array;
  readonly amountHoldout: Float64Array;
  readonly marginHoldout: Float64Array;
}

const num = (v: unknown, otherwise: number) => (v === null || v === undefined ? otherwise : Number(v));

/** Runs the summary in the engine and returns it column-wise. */
export async function customerSummaries(
  reader: SqlReader,
  d: Dialect,
  source: TransactionSource,
  window: SummaryWindow,
): Promise<CustomerSummaries> {
  const rows = await reader.all(customerSummarySql(d, source, window));
  const column = () => new Float64Array(rows.length);
  const s = {
    customerId: rows.map((r) => String(r.customer_id)),
    x: column(),
    tx: column(),
    T: column(),
    zbar: column(),
    marginBar: column(),
    amountCalibration: column(),
    marginCalibration: column(),
    xHoldout: column(),
    amountHoldout: column(),
    marginHoldout: column(),
  };
  rows.forEach((r, i) => {
    const x = Number(r.x);
    s.x[i] = x;
    s.tx[i] = Number(r.t_x);
    s.T[i] = Number(r.T);
    s.zbar[i] = num(r.zbar, 0);
    s.marginBar[i] = x === 0 ? 0 : num(r.margin_bar, Number.NaN);
    s.amountCalibration[i] = num(r.amount_calibration, 0);
    s.marginCalibration[i] = num(r.margin_calibration, Number.NaN);
    s.xHoldout[i] = Number(r.x_holdout);
    s.amountHoldout[i] = num(r.amount_holdout, 0);
    s.marginHoldout[i] = num(r.margin_holdout, 0);
  });
  return s;
}
