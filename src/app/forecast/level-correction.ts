import type { LevelCorrection } from '../../contracts/forecast/forecast.js';
import { StratumError } from '../../contracts/errors.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { TransactionModelKind } from '../../domain/clv/models.js';
import type { Engine } from '../../engines/engine.js';
import { weeklyDemandSql } from '../../sql/forecast/weekly-demand-sql.js';
import { expectedCustomerValue } from './customer-value.js';

/**
 * The model's recent miss: fitted on the history up to `weeks` weeks before `asOf`, its forecast of the value the
 * customers known then would order up to `asOf`, beside what they did order. Seasonality, trend and the model's
 * own bias show in the ratio, which the forecast from `asOf` carries forward. Skipped when the history before the
 * window starts too late for the fit (`firstDay`) or the fit fails there.
 */
export async function levelCorrection(
  engine: Engine,
  request: {
    readonly asOf: string;
    readonly weeks: number;
    readonly model: TransactionModelKind;
    readonly firstDay: string;
  },
): Promise<LevelCorrection> {
  const { asOf, weeks, model } = request;
  const from = addDays(asOf, -7 * weeks);
  if (from <= request.firstDay)
    return { kind: 'skipped', reason: `no order lines before ${from} to fit the model on` };
  let forecast = 0;
  try {
    const value = await expectedCustomerValue(engine, { asOf: from, weeks, model });
    for (const week of value.weeklyValue) for (const v of week) forecast += v;
  } catch (error) {
    if (error instanceof StratumError && error.code === 'MODEL_FIT_FAILED')
      return { kind: 'skipped', reason: `the model could not be fitted up to ${from}: ${error.message}` };
    throw error;
  }
  const rows = await engine.all(
    weeklyDemandSql(engine.dialect, {
      asOf: from,
      fromWeek: 1,
      toWeek: weeks,
      runId: null,
      customers: { kind: 'known', by: from },
    }),
  );
  const actual = rows.reduce((sum, r) => sum + Number(r.value), 0);
  if (!(forecast > 0 && actual > 0))
    return { kind: 'skipped', reason: `no value forecast or ordered between ${from} and ${asOf}` };
  return { kind: 'applied', from: addDays(from, 1), to: asOf, forecast, actual, factor: actual / forecast };
}
