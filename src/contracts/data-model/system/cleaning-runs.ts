import { rowCount, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const cleaningRuns: TableDef = {
  name: 'cleaning_runs',
  title: 'Cleaning run log',
  origin: 'stratum (written by `stratum clean`, one row per run; kept across runs)',
  description:
    'One row per `stratum clean`: when it ran, what it found, and the full report. Only the latest run’s results are kept in the result tables.',
  primaryKey: ['run_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'run_id', type: text, required: true, description: 'Id of the run', aliases: [] },
    { name: 'started_at', type: timestamp, required: true, description: 'When the run started', aliases: [] },
    {
      name: 'finished_at',
      type: timestamp,
      required: true,
      description: 'When the run committed',
      aliases: [],
    },
    rowCount('customers', 'Customers read'),
    rowCount('names_normalised', 'Customers whose name changed under normalisation'),
    rowCount('duplicates_merged', 'Duplicate customer records merged into a survivor'),
    rowCount('orders_flagged', 'Orders flagged (all rules)'),
    rowCount('refunds_flagged', 'Refunds flagged (all rules)'),
    {
      name: 'report',
      type: text,
      required: true,
      description: 'The run’s report as JSON (shape in docs/cleaning.md)',
      aliases: [],
    },
  ],
};
