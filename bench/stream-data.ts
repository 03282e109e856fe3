import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BENCH_TZ } from './tiering-data.js';

const exec = promisify(execFile);

export const STREAM_BENCH_DIR = join('.bench-cache', 'stream');

/**
 * What `stratum demo --customers N` builds (generate, import, clean, 12 weekly runs), built once by the CLI (about
 * two minutes for 20,000 customers) and cached under .bench-cache/stream/. Benchmarks work on copies of it.
 */
export async function streamBenchDatabase(customers: number): Promise<string> {
  const path = join(STREAM_BENCH_DIR, `demo-${customers}.duckdb`);
  if (existsSync(path)) return path;
  await mkdir(STREAM_BENCH_DIR, { recursive: true });
  const partial = `${path}.partial`;
  await rm(partial, { force: true });
  await rm(`${partial}.wal`, { force: true });
  process.stderr.write(`building the demo database of ${customers} customers once (${path})…\n`);
  await exec(
    process.execPath,
    [
      'bin/stratum.js',
      'demo',
      '--customers',
      String(customers),
      '--db',
      partial,
      '--data-dir',
      join(STREAM_BENCH_DIR, `demo-${customers}`),
      '--json',
    ],
    { env: { ...process.env, STRATUM_TZ: BENCH_TZ }, maxBuffer: 64 * 1024 * 1024 },
  );
  await rename(partial, path);
  return path;
}
