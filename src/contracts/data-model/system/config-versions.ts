import { bool, int, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const configVersions: TableDef = {
  name: 'config_versions',
  title: 'Tiering configuration versions',
  origin: 'stratum server',
  description:
    'Every tiering configuration saved through the API or CLI, with its hash; one is active and used by scheduled and API runs.',
  primaryKey: ['version'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'version', type: int, required: true, description: 'Version number, 1, 2, …', aliases: [] },
    {
      name: 'config_hash',
      type: text,
      required: true,
      description: 'SHA-256 of the canonical JSON',
      aliases: [],
    },
    { name: 'yaml', type: text, required: true, description: 'The configuration as written', aliases: [] },
    { name: 'comment', type: text, required: false, description: 'Why it was saved', aliases: [] },
    { name: 'created_by', type: text, required: true, description: 'Who saved it', aliases: [] },
    { name: 'created_at', type: timestamp, required: true, description: 'When saved', aliases: [] },
    {
      name: 'activated_at',
      type: timestamp,
      required: false,
      description: 'When last made active',
      aliases: [],
    },
    { name: 'active', type: bool, required: true, description: 'The version runs use', aliases: [] },
  ],
};
