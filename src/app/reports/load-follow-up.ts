import { z } from 'zod';
import { ActionKindSchema, ActionStatusSchema } from '../../contracts/insights/risk.js';
import type { Engine } from '../../engines/engine.js';
import { actionStatusCountsSql } from '../../sql/reports/action-status-sql.js';
import { winBackSql } from '../../sql/reports/win-back-sql.js';
import type { ActionStatusCount, WinBackPoint } from './report-data.js';
import type { ReportSpan } from './report-period.js';

const WinBackRowSchema = z.object({
  as_of: z.coerce.string(),
  warned: z.coerce.number(),
  ordered_again: z.coerce.number(),
});

const ActionRowSchema = z.object({
  action: ActionKindSchema,
  status: ActionStatusSchema,
  customers: z.coerce.number(),
});

/**
 * Per period of `spans`, the churn warnings its runs issued and how many of those customers ordered again by the
 * end of the last period (warnings of later periods have had less time to be answered).
 */
export async function loadWinBack(engine: Engine, spans: readonly ReportSpan[]): Promise<WinBackPoint[]> {
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (!first || !last) return [];
  const rows = (
    await engine.all(
      winBackSql(engine.dialect, { firstDay: first.start, lastDay: last.end, outcomeEnd: last.end }),
    )
  ).map((r) => WinBackRowSchema.parse(r));
  return spans.map((span) => {
    const inSpan = rows.filter((r) => r.as_of.slice(0, 10) >= span.start && r.as_of.slice(0, 10) <= span.end);
    return {
      span,
      warned: inSpan.reduce((s, r) => s + r.warned, 0),
      orderedAgain: inSpan.reduce((s, r) => s + r.ordered_again, 0),
    };
  });
}

/** The actions the period's runs triggered, per kind and follow-up status. */
export async function loadActionStatuses(engine: Engine, span: ReportSpan): Promise<ActionStatusCount[]> {
  return (await engine.all(actionStatusCountsSql(engine.dialect, span.start, span.end))).map((r) =>
    ActionRowSchema.parse(r),
  );
}
