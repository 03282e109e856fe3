import { oneOf, text, timestamp } from '../column.js';
import type { TableDef } from '../table.js';
import { TIERS } from '../../tiering/tiers.js';

export const tierOverrides: TableDef = {
  name: 'tier_overrides',
  title: 'Manual tier overrides',
  origin: 'stratum (written by `stratum override`)',
  description:
    'A tier set by hand for a customer, with who, why and until when; applied after quotas and hysteresis.',
  primaryKey: ['override_id'],
  foreignKeys: [],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    { name: 'override_id', type: text, required: true, description: 'Id of the override', aliases: [] },
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Customer (surviving id) or chain id',
      aliases: [],
    },
    { name: 'tier', type: oneOf(TIERS), required: true, description: 'Tier imposed', aliases: [] },
    { name: 'reason', type: text, required: true, description: 'Why, in the author’s words', aliases: [] },
    { name: 'author', type: text, required: true, description: 'Who set it', aliases: [] },
    { name: 'created_at', type: timestamp, required: true, description: 'When it was set', aliases: [] },
    {
      name: 'expires_at',
      type: timestamp,
      required: false,
      description: 'When it stops applying; empty = until removed',
      aliases: [],
    },
  ],
};
