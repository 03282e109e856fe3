import Papa from 'papaparse';
import { stratumError } from '../../contracts/errors.js';
import type { Engine } from '../../engines/engine.js';
import { assignmentRowsSql } from '../../sql/experiments/experiments-sql.js';
import { getExperiment } from './experiments.js';

/**
 * The assignment as the people and systems that deliver the treatment need it (CRM, ERP, the reps): one CSV row per
 * customer with its unit, stratum, variant and what the variant changes. UTF-8 with a BOM, as Excel expects.
 */
export async function assignmentCsv(
  engine: Engine,
  idOrName: string,
): Promise<{ filename: string; csv: string }> {
  const experiment = await getExperiment(engine, idOrName);
  if (experiment.assignedAt === null)
    throw stratumError('INVALID_ARGUMENT', `experiment ${experiment.name} is not assigned yet`, {
      field: 'experiment',
    });
  const variants = new Map(experiment.spec.variants.map((v) => [v.name, v]));
  const rows = (await engine.read(assignmentRowsSql(engine.dialect, experiment.experimentId))).map((r) => {
    const v = variants.get(String(r.variant));
    return {
      customer_id: String(r.customer_id),
      unit_id: String(r.unit_id),
      stratum: String(r.stratum),
      variant: String(r.variant),
      extra_rebate_pct: v?.extraRebatePct ?? 0,
      extra_visits_per_month: v?.extraVisitsPerMonth ?? 0,
    };
  });
  const csv = Papa.unparse(rows, {
    columns: ['customer_id', 'unit_id', 'stratum', 'variant', 'extra_rebate_pct', 'extra_visits_per_month'],
    newline: '\r\n',
  });
  return { filename: `experiment-${experiment.experimentId}-assignment.csv`, csv: `\uFEFF${csv}\r\n` };
}
