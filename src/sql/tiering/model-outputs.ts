import { PIPELINE_TABLES } from '../../contracts/tiering/pipeline-tables.js';
import type { Dialect } from '../dialects/dialect.js';

/** Feature columns that models compute outside SQL (a CLV fit, a saved churn model) and a run writes in. */
export const MODEL_OUTPUTS = ['predicted_margin', 'churn_probability'] as const;
export type ModelOutput = (typeof MODEL_OUTPUTS)[number];

/** The TEMP table a model output is loaded into (customer_id, value) before it fills tiering_features. */
export const outputTable = (column: ModelOutput): string => `tiering_${column}`;

export const createOutputSql = (d: Dialect, column: ModelOutput): string[] => [
  `DROP TABLE IF EXISTS ${d.quoteIdent(outputTable(column))}`,
  `CREATE TEMP TABLE ${d.quoteIdent(outputTable(column))} (customer_id VARCHAR PRIMARY KEY, value DOUBLE PRECISION)`,
];

/**
 * Sets the column of tiering_features from its loaded table: `otherwise` for customers the table does not list
 * (e.g. 0 predicted margin for a customer who never ordered; NULL probability outside the model's population).
 */
export function fillOutputSql(d: Dialect, column: ModelOutput, otherwise: number | null): string[] {
  const f = d.quoteIdent(PIPELINE_TABLES.features);
  const t = d.quoteIdent(outputTable(column));
  const c = d.quoteIdent(column);
  return [
    `UPDATE ${f} SET ${c} = ${otherwise === null ? 'NULL' : String(otherwise)}`,
    `UPDATE ${f} SET ${c} = t.value FROM ${t} t WHERE t.customer_id = ${f}.customer_id`,
    `DROP TABLE ${t}`,
  ];
}
