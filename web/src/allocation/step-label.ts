import { ALLOCATION_STEPS } from '../../../src/contracts/allocation/job-steps';
import type { MessageKey } from '../i18n/messages';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The fixed steps an allocation job reports (ALLOCATION_STEPS). */
const STEPS: Readonly<Record<string, MessageKey>> = {
  [ALLOCATION_STEPS.load]: 'allocation.step.load',
  [ALLOCATION_STEPS.apply]: 'allocation.step.apply',
};
const SOLVING = /^Solving (\d+) of (\d+) components$/;

/** An allocation job's step in the current language; an unknown step is shown as the server wrote it. */
export function allocationStepLabel(step: string | null, t: T): string {
  if (step === null) return t('runs.step.waiting');
  const known = STEPS[step];
  if (known) return t(known);
  const m = SOLVING.exec(step);
  if (m) return t('allocation.step.solve', { done: m[1]!, total: m[2]! });
  return step;
}
