import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDataset, type GenerateResult } from './generate-dataset.js';

type Row = Record<string, string>;

let dir: string;
let result: GenerateResult;
const read = async (name: string) =>
  parse(await readFile(join(dir, `${name}.csv`), 'utf8'), { columns: true }) as Row[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stratum-generate-cities-'));
  result = await generateDataset({
    customers: 3000,
    seed: 13,
    months: 3,
    end: '2025-06-30',
    out: dir,
    workers: 0,
    cities: ['上海', '成都'],
    customersPerRep: 100,
  });
});

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('generateDataset with --cities and --customers-per-rep', () => {
  it('generates customers and reps in the chosen cities only, one rep per ~100 customers', async () => {
    expect(result.spec).toMatchObject({ cities: ['上海', '成都'], customersPerRep: 100 });
    const customers = await read('customers');
    const reps = await read('reps');
    expect(customers).toHaveLength(3000);
    expect(new Set(customers.map((c) => c.city))).toEqual(new Set(['上海', '成都']));
    expect(new Set(reps.map((r) => r.city))).toEqual(new Set(['上海', '成都']));
    expect(reps.length).toBeGreaterThanOrEqual(28);
    expect(reps.length).toBeLessThanOrEqual(31);
    expect(result.files.find((f) => f.table === 'reps')?.rows).toBe(reps.length);
  });

  it('keeps every owner a rep of reps.csv in the customer’s city', async () => {
    const reps = new Map((await read('reps')).map((r) => [r.rep_id, r]));
    const cityOf = new Map((await read('customers')).map((c) => [c.customer_id, c.city]));
    const owners = await read('customer_owners');
    expect(owners.filter((o) => reps.get(o.rep_id ?? '')?.city !== cityOf.get(o.customer_id ?? ''))).toEqual(
      [],
    );
  });
});
