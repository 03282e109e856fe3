import { describe, expect, it } from 'vitest';
import { ownerBooks, utilizationOf } from './owner-books.js';
import { sampleProblem, testAssignment } from './test-problem.js';

describe('ownerBooks', () => {
  it('sums each rep’s book, empty books included', () => {
    const books = ownerBooks(sampleProblem(), testAssignment([0, 0, 0, -1, 0]));
    expect(books).toEqual([
      {
        repId: 'r0',
        name: 'Rep 0',
        team: 'T1',
        role: 'sales',
        workload: 11,
        capacity: 10,
        utilization: 1.1,
        value: 1800,
        valueServed: 1550,
        customers: 3,
        travelCost: 100,
      },
      {
        repId: 'r1',
        name: 'Rep 1',
        team: 'T2',
        role: 'service',
        workload: 6,
        capacity: 20,
        utilization: 0.3,
        value: 200,
        valueServed: 200,
        customers: 1,
        travelCost: 30,
      },
      {
        repId: 'r2',
        name: 'Rep 2',
        team: 'T1',
        role: 'key_account',
        workload: 0,
        capacity: 5,
        utilization: 0,
        value: 0,
        valueServed: 0,
        customers: 0,
        travelCost: 0,
      },
    ]);
  });

  it('follows the chosen candidate, not the first one', () => {
    const books = ownerBooks(sampleProblem(), testAssignment([1, -1, -1, -1, 1]));
    expect(books.map((b) => [b.repId, b.workload, b.value, b.customers])).toEqual([
      ['r0', 0, 0, 0],
      ['r1', 4, 1300, 2],
      ['r2', 0, 0, 0],
    ]);
  });

  it('rejects an assignment of the wrong length or with a candidate out of range', () => {
    expect(() => ownerBooks(sampleProblem(), testAssignment([0, 0, 0, -1]))).toThrow(/4 entries for 5/);
    expect(() => ownerBooks(sampleProblem(), testAssignment([0, 1, 0, -1, 0]))).toThrow(
      /c1: candidate 1 of 1/,
    );
    expect(() => ownerBooks(sampleProblem(), testAssignment([0, 0, 0, 0, 0]))).toThrow(
      /c3: candidate 0 of 0/,
    );
    expect(() => ownerBooks(sampleProblem(), testAssignment([-2, 0, 0, -1, 0]))).toThrow(RangeError);
  });
});

describe('utilizationOf', () => {
  it('divides by capacity; without capacity any work is infinite utilisation', () => {
    expect(utilizationOf(5, 20)).toBe(0.25);
    expect(utilizationOf(0, 0)).toBe(0);
    expect(utilizationOf(1, 0)).toBe(Infinity);
  });
});
