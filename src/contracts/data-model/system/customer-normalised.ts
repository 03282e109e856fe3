import { text } from '../column.js';
import type { TableDef } from '../table.js';
import { CLEANING_ORIGIN, runIdColumn } from './cleaning-columns.js';

export const customerNormalised: TableDef = {
  name: 'customer_normalised',
  title: 'Normalised customers',
  origin: CLEANING_ORIGIN,
  description:
    'One row per customer: name, branch, address and phone after normalisation (half-width characters, simplified Chinese, uniform punctuation, branch suffix split off, province/city prefix dropped). The raw customers table is left as imported.',
  primaryKey: ['customer_id'],
  foreignKeys: [{ columns: ['customer_id'], table: 'customers', refColumns: ['customer_id'] }],
  onExistingKey: 'skip',
  fileAliases: [],
  columns: [
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Customer normalised',
      aliases: [],
    },
    {
      name: 'name',
      type: text,
      required: true,
      description: 'Normalised full name: brand, then the branch in half-width brackets, e.g. 海底捞(朝阳店)',
      aliases: [],
    },
    {
      name: 'brand',
      type: text,
      required: true,
      description: 'Normalised name without the branch suffix',
      aliases: [],
    },
    {
      name: 'branch',
      type: text,
      required: false,
      description:
        'Normalised branch suffix, e.g. 朝阳店 (from （朝阳店）, (朝阳店), " 朝阳店" or 朝阳分店); empty when none',
      aliases: [],
    },
    {
      name: 'address',
      type: text,
      required: false,
      personal: true,
      description: 'Normalised street address without province, city and district prefix',
      aliases: [],
    },
    {
      name: 'phone',
      type: text,
      required: false,
      personal: true,
      description: 'Phone as digits only, without the +86 country code',
      aliases: [],
    },
    runIdColumn,
  ],
};
