import { double, money, nonNegative, text } from '../column.js';
import type { TableDef } from '../table.js';

export const regions: TableDef = {
  name: 'regions',
  title: 'Regions',
  origin: 'Logistics planning (TMS) and market research',
  description:
    'One row per city district served: what a delivery costs there and how contested the market is.',
  primaryKey: ['city', 'district'],
  foreignKeys: [],
  onExistingKey: 'update',
  fileAliases: ['region', '区域', '地区'],
  columns: [
    {
      name: 'city',
      type: text,
      required: true,
      description: 'City name in simplified Chinese, e.g. 北京',
      aliases: ['城市', '市'],
    },
    {
      name: 'district',
      type: text,
      required: true,
      description: 'District within the city, e.g. 朝阳区',
      aliases: ['区县', '区', '行政区'],
    },
    {
      name: 'delivery_cost_per_order',
      type: money,
      required: true,
      unit: 'yuan per order',
      checks: [nonNegative],
      description: 'Average cost of one delivery run to a customer in the district',
      aliases: ['单均配送成本', '配送成本'],
    },
    {
      name: 'competition_index',
      type: double,
      required: true,
      unit: '0–1',
      checks: [nonNegative, { kind: 'max', value: 1 }],
      description: 'Share of the market held by competing distributors (0 = none, 1 = saturated)',
      aliases: ['竞争指数', '竞争强度'],
    },
  ],
};
