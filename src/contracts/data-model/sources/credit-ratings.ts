import { date, notFuture, oneOf, text } from '../column.js';
import type { TableDef } from '../table.js';

export const CREDIT_RATINGS = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C'] as const;

export const creditRatings: TableDef = {
  name: 'credit_ratings',
  title: 'Third-party credit ratings',
  origin: 'Credit bureau feed',
  description: 'Ratings of customers by an external credit agency; the latest one as of a date applies.',
  primaryKey: ['customer_id', 'agency', 'rated_date'],
  foreignKeys: [{ columns: ['customer_id'], table: 'customers', refColumns: ['customer_id'] }],
  onExistingKey: 'update',
  fileAliases: ['credit', 'ratings', 'credit_rating', '信用评级', '征信'],
  columns: [
    {
      name: 'customer_id',
      type: text,
      required: true,
      description: 'Customer rated',
      aliases: ['客户编号', '客户ID', '客户id'],
    },
    {
      name: 'agency',
      type: text,
      required: true,
      description: 'Rating agency',
      aliases: ['评级机构', '机构'],
    },
    {
      name: 'rated_date',
      type: date,
      required: true,
      checks: [notFuture],
      description: 'Date of the rating',
      aliases: ['评级日期'],
    },
    {
      name: 'rating',
      type: oneOf(CREDIT_RATINGS),
      required: true,
      description: 'Rating from AAA (best) to C (worst)',
      aliases: ['评级', '信用等级'],
    },
  ],
};
