import type { Command } from 'commander';
import { registerAllocateCommand } from './allocate.js';
import { registerConfigCommand } from './config.js';
import { registerCopyCommand } from './copy.js';
import { registerMigrateCommand } from './migrate.js';
import { registerScheduleCommand } from './schedule.js';
import { registerAuditCommand } from './audit.js';
import { registerBackfillCommand } from './backfill.js';
import { registerCleanCommand } from './clean.js';
import { registerDemoCommand } from './demo.js';
import { registerGenerateCommand } from './generate.js';
import { registerKeysCommand } from './keys.js';
import { registerExplainCommand } from './explain.js';
import { registerExportCommand } from './export.js';
import { registerImportCommand } from './import.js';
import { registerOverrideCommand } from './override.js';
import { registerReportCommand } from './report.js';
import { registerRunCommand } from './run.js';
import { registerServeCommand } from './serve.js';
import { registerUsersCommand } from './users.js';
import { registerVisitsCommand } from './visits.js';
import { registerWhatIfCommand } from './whatif.js';
import { registerWorkerCommand } from './worker.js';

/** Every command registers itself here, one file per command. */
export function registerCommands(program: Command): void {
  registerGenerateCommand(program);
  registerImportCommand(program);
  registerCleanCommand(program);
  registerDemoCommand(program);
  registerRunCommand(program);
  registerBackfillCommand(program);
  registerReportCommand(program);
  registerExportCommand(program);
  registerExplainCommand(program);
  registerWhatIfCommand(program);
  registerOverrideCommand(program);
  registerAllocateCommand(program);
  registerVisitsCommand(program);
  registerServeCommand(program);
  registerWorkerCommand(program);
  registerUsersCommand(program);
  registerKeysCommand(program);
  registerAuditCommand(program);
  registerScheduleCommand(program);
  registerConfigCommand(program);
  registerMigrateCommand(program);
  registerCopyCommand(program);
}
