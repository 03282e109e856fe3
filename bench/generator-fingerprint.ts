import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const GENERATION_SOURCES = join('src', 'domain', 'generation');

/**
 * A short hash of the generator's source files (benches run from the project root): a cached generated database
 * named with it is rebuilt when the generator changes, instead of silently measuring the old data.
 */
export function generatorFingerprint(): string {
  const hash = createHash('sha256');
  for (const file of readdirSync(GENERATION_SOURCES)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort())
    hash.update(file).update(readFileSync(join(GENERATION_SOURCES, file)));
  return hash.digest('hex').slice(0, 12);
}
