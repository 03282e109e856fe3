import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { stratumError } from '../../contracts/errors.js';
import { TieringConfigSchema, type TieringConfig } from '../../contracts/tiering/config.js';

const DEFAULT_FILE = join('config', 'tiering.default.yaml');

/** The default configuration shipped with the package: config/tiering.default.yaml above this file. */
export function defaultTieringConfigPath(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, DEFAULT_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${DEFAULT_FILE} not found above ${import.meta.dirname}`);
  }
}

/** `tags[2].minGrowth`: a zod issue path as a reader would write it. */
function keyPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}

const issueLines = (error: z.ZodError): string[] =>
  error.issues.map((i) => (i.path.length === 0 ? i.message : `${keyPath(i.path)}: ${i.message}`));

/** Parses configuration text (YAML or JSON) from `file`; errors name the file and the key path. */
export function parseTieringConfig(text: string, file: string): TieringConfig {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const issues = doc.errors.map((e) => e.message.split('\n')[0] ?? e.message);
    throw stratumError('CONFIG_INVALID', `${file}: ${issues.join('; ')}`, { file, issues });
  }
  const parsed = TieringConfigSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    const issues = issueLines(parsed.error);
    throw stratumError('CONFIG_INVALID', `${file}: ${issues.join('; ')}`, { file, issues });
  }
  return parsed.data;
}

/**
 * Reads and validates a tiering configuration (YAML, so JSON too); without a path, the default. Throws
 * CONFIG_INVALID with every issue as `file: key.path: message`, FILE_UNREADABLE when it cannot be read.
 */
export async function loadTieringConfig(path?: string): Promise<TieringConfig> {
  const file = path ?? defaultTieringConfigPath();
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw stratumError('FILE_UNREADABLE', `${file}: ${(e as Error).message}`, { file });
  }
  return parseTieringConfig(text, file);
}
