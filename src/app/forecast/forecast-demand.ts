import { stratumError } from '../../contracts/errors.js';
import type { Forecast, ForecastDimension, LevelCorrection } from '../../contracts/forecast/forecast.js';
import { addDays } from '../../contracts/time/iso-date.js';
import type { TransactionModelKind } from '../../domain/clv/models.js';
import type { DemandRow } from '../../domain/forecast/demand-row.js';
import { evaluateHoldout } from '../../domain/forecast/evaluate-holdout.js';
import { forecastCells, weekTotals } from '../../domain/forecast/forecast-cells.js';
import { naiveForecast, replayWeeks } from '../../domain/forecast/from-history.js';
import type { Engine } from '../../engines/engine.js';
import { weeklyDemandSql, type WeeklyDemandWindow } from '../../sql/forecast/weekly-demand-sql.js';
import { latestRunSql } from '../../sql/tiering/snapshot.js';
import { expectedCustomerValue } from './customer-value.js';
import { existingCustomerDemand } from './existing-customer-demand.js';
import { levelCorrection } from './level-correction.js';
import { lineSpan } from './line-span.js';

export interface ForecastRequest {
  readonly weeks: number;
  /**
   * Last day of the history the forecast starts from. Default: the last day with order lines up to `latest`, or
   * in a holdout `weeks` weeks before it.
   */
  readonly asOf?: string | undefined;
  /** The last day whose orders may be read (e.g. yesterday). */
  readonly latest: string;
  /** Forecast a past as-of date and score it against what followed, beside the naive forecast. */
  readonly holdout: boolean;
  readonly by: readonly ForecastDimension[];
  /** Default bgnbd. */
  readonly model?: TransactionModelKind | undefined;
  /** κ of the category mix's shrinkage: the peers' average orders added to each customer's basket. Default 5. */
  readonly mixPseudoOrders?: number | undefined;
  /** Whether to correct the level by the model's recent miss (levelCorrection); default true. */
  readonly levelCorrection?: boolean | undefined;
}

export const DEFAULT_MIX_PSEUDO_ORDERS = 5;
/** The category mix is each customer's last year. */
const MIX_DAYS = 365;

/**
 * Expected order-line value and quantity per week × category × city × tier for the next `weeks` weeks: the
 * customers known by the as-of date through the CLV models, their category mix and the level correction, plus the
 * customers yet to come as the newcomers of the last `weeks` weeks bought (docs/models.md, "Demand forecast").
 */
export async function forecastDemand(engine: Engine, request: ForecastRequest): Promise<Forecast> {
  const { weeks, holdout, by } = request;
  const span = await lineSpan(engine, request.latest);
  const asOf = request.asOf ?? (holdout ? addDays(span.lastDay, -7 * weeks) : span.lastDay);
  if (asOf < span.firstDay)
    throw stratumError(
      'INVALID_ARGUMENT',
      `there are no order lines up to ${asOf} (they start on ${span.firstDay})`,
      {
        field: 'asOf',
      },
    );
  const horizonEnd = addDays(asOf, 7 * weeks);
  if (holdout && horizonEnd > span.lastDay)
    throw stratumError(
      'INVALID_ARGUMENT',
      `a ${weeks}-week holdout from ${asOf} needs orders up to ${horizonEnd}, but they end on ${span.lastDay}`,
      { field: 'asOf' },
    );
  const [run] = await engine.all(latestRunSql(engine.dialect, asOf));
  const tieringRun = run ? { runId: String(run.run_id), asOf: String(run.as_of) } : null;
  const runId = tieringRun?.runId ?? null;
  const model = request.model ?? 'bgnbd';
  const mixPseudoOrders = request.mixPseudoOrders ?? DEFAULT_MIX_PSEUDO_ORDERS;

  const value = await expectedCustomerValue(engine, { asOf, weeks, model });
  const correction: LevelCorrection =
    request.levelCorrection === false
      ? { kind: 'off' }
      : await levelCorrection(engine, { asOf, weeks, model, firstDay: span.firstDay });
  const factor = correction.kind === 'applied' ? correction.factor : 1;
  const existing = (
    await existingCustomerDemand(engine, value, { asOf, runId, mixPseudoOrders, mixDays: MIX_DAYS })
  ).map((r) => ({ ...r, value: r.value * factor, quantity: r.quantity * factor }));
  const window = { asOf, runId, fromWeek: 1 - weeks };
  const newcomers = await weeklyDemand(engine, {
    ...window,
    toWeek: 0,
    customers: { kind: 'new', by: addDays(asOf, -7 * weeks) },
  });
  const observed = holdout ? await weeklyDemand(engine, { ...window, toWeek: weeks }) : [];
  const cells = forecastCells(by, asOf, weeks, {
    existing,
    newCustomers: replayWeeks(newcomers, weeks),
    ...(holdout ? { holdout: { actual: observed, naive: naiveForecast(observed, weeks) } } : {}),
  });
  return {
    asOf,
    weeks,
    by: [...by],
    tieringRun,
    model: {
      kind: model,
      params: value.transactionFit.params,
      spendParams: value.spendFit.params,
      customers: value.customerId.length,
      converged: value.transactionFit.converged && value.spendFit.converged,
    },
    levelCorrection: correction,
    mixPseudoOrders,
    totals: weekTotals(cells, asOf, weeks, holdout),
    cells,
    evaluation: holdout ? evaluateHoldout(cells, by) : null,
  };
}

async function weeklyDemand(engine: Engine, window: WeeklyDemandWindow): Promise<DemandRow[]> {
  const rows = await engine.all(weeklyDemandSql(engine.dialect, window));
  return rows.map((r) => ({
    week: Number(r.week),
    category: String(r.category),
    city: String(r.city),
    tier: String(r.tier),
    value: Number(r.value),
    quantity: Number(r.quantity),
  }));
}
