import type { TableDef } from '../table.js';
import { complaints } from './complaints.js';
import { contracts } from './contracts.js';
import { creditRatings } from './credit-ratings.js';
import { customerOwners } from './customer-owners.js';
import { customers } from './customers.js';
import { disputes } from './disputes.js';
import { invoices } from './invoices.js';
import { orderLines } from './order-lines.js';
import { orders } from './orders.js';
import { refunds } from './refunds.js';
import { regions } from './regions.js';
import { reps } from './reps.js';
import { surveyResponses } from './survey-responses.js';

/**
 * Source tables in load order: every table comes after the tables it references (reps before customer_owners, whose
 * rep_id names them). The generator numbers its output tables in this order (T in src/domain/generation/row-buffer.ts).
 */
export const SOURCE_TABLES = [
  regions,
  customers,
  orders,
  orderLines,
  refunds,
  invoices,
  complaints,
  disputes,
  contracts,
  creditRatings,
  reps,
  customerOwners,
  surveyResponses,
] as const satisfies readonly TableDef[];

export const SOURCE_NAMES: readonly string[] = SOURCE_TABLES.map((t) => t.name);

export function sourceTable(name: string): TableDef | undefined {
  return SOURCE_TABLES.find((t) => t.name === name);
}
