import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { startServer } from '../../api/server.js';
import {
  DatabaseOptionShape,
  DB_OPTION_HELP,
  PG_OPTION_HELP,
  openDatabase,
} from '../shared/engine-option.js';
import { printLines } from '../shared/output.js';
import { runAction } from '../shared/run-action.js';
import { openServerStream } from '../shared/server-stream.js';
import { addStreamOptions, StreamOptionShape } from '../shared/stream-option.js';

const ServeSchema = z.object({
  ...DatabaseOptionShape,
  ...StreamOptionShape,
  port: z.coerce.number().int().min(0).max(65535).default(3000),
  host: z.string().min(1).default('127.0.0.1'),
  log: z.boolean().default(false),
});

export function registerServeCommand(program: Command): void {
  const command = program
    .command('serve')
    .description('Start the REST API (and dashboard) server; Ctrl-C stops it')
    .option('--db <path>', DB_OPTION_HELP)
    .option('--pg <url>', PG_OPTION_HELP)
    .option('--port <port>', 'port to listen on', '3000')
    .option('--host <host>', 'address to listen on (0.0.0.0 for every interface)', '127.0.0.1')
    .option('--log', 'log every request as JSON lines');
  addStreamOptions(command).action(
    runAction(async (raw: unknown) => {
      const o = ServeSchema.parse(raw);
      const config = loadConfig();
      const engine = await openDatabase(o);
      const stream = await openServerStream(o);
      const server = await startServer({
        engine,
        timeZone: config.timeZone,
        host: o.host,
        port: o.port,
        adminPassword: config.adminPassword,
        logger: o.log,
        bus: stream.bus,
        services: stream.services,
      });
      const lines = [
        `stratum listening on ${server.url}  (API docs: ${server.url}/api/docs)`,
        stream.description,
      ];
      if (server.createdAdmin)
        lines.push(
          `Created the first admin: username "${server.createdAdmin.username}", password ${config.adminPassword ? '$STRATUM_ADMIN_PASSWORD' : `"${server.createdAdmin.password}" (shown once)`}.`,
        );
      printLines(lines);
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await stream.close();
      await engine.close();
    }),
  );
}
