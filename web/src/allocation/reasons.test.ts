import { describe, expect, it } from 'vitest';
import { UNASSIGNED_REASONS } from '../../../src/domain/allocation/problem';
import { UNASSIGNED_REASON_LABELS } from './reasons';

describe('unassigned reasons', () => {
  it('has words for every reason the optimiser gives, and no others', () => {
    expect(Object.keys(UNASSIGNED_REASON_LABELS).sort()).toEqual([...UNASSIGNED_REASONS].sort());
  });
});
