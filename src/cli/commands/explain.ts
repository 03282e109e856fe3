import type { Command } from 'commander';
import { z } from 'zod';
import { explainCustomer } from '../../app/tiering/explain-customer.js';
import { explanationLines } from '../format/explanation.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const ExplainOptionsSchema = z.object({
  ...DatabaseOptionShape,
  run: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

export function registerExplainCommand(program: Command): void {
  program
    .command('explain')
    .description(
      'Why a customer is in its tier: contributions, boundaries, tags and reasons, policy, what changed',
    )
    .argument('<customer-id>', 'customer id (a merged duplicate id is explained through its survivor)')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--run <id>', 'run (default: the latest)')
    .option('--json', 'print the explanation as JSON')
    .action(
      runAction(async (customerId: string, raw: unknown) => {
        const options = ExplainOptionsSchema.parse(raw);
        const explanation = await withDatabase(options, (engine) =>
          explainCustomer(engine, customerId, options.run),
        );
        if (options.json) printJson(explanation);
        else printLines(explanationLines(explanation));
      }),
    );
}
