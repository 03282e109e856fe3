import { rowCount, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const imports: TableDef = {
  name: 'imports',
  title: 'Import log',
  origin: 'stratum (written by `stratum import`)',
  description: 'One row per source file imported, with what happened to its rows.',
  primaryKey: ['import_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    {
      name: 'import_id',
      type: text,
      required: true,
      description: 'Id of this import of this file',
      aliases: [],
    },
    { name: 'source', type: text, required: true, description: 'Source table loaded', aliases: [] },
    { name: 'file', type: text, required: true, description: 'Path of the file as given', aliases: [] },
    {
      name: 'file_sha256',
      type: text,
      required: true,
      description: 'SHA-256 of the file content',
      aliases: [],
    },
    {
      name: 'format',
      type: text,
      required: true,
      description: 'csv, xlsx, parquet or jsonl, and the encoding for CSV',
      aliases: [],
    },
    {
      name: 'started_at',
      type: timestamp,
      required: true,
      description: 'When the import started',
      aliases: [],
    },
    {
      name: 'finished_at',
      type: timestamp,
      required: true,
      description: 'When the import committed',
      aliases: [],
    },
    rowCount('rows_read', 'Data rows read from the file'),
    rowCount('rows_loaded', 'Rows inserted as new records'),
    rowCount('rows_updated', 'Rows that updated an existing master-data record'),
    rowCount(
      'rows_duplicate',
      'Rows whose key was already loaded (or repeated in the file) and were skipped',
    ),
    rowCount('rows_quarantined', 'Rows rejected, each listed in quarantine'),
  ],
};
