import { double, oneOf, text } from '../column.js';
import type { TableDef } from '../table.js';
import { CLEANING_ORIGIN, runIdColumn } from './cleaning-columns.js';

/** Rules that accept a pair of customer records as one restaurant (docs/cleaning.md). */
export const MERGE_RULES = ['same_phone', 'same_address', 'same_location'] as const;

export const customerMerges: TableDef = {
  name: 'customer_merges',
  title: 'Customer merge map',
  origin: CLEANING_ORIGIN,
  description:
    'One row per duplicate customer record: the surviving customer it is merged into, and the evidence. Customers absent from this table are their own survivors. The *_clean views map customer ids through it; the customer_survivors view lists every customer with its survivor.',
  primaryKey: ['customer_id'],
  foreignKeys: [
    { columns: ['customer_id'], table: 'customers', refColumns: ['customer_id'] },
    { columns: ['survivor_id'], table: 'customers', refColumns: ['customer_id'] },
  ],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Duplicate customer record',
      aliases: [],
    },
    {
      name: 'survivor_id',
      type: text,
      required: true,
      description:
        'Customer that survives the merge: the earliest created in the cluster, then the one with more orders',
      aliases: [],
    },
    {
      name: 'matched_with',
      type: text,
      required: true,
      description: 'Customer this record was matched with (the survivor, or another member of its cluster)',
      aliases: [],
    },
    {
      name: 'rule',
      type: oneOf(MERGE_RULES),
      required: true,
      description:
        'Rule that accepted the match: same_phone, same_address or same_location (coordinates within a few tens of metres)',
      aliases: [],
    },
    {
      name: 'score',
      type: double,
      required: true,
      description: 'Match score in [0, 1] (weighted name, address, distance and phone agreement)',
      aliases: [],
    },
    {
      name: 'evidence',
      type: text,
      required: true,
      description:
        'The comparison as a JSON object: nameSimilarity, addressSimilarity, distanceM, samePhone, branch',
      aliases: [],
    },
    runIdColumn,
  ],
};
