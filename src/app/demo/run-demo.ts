import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CleaningReport } from '../../contracts/cleaning-report.js';
import { TruthSchema } from '../../contracts/truth.js';
import type { Engine } from '../../engines/engine.js';
import { cleanDatabase, type CleanProgressStep } from '../clean/clean-database.js';
import { defaultEnd } from '../generate/generate-options.js';
import { generateDataset, type GenerateProgress, type GenerateResult } from '../generate/generate-dataset.js';
import { importFiles } from '../import/import-files.js';
import type { ImportProgress, ImportResult } from '../import/import-types.js';

export interface DemoOptions {
  readonly customers: number;
  readonly months: number;
  readonly seed: number;
  /** Where the generated CSV files go. */
  readonly dataDir: string;
  readonly timeZone: string;
}

export type DemoProgress =
  | { readonly stage: 'generate'; readonly progress: GenerateProgress }
  | { readonly stage: 'import'; readonly progress: ImportProgress }
  | { readonly stage: 'clean'; readonly progress: CleanProgressStep };

export interface DemoResult {
  /** Null when the dataset of these options was already on disk and was reused. */
  readonly generated: GenerateResult | null;
  readonly imported: ImportResult;
  readonly cleaned: CleaningReport;
}

/**
 * Whether `dir` already holds the dataset these options generate today (generation is deterministic, and the
 * demo's history ends yesterday).
 */
async function existingDataset(options: DemoOptions): Promise<boolean> {
  try {
    const truth = TruthSchema.parse(JSON.parse(await readFile(join(options.dataDir, 'truth.json'), 'utf8')));
    return (
      truth.seed === options.seed &&
      truth.customers === options.customers &&
      truth.months === options.months &&
      truth.to === defaultEnd()
    );
  } catch {
    return false;
  }
}

/**
 * `stratum demo`: generate (or reuse) a demo dataset, import it and clean it. Import is idempotent and cleaning
 * replaces its previous results, so running the demo again leaves the same state.
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
  return { generated, imported, cleaned };
}
