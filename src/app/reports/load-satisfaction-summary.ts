import type { Engine } from '../../engines/engine.js';
import { loadSatisfaction } from '../satisfaction/load-satisfaction.js';
import type { SatisfactionSummary } from './report-data.js';
import type { ReportSpan } from './report-period.js';

/**
 * The report's satisfaction figures: by tier for the period (the last of `spans`) and the one before it, and the
 * overall figures of every span of the trend. Reports are for analysts and managers: no rep names are shown.
 */
export async function loadSatisfactionSummary(
  engine: Engine,
  spans: readonly ReportSpan[],
): Promise<SatisfactionSummary> {
  const of = (span: ReportSpan) => loadSatisfaction(engine, { by: 'tier', from: span.start, to: span.end });
  const trend = [];
  const periods = [];
  for (const span of spans) {
    const s = await of(span);
    periods.push(s);
    trend.push({ span, overall: s.overall });
  }
  const current = periods.at(-1);
  const previous = periods.at(-2);
  if (!current || !previous)
    throw new Error('the satisfaction summary needs the period and the one before it');
  return { current, previous, trend };
}
