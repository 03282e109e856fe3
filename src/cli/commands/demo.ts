import { basename } from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { DEMO_WEEKS, runDemo, type DemoProgress } from '../../app/demo/run-demo.js';
import { ensureDemoUsers, type DemoUsers } from '../../app/demo/demo-users.js';
import { startServer } from '../../api/server.js';
import { stratumError } from '../../contracts/errors.js';
import type { Engine } from '../../engines/engine.js';
import { describeLocation } from '../../engines/registry.js';
import { tieringReportLines } from '../format/tiering-report.js';
import { DEFAULT_DEMO_PASSWORD, loadConfig } from '../../config.js';
import { cleaningReportLines } from '../format/cleaning-report.js';
import { generateSummaryLines } from '../format/generate-result.js';
import { sourceTotals } from '../../app/import/import-summary.js';
import { importSummaryLines } from '../format/import-result.js';
import {
  databaseLocation,
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  withDatabase,
} from '../shared/engine-option.js';
import { printJson, printLines } from '../shared/output.js';
import { progressBar, type Progress } from '../shared/progress.js';
import { runAction } from '../shared/run-action.js';
import { openServerStream } from '../shared/server-stream.js';
import { StreamOptionShape } from '../shared/stream-option.js';

const DemoOptionsSchema = z.object({
  ...DatabaseOptionShape,
  customers: z.coerce.number().int().min(100).max(2_000_000).default(5000),
  months: z.coerce.number().int().min(3).max(60).default(12),
  seed: z.coerce.number().int().min(0).default(42),
  dataDir: z.string().min(1).default('./data/demo'),
  json: z.boolean().default(false),
  serve: z.boolean().default(false),
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('127.0.0.1'),
});

function showProgress(bar: Progress) {
  return (p: DemoProgress) => {
    if (p.stage === 'generate') {
      if (p.progress.customersDone === 0) bar.start(p.progress.customers, 'Generating demo data');
      bar.update(p.progress.customersDone);
    } else if (p.stage === 'import') {
      const e = p.progress;
      if (e.kind === 'file-started') bar.start(e.totalBytes, `Importing ${basename(e.file)}`);
      else if (e.kind === 'bytes') bar.update(e.bytesRead);
    } else if (p.stage === 'clean') {
      bar.start(p.progress.total, p.progress.label);
      bar.update(p.progress.index);
    } else {
      if (p.progress.done === 1) bar.start(p.progress.total, `Tiering runs, weekly for ${DEMO_WEEKS} weeks`);
      bar.update(p.progress.done);
    }
  };
}

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'Generate a demo dataset (or reuse it), import it, clean it and run the tiering weekly for 12 weeks: what `npm start` runs',
    )
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--customers <n>', 'customer accounts to generate', '5000')
    .option('--months <m>', 'months of history', '12')
    .option('--seed <s>', 'random seed', '42')
    .option('--data-dir <dir>', 'where the generated CSV files go', './data/demo')
    .option('--json', 'print what was done as JSON')
    .option(
      '--serve',
      'then create the demo users and serve the dashboard until Ctrl-C (what `npm start` does)',
    )
    .option('--port <port>', 'with --serve: port to listen on', '3000')
    .option('--host <host>', 'with --serve: address to listen on', '127.0.0.1')
    .action(
      runAction(async (raw: unknown) => {
        const options = DemoOptionsSchema.parse(raw);
        if (options.serve && options.json)
          throw stratumError('INVALID_ARGUMENT', '--json and --serve do not go together', { field: 'json' });
        const config = loadConfig();
        const bar = progressBar(options.json ? false : undefined);
        const location = databaseLocation(options);
        await withDatabase(location, async (engine) => {
          const result = await runDemo(
            engine,
            { ...options, timeZone: config.timeZone },
            showProgress(bar),
          ).finally(() => bar.stop());
          printResult(result, options, describeLocation(location));
          if (options.serve) await serveDemo(engine, options, config);
        });
      }),
    );
}

type DemoCliOptions = z.infer<typeof DemoOptionsSchema>;

function printResult(
  result: Awaited<ReturnType<typeof runDemo>>,
  options: DemoCliOptions,
  database: string,
): void {
  if (options.json) {
    printJson({
      generated: result.generated,
      imported: { sources: sourceTotals(result.imported), quarantine: result.imported.quarantine },
      cleaned: result.cleaned,
      report: result.report,
    });
    return;
  }
  printLines([
    result.generated
      ? generateSummaryLines(result.generated).join('\n')
      : `Reusing the demo dataset in ${options.dataDir} (same seed, customers and months)`,
    '',
    `Imported into ${database}:`,
    ...importSummaryLines(result.imported, sourceTotals(result.imported)),
    '',
    ...cleaningReportLines(result.cleaned),
    '',
    ...(result.report ? tieringReportLines(result.report) : []),
    ...(options.serve
      ? []
      : [
          '',
          'Next: `npx stratum explain <customer-id>` for why a customer is in its tier; `npx stratum report` for this report; `npm start` for the dashboard.',
        ]),
  ]);
}

/**
 * The end of `npm start`: the demo users (one per role), the server with the dashboard, and how to sign in; it runs
 * until Ctrl-C (SIGINT) or SIGTERM, then stops the server and lets the database close.
 */
async function serveDemo(
  engine: Engine,
  options: DemoCliOptions,
  config: ReturnType<typeof loadConfig>,
): Promise<void> {
  const demo = await ensureDemoUsers(engine, config.demoPassword, new Date());
  const stream = await openServerStream(z.object(StreamOptionShape).parse({}));
  const server = await startServer({
    engine,
    timeZone: config.timeZone,
    host: options.host,
    port: options.port,
    adminPassword: config.adminPassword,
    bus: stream.bus,
    services: stream.services,
  }).catch(async (error: unknown) => {
    await stream.close();
    if ((error as { code?: unknown }).code === 'EADDRINUSE')
      throw stratumError(
        'CONFLICT',
        `port ${options.port} is in use (is stratum already running?): stop it, or choose another with --port`,
        { what: 'port' },
      );
    throw error;
  });
  const lines = [
    '',
    `Dashboard: ${server.url}/   (API docs: ${server.url}/api/docs)`,
    stream.description,
    ...signInLines(demo, config),
  ];
  if (server.createdAdmin)
    lines.push(
      `Created the first admin: username "${server.createdAdmin.username}", password ${config.adminPassword ? '$STRATUM_ADMIN_PASSWORD' : `"${server.createdAdmin.password}" (shown once)`}.`,
    );
  if (!['127.0.0.1', 'localhost', '::1'].includes(options.host) && demo.users.length > 0)
    lines.push(`Warning: listening on ${options.host} with demo users whose password is documented.`);
  printLines([...lines, 'Press Ctrl-C to stop the server.']);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write('\nStopping the server…\n');
  await server.close();
  await stream.close();
}

function signInLines(demo: DemoUsers, config: ReturnType<typeof loadConfig>): string[] {
  if (demo.users.length === 0)
    return [
      'Sign in with the users of this database (`npx stratum users list` while the server is stopped).',
    ];
  const password = !demo.passwordWorks
    ? 'the demo password they were created with (not the one in $STRATUM_DEMO_PASSWORD now)'
    : config.demoPassword === DEFAULT_DEMO_PASSWORD
      ? `"${DEFAULT_DEMO_PASSWORD}"`
      : '$STRATUM_DEMO_PASSWORD';
  return [
    `${demo.created ? 'Created demo users' : 'Demo users'}, one per role, password ${password}:`,
    ...demo.users.map((u) =>
      `  ${u.username.padEnd(13)} ${u.role.padEnd(8)}${u.team ? ` team ${u.team}` : ''}${u.repId ? ` rep ${u.repId}` : ''}`.trimEnd(),
    ),
    'Demo users are for a local demo: disable them (`npx stratum users disable demo-admin` …) before serving anyone else.',
  ];
}
