import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { z } from 'zod';
import { SOURCE_TABLES, sourceTable } from '../../contracts/data-model/sources/index.js';
import { stratumError } from '../../contracts/errors.js';

const sourceNames = SOURCE_TABLES.map((t) => t.name) as [string, ...string[]];

/**
 * The `--mapping` file. `files` maps file names (or stems) in a `--dir` to sources; `sources.<name>.columns`
 * maps headers of that source's files to canonical columns, on top of the built-in names and aliases.
 */
export const ImportMappingSchema = z
  .object({
    files: z.record(z.string().min(1), z.enum(sourceNames)).default({}),
    sources: z
      .partialRecord(
        z.enum(sourceNames),
        z.object({ columns: z.record(z.string().min(1), z.string().min(1)).default({}) }).strict(),
      )
      .default({}),
  })
  .strict()
  .superRefine((mapping, ctx) => {
    for (const [source, entry] of Object.entries(mapping.sources)) {
      const table = sourceTable(source);
      for (const [header, column] of Object.entries(entry?.columns ?? {})) {
        if (table && !table.columns.some((c) => c.name === column))
          ctx.addIssue({
            code: 'custom',
            path: ['sources', source, 'columns', header],
            message: `${source} has no column "${column}" (columns: ${table.columns.map((c) => c.name).join(', ')})`,
          });
      }
    }
  });

export type ImportMapping = z.infer<typeof ImportMappingSchema>;

export const EMPTY_MAPPING: ImportMapping = { files: {}, sources: {} };

/** Reads and validates a mapping YAML file; problems are a CONFIG_INVALID error listing each issue. */
export async function loadMappingFile(path: string): Promise<ImportMapping> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw stratumError('FILE_UNREADABLE', `${path}: cannot be read (${(error as Error).message})`, {
      file: path,
    });
  }
  let data: unknown;
  try {
    data = parse(text) ?? {};
  } catch (error) {
    throw stratumError('CONFIG_INVALID', `${path}: not valid YAML (${(error as Error).message})`, {
      file: path,
      issues: [(error as Error).message],
    });
  }
  const parsed = ImportMappingSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw stratumError('CONFIG_INVALID', `${path}: invalid mapping: ${issues.join('; ')}`, {
      file: path,
      issues,
    });
  }
  return parsed.data;
}
