import { text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';

export const auditLog: TableDef = {
  name: 'audit_log',
  title: 'Audit log',
  origin: 'stratum server',
  description:
    'Who did what, when and from where: logins, failed logins, config changes and activations, runs, exports, keys, permission denials.',
  primaryKey: ['audit_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'audit_id', type: text, required: true, description: 'Id of the entry', aliases: [] },
    { name: 'occurred_at', type: timestamp, required: true, description: 'When', aliases: [] },
    {
      name: 'actor',
      type: text,
      required: false,
      description: 'User name or key id; empty when unknown (failed login)',
      aliases: [],
    },
    { name: 'actor_kind', type: text, required: false, description: 'user, key or system', aliases: [] },
    {
      name: 'action',
      type: text,
      required: true,
      description:
        'What happened (login, login_failed, config.created, config.activated, run.started, export, key.created, key.revoked, permission.denied, …)',
      aliases: [],
    },
    {
      name: 'target',
      type: text,
      required: false,
      description: 'What it was done to (a run id, config version, key id, path)',
      aliases: [],
    },
    { name: 'ip', type: text, required: false, description: 'Address of the request', aliases: [] },
    { name: 'details', type: text, required: false, description: 'JSON with the particulars', aliases: [] },
  ],
};
