import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { cleanDatabase } from '../../../app/clean/clean-database.js';
import { latestCleaningReport } from '../../../app/clean/latest-cleaning-report.js';
import { listImports, listQuarantine } from '../../../app/import/import-log.js';
import { importSummary } from '../../../app/import/import-summary.js';
import { importUpload } from '../../../app/import/import-upload.js';
import { allows } from '../../../contracts/access/principal.js';
import { CleaningReportSchema } from '../../../contracts/cleaning-report.js';
import { stratumError } from '../../../contracts/errors.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { formatBytes, receiveUpload, tooLarge, type UploadLimits } from './receive-upload.js';
import {
  ImportLogQuerySchema,
  ImportLogResponseSchema,
  ImportQuerySchema,
  ImportResponseSchema,
  QuarantineQuerySchema,
  QuarantineResponseSchema,
  UploadFieldsSchema,
} from './schemas.js';

export interface DataRoutesOptions {
  /** Largest upload (all files of one request), bytes; default 200 MB. */
  readonly uploadLimitBytes?: number;
  /** Most files in one upload; default 20. */
  readonly maxFiles?: number;
}

export const DEFAULT_UPLOAD_LIMIT_BYTES = 200 * 1024 * 1024;
const DEFAULT_MAX_FILES = 20;

const ImportKeySchema = z.object({ startedAt: z.string(), importId: z.string() });
const QuarantineKeySchema = ImportKeySchema.extend({ row: z.number().int(), field: z.string() });

function parseRaw(raw: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(raw);
    return value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** Source files in (upload, the same import as `stratum import`), the import log, the quarantine, the cleaning report. */
export const dataRoutes: FastifyPluginAsync<DataRoutesOptions> = async (base, options) => {
  if (!base.hasContentTypeParser('multipart/form-data')) await base.register(multipart);
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine } = app.deps;
  const limits: UploadLimits = {
    bytes: options.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT_BYTES,
    files: options.maxFiles ?? DEFAULT_MAX_FILES,
  };

  app.post(
    '/import',
    {
      preHandler: app.requirePermission('data.import'),
      schema: {
        tags: ['data'],
        summary: 'Upload source files for import',
        description:
          'multipart/form-data: one or more file parts (CSV, TSV, TXT, XLSX, Parquet, JSON lines), each named after ' +
          'its source (orders.csv, 订单.xlsx) unless a `source` field names the table; an optional `encoding` ' +
          'field (auto, utf8, gbk). Validated, quarantined and committed file by file exactly as `stratum import`. ' +
          `At most ${limits.files} files and ${formatBytes(limits.bytes)} per request (413 PAYLOAD_TOO_LARGE beyond).`,
        consumes: ['multipart/form-data'],
        querystring: ImportQuerySchema,
        response: { 200: ImportResponseSchema },
      },
    },
    async (request) => {
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > limits.bytes) throw tooLarge('the upload', limits);
      const dir = await mkdtemp(join(tmpdir(), 'stratum-upload-'));
      try {
        const upload = await receiveUpload(request, dir, limits);
        const fields = UploadFieldsSchema.parse(upload.fields);
        const result = await importUpload(engine, {
          files: upload.files,
          source: fields.source,
          encoding: fields.encoding,
          timeZone: app.deps.timeZone,
          now: app.deps.now(),
        });
        const cleaning = request.query.clean ? await cleanDatabase(engine, { now: app.deps.now }) : null;
        const imports = result.files.map((f) => ({
          importId: f.importId,
          source: f.source,
          file: f.file,
          format: f.format,
        }));
        await app.audit(request, {
          action: 'data.imported',
          target: [...new Set(result.files.map((f) => f.source))].join(','),
          details: {
            files: result.files.map((f) => ({
              importId: f.importId,
              file: f.file,
              source: f.source,
              read: f.read,
              loaded: f.loaded,
              updated: f.updated,
              quarantined: f.quarantined,
            })),
            cleaned: cleaning !== null,
          },
        });
        const summary = importSummary(result);
        return {
          sources: summary.sources,
          quarantine: [...summary.quarantine],
          quarantineTotal: result.quarantineTotal,
          imports,
          cleaning,
        };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );

  app.get(
    '/imports',
    {
      preHandler: app.requirePermission('data.read'),
      schema: {
        tags: ['data'],
        summary: 'The import log, newest first',
        querystring: ImportLogQuerySchema,
        response: { 200: ImportLogResponseSchema },
      },
    },
    async (request) => {
      const { source, limit, cursor } = request.query;
      const page = await listImports(engine, {
        source,
        limit,
        after: decodeCursor(cursor, ImportKeySchema),
      });
      return { items: [...page.items], nextCursor: page.next ? encodeCursor(page.next) : null };
    },
  );

  app.get(
    '/quarantine',
    {
      preHandler: app.requirePermission('data.read'),
      schema: {
        tags: ['data'],
        summary: 'Quarantined rows with file, row, field and reason',
        description:
          'Newest import first, then in row order. `raw` (the row as read) only for callers who may see personal data.',
        querystring: QuarantineQuerySchema,
        response: { 200: QuarantineResponseSchema },
      },
    },
    async (request) => {
      const { import: importId, table, limit, cursor } = request.query;
      const page = await listQuarantine(engine, {
        importId,
        source: table,
        limit,
        after: decodeCursor(cursor, QuarantineKeySchema),
      });
      const personal = request.principal !== null && allows(request.principal, 'personal.read');
      return {
        items: page.items.map((q) => ({
          importId: q.importId,
          table: q.source,
          file: q.file,
          row: q.row,
          field: q.field,
          reason: q.reason,
          raw: personal ? parseRaw(q.raw) : null,
        })),
        nextCursor: page.next ? encodeCursor(page.next) : null,
      };
    },
  );

  app.get(
    '/cleaning',
    {
      preHandler: app.requirePermission('data.read'),
      schema: {
        tags: ['data'],
        summary: 'The latest cleaning report (as `stratum clean --json`)',
        response: { 200: CleaningReportSchema },
      },
    },
    async () => {
      const report = await latestCleaningReport(engine);
      if (!report)
        throw stratumError('NOT_FOUND', 'no cleaning has run yet (POST /data/import?clean=true or `stratum clean`)', {
          what: 'cleaning report',
          id: 'latest',
        });
      return report;
    },
  );
};
