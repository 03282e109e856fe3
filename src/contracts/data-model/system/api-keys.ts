import { oneOf, text, textList, timestamp } from '../column.js';
import type { TableDef } from '../table.js';
import { ROLES } from '../../access/roles.js';

export const apiKeys: TableDef = {
  name: 'api_keys',
  title: 'API keys',
  origin: 'stratum server',
  description:
    'Keys for integrations (Authorization: Bearer KEY); the key is shown once and stored as its SHA-256.',
  primaryKey: ['key_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    {
      name: 'key_id',
      type: text,
      required: true,
      description: 'Id of the key (its public prefix)',
      aliases: [],
    },
    { name: 'name', type: text, required: true, description: 'What the key is for', aliases: [] },
    { name: 'key_hash', type: text, required: true, description: 'SHA-256 of the secret', aliases: [] },
    {
      name: 'role',
      type: oneOf(ROLES),
      required: true,
      description: 'Role the key acts as (usually integration)',
      aliases: [],
    },
    {
      name: 'scopes',
      type: textList,
      required: false,
      description: 'Permissions the key is limited to; empty = all of its role',
      aliases: [],
    },
    { name: 'created_by', type: text, required: true, description: 'Who created it', aliases: [] },
    { name: 'created_at', type: timestamp, required: true, description: 'When created', aliases: [] },
    {
      name: 'revoked_at',
      type: timestamp,
      required: false,
      description: 'When revoked; empty = in force',
      aliases: [],
    },
    {
      name: 'last_used_at',
      type: timestamp,
      required: false,
      description: 'Last request made with it',
      aliases: [],
    },
  ],
};
