import { formatIsoWeek, isoWeekOfDate } from '../../../src/contracts/time/iso-week';
import { isoDateIn } from '../../../src/contracts/time/zoned-time';

/** The product's zone: visit plans are made in it (the server's STRATUM_TZ defaults to it). */
export const PLAN_TIME_ZONE = 'Asia/Shanghai';

/** The ISO week (YYYY-Www) of an instant in `timeZone`: what the week picker starts on. */
export const currentWeek = (nowMs: number = Date.now(), timeZone: string = PLAN_TIME_ZONE): string =>
  formatIsoWeek(isoWeekOfDate(isoDateIn(timeZone, nowMs)));
