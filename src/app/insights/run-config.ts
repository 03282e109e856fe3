import { z } from 'zod';
import { TieringConfigSchema, type TieringConfig } from '../../contracts/tiering/config.js';
import type { Engine } from '../../engines/engine.js';
import { runInfoSql } from '../../sql/tiering/report.js';

const Windows = z.object({
  windows: z.object({ longDays: z.number().int().positive(), shortDays: z.number().int().positive() }),
});

/** The configuration a run was made with (null when the stored text no longer parses). */
export async function runConfig(engine: Engine, runId: string): Promise<TieringConfig | null> {
  const [info] = await engine.read(runInfoSql(engine.dialect, runId));
  if (!info) return null;
  const parsed = TieringConfigSchema.safeParse(JSON.parse(String(info.config)));
  return parsed.success ? parsed.data : null;
}

/** The long window of a run in days (365 when its configuration cannot be read). */
export async function runLongDays(engine: Engine, runId: string): Promise<number> {
  const [info] = await engine.read(runInfoSql(engine.dialect, runId));
  const parsed = info ? Windows.safeParse(JSON.parse(String(info.config))) : null;
  return parsed?.success ? parsed.data.windows.longDays : 365;
}
