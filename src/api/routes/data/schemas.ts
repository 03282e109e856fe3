import { z } from 'zod';
import { CleaningReportSchema } from '../../../contracts/cleaning-report.js';
import { SOURCE_NAMES } from '../../../contracts/data-model/sources/index.js';

/** A source table's name, as `source` of an upload or `table` of a quarantine query. */
export const SourceNameSchema = z.enum(SOURCE_NAMES as [string, ...string[]]);

/** The text fields of an upload form. */
export const UploadFieldsSchema = z.object({
  source: SourceNameSchema.optional(),
  encoding: z.enum(['auto', 'utf8', 'gbk']).default('auto'),
});

export const ImportQuerySchema = z.object({
  clean: z
    .stringbool()
    .default(false)
    .describe('run the cleaning (as `stratum clean`) after the import and return its report'),
});

const QuarantineEntrySchema = z.object({
  file: z.string(),
  row: z.number().int(),
  field: z.string(),
  reason: z.string(),
});

const SourceTotalsSchema = z.object({
  read: z.number().int(),
  loaded: z.number().int(),
  quarantined: z.number().int(),
  duplicates: z.number().int(),
  updated: z.number().int(),
  files: z.array(z.string()),
  ignoredColumns: z.array(z.string()),
});

/** `stratum import --json` (sources, quarantine), plus the ids of the imports and the cleaning report if asked. */
export const ImportResponseSchema = z.object({
  sources: z.record(z.string(), SourceTotalsSchema),
  /** The first 100 quarantined rows; the full list is at GET /data/quarantine. */
  quarantine: z.array(QuarantineEntrySchema),
  quarantineTotal: z.number().int(),
  imports: z.array(
    z.object({ importId: z.string(), source: z.string(), file: z.string(), format: z.string() }),
  ),
  cleaning: CleaningReportSchema.nullable().describe('the cleaning report (as GET /data/cleaning) when clean=true'),
});

export const ImportLogQuerySchema = z.object({
  source: SourceNameSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(1000).optional(),
});

export const ImportLogResponseSchema = z.object({
  items: z.array(
    z.object({
      importId: z.string(),
      source: z.string(),
      file: z.string(),
      fileSha256: z.string(),
      format: z.string(),
      startedAt: z.string(),
      finishedAt: z.string(),
      read: z.number().int(),
      loaded: z.number().int(),
      updated: z.number().int(),
      duplicates: z.number().int(),
      quarantined: z.number().int(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const QuarantineQuerySchema = z.object({
  import: z.string().min(1).max(64).optional().describe('one import (its importId)'),
  table: SourceNameSchema.optional().describe('one source table'),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(1000).optional(),
});

export const QuarantineResponseSchema = z.object({
  items: z.array(
    z.object({
      importId: z.string(),
      table: z.string(),
      file: z.string(),
      row: z.number().int(),
      field: z.string(),
      reason: z.string(),
      raw: z
        .record(z.string(), z.unknown())
        .nullable()
        .describe('the row as read; null for callers who may not see personal data'),
    }),
  ),
  nextCursor: z.string().nullable(),
});
