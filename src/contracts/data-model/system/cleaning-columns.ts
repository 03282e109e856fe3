import { text } from '../column.js';
import type { ColumnDef } from '../column.js';

/** Columns every cleaning result table carries. */
export const runIdColumn: ColumnDef = {
  name: 'run_id',
  type: text,
  required: true,
  description: 'Cleaning run that produced the row (see cleaning_runs)',
  aliases: [],
};

export const CLEANING_ORIGIN = 'stratum (written by `stratum clean`, replaced by every run)';
