import { availableParallelism } from 'node:os';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stratumError } from '../../contracts/errors.js';
import { TruthSchema, type Truth } from '../../contracts/truth.js';
import { dayOf, isoDate, periodStart } from '../../domain/generation/calendar.js';
import { generateRegions } from '../../domain/generation/generate-batch.js';
import { generateReps } from '../../domain/generation/reps-row.js';
import type { GenerationSpec } from '../../domain/generation/generation-spec.js';
import { appendTruthParts, emptyTruthParts } from '../../domain/generation/truth-parts.js';
import { buildWorld } from '../../domain/generation/world.js';
import { splitIntoBatches } from './batches.js';
import { runBatches } from './batch-runner.js';
import { CsvFiles, type WrittenFile } from './csv-files.js';
import { defaultEnd, GenerateOptionsSchema, type GenerateOptions } from './generate-options.js';

export type { GenerateOptions } from './generate-options.js';

export interface GenerateProgress {
  readonly customersDone: number;
  readonly customers: number;
}

export interface GenerateResult {
  readonly outDir: string;
  readonly spec: GenerationSpec;
  /** First and last day of the history. */
  readonly from: string;
  readonly to: string;
  readonly files: readonly WrittenFile[];
  readonly truthPath: string;
  /** Entries per anomaly list of truth.json. */
  readonly truthCounts: Readonly<
    Record<
      'duplicates' | 'brushing' | 'hugeRefunds' | 'churned' | 'fastGrowing' | 'risky' | 'detractors',
      number
    >
  >;
  readonly workers: number;
  readonly elapsedMs: number;
}

/**
 * Generates a demo dataset: one CSV per source table plus truth.json, in `options.out`. The bytes depend
 * only on (customers, seed, months, end, customersPerRep, cities).
 */
export async function generateDataset(
  options: GenerateOptions,
  onProgress?: (p: GenerateProgress) => void,
  now: Date = new Date(),
): Promise<GenerateResult> {
  const started = performance.now();
  const parsed = GenerateOptionsSchema.parse(options);
  const latest = defaultEnd(now);
  const end = parsed.end ?? latest;
  if (end > latest)
    throw stratumError(
      'INVALID_ARGUMENT',
      `--end ${end} is after yesterday (${latest}): rows would be in the future`,
      {
        field: 'end',
      },
    );
  const spec: GenerationSpec = {
    customers: parsed.customers,
    seed: parsed.seed,
    months: parsed.months,
    end,
    ...(parsed.customersPerRep !== undefined ? { customersPerRep: parsed.customersPerRep } : {}),
    ...(parsed.cities !== undefined ? { cities: parsed.cities } : {}),
  };
  const workers = parsed.workers ?? (spec.customers < 2000 ? 0 : availableParallelism());
  await mkdir(parsed.out, { recursive: true });

  const files = await CsvFiles.create(parsed.out);
  const truthParts = emptyTruthParts();
  let written: WrittenFile[];
  try {
    const regions = generateRegions(buildRegionsWorld(spec));
    await files.write(regions.chunks, regions.rows);
    // The reps need the whole population plan (customers per district), cheap next to simulating the accounts.
    const reps = generateReps(buildWorld(spec));
    await files.write(reps.chunks, reps.rows);
    const batches = splitIntoBatches(spec.customers);
    let next = 0;
    onProgress?.({ customersDone: 0, customers: spec.customers });
    for await (const output of runBatches(spec, batches, workers)) {
      await files.write(output.chunks, output.rows);
      appendTruthParts(truthParts, output.truth);
      onProgress?.({ customersDone: batches[next++]?.to ?? spec.customers, customers: spec.customers });
    }
  } finally {
    written = await files.close();
  }

  const endDay = dayOf(end);
  const truth: Truth = TruthSchema.parse({
    seed: spec.seed,
    customers: spec.customers,
    months: spec.months,
    from: isoDate(periodStart(endDay, spec.months)),
    to: end,
    ...truthParts,
  });
  const truthPath = join(parsed.out, 'truth.json');
  await writeFile(truthPath, `${JSON.stringify(truth, null, 2)}\n`);
  return {
    outDir: parsed.out,
    spec,
    from: truth.from,
    to: truth.to,
    files: written,
    truthPath,
    truthCounts: {
      duplicates: truth.duplicates.length,
      brushing: truth.brushing.length,
      hugeRefunds: truth.hugeRefunds.length,
      churned: truth.churned.length,
      fastGrowing: truth.fastGrowing.length,
      risky: truth.risky.length,
      detractors: truth.detractors.length,
    },
    workers,
    elapsedMs: Math.round(performance.now() - started),
  };
}

/** Regions need only the seed; building the world for them also checks the spec early. */
function buildRegionsWorld(spec: GenerationSpec) {
  return buildWorld({ ...spec, customers: 0 });
}
