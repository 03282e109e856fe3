import { TIER_NAMES } from '../../contracts/tiering/tiers.js';
import type { ReportStrings } from './report-strings.js';

/** "（较上期 +2）", or nothing when there is no previous period. */
const vs = (change: string | null) => (change === null ? '' : `（较上期 ${change}）`);

const ACTIONS = {
  shorten_terms: '缩短账期',
  raise_deposit: '提高保证金',
  cap_credit: '限制信用额度',
  coupon: '发放优惠券',
  visit_task: '安排拜访',
  tier_up: '升级通知',
  tier_down: '降级通知',
  terms_changed: '账期变更通知',
} as const;

const STATUSES = { open: '待处理', done: '已完成', dismissed: '已忽略' } as const;

const METRICS = {
  gmv: 'GMV（净采购额）',
  margin: '毛利',
  orders_per_month: '月均订单数',
  repurchase: '复购率',
  churned: '流失率',
  overdue_rate: '逾期率',
} as const;

const UNITS = { customer: '客户', rep: '客户经理', district: '区县' } as const;

export const reportStringsZh: ReportStrings = {
  tier: (tier) => TIER_NAMES[tier].zh,
  excluded: '未分级（不活跃）',
  keys: { new: '新增', gone: '流出', excluded: '未分级' },
  action: (action) => ACTIONS[action],
  status: (status) => STATUSES[status],
  metric: (metric) => METRICS[metric],
  unit: (unit) => UNITS[unit],
  none: '—',
  total: '合计',
  tierColumn: '等级',
  listSeparator: '、',
  sentenceSeparator: '',
  points: (value) => `${value} 个百分点`,

  title: (period, label) => `客户分级${period === 'week' ? '周报' : '月报'} ${label}`,
  coverage: (v) => `报告期 ${v.start} 至 ${v.end}；数据来自截至 ${v.asOf} 的分级运行 ${v.run}。`,
  comparedWith: (v) =>
    v === null
      ? '上期没有分级运行，本期不做对比。'
      : `对比上期（${v.label}）：截至 ${v.asOf} 的运行 ${v.run}。`,
  generated: (at, timeZone) => `生成于 ${at}（${timeZone}）· stratum`,
  previousPeriod: '上期',
  change: '变化',

  summary: {
    heading: '一、概览',
    text: (v) =>
      `本期已分级客户 ${v.customers} 家${vs(v.customersChange)}，近一年净采购额 ${v.revenue}${vs(v.revenueChange)}，毛利 ${v.margin}。` +
      (v.tierChanges === null ? '' : `等级变动 ${v.tierChanges} 家（升级 ${v.up} 家，降级 ${v.down} 家）。`) +
      `流失预警 ${v.churn} 家${vs(v.churnChange)}，高风险 ${v.highRisk} 家${vs(v.highRiskChange)}，逾期金额 ${v.overdue}${vs(v.overdueChange)}。`,
    chartTitle: '各期净采购额与毛利（已分级客户）',
    kpi: '指标',
    thisPeriod: '本期',
    customers: '已分级客户',
    revenue: '近一年净采购额',
    margin: '毛利',
    tierChanges: '等级变动客户',
    churnWarnings: '流失预警客户',
    highRisk: '高风险客户',
    overdue: '逾期金额',
  },

  tiers: {
    heading: '二、等级分布与迁移',
    text: (parts) => `${parts.map((p) => `${p.tier}客户 ${p.customers} 家${vs(p.change)}`).join('，')}。`,
    revenueText: (v) => `${v.tier}客户贡献了 ${v.share} 的净采购额${vs(v.change)}。`,
    shareChart: '各等级客户数占比与净采购额占比',
    customerShare: '客户占比',
    revenueShare: '净采购额占比',
    customers: '客户数',
    revenue: '净采购额',
    pointsChange: '占比变化（百分点）',
    migrationHeading: '等级迁移（上期 → 本期）',
    migrationText: (v) =>
      `与上期相比：等级不变 ${v.stayed} 家，升级 ${v.up} 家，降级 ${v.down} 家，新增 ${v.new} 家，流出 ${v.gone} 家，进出未分级 ${v.excluded} 家。`,
    noMigration: '上期没有分级运行，无法给出迁移矩阵。',
    migrationChart: '等级迁移桑基图',
    fromTo: '上期 \\ 本期',
    revenueNote: '净采购额为分级长窗口（默认近一年）内的订单减退款；占比按已分级客户计算。',
  },

  kpis: {
    heading: '三、各等级关键指标及趋势',
    text: (v) => `${v.tier}：净采购额 ${v.revenue}${vs(v.change)}，客单价 ${v.aov}。`,
    onePoint: '只有一期数据，趋势图待后续各期补齐。',
    revenue: '净采购额',
    ordersPerMonth: '月均订单数',
    aov: '客单价',
    margin: '毛利',
    period: '期间',
    note: '每期取该期最后一次分级运行；指标为各客户在分级长窗口内的值。',
  },

  churn: {
    heading: '四、流失预警与挽回',
    text: (v) =>
      `本期带流失预警标签的客户 ${v.tagged} 家${vs(v.change)}。近 ${v.periods} ${v.period === 'week' ? '周' : '个月'}新发出流失预警 ${v.warned} 家次，其中 ${v.orderedAgain} 家次在预警后再次下单` +
      (v.rate === null ? '。' : `（挽回率 ${v.rate}）。`),
    actionsText: (v) =>
      `本期运行触发的行动：待处理 ${v.open} 项，已完成 ${v.done} 项，已忽略 ${v.dismissed} 项。`,
    noActions: '本期运行没有触发任何行动。',
    chartTitle: '各期新发流失预警与预警后再次下单',
    warned: '新发预警',
    orderedAgain: '预警后再次下单',
    rate: '挽回率',
    action: '行动',
    actionsHeading: '本期触发的行动及处理状态',
    note: '新发预警：该期运行打上流失预警、而前一次运行没有的客户；再次下单：预警运行截至日之后到本期末有已完成订单。',
  },

  risk: {
    heading: '五、风险',
    text: (v) =>
      `高风险客户 ${v.highRisk} 家${vs(v.highRiskChange)}；有逾期账款的客户 ${v.overdueCustomers} 家，逾期金额 ${v.overdue}${vs(v.overdueChange)}；授信额度合计 ${v.creditLimit}；未结法律纠纷 ${v.disputes} 件，涉及 ${v.disputing} 家客户。`,
    chartTitle: '各等级逾期金额与高风险客户数',
    customers: '客户数',
    highRisk: '高风险',
    overdueCustomers: '逾期客户',
    overdueAmount: '逾期金额',
    creditLimit: '授信额度',
    disputes: '未结纠纷',
  },

  workload: {
    heading: '六、客户经理工作量',
    text: (v) =>
      `${v.reps} 位客户经理负责 ${v.customers} 家客户，每周工作量合计 ${v.workload} 小时，产能 ${v.capacity} 小时（利用率 ${v.utilization}）；超出产能的客户经理 ${v.over} 位；工作量基尼系数 ${v.gini}。`,
    overNames: (names) => `超出产能：${names}。`,
    caveat: (v) =>
      `另有 ${v.ineligible} 家客户的现任客户经理已不符合条件（区域或技能），未计入工作量；${v.unowned} 家客户没有客户经理。`,
    noReps: '尚未导入客户经理（reps），无法计算工作量。',
    chartTitle: (shown, all) => `每周工作量与产能（小时，利用率最高的 ${shown} 位，共 ${all} 位）`,
    rep: '客户经理',
    team: '团队',
    customers: '客户数',
    workload: '周工作量（小时）',
    capacity: '周产能（小时）',
    utilization: '利用率',
    tableTitle: (shown, all) => `利用率最高的 ${shown} 位客户经理（共 ${all} 位）`,
  },

  experiments: {
    heading: '七、实验',
    none: '本期没有可报告的实验结果。',
    title: (v) => `${v.name}（随机化单位：${v.unit}；${v.start} 至 ${v.end}）`,
    text: (v) =>
      `「${v.name}」中，${v.variant} 相对对照组的${v.metric}差异为 ${v.effect}（95% 置信区间 ${v.ciLow} 至 ${v.ciHigh}，p = ${v.p}${v.cuped ? '，已用 CUPED 校正' : ''}），${v.significant ? '统计上显著' : '统计上不显著'}；扣除政策成本后的净收益 ${v.roi}。`,
    srmWarning: (name, p) =>
      `注意：「${name}」的分组比例与设计不符（样本比例失衡检验 p = ${p}），结果需谨慎解读。`,
    chartTitle: '主要指标的效应及 95% 置信区间',
    variant: '变体',
    units: '单位数',
    effect: '效应',
    ci: '95% 置信区间',
    pValue: 'p 值',
    cuped: 'CUPED',
    cupedCell: (used, reduction) => (used ? `是（方差降低 ${reduction}）` : '否'),
    caveats: '注意事项',
    roi: '净收益（ROI）',
    srm: '样本比例失衡',
  },
  satisfaction: {
    heading: '八、客户满意度',
    text: (v) =>
      `本期共收到 ${v.customers} 家客户的 ${v.answers} 份问卷：NPS ${v.nps ?? '–'}${vs(v.npsChange)}，CSAT 平均 ${v.csat ?? '–'} 分。`,
    detractorsText: (v) => `贬损者标签客户 ${v.detractors} 家${vs(v.change)}。`,
    complaintsText: (v) => `投诉后 ${v.days} 天内的问卷 NPS 为 ${v.withNps}，其他问卷为 ${v.withoutNps}。`,
    noAnswers: '本期没有问卷回复。',
    chartTitle: '各等级 NPS：本期与上期',
    trendTitle: '各期 NPS',
    noTier: '未分级',
    nps: 'NPS',
    previousNps: '上期 NPS',
    answers: '问卷数',
    csat: 'CSAT 均分',
    note: 'NPS = NPS 问卷中推荐者（9–10 分）占比 − 贬损者（0–6 分）占比，取值 −100 至 100；CSAT 为 1–5 分。问卷按客户在作答当日或之前最近一次分级中的等级统计。贬损者为本期分级中带“贬损者”标签的客户。',
  },
};
