import { bool, oneOf, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';
import { ROLES } from '../../access/roles.js';

export const users: TableDef = {
  name: 'users',
  title: 'Users',
  origin: 'stratum server',
  description:
    'People who sign in to the API and dashboard, with their role, team and rep id; passwords stored as scrypt hashes only.',
  primaryKey: ['user_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'user_id', type: text, required: true, description: 'Id of the user', aliases: [] },
    { name: 'username', type: text, required: true, description: 'Sign-in name (unique)', aliases: [] },
    {
      name: 'password_hash',
      type: text,
      required: true,
      description: 'scrypt hash with its salt and parameters, never the password',
      aliases: [],
    },
    {
      name: 'role',
      type: oneOf(ROLES),
      required: true,
      description: 'admin, analyst, manager, rep or viewer',
      aliases: [],
    },
    {
      name: 'team',
      type: text,
      required: false,
      description: 'Team (manager: the team whose customers they see)',
      aliases: [],
    },
    {
      name: 'rep_id',
      type: text,
      required: false,
      description: 'Sales rep id (rep: their own customers)',
      aliases: [],
    },
    { name: 'disabled', type: bool, required: true, description: 'Cannot sign in when true', aliases: [] },
    { name: 'created_at', type: timestamp, required: true, description: 'When created', aliases: [] },
  ],
};
