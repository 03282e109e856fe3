import { afterAll, beforeAll, expect, it } from 'vitest';
import { demoDatabase } from '../../../test/support/demo-database.js';
import { describeEachEngine, TEST_TZ, type FreshEngine } from '../../../test/support/engines.js';
import type { ExperimentResultSummary } from '../../contracts/experiments/experiment-result.js';
import { addDays } from '../../contracts/time/iso-date.js';
import { backfillDates } from '../../domain/tiering/backfill-dates.js';
import { insertActionTaskSql } from '../../sql/insights/action-tasks-sql.js';
import { defaultEnd } from '../generate/generate-options.js';
import { buildMigration } from '../insights/migration.js';
import { backfillRuns } from '../tiering/backfill-runs.js';
import { buildReport } from '../tiering/build-report.js';
import { loadTieringConfig } from '../tiering/load-config.js';
import { generateReport } from './generate-report.js';
import { loadReportData } from './load-report-data.js';
import type { ReportData } from './report-data.js';
import { count, money, signedMoney } from './report-format.js';
import { analyzeExperiment } from '../experiments/analyze-experiment.js';
import { assignExperiment } from '../experiments/assign-experiment.js';
import { createExperiment } from '../experiments/experiments.js';

const WEEKS = 6;
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** A hand-built experiment result whose names would break the page if they were not escaped. */
const EXPERIMENT: ExperimentResultSummary = {
  experimentId: 'exp-1',
  name: '<img src=x onerror=alert(1)> 优惠券 & "拜访"',
  unit: 'customer',
  preStart: '2024-10-08',
  start: '2025-01-06',
  end: '2025-03-02',
  primaryMetric: 'gmv',
  control: { variant: 'control', units: 120, customers: 120 },
  comparisons: [
    {
      variant: '<b>coupon</b>',
      units: 118,
      customers: 118,
      effects: [
        {
          metric: 'gmv',
          control: 5000,
          treatment: 5321.5,
          estimate: 321.5,
          ciLow: 12.25,
          ciHigh: 630.75,
          pValue: 0.0412,
          cuped: true,
        },
      ],
      unadjusted: {
        metric: 'gmv',
        control: 5000,
        treatment: 5321.5,
        estimate: 321.5,
        ciLow: -80,
        ciHigh: 723,
        pValue: 0.12,
        cuped: false,
      },
      varianceReduction: 0.35,
      roi: { incrementalMargin: 7600, policyCost: 2400, net: 5200, ciLow: -300, ciHigh: 10700 },
    },
  ],
  srm: { chiSquare: 9.1, pValue: 0.0026, mismatch: true },
  caveats: ['<i>few clusters</i>'],
};

describeEachEngine('the periodic report', (kind) => {
  let db: FreshEngine;
  let data: ReportData;
  let zh: string;
  let runs: { runId: string; asOf: string }[];
  beforeAll(async () => {
    db = await demoDatabase(250, 4, 11, kind);
    const end = defaultEnd();
    runs = await backfillRuns(db.engine, {
      config: await loadTieringConfig(),
      dates: backfillDates(addDays(end, -7 * (WEEKS - 1)), end, 'week'),
    });
    // One action of the latest run marked done, as someone on the risk page would.
    const latest = runs.at(-1)!.runId;
    const acted = (
      await db.engine.all(
        `SELECT customer_id, actions FROM tier_snapshots WHERE run_id = '${latest}' ORDER BY customer_id`,
      )
    ).find((r) => Array.isArray(r.actions) && r.actions.length > 0);
    if (acted)
      await db.engine.run(
        insertActionTaskSql(db.engine.dialect, {
          runId: latest,
          customerId: String(acted.customer_id),
          action: String((acted.actions as unknown[])[0]),
          status: 'done',
          updatedBy: 'test',
          updatedAt: new Date().toISOString(),
          note: null,
        }),
      );
    data = await loadReportData(db.engine, { period: 'week' });
    zh = text((await generateReport(db.engine, { period: 'week', format: 'html', language: 'zh-CN' })).bytes);
  }, 300_000);
  afterAll(() => db.engine.close());

  it('covers the ISO week of the latest run against the week before, and names the file after it', async () => {
    const latest = runs.at(-1)!;
    const rendered = await generateReport(db.engine, {
      period: 'week',
      format: 'html',
      language: 'en',
      asOf: latest.asOf,
    });
    expect(data.current.runId).toBe(latest.runId);
    expect(data.previous?.runId).toBe(runs.at(-2)!.runId);
    expect(rendered.periodEnd >= latest.asOf && rendered.periodStart <= latest.asOf).toBe(true);
    expect(new Date(`${rendered.periodStart}T00:00:00Z`).getUTCDay()).toBe(1);
    expect(rendered.filename).toBe(`stratum-week-${data.span.label}.html`);
    expect(rendered.contentType).toBe('text/html; charset=utf-8');
    expect(data.trend.map((p) => p.run.runId)).toEqual(runs.map((r) => r.runId).slice(-data.trend.length));
    expect(data.trend.length).toBe(WEEKS);
  });

  it('shows satisfaction: the period’s answers by tier against the period before, and the run’s detractors', async () => {
    expect(zh).toContain('<section class="report-section" id="satisfaction">');
    const { current, previous, trend } = data.satisfaction;
    const answered = async (from: string, to: string) =>
      Number(
        (
          await db.engine.all(
            `SELECT count(*) AS n FROM survey_responses
             WHERE CAST(responded_at AS DATE) BETWEEN DATE '${from}' AND DATE '${to}'`,
          )
        )[0]?.n,
      );
    expect([current.by, current.from, current.to]).toEqual(['tier', data.span.start, data.span.end]);
    expect(current.overall.responses).toBe(await answered(data.span.start, data.span.end));
    expect(previous.overall.responses).toBe(await answered(data.previousSpan.start, data.previousSpan.end));
    expect(current.groups.reduce((n, g) => n + g.responses, 0)).toBe(current.overall.responses);
    expect(trend.map((p) => p.span.label).slice(-2)).toEqual([data.previousSpan.label, data.span.label]);
    expect(trend.at(-1)?.overall).toEqual(current.overall);
    expect(zh).toContain(`贬损者标签客户 ${data.current.tags.detractor} 家`);
  });

  it('shows every section, each with its text, chart and table, and numbers that agree with buildReport', async () => {
    for (const id of ['summary', 'tiers', 'kpis', 'churn', 'risk', 'workload', 'experiments'])
      expect(zh).toContain(`<section class="report-section" id="${id}">`);
    const sections = zh.split('<section class="report-section"').slice(1);
    for (const s of sections.slice(0, 6)) {
      expect(s).toContain('<p class="lead">');
      expect(s).toContain('<svg');
      expect(s).toContain('<table>');
    }
    const report = await buildReport(db.engine, data.current.runId);
    const before = await buildReport(db.engine, data.previous!.runId);
    const platinum = report.tiers.find((t) => t.tier === 'platinum')!.customers;
    const platinumBefore = before.tiers.find((t) => t.tier === 'platinum')!.customers;
    const delta = platinum - platinumBefore;
    expect(zh).toContain(`铂金客户 ${count(platinum)} 家（较上期 ${delta > 0 ? '+' : ''}${delta}）`);
    const migration = await buildMigration(db.engine, { from: before.runId, to: report.runId });
    expect(migration.totals.customers).toBe(report.customers + migration.totals.gone);
    const totalRow = /<tr class="total">\s*<th scope="row">合计<\/th>((?:<td>[\d,]+<\/td>)+)\s*<\/tr>/;
    const migrationTotals = zh.slice(zh.indexOf('<h3>等级迁移')).match(totalRow)?.[1];
    expect(migrationTotals?.endsWith(`<td>${count(migration.totals.customers)}</td>`)).toBe(true);
    expect(zh).toContain(`升级 ${count(migration.totals.up)} 家`);
    expect(zh).toContain(`流失预警 ${count(report.tags.churn_warning)} 家`);
    expect(zh).toContain(`高风险客户 ${count(report.tags.high_risk)} 家`);
  });

  it('sums overdue exposure, credit and disputes in the engine as the snapshot holds them', async () => {
    const [row] = await db.engine.all(
      `SELECT sum(CAST(overdue_amount AS DECIMAL(18,2))) AS overdue, sum(CASE WHEN days_past_due > 0 THEN 1 ELSE 0 END) AS late,
              sum(disputes_open) AS disputes
       FROM tier_snapshots WHERE run_id = '${data.current.runId}'`,
    );
    expect(data.risk.total.overdueAmount).toBeCloseTo(Number(row?.overdue ?? 0), 2);
    expect(data.risk.total.overdueCustomers).toBe(Number(row?.late ?? 0));
    expect(data.risk.total.disputesOpen).toBe(Number(row?.disputes ?? 0));
    expect(data.risk.total.customers).toBe(data.current.customers);
    expect(zh).toContain(`逾期金额 ${money(data.risk.total.overdueAmount)}`);
  });

  it('counts new churn warnings per week and those customers who ordered again after the warning', async () => {
    const tagged = async (runId: string) =>
      new Set(
        (
          await db.engine.all(
            `SELECT customer_id FROM tier_snapshots WHERE run_id = '${runId}' AND array_position(tags, 'churn_warning') IS NOT NULL`,
          )
        ).map((r) => String(r.customer_id)),
      );
    const now = await tagged(data.current.runId);
    const before = await tagged(data.previous!.runId);
    const fresh = [...now].filter((c) => !before.has(c));
    const week = data.winBack.at(-1)!;
    expect(week.span.label).toBe(data.span.label);
    expect(week.warned).toBe(fresh.length);
    const again = fresh.length
      ? await db.engine.all(
          `SELECT DISTINCT customer_id FROM orders_clean WHERE status = 'completed'
             AND CAST(ordered_at AS DATE) > DATE '${data.current.asOf}' AND CAST(ordered_at AS DATE) <= DATE '${data.span.end}'
             AND customer_id IN (${fresh.map((c) => `'${c}'`).join(', ')})`,
        )
      : [];
    expect(week.orderedAgain).toBe(again.length);
    for (const p of data.winBack) expect(p.orderedAgain).toBeLessThanOrEqual(p.warned);
    expect(data.winBack.slice(1).some((p) => p.warned > 0)).toBe(true);
  });

  it('counts the actions of the week by status, a marked one as done and the rest as open', async () => {
    const [triggered] = await db.engine.all(
      `SELECT count(*) AS n FROM (SELECT unnest(actions) AS a FROM tier_snapshots WHERE run_id = '${data.current.runId}') t`,
    );
    const total = data.actions.reduce((s, a) => s + a.customers, 0);
    expect(total).toBe(Number(triggered?.n));
    const done = data.actions.filter((a) => a.status === 'done').reduce((s, a) => s + a.customers, 0);
    expect(done).toBe(total > 0 ? 1 : 0);
  });

  it('puts every account manager against capacity, with the customers they own', async () => {
    const [reps] = await db.engine.all(`SELECT count(*) AS n FROM reps`);
    expect(data.workload?.books.length).toBe(Number(reps?.n));
    const owned = data.workload!.books.reduce((s, b) => s + b.customers, 0);
    expect(owned + data.workload!.ineligibleOwned + data.workload!.unowned).toBe(data.current.customers);
    for (const b of data.workload!.books) expect(b.workload).toBeGreaterThanOrEqual(0);
  });

  it('writes a month report in English, and reports an experiment with its effect, interval, p-value and SRM, escaped', async () => {
    const rendered = await generateReport(
      db.engine,
      { period: 'month', format: 'html', language: 'en', asOf: data.current.asOf },
      { experiments: async () => [EXPERIMENT] },
    );
    const en = text(rendered.bytes);
    expect(rendered.periodStart).toBe(`${data.current.asOf.slice(0, 7)}-01`);
    expect(rendered.filename).toBe(`stratum-month-${data.current.asOf.slice(0, 7)}.html`);
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('1. Summary');
    const platinum = data.current.tiers.find((t) => t.tier === 'platinum')!.customers;
    expect(en).toContain(`Platinum: ${count(platinum)} customers`);
    expect(en).not.toContain('铂金');
    expect(en).not.toContain('<img src=x');
    expect(en).not.toContain('<b>coupon</b>');
    expect(en).toContain('&lt;img src=x onerror=alert(1)&gt; 优惠券 &amp; &quot;拜访&quot;');
    expect(en).toContain('+¥321.50');
    expect(en).toContain('[+¥12.25, +¥630.75]');
    expect(en).toContain('0.041');
    expect(en).toContain('CUPED-adjusted');
    expect(en).toContain('yes (variance −35.0%)');
    expect(en).toContain('&lt;i&gt;few clusters&lt;/i&gt;');
    expect(en).toContain('+¥5,200.00');
    expect(en).toContain('sample ratio mismatch, p = 0.003');
    expect(zh).toContain('本期没有可报告的实验结果。');
  });

  it('reports the experiments assigned in the database, with the analysis’s own figures', async () => {
    const start = addDays(runs.at(-3)!.asOf, 1);
    await createExperiment(
      db.engine,
      {
        name: '拜访加密',
        variants: [{ name: 'control' }, { name: 'weekly', extraVisitsPerMonth: 2 }],
        start,
      },
      'test',
      new Date(),
    );
    await assignExperiment(db.engine, '拜访加密', new Date());
    const asOf = runs.at(-1)!.asOf;
    const html = text(
      (await generateReport(db.engine, { period: 'week', format: 'html', language: 'zh-CN', asOf })).bytes,
    );
    const result = await analyzeExperiment(
      db.engine,
      '拜访加密',
      (await loadReportData(db.engine, { period: 'week', asOf })).span.end,
    );
    const gmv = result.comparisons[0]!.effects.find((e) => e.metric === 'gmv')!;
    expect(html).toContain('拜访加密');
    expect(html).toContain(signedMoney(gmv.estimate));
    expect(html).toContain(signedMoney(result.comparisons[0]!.roi.net));
  });

  it('refuses a period without a run', async () => {
    await expect(
      generateReport(db.engine, { period: 'week', format: 'html', language: 'zh-CN', asOf: '2001-01-01' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it.runIf(kind === 'duckdb')(
    'prints the report to an A4 PDF in headless Chromium',
    async () => {
      const steps: string[] = [];
      const pdf = await generateReport(
        db.engine,
        { period: 'week', format: 'pdf', language: 'zh-CN' },
        { timeZone: TEST_TZ, onProgress: (_done, _total, step) => steps.push(step) },
      );
      expect(pdf.contentType).toBe('application/pdf');
      expect(pdf.filename).toMatch(/^stratum-week-\d{4}-W\d{2}\.pdf$/);
      expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      const pages =
        Buffer.from(pdf.bytes)
          .toString('latin1')
          .match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(3);
      expect(pdf.bytes.length).toBeGreaterThan(50_000);
      expect(steps.at(-2)).toBe('Printing the PDF in Chromium');
    },
    120_000,
  );
});
