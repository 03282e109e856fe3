import type { TableDef } from '../table.js';
import { cleaningRuns } from './cleaning-runs.js';
import { customerMerges } from './customer-merges.js';
import { customerNormalised } from './customer-normalised.js';
import { orderFlags } from './order-flags.js';
import { refundFlags } from './refund-flags.js';

/** Tables `stratum clean` writes (migration 2), in creation order. */
export const CLEANING_TABLES = [
  customerNormalised,
  customerMerges,
  orderFlags,
  refundFlags,
  cleaningRuns,
] as const satisfies readonly TableDef[];
