/** How a week of visits is laid out. Every field has a default; callers override single fields. */
export interface VisitSettings {
  /** Minutes on site per visit. */
  readonly visitMinutes: number;
  /** Local wall-clock time (HH:MM, Asia/Shanghai) the working day starts. */
  readonly dayStart: string;
  /** Working minutes per day, from dayStart: travel, visits and calls must end within them. */
  readonly dayMinutes: number;
  /** Average driving speed in town, km/h. */
  readonly speedKmh: number;
  /** Road distance per straight-line distance. */
  readonly roadFactor: number;
  /** Working weekdays, ISO numbering: 1 = Monday … 7 = Sunday. */
  readonly workdays: readonly number[];
  /** Minutes per phone call to a phone-only customer. */
  readonly callMinutes: number;
  /** Travel minutes to or from a customer without coordinates. */
  readonly defaultTravelMinutes: number;
}

export const DEFAULT_VISIT_SETTINGS: VisitSettings = {
  visitMinutes: 45,
  dayStart: '09:30',
  dayMinutes: 480,
  speedKmh: 25,
  roadFactor: 1.3,
  workdays: [1, 2, 3, 4, 5],
  callMinutes: 10,
  defaultTravelMinutes: 20,
};

/** Minutes after midnight of an HH:MM clock time; throws when it is not one. */
export function clockMinutes(clock: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(clock);
  if (!m) throw new Error(`visit settings: dayStart must be HH:MM (00:00–23:59), not "${clock}"`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** The defaults overridden by `overrides`, checked; throws an Error naming the bad field. */
export function resolveVisitSettings(overrides: Partial<VisitSettings> = {}): VisitSettings {
  const s: VisitSettings = { ...DEFAULT_VISIT_SETTINGS, ...overrides };
  const positive = ['visitMinutes', 'dayMinutes', 'speedKmh', 'callMinutes'] as const;
  for (const key of positive)
    if (!Number.isFinite(s[key]) || s[key] <= 0)
      throw new Error(`visit settings: ${key} must be a positive number, not ${s[key]}`);
  if (!Number.isFinite(s.roadFactor) || s.roadFactor < 1)
    throw new Error(`visit settings: roadFactor must be at least 1, not ${s.roadFactor}`);
  if (!Number.isFinite(s.defaultTravelMinutes) || s.defaultTravelMinutes < 0)
    throw new Error(`visit settings: defaultTravelMinutes must be 0 or more, not ${s.defaultTravelMinutes}`);
  if (clockMinutes(s.dayStart) + s.dayMinutes > 24 * 60)
    throw new Error(
      `visit settings: a day from ${s.dayStart} for ${s.dayMinutes} minutes runs past midnight`,
    );
  for (const d of s.workdays)
    if (!Number.isInteger(d) || d < 1 || d > 7)
      throw new Error(`visit settings: workdays are 1 (Monday) to 7 (Sunday), not ${d}`);
  return s;
}
