import { describe, expect, it } from 'vitest';
import type { OwnerSummary } from './types';
import { byUtilisation, workloadOption } from './workload-option';

const owner = (id: string, workload: number, capacity: number): OwnerSummary => ({
  id,
  name: `Rep ${id}`,
  team: 'T',
  role: 'sales',
  workload,
  capacity,
  utilization: capacity > 0 ? workload / capacity : 0,
  value: 0,
  customers: 1,
});

describe('the workload chart', () => {
  const owners = [owner('R1', 10, 40), owner('R2', 30, 40), owner('R3', 20, 25), owner('R4', 0, 0)];

  it('orders owners by utilisation, highest first', () => {
    expect(byUtilisation(owners).map((o) => o.id)).toEqual(['R3', 'R2', 'R1', 'R4']);
  });

  it('draws workload and capacity bars with the highest utilisation on top', () => {
    const option = workloadOption(owners, { workload: 'Workload', capacity: 'Capacity' });
    const yAxis = option.yAxis as { data: string[] };
    expect(yAxis.data).toEqual(['Rep R4 R4', 'Rep R1 R1', 'Rep R2 R2', 'Rep R3 R3']);
    const [workload, capacity] = option.series as { name: string; data: unknown[] }[];
    expect(workload?.name).toBe('Workload');
    expect(workload?.data.map((d) => (d as { value: number }).value)).toEqual([0, 10, 30, 20]);
    expect(capacity?.data).toEqual([0, 40, 40, 25]);
  });
});
