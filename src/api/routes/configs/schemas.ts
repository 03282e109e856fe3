import { z } from 'zod';
import { IsoDateSchema } from '../../../contracts/time/iso-date.js';

export const ConfigVersionSummarySchema = z.object({
  version: z.number().int(),
  configHash: z
    .string()
    .describe('SHA-256 of the canonical JSON; runs with this hash used this configuration'),
  comment: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  activatedAt: z.string().nullable(),
  active: z.boolean().describe('The version runs started through the API and schedules use'),
});

export const ConfigVersionSchema = ConfigVersionSummarySchema.extend({
  yaml: z.string().describe('The configuration as written (docs/configuration.md)'),
});

export const VersionParams = z.object({ version: z.coerce.number().int().min(1) });

const YamlText = z.string().min(1).max(500_000);

export const SaveConfigBody = z.object({
  yaml: YamlText,
  comment: z.string().max(1000).optional(),
});

export const ValidateConfigBody = z.object({ yaml: YamlText });

export const ValidationSchema = z.object({
  valid: z.boolean(),
  issues: z.array(z.string()).readonly().describe('`key.path: message` for every problem'),
});

export const WhatIfBody = z.object({
  asOf: IsoDateSchema.optional().describe(
    "Data up to the end of this day (default: the latest run's as-of date, else yesterday in the server zone)",
  ),
});

const PolicyTotals = z.object({
  rebateCost: z.number(),
  discountCost: z.number(),
  creditExposure: z.number(),
  visitsPerMonth: z.number(),
  dedicatedManagers: z.number(),
});

export const WhatIfSchema = z.object({
  candidateVersion: z.number().int(),
  activeVersion: z.number().int(),
  asOf: z.string(),
  currentFrom: z.string(),
  customers: z.number().int(),
  moved: z.number().int(),
  migration: z.array(z.object({ from: z.string(), to: z.string(), customers: z.number().int() })).readonly(),
  examples: z
    .array(
      z.object({
        customerId: z.string(),
        from: z.string().nullable(),
        to: z.string().nullable(),
        fromScore: z.number(),
        toScore: z.number(),
      }),
    )
    .readonly(),
  cost: z.object({ current: PolicyTotals, candidate: PolicyTotals, change: PolicyTotals }),
});
