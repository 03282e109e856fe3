import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CleaningReport } from '../../contracts/cleaning-report.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { SOURCE_NAMES } from '../../contracts/data-model/sources/index.js';
import { TruthSchema } from '../../contracts/truth.js';
import type { Engine } from '../../engines/engine.js';
import { cleanDatabase, type CleanProgressStep } from '../clean/clean-database.js';
import { defaultEnd } from '../generate/generate-options.js';
import { generateDataset, type GenerateProgress, type GenerateResult } from '../generate/generate-dataset.js';
import { importFiles } from '../import/import-files.js';
import { backfillDates } from '../../domain/tiering/backfill-dates.js';
import { backfillRuns } from '../tiering/backfill-runs.js';
import { buildReport, type TieringReport } from '../tiering/build-report.js';
import { loadTieringConfig } from '../tiering/load-config.js';
import type { ImportProgress, ImportResult } from '../import/import-types.js';

export interface DemoOptions {
  readonly customers: number;
  readonly months: number;
  readonly seed: number;
  /** Where the generated CSV files go. */
  readonly dataDir: string;
  readonly timeZone: string;
  /** Weekly tiering runs to build, ending at the last day of the data (default DEMO_WEEKS; 0 = none). */
  readonly weeks?: number;
}

export type DemoProgress =
  | { readonly stage: 'generate'; readonly progress: GenerateProgress }
  | { readonly stage: 'import'; readonly progress: ImportProgress }
  | { readonly stage: 'clean'; readonly progress: CleanProgressStep }
  | { readonly stage: 'tiering'; readonly progress: { readonly done: number; readonly total: number } };

/** Weekly tiering runs the demo builds, ending at the last day of the data. */
export const DEMO_WEEKS = 12;

export interface DemoResult {
  /** Null when the dataset of these options was already on disk and was reused. */
  readonly generated: GenerateResult | null;
  readonly imported: ImportResult;
  readonly cleaned: CleaningReport;
  /** The report of the latest tiering run (null when no weeks were asked for). */
  readonly report: TieringReport | null;
}

/**
 * Whether `dir` already holds the dataset these options generate today (generation is deterministic, and the
 * demo's history ends yesterday), with a file for every source table (a dataset from an older version may lack
 * one that was added since).
 */
async function existingDataset(options: DemoOptions): Promise<boolean> {
  try {
    const truth = TruthSchema.parse(JSON.parse(await readFile(join(options.dataDir, 'truth.json'), 'utf8')));
    const files = new Set(await readdir(options.dataDir));
    return (
      truth.seed === options.seed &&
      truth.customers === options.customers &&
      truth.months === options.months &&
      truth.to === defaultEnd() &&
      SOURCE_NAMES.every((name) => [...files].some((f) => f.startsWith(`${name}.`)))
    );
  } catch {
    return false;
  }
}

/**
 * `stratum demo`: generate (or reuse) a demo dataset, import it, clean it, and run the tiering weekly over the last
 * DEMO_WEEKS weeks. Import is idempotent, cleaning replaces its previous results and runs already made with the same
 * configuration are skipped, so running the demo again leaves the same state.
 */
export async function runDemo(
  engine: Engine,
  options: DemoOptions,
  onProgress?: (p: DemoProgress) => void,
): Promise<DemoResult> {
  const generated = (await existingDataset(options))
    ? null
    : await generateDataset(
        { customers: options.customers, months: options.months, seed: options.seed, out: options.dataDir },
        (progress) => onProgress?.({ stage: 'generate', progress }),
      );
  const imported = await importFiles(
    engine,
    { target: { kind: 'dir', dir: options.dataDir }, timeZone: options.timeZone },
    (progress) => onProgress?.({ stage: 'import', progress }),
  );
  const cleaned = await cleanDatabase(engine, {
    onStep: (progress) => onProgress?.({ stage: 'clean', progress }),
  });
  const config = await loadTieringConfig();
  const end = generated?.to ?? defaultEnd();
  const weeks = options.weeks ?? DEMO_WEEKS;
  await backfillRuns(engine, {
    config,
    dates: weeks > 0 ? backfillDates(addDays(end, -7 * (weeks - 1)), end, 'week') : [],
    skipExisting: true,
    onRun: (done, total) => onProgress?.({ stage: 'tiering', progress: { done, total } }),
  });
  const report = weeks > 0 ? await buildReport(engine) : null;
  return { generated, imported, cleaned, report };
}
