import { analyzeTables } from '../analyze-tables.js';
import { randomUUID } from 'node:crypto';
import type { CleaningReport } from '../../contracts/cleaning-report.js';
import { profileCustomers } from '../../domain/cleaning/customer-profile.js';
import { findDuplicates } from '../../domain/cleaning/find-duplicates.js';
import type { Engine } from '../../engines/engine.js';
import { clearResultsSql } from '../../sql/cleaning/result-tables.js';
import { insertRunLogSql } from '../../sql/cleaning/run-log.js';
import { customerReport, outlierReport } from './build-report.js';
import { flagOutliers, OUTLIER_STEPS } from './flag-outliers.js';
import { readCustomers } from './read-customers.js';
import { writeCustomerResults } from './write-customer-results.js';

export interface CleanProgressStep {
  readonly index: number;
  readonly total: number;
  readonly label: string;
}

export interface CleanOptions {
  /** Called as each step starts. */
  readonly onStep?: (step: CleanProgressStep) => void;
  /** Injectable for tests; default a random id. */
  readonly runId?: string;
  /** Injectable clock for tests. */
  readonly now?: () => Date;
}

const TOTAL_STEPS = 4 + OUTLIER_STEPS.length;

/**
 * `stratum clean`: normalises customers and finds duplicates in memory (the customer master is small), flags
 * outlier orders and refunds in the engine (orders never leave it), and replaces the previous run's results in
 * one transaction. Raw tables are never changed; later stages read the *_clean views.
 */
export async function cleanDatabase(engine: Engine, options: CleanOptions = {}): Promise<CleaningReport> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const runId = options.runId ?? `clean-${randomUUID()}`;
  const d = engine.dialect;
  let index = 0;
  const step = (label: string) => options.onStep?.({ index: index++, total: TOTAL_STEPS, label });

  step('Reading customers');
  const records = await readCustomers(engine, d);
  step('Normalising names and addresses');
  const profiles = profileCustomers(records);
  step('Matching duplicate customers');
  const search = findDuplicates(profiles);

  return engine.transaction(async (tx) => {
    step('Writing normalised customers and the merge map');
    for (const statement of clearResultsSql(d)) await tx.run(statement);
    await writeCustomerResults(tx, d, runId, profiles, search.merges);
    await analyzeTables(tx, d, ['customer_normalised', 'customer_merges']);
    await flagOutliers(tx, d, runId, step);
    await analyzeTables(tx, d, ['order_flags', 'refund_flags']);
    const finishedAt = now();
    const report: CleaningReport = {
      runId,
      startedAt: startedAt.toISOString(),
      finishedAt: finishedAt.toISOString(),
      durationMs: finishedAt.getTime() - startedAt.getTime(),
      ...customerReport(profiles, search),
      ...(await outlierReport(tx, d)),
    };
    await tx.run(
      insertRunLogSql(d, {
        runId,
        startedAt: report.startedAt,
        finishedAt: report.finishedAt,
        customers: report.customers.total,
        namesNormalised: report.customers.namesNormalised,
        duplicatesMerged: report.duplicates.merged,
        ordersFlagged: report.orders.flagged,
        refundsFlagged: report.refunds.flagged,
        report: JSON.stringify(report),
      }),
    );
    return report;
  });
}
