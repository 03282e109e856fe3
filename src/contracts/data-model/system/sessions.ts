import { text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const sessions: TableDef = {
  name: 'sessions',
  title: 'Sessions',
  origin: 'stratum server',
  description: 'Signed-in sessions of users; the cookie holds the token, the table only its SHA-256.',
  primaryKey: ['session_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    {
      name: 'session_id',
      type: text,
      required: true,
      description: 'SHA-256 of the session token',
      aliases: [],
    },
    { name: 'user_id', type: text, required: true, description: 'User', aliases: [] },
    { name: 'created_at', type: timestamp, required: true, description: 'Sign-in time', aliases: [] },
    { name: 'expires_at', type: timestamp, required: true, description: 'End of the session', aliases: [] },
    {
      name: 'ip',
      type: text,
      required: false,
      description: 'Address the session was opened from',
      aliases: [],
    },
  ],
};
