import { Readable } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { exportCustomerChunks } from '../../../app/customers/export-customers.js';
import { EXPORT_FORMATS } from '../../../app/customers/export-format.js';
import { runOf } from '../../../app/customers/run-of.js';
import { filterOf } from '../customers/filter-of.js';
import { rowAccess } from '../customers/row-scope.js';
import { CustomerFilterQuery } from '../customers/schemas.js';

const ExportQuery = z.strictObject({
  format: z.enum(EXPORT_FORMATS).describe('csv (UTF-8 with BOM, CRLF) or jsonl (one customer per line)'),
  ...CustomerFilterQuery.shape,
});

const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  jsonl: 'application/x-ndjson; charset=utf-8',
} as const;

/** A run's customers as a streamed file, scoped and masked like the list, audited. */
export const exportRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine } = app.deps;

  app.get(
    '/',
    {
      preHandler: app.requirePermission('export.read'),
      schema: {
        tags: ['export'],
        summary:
          'Stream a run’s customers as CSV or JSON lines (same filters, scope and masking as the list)',
        querystring: ExportQuery,
      },
    },
    async (request, reply) => {
      const access = rowAccess(request, 'export.read');
      const q = request.query;
      const run = await runOf(engine, q.run);
      const filter = filterOf(q);
      await app.audit(request, {
        action: 'export',
        target: run.runId,
        details: {
          format: q.format,
          filter: Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined)),
          scope: access.scope.kind,
          masked: !access.personalVisible,
        },
      });
      const chunks = exportCustomerChunks(engine, { ...access, runId: run.runId, filter, format: q.format });
      return reply
        .type(CONTENT_TYPES[q.format])
        .header(
          'content-disposition',
          `attachment; filename="customers-${run.runId.replace(/[^\w.-]/g, '_')}.${q.format}"`,
        )
        .send(Readable.from(chunks));
    },
  );
};
