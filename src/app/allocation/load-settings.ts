import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import {
  AllocationSettingsSchema,
  type AllocationSettings,
  type AllocationSettingsInput,
} from '../../contracts/allocation/settings.js';
import { stratumError } from '../../contracts/errors.js';

const issueText = (error: z.ZodError) =>
  error.issues.map((i) => (i.path.length === 0 ? i.message : `${i.path.join('.')}: ${i.message}`));

/**
 * Allocation settings: the defaults, then a YAML (or JSON) file if given, then `overrides` (CLI flags, API
 * fields). Errors name the file and the key path (CONFIG_INVALID), or the unreadable file (FILE_UNREADABLE).
 */
export async function loadAllocationSettings(
  file: string | undefined,
  overrides: Partial<AllocationSettingsInput> = {},
): Promise<AllocationSettings> {
  let fromFile: unknown = {};
  const source = file ?? 'allocation settings';
  if (file !== undefined) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      throw stratumError('FILE_UNREADABLE', `${file}: ${(e as Error).message}`, { file });
    }
    const doc = parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) {
      const issues = doc.errors.map((e) => e.message.split('\n')[0] ?? e.message);
      throw stratumError('CONFIG_INVALID', `${file}: ${issues.join('; ')}`, { file, issues });
    }
    fromFile = doc.toJS() ?? {};
  }
  const merged =
    typeof fromFile === 'object' && fromFile !== null && !Array.isArray(fromFile)
      ? { ...fromFile, ...definedOnly(overrides) }
      : fromFile;
  const parsed = AllocationSettingsSchema.safeParse(merged);
  if (!parsed.success) {
    const issues = issueText(parsed.error);
    throw stratumError('CONFIG_INVALID', `${source}: ${issues.join('; ')}`, { file: source, issues });
  }
  return parsed.data;
}

const definedOnly = (o: object) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
