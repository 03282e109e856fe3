import { z } from 'zod';
import { FromKeySchema, ToKeySchema } from '../../../contracts/insights/migration.js';
import { RiskTagSchema } from '../../../contracts/insights/risk.js';
import { SatisfactionGroupingSchema } from '../../../contracts/insights/satisfaction.js';
import { IsoDateSchema } from '../../../contracts/time/iso-date.js';
import { FilterText, RunId } from '../customers/schemas.js';

const Cursor = z.string().min(1).max(1000).describe('nextCursor of the previous page');
const Limit = z.coerce.number().int().min(1).max(200).default(50);

export const OverviewQuery = z.strictObject({
  run: RunId.optional().describe('Tiering run (default: the latest)'),
  city: FilterText.optional().describe('Also the tier distribution by district of this city, e.g. 北京'),
});

export const MigrationQuery = z.strictObject({
  from: RunId.optional().describe('Earlier run (default: the run before `to`)'),
  to: RunId.optional().describe('Later run (default: the latest)'),
});

export const MoversQuery = z.strictObject({
  ...MigrationQuery.shape,
  fromTier: FromKeySchema.optional().describe("Cell of the matrix: a tier, 'new' or 'excluded' in `from`"),
  toTier: ToKeySchema.optional().describe("Cell of the matrix: a tier, 'gone' or 'excluded' in `to`"),
  cursor: Cursor.optional(),
  limit: Limit,
});

export const RiskQuery = z.strictObject({
  tag: RiskTagSchema,
  run: RunId.optional().describe('Tiering run (default: the latest)'),
  cursor: Cursor.optional(),
  limit: Limit,
});

export const SatisfactionQuery = z.strictObject({
  by: SatisfactionGroupingSchema.default('tier').describe(
    "Group by the customer's tier when answering, its city, or its account manager",
  ),
  from: IsoDateSchema.optional().describe('First day of answers (default: 12 calendar months up to `to`)'),
  to: IsoDateSchema.optional().describe('Last day of answers (default: the day of the latest answer)'),
});
