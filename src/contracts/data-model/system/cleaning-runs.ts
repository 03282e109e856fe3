import { int, nonNegative, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

const count = (name: string, description: string) =>
  ({
    name,
    type: int,
    required: true,
    unit: 'rows',
    checks: [nonNegative],
    description,
    aliases: [],
  }) as const;

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
    count('customers', 'Customers read'),
    count('names_normalised', 'Customers whose name changed under normalisation'),
    count('duplicates_merged', 'Duplicate customer records merged into a survivor'),
    count('orders_flagged', 'Orders flagged (all rules)'),
    count('refunds_flagged', 'Refunds flagged (all rules)'),
    {
      name: 'report',
      type: text,
      required: true,
      description: 'The run’s report as JSON (shape in docs/cleaning.md)',
      aliases: [],
    },
  ],
};
