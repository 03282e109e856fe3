import type { Command } from 'commander';
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { planVisits } from '../../app/allocation/plan-visits.js';
import { IsoWeekSchema, isoWeekOfDate, formatIsoWeek } from '../../contracts/time/iso-week.js';
import { isoDateIn } from '../../contracts/time/zoned-time.js';
import { visitPlanCsv } from '../../domain/allocation/visits/visit-plan-csv.js';
import { visitPlanIcs } from '../../domain/allocation/visits/visit-plan-ics.js';
import { loadConfig } from '../../config.js';
import { weekPlanLines } from '../format/week-plan.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const VisitsOptionsSchema = z.object({
  ...DatabaseOptionShape,
  week: IsoWeekSchema.optional(),
  rep: z.string().min(1, 'give the rep id, e.g. --rep R0001'),
  run: z.string().min(1).optional(),
  ics: z.string().min(1).optional(),
  csv: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

export function registerVisitsCommand(program: Command): void {
  program
    .command('visits')
    .description("One account manager's weekly visit plan: tier cadence, grouped by district, around leave")
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .requiredOption('--rep <id>', 'the account manager (rep id)')
    .option('--week <YYYY-Www>', 'ISO week (default: the current week)')
    .option('--run <id>', 'tiering run whose tiers set the cadence (default: the latest)')
    .option('--ics <file>', 'also write the visits as iCalendar (.ics) for a calendar app')
    .option('--csv <file>', 'also write visits and calls as CSV')
    .option('--json', 'print the plan as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = VisitsOptionsSchema.parse(raw);
        const week = o.week ?? formatIsoWeek(isoWeekOfDate(isoDateIn(loadConfig().timeZone, Date.now())));
        const plan = await withDatabase(o, (engine) =>
          planVisits(engine, { repId: o.rep, week, runId: o.run }),
        );
        if (o.ics !== undefined) await writeFile(o.ics, visitPlanIcs(plan, { stampMs: Date.now() }));
        if (o.csv !== undefined) await writeFile(o.csv, visitPlanCsv(plan));
        if (o.json) printJson(plan);
        else
          printLines([
            ...weekPlanLines(plan),
            ...(o.ics ? [`Calendar written to ${o.ics}`] : []),
            ...(o.csv ? [`CSV written to ${o.csv}`] : []),
          ]);
      }),
    );
}
