import type { SatisfactionDriver, SurveyTruth } from '../../contracts/truth.js';
import { annualSpendCents, type Account } from './account.js';
import { Rng, STREAM } from './prng.js';
import { T, type RowBuffer } from './row-buffer.js';
import type { World } from './world.js';

/**
 * How satisfied a customer is when answering a survey, on the NPS scale (0–10) before rounding: a base, better
 * service for larger accounts (the ones that get Platinum and Gold service: a dedicated manager, priority delivery),
 * worse in remote districts (late and short deliveries), and worse after complaints of the last 90 days; plus the
 * customer's own leaning and the noise of one answer. Written to truth.json with the detractors it produced.
 */
export const SATISFACTION = {
  base: 8.4,
  /** Per standard deviation of the account's log expected spend (clipped to ±2). */
  perValueSd: 0.8,
  /** Times the district's remoteness (0 = city centre … 1 = outskirts). */
  remoteness: -2.2,
  /** Per complaint filed in the 90 days before the answer, counting at most 3. */
  perRecentComplaint: -1.4,
  recentComplaintDays: 90,
  customerSd: 1,
  answerSd: 1.1,
} as const;

/** Share of customers with orders who answer surveys at all, and their answers per year of activity. */
const RESPONDENT_SHARE = 0.55;
const ANSWERS_PER_YEAR = 2.5;
/** Share of answers that are NPS (the rest CSAT, 1–5). */
const NPS_SHARE = 0.7;
/** Median expected spend of an account (about ¥18,000 a year) and the spread of its logarithm. */
const TYPICAL_SPEND_CENTS = 1_800_000;
const LOG_SPEND_SD = 1.2;

const CHANNELS = ['app', 'mini_program', 'wechat', 'phone', 'sms', 'visit'] as const;
const CHANNEL_WEIGHTS = [25, 15, 25, 15, 10, 10];
/** Channels through which the account manager asks, so the answer names them. */
const REP_CHANNELS: ReadonlySet<string> = new Set(['phone', 'visit']);
const COMMENT_SHARE = 0.45;

/** Short comments by how the answer reads: unhappy, lukewarm, happy; after a complaint an unhappy one may say so. */
const COMMENTS = {
  unhappy: [
    '送货太慢',
    '经常缺货',
    '价格偏高',
    '客服响应慢',
    '发票经常出错',
    '蔬菜不新鲜',
    '配送时间不准',
    '少货漏货',
  ],
  complaint: ['上次投诉处理太慢', '投诉后没人跟进', '同样的问题反复出现'],
  lukewarm: ['总体还行', '希望品类更多一些', '价格可以再优惠点', '配送还可以更准时', '一般'],
  happy: ['送货准时', '质量稳定', '客户经理很负责', '服务很好，会推荐给同行', '下单方便', '售后及时'],
} as const;

interface Answer {
  readonly day: number;
  readonly second: number;
  readonly recentComplaints: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Survey responses of one (real) account, from its own stream so that no other table changes: a share of the
 * customers with orders answer a few times a year, a few days after a delivery. Returns the truth of its latest
 * NPS answer when that answer is a detractor's (0–6), else null.
 */
export function writeSurveys(
  world: World,
  a: Account,
  complaintDays: readonly number[],
  ownerRepId: string,
  out: RowBuffer,
): SurveyTruth | null {
  const days = a.orderDays;
  const first = days[0];
  const last = days[days.length - 1];
  if (first === undefined || last === undefined) return null;
  const rng = new Rng(world.seed[0], world.seed[1], STREAM.surveys, a.identity.index);
  if (!rng.chance(RESPONDENT_SHARE)) return null;
  const activeYears = (Math.min(world.endDay, last + 30) - Math.max(world.startDay, first) + 1) / 365;
  const count = Math.max(1, rng.poisson(ANSWERS_PER_YEAR * activeYears));
  const answers: Answer[] = [];
  for (let k = 0; k < count; k++) {
    const day = Math.min(world.endDay, rng.pick(days) + rng.int(1, 7));
    const recent = complaintDays.filter((c) => c <= day && c > day - SATISFACTION.recentComplaintDays).length;
    answers.push({ day, second: rng.int(9 * 3600, 21 * 3600), recentComplaints: recent });
  }
  answers.sort((x, y) => x.day - y.day || x.second - y.second);

  const valueSd = clamp(Math.log(annualSpendCents(a.behaviour) / TYPICAL_SPEND_CENTS) / LOG_SPEND_SD, -2, 2);
  const remoteness = a.identity.region.district.remoteness;
  const leaning = SATISFACTION.customerSd * rng.normal();
  let latest: { answer: Answer; score: number } | null = null;
  for (const [i, answer] of answers.entries()) {
    const mood =
      SATISFACTION.base +
      SATISFACTION.perValueSd * valueSd +
      SATISFACTION.remoteness * remoteness +
      SATISFACTION.perRecentComplaint * Math.min(answer.recentComplaints, 3) +
      leaning +
      SATISFACTION.answerSd * rng.normal();
    const nps = rng.chance(NPS_SHARE);
    const score = nps ? clamp(Math.round(mood), 0, 10) : clamp(Math.round(1 + 0.4 * mood), 1, 5);
    if (nps) latest = { answer, score };
    const channel = CHANNELS[rng.weighted(CHANNEL_WEIGHTS)] ?? 'app';
    const reading = nps ? (score <= 6 ? 0 : score <= 8 ? 1 : 2) : score <= 2 ? 0 : score <= 4 ? 1 : 2;
    const comment = rng.chance(COMMENT_SHARE) ? drawComment(rng, reading, answer) : '';
    out
      .row(T.surveyResponses)
      .ascii('SV')
      .ascii(a.number)
      .ascii('-')
      .int(i + 1, 2)
      .comma()
      .ascii(a.identity.id)
      .comma()
      .timestamp(world.days.bytes(answer.day), answer.second)
      .comma()
      .ascii(channel)
      .comma()
      .ascii(nps ? 'nps' : 'csat')
      .comma()
      .int(score)
      .comma()
      .text(comment)
      .comma()
      .ascii(REP_CHANNELS.has(channel) ? ownerRepId : '')
      .end();
  }
  if (!latest || latest.score > 6) return null;
  const drivers: SatisfactionDriver[] = [];
  if (latest.answer.recentComplaints > 0) drivers.push('complaints');
  if (remoteness >= 0.5) drivers.push('remote_district');
  if (valueSd <= -0.5) drivers.push('small_account');
  return {
    customerId: a.identity.id,
    respondedOn: world.days.date(latest.answer.day),
    score: latest.score,
    drivers: drivers.length > 0 ? drivers : ['chance'],
  };
}

/** A comment matching how the answer reads: 0 unhappy (NPS 0–6, CSAT 1–2), 1 lukewarm, 2 happy (NPS 9–10, CSAT 5). */
function drawComment(rng: Rng, reading: 0 | 1 | 2, answer: Answer): string {
  if (reading === 0)
    return rng.pick(answer.recentComplaints > 0 && rng.chance(0.5) ? COMMENTS.complaint : COMMENTS.unhappy);
  return rng.pick(reading === 1 ? COMMENTS.lukewarm : COMMENTS.happy);
}
