import { z } from 'zod';
import { ExperimentSpecSchema, RANDOMISATION_UNITS } from './experiment-spec.js';

export const VariantCountSchema = z.object({
  variant: z.string(),
  units: z.number().int(),
  customers: z.number().int(),
});
export type VariantCount = z.infer<typeof VariantCountSchema>;

/** An experiment as the API and the dashboard show it. */
export const ExperimentViewSchema = z.object({
  experimentId: z.string(),
  name: z.string(),
  spec: ExperimentSpecSchema,
  unit: z.enum(RANDOMISATION_UNITS),
  start: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  assignedAt: z.string().nullable().describe('When the assignment was frozen (null: not assigned yet)'),
  assignmentRunId: z.string().nullable(),
  variants: z
    .array(VariantCountSchema)
    .describe('Units and customers per variant once assigned (empty before)'),
});
export type ExperimentView = z.infer<typeof ExperimentViewSchema>;

/** What an assignment did (or, asked again, what it had done). */
export const AssignmentSummarySchema = z.object({
  experimentId: z.string(),
  runId: z.string().describe('The run before the start whose tiers defined the population and strata'),
  asOf: z.string(),
  strata: z.number().int(),
  variants: z.array(VariantCountSchema),
  withoutOwner: z.number().int().describe('Customers left out of rep clusters for want of an owner'),
  alreadyAssigned: z.boolean().describe('True: the frozen assignment, unchanged'),
});
export type AssignmentSummary = z.infer<typeof AssignmentSummarySchema>;
