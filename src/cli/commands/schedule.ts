import type { Command } from 'commander';
import { z } from 'zod';
import {
  addSchedule,
  listSchedules,
  nextRunAt,
  removeSchedule,
  type Schedule,
} from '../../app/schedules/schedules.js';
import { loadConfig } from '../../config.js';
import { stratumError } from '../../contracts/errors.js';
import { REPORT_FORMATS, REPORT_LANGUAGES, REPORT_PERIODS } from '../../contracts/reports/report-request.js';
import {
  RUN_ACTION,
  ScheduleActionSchema,
  type ScheduleAction,
} from '../../contracts/schedules/schedule-action.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const AddSchema = z.object({
  ...DatabaseOptionShape,
  name: z.string().min(1).max(100),
  cron: z.string().min(1),
  tz: z.string().min(1).optional(),
  disabled: z.boolean().default(false),
  report: z.enum(REPORT_PERIODS).optional(),
  format: z.enum(REPORT_FORMATS).optional(),
  lang: z.enum(REPORT_LANGUAGES).optional(),
  json: z.boolean().default(false),
});
const DbSchema = z.object({ ...DatabaseOptionShape, json: z.boolean().default(false) });

/** `2025-06-09 03:00 Asia/Shanghai`: an instant as wall-clock time in the schedule's zone. */
function inZone(iso: string | null, timeZone: string): string {
  if (iso === null) return '-';
  const wall = new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
  return `${wall} ${timeZone}`;
}

const view = (s: Schedule, now: Date) => ({ ...s, nextRunAt: nextRunAt(s, now) });

/**
 * A run, or with --report a report of that period (--format and --lang only with it; defaults as the API's).
 */
function actionOf(o: z.infer<typeof AddSchema>): ScheduleAction {
  if (o.report === undefined) {
    if (o.format !== undefined || o.lang !== undefined)
      throw stratumError('INVALID_ARGUMENT', '--format and --lang go with --report week|month', {
        field: o.format !== undefined ? 'format' : 'lang',
      });
    return RUN_ACTION;
  }
  return ScheduleActionSchema.parse({ kind: 'report', period: o.report, format: o.format, language: o.lang });
}

const actionText = (a: ScheduleAction): string =>
  a.kind === 'run' ? 'run' : `report ${a.period} ${a.format} ${a.language}`;

function line(s: ReturnType<typeof view>): string {
  return [
    s.scheduleId,
    s.name,
    `"${s.cron}"`,
    s.timeZone,
    s.enabled ? `next ${inZone(s.nextRunAt, s.timeZone)}` : 'disabled',
    `last ${inZone(s.lastFiredAt, s.timeZone)}`,
    actionText(s.action),
  ].join('  ');
}

/**
 * `stratum schedule add|list|remove`: scheduled tiering runs and reports, kept in the database that `stratum
 * serve` reads them from (docs/runs-and-schedules.md).
 */
export function registerScheduleCommand(program: Command): void {
  const schedule = program
    .command('schedule')
    .description(
      'Tiering runs (with the active configuration) or reports on a cron schedule, fired by `stratum serve`',
    );
  schedule
    .command('add')
    .description('Add a schedule, e.g. --cron "0 3 * * 1" (Monday 03:00) or "0 3 1 * *" (the 1st, 03:00)')
    .requiredOption('--name <name>', 'what to call it')
    .requiredOption('--cron <expr>', 'minute hour day-of-month month day-of-week')
    .option('--tz <zone>', 'IANA time zone of the expression (default: $STRATUM_TZ or Asia/Shanghai)')
    .option(
      '--report <period>',
      'generate a report of the week or month just ended (the one holding the day before each fire) instead of a run: week|month',
    )
    .option('--format <format>', 'with --report: html|pdf (default html)')
    .option('--lang <language>', 'with --report: zh-CN|en (default zh-CN)')
    .option('--disabled', 'add it disabled')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print the schedule as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = AddSchema.parse(raw);
        const action = actionOf(o);
        const now = new Date();
        const s = await withDatabase(o, (engine) =>
          addSchedule(
            engine,
            {
              name: o.name,
              cron: o.cron,
              timeZone: o.tz ?? loadConfig().timeZone,
              enabled: !o.disabled,
              createdBy: 'cli',
              action,
            },
            now,
          ),
        );
        if (o.json) printJson(view(s, now));
        else printLines([`Added ${line(view(s, now))}`]);
      }),
    );
  schedule
    .command('list')
    .description('Every schedule with its next and last run')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--json', 'print as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = DbSchema.parse(raw);
        const now = new Date();
        const rows = (await withDatabase(o, listSchedules)).map((s) => view(s, now));
        if (o.json) printJson(rows);
        else printLines(rows.length ? rows.map(line) : ['No schedules.']);
      }),
    );
  schedule
    .command('remove')
    .description('Remove a schedule')
    .argument('<id>', 'schedule id, as `schedule list` shows it')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .action(
      runAction(async (id: string, raw: unknown) => {
        const o = DbSchema.parse(raw);
        const s = await withDatabase(o, (engine) => removeSchedule(engine, id));
        printLines([`Removed ${s.scheduleId} (${s.name}).`]);
      }),
    );
}
