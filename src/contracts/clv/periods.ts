import { z } from 'zod';

/** The time unit of x, t_x and T: days or weeks (lifetimes' `freq` D and W). */
export const PeriodSchema = z.enum(['D', 'W']);
export type Period = z.infer<typeof PeriodSchema>;

export const PERIOD_DAYS: Readonly<Record<Period, number>> = { D: 1, W: 7 };
