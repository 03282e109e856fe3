import { addDays } from '../../contracts/time/iso-date.js';

/**
 * The as-of dates of a time-based split. Training as-of dates are testAsOf − windowDays − k × spacingDays
 * (k = 0 … trainingDates − 1, oldest first), so every training label window (A, A + windowDays] ends on or before
 * the test as-of date: nothing the test labels depend on is seen in training. The same dates train a model to
 * score as of `testAsOf`, whose own outcome is not known yet.
 */
export function churnSplit(
  testAsOf: string,
  windowDays: number,
  trainingDates: number,
  spacingDays: number,
): { trainAsOfs: string[]; testAsOf: string } {
  if (!Number.isInteger(trainingDates) || trainingDates < 1) throw new Error('trainingDates must be ≥ 1');
  const last = addDays(testAsOf, -windowDays);
  const trainAsOfs = Array.from({ length: trainingDates }, (_, k) =>
    addDays(last, -(trainingDates - 1 - k) * spacingDays),
  );
  return { trainAsOfs, testAsOf };
}
