import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { stratumError } from '../../contracts/errors.js';

/** `tags[2].minGrowth`: a zod issue path as a reader would write it. */
function keyPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}

const issueLines = (error: z.ZodError): string[] =>
  error.issues.map((i) => (i.path.length === 0 ? i.message : `${keyPath(i.path)}: ${i.message}`));

/** Parses configuration text (YAML, so JSON too) from `file` with `schema`; errors name the file and key paths. */
export function parseConfigText<S extends z.ZodType>(schema: S, text: string, file: string): z.output<S> {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => e.message.split('\n')[0] ?? e.message);
    throw stratumError('CONFIG_INVALID', `${file}: ${issues.join('; ')}`, { file, issues });
  }
  const parsed = schema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issues = issueLines(parsed.error);
    throw stratumError('CONFIG_INVALID', `${file}: ${issues.join('; ')}`, { file, issues });
  }
  return parsed.data;
}

/** Reads a configuration file: CONFIG_INVALID as parseConfigText, FILE_UNREADABLE when it cannot be read. */
export async function readConfigFile<S extends z.ZodType>(schema: S, file: string): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw stratumError('FILE_UNREADABLE', `${file}: ${(e as Error).message}`, { file });
  }
  return parseConfigText(schema, text, file);
}
