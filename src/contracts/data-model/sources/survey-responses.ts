import { int, notFuture, oneOf, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

/** survey_responses.channel: how the survey reached the customer. */
export const SURVEY_CHANNELS = [
  'app',
  'mini_program',
  'wechat',
  'phone',
  'sms',
  'email',
  'visit',
  'other',
] as const;
/** survey_responses.kind: Net Promoter Score (0–10) or customer satisfaction (1–5). */
export const SURVEY_KINDS = ['nps', 'csat'] as const;
export type SurveyKind = (typeof SURVEY_KINDS)[number];
/** The score range of each kind, inclusive. */
export const SURVEY_SCORE_RANGES: Readonly<Record<SurveyKind, readonly [number, number]>> = {
  nps: [0, 10],
  csat: [1, 5],
};

export const surveyResponses: TableDef = {
  name: 'survey_responses',
  title: 'Survey responses',
  origin: 'Customer satisfaction surveys (问卷 / NPS tool, customer service callbacks)',
  description:
    'One answer of a customer to a satisfaction survey: a Net Promoter Score (0–10, “how likely are you to recommend us”) or a satisfaction score (CSAT, 1–5), with an optional comment, the channel it came through and the account manager it concerns.',
  primaryKey: ['response_id'],
  foreignKeys: [{ columns: ['customer_id'], table: 'customers', refColumns: ['customer_id'] }],
  onExistingKey: 'skip',
  fileAliases: ['surveys', 'survey', 'nps', 'csat', '满意度调查', '满意度', '问卷', '问卷调查', '客户满意度'],
  columns: [
    {
      name: 'response_id',
      type: text,
      required: true,
      description: 'Id of the response in the survey tool',
      aliases: ['问卷编号', '答卷编号', '回访编号', '编号'],
    },
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Customer who answered',
      aliases: ['客户编号', '客户ID', '客户id'],
    },
    {
      name: 'responded_at',
      type: timestamp,
      required: true,
      checks: [notFuture],
      description: 'When the customer answered',
      aliases: ['回复时间', '答卷时间', '提交时间', '调查时间', '回访时间'],
    },
    {
      name: 'channel',
      type: oneOf(SURVEY_CHANNELS, {
        小程序: 'mini_program',
        微信: 'wechat',
        公众号: 'wechat',
        企业微信: 'wechat',
        电话: 'phone',
        电话回访: 'phone',
        短信: 'sms',
        邮件: 'email',
        拜访: 'visit',
        上门: 'visit',
        其他: 'other',
      }),
      required: true,
      description:
        'app, mini_program, wechat, phone, sms, email, visit (asked by the account manager), other',
      aliases: ['渠道', '调查渠道', '回访方式'],
    },
    {
      name: 'kind',
      type: oneOf(SURVEY_KINDS, { 净推荐值: 'nps', 推荐度: 'nps', 满意度: 'csat', 满意度评分: 'csat' }),
      required: true,
      description: 'nps: score 0–10 (9–10 promoter, 7–8 passive, 0–6 detractor); csat: score 1–5',
      aliases: ['问卷类型', '类型', '调查类型'],
    },
    {
      name: 'score',
      type: int,
      required: true,
      unit: 'points',
      checks: [{ kind: 'rangeBy', column: 'kind', ranges: SURVEY_SCORE_RANGES }],
      description: 'The score given, on the scale of its kind',
      aliases: ['分数', '评分', '得分', '推荐分'],
    },
    {
      name: 'comment',
      type: text,
      required: false,
      description: 'Free-text comment',
      aliases: ['评论', '意见', '留言', '备注', '客户意见'],
    },
    {
      name: 'rep_id',
      type: text,
      required: false,
      description: 'Account manager the response concerns (as reps.rep_id), when the survey tool records one',
      aliases: ['客户经理编号', '业务员编号', '销售编号'],
    },
  ],
};
