import { z } from 'zod';
import { BOUNDARY_METRICS, EDGE_TIERS } from '../../../contracts/experiments/tier-boundary.js';
import { IsoDateSchema } from '../../../contracts/time/iso-date.js';

export const ExperimentParams = z.object({ experimentId: z.string().min(1).max(200) });

export const ResultsQuery = z.object({
  asOf: IsoDateSchema.optional().describe('Analysis date (default: yesterday in the server zone)'),
});

export const BoundaryQuery = z.object({
  tier: z.enum(EDGE_TIERS).describe('The tier whose lower edge to study'),
  metric: z.enum(BOUNDARY_METRICS).default('gmv'),
  days: z.coerce.number().int().min(7).max(365).default(56),
  runId: z.string().min(1).optional(),
  asOf: IsoDateSchema.optional().describe('Last day with data (default: yesterday in the server zone)'),
});
