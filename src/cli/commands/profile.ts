import type { Command } from 'commander';
import { z } from 'zod';
import { purchaseProfile } from '../../app/profiles/purchase-profile.js';
import { PROFILE_DEFAULT_DAYS } from '../../contracts/profiles/purchase-profile.js';
import { REPORT_LANGUAGES } from '../../contracts/reports/report-request.js';
import { purchaseProfileLines } from '../format/purchase-profile.js';
import { AS_OF_HELP, defaultAsOf, IsoDateOption } from '../shared/as-of-option.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';

const ProfileOptionsSchema = z.object({
  ...DatabaseOptionShape,
  asOf: IsoDateOption.optional(),
  days: z.coerce.number().int().default(PROFILE_DEFAULT_DAYS),
  json: z.boolean().default(false),
  lang: z.enum(REPORT_LANGUAGES).default('zh-CN'),
});

/** `stratum profile`: a customer's purchase profile beside its peers' (docs/profiles.md). */
export function registerProfileCommand(program: Command): void {
  program
    .command('profile')
    .description(
      'A customer’s purchase profile from its order lines: category shares and trend, favourite SKUs, order rhythm, basket, discounts, and how it differs from peers of its cuisine, size and district',
    )
    .argument('<customer-id>', 'customer id (a merged duplicate id is answered through its survivor)')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--as-of <date>', AS_OF_HELP)
    .option('--days <n>', 'days of the window ending on the as-of date', String(PROFILE_DEFAULT_DAYS))
    .option('--json', 'print the profile as JSON')
    .option('--lang <language>', 'zh-CN or en', 'zh-CN')
    .action(
      runAction(async (customerId: string, raw: unknown) => {
        const options = ProfileOptionsSchema.parse(raw);
        const profile = await withDatabase(options, (engine) =>
          purchaseProfile(engine, { customerId, asOf: options.asOf ?? defaultAsOf(), days: options.days }),
        );
        if (options.json) printJson(profile);
        else printLines(purchaseProfileLines(profile, options.lang));
      }),
    );
}
