import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { rowValidator } from '../../contracts/data-model/row-schema.js';
import { reps } from '../../contracts/data-model/sources/reps.js';
import { generateBatch } from './generate-batch.js';
import { generateReps } from './reps-row.js';
import { csvHeader, T } from './row-buffer.js';
import { buildWorld } from './world.js';

const spec = { customers: 5000, seed: 9, months: 6, end: '2025-06-30' };
const text = (chunks: readonly Uint8Array[] | undefined) => Buffer.concat(chunks ?? []).toString('utf8');

describe('reps.csv rows', () => {
  const world = buildWorld(spec);
  const output = generateReps(world);
  const csv = csvHeader(T.reps) + text(output.chunks[T.reps]);
  const rows = parse(csv, { columns: true }) as Record<string, string>[];

  it('writes one valid row per rep, lists separated by ";"', () => {
    expect(output.rows[T.reps]).toBe(world.salesForce.reps.length);
    expect(rows.map((r) => r.rep_id)).toEqual(world.salesForce.reps.map((r) => r.id));
    const validate = rowValidator(reps, { now: new Date('2025-07-01T00:00:00Z'), timeZone: 'Asia/Shanghai' });
    const bad = rows.map(validate).filter((r) => !r.ok);
    expect(bad).toEqual([]);
    const first = validate(rows[0]!);
    expect(first.ok && JSON.parse(first.row.districts ?? '[]')).toEqual(rows[0]!.districts!.split(';'));
    expect(
      rows
        .filter((r) => r.leave !== '')
        .every((r) => /^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/.test(r.leave!)),
    ).toBe(true);
  });

  it('names every rep that customer_owners points to, with the same name and team', () => {
    const byId = new Map(rows.map((r) => [r.rep_id, r]));
    const owners = text(generateBatch(world, 0, spec.customers).chunks[T.customerOwners])
      .trimEnd()
      .split('\n')
      .map((line) => line.split(','));
    expect(owners).toHaveLength(spec.customers);
    for (const [, repId, repName, team] of owners) {
      expect(byId.get(repId ?? '')?.name).toBe(repName);
      expect(byId.get(repId ?? '')?.team).toBe(team);
    }
  });

  it('writes the same bytes for the same spec', () => {
    expect(text(generateReps(buildWorld(spec)).chunks[T.reps])).toBe(text(output.chunks[T.reps]));
  });
});
