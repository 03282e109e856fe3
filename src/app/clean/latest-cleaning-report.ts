import { CleaningReportSchema, type CleaningReport } from '../../contracts/cleaning-report.js';
import type { Engine } from '../../engines/engine.js';
import { latestCleaningReportSql } from '../../sql/cleaning/latest-report.js';

/** The report of the latest `stratum clean` (as stored in cleaning_runs), or null before the first one. */
export async function latestCleaningReport(engine: Engine): Promise<CleaningReport | null> {
  const rows = await engine.all(latestCleaningReportSql(engine.dialect));
  const report = rows[0]?.report;
  return report === undefined ? null : CleaningReportSchema.parse(JSON.parse(String(report)));
}
