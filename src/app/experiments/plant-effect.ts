import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { stratumError } from '../../contracts/errors.js';
import { addDays } from '../../contracts/time/iso-date.js';
import {
  plantEffect,
  type PlantedEffect,
  type PlantedOrder,
} from '../../domain/generation/planted-effect.js';
import type { Engine } from '../../engines/engine.js';
import { experimentOutcomesSql } from '../../sql/experiments/outcomes-sql.js';
import { getExperiment } from './experiments.js';

/** Planted orders as an orders file for `stratum import`. */
export async function writePlantedOrders(file: string, orders: readonly PlantedOrder[]): Promise<void> {
  const rows = orders.map((o) => ({
    order_id: o.orderId,
    customer_id: o.customerId,
    ordered_at: o.orderedAt,
    amount: o.amount.toFixed(2),
    gross_margin: o.grossMargin.toFixed(2),
    status: 'completed',
  }));
  const columns = ['order_id', 'customer_id', 'ordered_at', 'amount', 'gross_margin', 'status'];
  await writeFile(file, `${Papa.unparse(rows, { columns })}\n`);
}

export interface PlantRequest {
  /** Relative lift of the treated customers' order rate, e.g. 0.15. */
  readonly lift: number;
  /** Last day of the planted post-period (the experiment's end, else this). */
  readonly end: string;
  readonly seed: number;
  /** Directory the planted orders (orders.csv) and the truth (planted-effect.json) are written to. */
  readonly out: string;
  /** The treated variant (default: the first after the control). */
  readonly variant?: string;
}

export interface PlantResult extends Omit<PlantedEffect, 'orders'> {
  readonly experimentId: string;
  readonly variant: string;
  readonly treatedCustomers: number;
  readonly orders: number;
  readonly ordersFile: string;
  readonly truthFile: string;
}

/**
 * The generator's planted effect for an assigned experiment on generated data: extra post-period orders for the
 * treated variant's customers (domain/generation/planted-effect), written as an orders file to import, with the
 * true effect per treated customer beside it, so that the analysis can be checked against a known answer.
 */
export async function plantExperimentEffect(
  engine: Engine,
  idOrName: string,
  request: PlantRequest,
): Promise<PlantResult> {
  const experiment = await getExperiment(engine, idOrName);
  const { spec } = experiment;
  if (experiment.assignedAt === null)
    throw stratumError('INVALID_ARGUMENT', `experiment ${spec.name} is not assigned yet`, {
      field: 'experiment',
    });
  const variant = request.variant ?? spec.variants[1]!.name;
  if (!spec.variants.some((v) => v.name === variant))
    throw stratumError('INVALID_ARGUMENT', `no variant ${variant} in ${spec.name}`, { field: 'variant' });
  const end = spec.end ?? request.end;
  const rows = await engine.read(
    experimentOutcomesSql(engine.dialect, experiment.experimentId, {
      preStart: addDays(spec.start, -spec.preDays),
      start: spec.start,
      end,
    }),
  );
  const treated = rows
    .filter((r) => r.variant === variant)
    .map((r) => ({
      customerId: String(r.customer_id),
      ordersPre: Number(r.orders_pre),
      gmvPre: Number(r.gmv_pre),
      marginPre: Number(r.margin_pre),
    }));
  const planted = plantEffect(treated, {
    lift: request.lift,
    preDays: spec.preDays,
    start: spec.start,
    end,
    seed: request.seed,
    idPrefix: `PX-${experiment.experimentId}`,
  });
  await mkdir(request.out, { recursive: true });
  const ordersFile = join(request.out, 'orders.csv');
  const truthFile = join(request.out, 'planted-effect.json');
  await writePlantedOrders(ordersFile, planted.orders);
  const { orders, ...effect } = planted;
  const result: PlantResult = {
    experimentId: experiment.experimentId,
    variant,
    treatedCustomers: treated.length,
    orders: orders.length,
    ordersFile,
    truthFile,
    ...effect,
  };
  await writeFile(
    truthFile,
    `${JSON.stringify({ ...result, lift: request.lift, seed: request.seed, end }, null, 2)}\n`,
  );
  return result;
}
