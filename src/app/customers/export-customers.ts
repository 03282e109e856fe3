import type { CustomerScope } from '../../contracts/access/principal.js';
import type { Engine } from '../../engines/engine.js';
import { exportPageSql } from '../../sql/api/customers/export-page-sql.js';
import type { CustomerFilter } from '../../sql/api/customers/list-customers-sql.js';
import { csvHeaderLine, csvLine, jsonLine, type ExportFormat } from './export-format.js';

/** Rows per query while streaming: memory stays bounded by one page whatever the size of the run. */
export const EXPORT_PAGE_ROWS = 2000;

export interface ExportRequest {
  readonly runId: string;
  readonly scope: CustomerScope;
  readonly personalVisible: boolean;
  readonly filter: CustomerFilter;
  readonly format: ExportFormat;
  readonly pageRows?: number;
}

/**
 * The export as text chunks (one per page of rows, in customer_id order), for a streamed response: the next page
 * is read only when the previous chunk has been consumed.
 */
export async function* exportCustomerChunks(engine: Engine, r: ExportRequest): AsyncGenerator<string> {
  const pageRows = r.pageRows ?? EXPORT_PAGE_ROWS;
  const line = r.format === 'csv' ? csvLine : jsonLine;
  if (r.format === 'csv') yield csvHeaderLine();
  let afterId: string | null = null;
  for (;;) {
    const rows = await engine.read(
      exportPageSql(engine.dialect, {
        runId: r.runId,
        scope: r.scope,
        personalVisible: r.personalVisible,
        filter: r.filter,
        afterId,
        limit: pageRows,
      }),
    );
    if (rows.length > 0) yield rows.map(line).join('');
    if (rows.length < pageRows) return;
    afterId = String(rows.at(-1)?.customer_id);
  }
}
