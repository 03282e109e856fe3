import { describe, expect, it } from 'vitest';
import { ALLOCATION_STEPS } from '../../../src/contracts/allocation/job-steps';
import { MESSAGES, type MessageKey } from '../i18n/messages';
import { allocationStepLabel } from './step-label';

const t = (key: MessageKey, vars: Record<string, string | number> = {}) =>
  Object.entries(vars).reduce<string>((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), MESSAGES.en[key]);

describe('allocationStepLabel', () => {
  it('translates every step the allocation job reports', () => {
    expect(allocationStepLabel(ALLOCATION_STEPS.load, t)).toBe('Loading customers and account managers');
    expect(allocationStepLabel(ALLOCATION_STEPS.solve(3, 8), t)).toBe('Solving: component 3 of 8');
    expect(allocationStepLabel(ALLOCATION_STEPS.apply, t)).toBe('Applying the plan');
    expect(allocationStepLabel(null, t)).toBe(MESSAGES.en['runs.step.waiting']);
  });

  it('shows a step it does not know as written', () => {
    expect(allocationStepLabel('Reticulating splines', t)).toBe('Reticulating splines');
  });
});
