import type { Command } from 'commander';
import { z } from 'zod';
import { writeFile } from 'node:fs/promises';
import { analyzeExperiment } from '../../app/experiments/analyze-experiment.js';
import { assignmentCsv } from '../../app/experiments/assignment-file.js';
import { assignExperiment } from '../../app/experiments/assign-experiment.js';
import { createExperiment, listExperiments, variantCounts } from '../../app/experiments/experiments.js';
import { plantExperimentEffect } from '../../app/experiments/plant-effect.js';
import { tierBoundaryEffect } from '../../app/experiments/tier-boundary-effect.js';
import { BOUNDARY_METRICS, EDGE_TIERS } from '../../contracts/experiments/tier-boundary.js';
import { readConfigFile } from '../../app/config-files/parse-config-text.js';
import { importFiles } from '../../app/import/import-files.js';
import { loadConfig } from '../../config.js';
import { ExperimentSpecSchema } from '../../contracts/experiments/experiment-spec.js';
import { experimentResultLines, tierBoundaryLines } from '../format/experiment-result.js';
import { count, yuan } from '../format/numbers.js';
import { AS_OF_HELP, IsoDateOption, defaultAsOf } from '../shared/as-of-option.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const Common = { ...DatabaseOptionShape, json: z.boolean().default(false) };
const CreateSchema = z.object({ ...Common, spec: z.string().min(1), by: z.string().min(1).default('cli') });
const AnalyzeSchema = z.object({ ...Common, asOf: IsoDateOption.optional() });
const PlantSchema = z.object({
  ...Common,
  lift: z.coerce.number().gt(0).max(5),
  out: z.string().min(1),
  seed: z.coerce.number().int().min(0).default(1),
  variant: z.string().min(1).optional(),
  end: IsoDateOption.optional(),
  import: z.boolean().default(false),
});
const ListSchema = z.object(Common);
const AssignmentsSchema = z.object({ ...DatabaseOptionShape, out: z.string().min(1).optional() });
const BoundarySchema = z.object({
  ...Common,
  tier: z.enum(EDGE_TIERS),
  metric: z.enum(BOUNDARY_METRICS).default('gmv'),
  days: z.coerce.number().int().min(7).max(365).default(56),
  run: z.string().min(1).optional(),
  asOf: IsoDateOption.optional(),
});

const dbOptions = (c: Command) =>
  c.option('--db <path>', DB_OPTION_HELP).option('--pg <url>', PG_OPTION_HELP).option('--json', 'print JSON');

/** `stratum experiment create|assign|analyze|list|plant` (docs/experiments.md). */
export function registerExperimentCommand(program: Command): void {
  const experiment = program
    .command('experiment')
    .description('A/B tests and pilots of tiering strategies and policies: create, assign, analyze, list');

  dbOptions(
    experiment
      .command('create')
      .description('Save an experiment from a spec file (YAML or JSON; see config/experiment.example.yaml)')
      .requiredOption('--spec <file>', 'experiment spec')
      .option('--by <name>', 'who creates it', 'cli'),
  ).action(
    runAction(async (raw: unknown) => {
      const o = CreateSchema.parse(raw);
      const spec = await readConfigFile(ExperimentSpecSchema, o.spec);
      const e = await withDatabase(o, (engine) => createExperiment(engine, spec, o.by, new Date()));
      if (o.json) return printJson(e);
      printLines([
        `Created ${e.experimentId} "${e.name}": ${e.spec.variants.length} variants, randomised by ${e.unit}, starting ${e.start}. Next: stratum experiment assign ${e.experimentId}`,
      ]);
    }),
  );

  dbOptions(
    experiment
      .command('assign <experiment>')
      .description('Randomise the population once (stratified, by hashing) and freeze the assignment'),
  ).action(
    runAction(async (id: string, raw: unknown) => {
      const o = ListSchema.parse(raw);
      const a = await withDatabase(o, (engine) => assignExperiment(engine, id, new Date()));
      if (o.json) return printJson(a);
      printLines([
        a.alreadyAssigned
          ? `${a.experimentId} was assigned before (population of run ${a.runId}, as of ${a.asOf}); the frozen assignment:`
          : `${a.experimentId} assigned from run ${a.runId} (as of ${a.asOf}) in ${count(a.strata)} strata:`,
        ...a.variants.map(
          (v) =>
            `  ${v.variant.padEnd(20)} ${count(v.units).padStart(8)} units ${count(v.customers).padStart(8)} customers`,
        ),
        ...(a.withoutOwner > 0
          ? [`  ${count(a.withoutOwner)} customers left out: no owner to cluster by`]
          : []),
      ]);
    }),
  );

  dbOptions(
    experiment
      .command('analyze <experiment>')
      .description('Effects with CUPED and confidence intervals, the sample ratio check, and the ROI')
      .option(
        '--as-of <date>',
        `${AS_OF_HELP}; the post-period ends then unless the experiment ends earlier`,
      ),
  ).action(
    runAction(async (id: string, raw: unknown) => {
      const o = AnalyzeSchema.parse(raw);
      const r = await withDatabase(o, (engine) => analyzeExperiment(engine, id, o.asOf ?? defaultAsOf()));
      if (o.json) return printJson(r);
      printLines(experimentResultLines(r));
    }),
  );

  dbOptions(
    experiment.command('list').description('Experiments, newest first, with their assignment'),
  ).action(
    runAction(async (raw: unknown) => {
      const o = ListSchema.parse(raw);
      const rows = await withDatabase(o, async (engine) =>
        Promise.all(
          (await listExperiments(engine)).map(async (e) => ({
            ...e,
            variants: await variantCounts(engine, e),
          })),
        ),
      );
      if (o.json) return printJson(rows);
      printLines(
        rows.length === 0
          ? ['No experiments yet: stratum experiment create --spec FILE']
          : rows.map(
              (e) =>
                `${e.experimentId}  ${e.name}  by ${e.unit}, from ${e.start}  ${
                  e.assignedAt === null
                    ? 'not assigned'
                    : e.variants.map((v) => `${v.variant} ${count(v.customers)}`).join(' / ')
                }`,
            ),
      );
    }),
  );

  dbOptions(
    experiment
      .command('plant <experiment>')
      .description(
        'Generator: plant a known effect for an assigned experiment on demo data (extra post-period orders of the treated customers), to check the analysis against',
      )
      .requiredOption('--lift <x>', 'relative lift of the treated customers’ order rate, e.g. 0.2')
      .requiredOption('--out <dir>', 'where to write orders.csv and planted-effect.json')
      .option('--seed <n>', 'random seed', '1')
      .option('--variant <name>', 'treated variant (default: the first after the control)')
      .option(
        '--end <date>',
        'last day of the post-period when the experiment has no end (default: yesterday)',
      )
      .option('--import', 'import the planted orders into the database right away'),
  ).action(
    runAction(async (id: string, raw: unknown) => {
      const o = PlantSchema.parse(raw);
      const p = await withDatabase(o, async (engine) => {
        const planted = await plantExperimentEffect(engine, id, {
          lift: o.lift,
          seed: o.seed,
          out: o.out,
          variant: o.variant,
          end: o.end ?? defaultAsOf(),
        });
        if (o.import)
          await importFiles(engine, {
            target: { kind: 'file', source: 'orders', file: planted.ordersFile },
            timeZone: loadConfig().timeZone,
          });
        return planted;
      });
      if (o.json) return printJson(p);
      printLines([
        `Planted ${count(p.orders)} orders for ${count(p.treatedCustomers)} customers of ${p.variant}: ${yuan(p.gmvPerCustomer)} GMV and ${yuan(p.marginPerCustomer)} margin per treated customer (expected ${yuan(p.expectedGmvPerCustomer)})`,
        `  ${p.ordersFile}${o.import ? ' (imported)' : ` — import it: stratum import --file ${p.ordersFile} --source orders`}`,
        `  truth: ${p.truthFile}`,
      ]);
    }),
  );

  dbOptions(
    experiment
      .command('boundary')
      .description(
        'Effect of a tier change without an experiment: customers just above and just below a tier edge after a run (regression discontinuity), with its caveats',
      )
      .requiredOption('--tier <tier>', 'the tier whose lower edge to study: platinum, gold or silver')
      .option('--metric <metric>', `outcome: ${BOUNDARY_METRICS.join(', ')}`, 'gmv')
      .option('--days <n>', 'days after the run, compared with as many before it', '56')
      .option('--run <id>', 'run whose tiers to study (default: the latest at least --days before --as-of)')
      .option('--as-of <date>', 'last day with data (default: yesterday)'),
  ).action(
    runAction(async (raw: unknown) => {
      const o = BoundarySchema.parse(raw);
      const r = await withDatabase(o, (engine) =>
        tierBoundaryEffect(engine, { ...o, runId: o.run, asOf: o.asOf ?? defaultAsOf() }),
      );
      if (o.json) return printJson(r);
      printLines(tierBoundaryLines(r));
    }),
  );

  dbOptions(
    experiment
      .command('assignments <experiment>')
      .description('The frozen assignment as CSV, for the CRM, ERP and reps that deliver the treatment')
      .option('--out <file>', 'write to this file (default: standard output)'),
  ).action(
    runAction(async (id: string, raw: unknown) => {
      const o = AssignmentsSchema.parse(raw);
      const { csv } = await withDatabase(o, (engine) => assignmentCsv(engine, id));
      if (o.out === undefined) process.stdout.write(csv);
      else {
        await writeFile(o.out, csv);
        printLines([`Wrote ${o.out}`]);
      }
    }),
  );
}
