import { ALL_TABLES } from '../../contracts/data-model/all-tables.js';
import { text } from '../../contracts/data-model/column.js';
import { SERVER_TABLES } from '../../contracts/data-model/system/server-tables.js';
import type { TableDef } from '../../contracts/data-model/table.js';
import type { Dialect } from '../dialects/dialect.js';
import { CLEAN_VIEWS, createViewSql, surveyResponsesClean } from '../cleaning/views.js';
import { SURVEY_FEATURES } from '../features/surveys.js';
import { customerOwnersClean } from '../cleaning/owners-view.js';
import { createTableSql } from './create-table.js';

export interface Migration {
  readonly version: number;
  readonly description: string;
  statements(d: Dialect): string[];
}

const tables = (names: readonly string[]): TableDef[] => ALL_TABLES.filter((t) => names.includes(t.name));

/** Versioned, append-only: a released migration is never edited, a change is a new entry. */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'source tables, import log and quarantine',
    statements: (d) =>
      tables([
        'regions',
        'customers',
        'orders',
        'order_lines',
        'refunds',
        'invoices',
        'complaints',
        'disputes',
        'contracts',
        'credit_ratings',
        'imports',
        'quarantine',
      ]).map((t) => createTableSql(d, t)),
  },
  {
    version: 2,
    description:
      'cleaning: normalised customers, merge map, order and refund flags, run log and the *_clean views',
    statements: (d) => [
      ...tables([
        'customer_normalised',
        'customer_merges',
        'order_flags',
        'refund_flags',
        'cleaning_runs',
      ]).map((t) => createTableSql(d, t)),
      ...CLEAN_VIEWS.map((v) => createViewSql(d, v)),
    ],
  },
  {
    version: 3,
    description: 'tiering: runs, per-customer snapshots, manual overrides',
    statements: (d) =>
      tables(['tiering_runs', 'tier_snapshots', 'tier_overrides']).map((t) => createTableSql(d, t)),
  },
  {
    version: 4,
    description:
      'clean views exclude flagged rows with an anti-join instead of NOT EXISTS (faster on DuckDB)',
    statements: (d) => CLEAN_VIEWS.map((v) => createViewSql(d, v)),
  },
  {
    version: 5,
    description:
      'customer owners (source) and customer_owners_clean; server: users, sessions, API keys, audit log, configuration versions, jobs, schedules, webhooks',
    statements: (d) => [
      ...[...tables(['customer_owners']), ...SERVER_TABLES].map((t) => createTableSql(d, t)),
      createViewSql(d, customerOwnersClean),
    ],
  },
  {
    version: 6,
    description: 'dashboard: action_tasks (status of the actions a run triggered)',
    statements: (d) => tables(['action_tasks']).map((t) => createTableSql(d, t)),
  },
  {
    version: 7,
    description:
      'indexes for reads of one customer (PostgreSQL): their orders, invoices, complaints, disputes, contracts, refunds by order, chain branches, merged duplicates, snapshot history',
    statements: (d) =>
      [
        d.createIndex('orders_by_customer', 'orders', ['customer_id', 'ordered_at']),
        d.createIndex('invoices_by_customer', 'invoices', ['customer_id']),
        d.createIndex('complaints_by_customer', 'complaints', ['customer_id']),
        d.createIndex('disputes_by_customer', 'disputes', ['customer_id']),
        d.createIndex('contracts_by_customer', 'contracts', ['customer_id']),
        d.createIndex('refunds_by_order', 'refunds', ['order_id']),
        d.createIndex('customers_by_chain', 'customers', ['chain_id']),
        d.createIndex('merges_by_survivor', 'customer_merges', ['survivor_id']),
        d.createIndex('snapshots_by_customer', 'tier_snapshots', ['customer_id', 'run_id']),
      ].flat(),
  },
  {
    version: 8,
    description: 'stream: stream_events (the log of applied and rejected events, keyed by event id)',
    statements: (d) => tables(['stream_events']).map((t) => createTableSql(d, t)),
  },
  {
    version: 9,
    description:
      'stream: stream_decisions (tier, tags and policy decided between runs, with the causing event); the event log by customer',
    statements: (d) => [
      ...tables(['stream_decisions']).map((t) => createTableSql(d, t)),
      ...d.createIndex('decisions_by_cause', 'stream_decisions', ['cause_event_id']),
      ...d.createIndex('decisions_by_run', 'stream_decisions', ['run_id', 'decided_at']),
      ...d.createIndex('events_by_customer', 'stream_events', ['customer_id']),
    ],
  },
  {
    version: 10,
    description: 'allocation: reps (source: account managers with territory, capacity, skills and leave)',
    statements: (d) => tables(['reps']).map((t) => createTableSql(d, t)),
  },
  {
    version: 11,
    description:
      'allocation: allocation_rounds and allocation_moves (applied rounds and the ownership history they wrote)',
    statements: (d) => [
      ...tables(['allocation_rounds', 'allocation_moves']).map((t) => createTableSql(d, t)),
      ...d.createIndex('moves_by_customer', 'allocation_moves', ['customer_id']),
    ],
  },
  {
    version: 12,
    description:
      'model outputs: the predicted_margin and churn_probability feature columns in tier_snapshots and stream_decisions (new databases have them from their creating migrations)',
    statements: (d) =>
      ['tier_snapshots', 'stream_decisions'].flatMap((t) =>
        ['predicted_margin', 'churn_probability'].map(
          (c) => `ALTER TABLE ${d.quoteIdent(t)} ADD COLUMN IF NOT EXISTS ${c} DOUBLE PRECISION`,
        ),
      ),
  },
  {
    version: 13,
    description: 'experiments: experiments and experiment_assignments (the frozen assignment)',
    statements: (d) => [
      ...tables(['experiments', 'experiment_assignments']).map((t) => createTableSql(d, t)),
      ...d.createIndex('assignments_by_unit', 'experiment_assignments', ['experiment_id', 'unit_id']),
    ],
  },
  {
    version: 14,
    description:
      'reports: stored periodic reports with their content; schedules.action (a fire may generate a report instead of a tiering run; new databases have the column from their creating migration)',
    statements: (d) => [
      ...tables(['reports']).map((t) => createTableSql(d, t)),
      `ALTER TABLE ${d.quoteIdent('schedules')} ADD COLUMN IF NOT EXISTS action ${d.columnType(text)}`,
    ],
  },
  {
    version: 15,
    description:
      'pilots: tier_snapshots.pilot, the pilot whose configuration tiered the customer (new databases have it from their creating migration)',
    statements: (d) => [
      `ALTER TABLE ${d.quoteIdent('tier_snapshots')} ADD COLUMN IF NOT EXISTS pilot ${d.columnType(text)}`,
    ],
  },
  {
    version: 16,
    description:
      'satisfaction: survey_responses (source) and survey_responses_clean; the survey feature columns (last_nps, last_nps_days, last_csat, last_csat_days) in tier_snapshots and stream_decisions (new databases have them from their creating migrations)',
    statements: (d) => [
      ...tables(['survey_responses']).map((t) => createTableSql(d, t)),
      ...d.createIndex('surveys_by_customer', 'survey_responses', ['customer_id', 'responded_at']),
      createViewSql(d, surveyResponsesClean),
      ...['tier_snapshots', 'stream_decisions'].flatMap((t) =>
        SURVEY_FEATURES.map(
          (c) => `ALTER TABLE ${d.quoteIdent(t)} ADD COLUMN IF NOT EXISTS ${c} DOUBLE PRECISION`,
        ),
      ),
    ],
  },
  {
    version: 17,
    description:
      'clean views map customer ids through customer_merges (the merged customers) instead of customer_survivors (every customer): faster on both engines',
    statements: (d) => [...CLEAN_VIEWS, surveyResponsesClean].map((v) => createViewSql(d, v)),
  },
];

export const migrationsTableSql = (d: Dialect): string =>
  `CREATE TABLE IF NOT EXISTS ${d.quoteIdent('schema_migrations')} (version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`;
