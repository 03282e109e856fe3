import type { Command } from 'commander';
import { userInfo } from 'node:os';
import { z } from 'zod';
import { applyAllocation } from '../../app/allocation/apply-allocation.js';
import { loadAllocationSettings } from '../../app/allocation/load-settings.js';
import { planAllocation } from '../../app/allocation/plan-allocation.js';
import { loadConfig } from '../../config.js';
import { stratumError } from '../../contracts/errors.js';
import { allocationPlanLines, assignmentExplanationLines } from '../format/allocation-plan.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { progressBar } from '../shared/progress.js';
import { runAction } from '../shared/run-action.js';

/** `--max-moves 500` (customers) or `--max-moves 5%` (of the customers who have an owner). */
const MaxMovesOption = z
  .string()
  .regex(/^\d+(\.\d+)?%?$/, 'expected a count such as 500 or a percentage such as 5%')
  .transform((s) =>
    s.endsWith('%') ? { maxMovesPct: Number(s.slice(0, -1)) } : { maxMoves: Number.parseInt(s, 10) },
  );

const AllocateOptionsSchema = z.object({
  ...DatabaseOptionShape,
  run: z.string().min(1).optional(),
  settings: z.string().min(1).optional(),
  dryRun: z.boolean().default(false),
  maxMoves: MaxMovesOption.optional(),
  balance: z.coerce.number().min(0).optional(),
  candidates: z.coerce.number().int().min(1).max(100).optional(),
  timeLimit: z.coerce.number().positive().optional(),
  explain: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

export function registerAllocateCommand(program: Command): void {
  program
    .command('allocate')
    .description(
      'Assign customers to account managers (HiGHS): eligible owners within capacity, value served minus travel and continuity costs; applies the plan unless --dry-run',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--run <id>', 'tiering run whose tiers to use (default: the latest)')
    .option('--settings <file>', 'allocation settings YAML (docs/allocation.md); flags override it')
    .option('--dry-run', 'compute and print the plan without applying it')
    .option('--max-moves <n|p%>', 'customers allowed to change owner this round: a count or a percentage')
    .option(
      '--balance <weight>',
      'trade value for even workloads (0 = value only; 1 = a full spread costs one average book)',
    )
    .option('--candidates <k>', 'nearest eligible owners considered per customer (default 8)')
    .option('--time-limit <seconds>', 'solver time limit per component (default 60)')
    .option(
      '--explain <customer>',
      'also print why this customer got its owner and what the alternatives cost',
    )
    .option('--json', 'print the plan as JSON')
    .action(
      runAction(async (raw: unknown) => {
        const o = AllocateOptionsSchema.parse(raw);
        const settings = await loadAllocationSettings(o.settings, {
          ...o.maxMoves,
          balance: o.balance,
          candidates: o.candidates,
          timeLimitSeconds: o.timeLimit,
        });
        const bar = progressBar(o.json ? false : undefined);
        const round = await withDatabase(o, async (engine) => {
          const planned = await planAllocation(engine, {
            runId: o.run,
            settings,
            onProgress: (done, total) => {
              if (done === 1) bar.start(total, 'Solving');
              bar.update(done);
            },
          });
          bar.stop();
          if (!o.dryRun)
            await applyAllocation(engine, planned, {
              settings,
              actor: { actor: `cli:${userInfo().username}`, actorKind: 'system', ip: null },
              timeZone: loadConfig().timeZone,
            });
          return planned;
        }).finally(() => bar.stop());
        const plan = { ...round.plan, applied: !o.dryRun };
        const explanation = o.explain === undefined ? undefined : round.explain(o.explain);
        if (o.explain !== undefined && !explanation)
          throw stratumError('NOT_FOUND', `customer ${o.explain} is not in run ${plan.runId}`, {
            what: 'customer',
            id: o.explain,
          });
        if (o.json) printJson(explanation ? { ...plan, explanation } : plan);
        else
          printLines([
            ...allocationPlanLines(plan),
            ...(explanation ? ['', ...assignmentExplanationLines(explanation)] : []),
            '',
            o.dryRun
              ? 'Dry run: nothing written (drop --dry-run to apply).'
              : `Applied as round ${plan.roundId}: owners updated, moves in allocation_moves, owner.changed webhooks queued.`,
          ]);
      }),
    );
}
