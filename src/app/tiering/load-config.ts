import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TieringConfigSchema, type TieringConfig } from '../../contracts/tiering/config.js';
import { parseConfigText, readConfigFile } from '../config-files/parse-config-text.js';

const DEFAULT_FILE = join('config', 'tiering.default.yaml');

/** The default configuration shipped with the package: config/tiering.default.yaml above this file. */
export function defaultTieringConfigPath(): string {
  for (let dir = import.meta.dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, DEFAULT_FILE);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${DEFAULT_FILE} not found above ${import.meta.dirname}`);
  }
}

/** Parses configuration text (YAML or JSON) from `file`; errors name the file and the key path. */
export function parseTieringConfig(text: string, file: string): TieringConfig {
  return parseConfigText(TieringConfigSchema, text, file);
}

/**
 * Reads and validates a tiering configuration (YAML, so JSON too); without a path, the default. Throws
 * CONFIG_INVALID with every issue as `file: key.path: message`, FILE_UNREADABLE when it cannot be read.
 */
export async function loadTieringConfig(path?: string): Promise<TieringConfig> {
  return readConfigFile(TieringConfigSchema, path ?? defaultTieringConfigPath());
}
