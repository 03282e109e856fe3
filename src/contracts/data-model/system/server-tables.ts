import type { TableDef } from '../table.js';
import { apiKeys } from './api-keys.js';
import { auditLog } from './audit-log.js';
import { configVersions } from './config-versions.js';
import { jobs } from './jobs.js';
import { schedules } from './schedules.js';
import { sessions } from './sessions.js';
import { users } from './users.js';
import { webhookDeliveries } from './webhook-deliveries.js';
import { webhookSubscriptions } from './webhook-subscriptions.js';

/** The tables of `stratum serve`: accounts, audit, configuration versions, jobs, schedules and webhooks. */
export const SERVER_TABLES: readonly TableDef[] = [
  users,
  sessions,
  apiKeys,
  auditLog,
  configVersions,
  jobs,
  schedules,
  webhookSubscriptions,
  webhookDeliveries,
];
