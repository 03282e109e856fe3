import { int, text } from '../column.js';
import type { TableDef } from '../table.js';

export const quarantine: TableDef = {
  name: 'quarantine',
  title: 'Quarantined rows',
  origin: 'stratum (written by `stratum import`)',
  description:
    'Every rejected source row, with the field at fault and why; the raw row is kept so nothing is lost.',
  primaryKey: ['import_id', 'row_number', 'field'],
  foreignKeys: [{ columns: ['import_id'], table: 'imports', refColumns: ['import_id'] }],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    {
      name: 'import_id',
      type: text,
      required: true,
      description: 'Import that rejected the row',
      aliases: [],
    },
    { name: 'source', type: text, required: true, description: 'Source table', aliases: [] },
    { name: 'file', type: text, required: true, description: 'File the row came from', aliases: [] },
    {
      name: 'row_number',
      type: int,
      required: true,
      description:
        'Row as a spreadsheet numbers it (the header is row 1, the first data row row 2); the line for JSON lines, the record from 1 for Parquet',
      aliases: [],
    },
    {
      name: 'field',
      type: text,
      required: true,
      description: 'Canonical column at fault (empty when the row as a whole is rejected)',
      aliases: [],
    },
    { name: 'reason', type: text, required: true, description: 'Why the row was rejected', aliases: [] },
    {
      name: 'raw',
      type: text,
      required: true,
      description: 'The row as read, as a JSON object of header → text',
      aliases: [],
    },
  ],
};
