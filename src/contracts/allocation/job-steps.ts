/** The steps an allocation job reports, in English (the dashboard translates them). */
export const ALLOCATION_STEPS = {
  load: 'Loading customers and account managers',
  solve: (done: number, total: number) => `Solving ${done} of ${total} components`,
  apply: 'Applying the round',
} as const;
