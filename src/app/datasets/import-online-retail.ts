import { join } from 'node:path';
import type { Engine } from '../../engines/engine.js';
import { cleanDatabase } from '../clean/clean-database.js';
import { importFiles } from '../import/import-files.js';
import type { ImportResult } from '../import/import-types.js';
import {
  onlineRetailToImportFiles,
  ONLINE_RETAIL_TIME_ZONE,
  type OnlineRetailSummary,
} from './online-retail.js';

/**
 * Converts the Online Retail CSV into import files under `workDir`, imports them with the regular import (in
 * UK time) and cleans the database, as a user would. Open the engine in Europe/London too, so that features
 * and labels cut days where the invoices' own clock does.
 */
export async function importOnlineRetail(
  engine: Engine,
  input: string,
  workDir: string,
): Promise<{ summary: OnlineRetailSummary; imported: ImportResult }> {
  const dir = join(workDir, 'online-retail-import');
  const summary = await onlineRetailToImportFiles(input, dir);
  const imported = await importFiles(engine, {
    target: { kind: 'dir', dir },
    timeZone: ONLINE_RETAIL_TIME_ZONE,
  });
  await cleanDatabase(engine);
  return { summary, imported };
}
