import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDataset, type GenerateOptions } from './generate-dataset.js';

const dirs: string[] = [];

async function digest(options: Omit<GenerateOptions, 'out'>): Promise<Record<string, string>> {
  const out = await mkdtemp(join(tmpdir(), 'stratum-determinism-'));
  dirs.push(out);
  await generateDataset({ ...options, out });
  const files = (await readdir(out)).sort();
  const hashes: Record<string, string> = {};
  for (const f of files)
    hashes[f] = createHash('sha256')
      .update(await readFile(join(out, f)))
      .digest('hex');
  return hashes;
}

afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

describe('generateDataset determinism', () => {
  const base = { customers: 1200, seed: 5, months: 6, end: '2025-03-31' };

  it('writes the same bytes for the same options, however the work is sharded', async () => {
    const inProcess = await digest({ ...base, workers: 0 });
    const twoWorkers = await digest({ ...base, workers: 2 });
    expect(Object.keys(inProcess)).toHaveLength(14); // 13 source tables and truth.json
    expect(twoWorkers).toEqual(inProcess);
  });

  it('writes different bytes for a different seed or end', async () => {
    const a = await digest({ ...base, workers: 0 });
    const otherSeed = await digest({ ...base, seed: 6, workers: 0 });
    const otherEnd = await digest({ ...base, end: '2025-04-30', workers: 0 });
    expect(otherSeed['orders.csv']).not.toBe(a['orders.csv']);
    expect(otherSeed['customers.csv']).not.toBe(a['customers.csv']);
    expect(otherSeed['customer_owners.csv']).not.toBe(a['customer_owners.csv']);
    expect(otherSeed['reps.csv']).not.toBe(a['reps.csv']);
    expect(otherEnd['orders.csv']).not.toBe(a['orders.csv']);
  });
});
