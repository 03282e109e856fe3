import type { FastifyPluginAsync } from 'fastify';
import { allocationRoutes } from './allocation/routes.js';
import { customerOwnersRoutes } from './allocation/customer-owners-routes.js';
import { configsRoutes } from './configs/routes.js';
import { jobsRoutes } from './jobs/routes.js';
import { runsRoutes } from './runs/routes.js';
import { schedulesRoutes } from './schedules/routes.js';
import { auditRoutes } from './audit/routes.js';
import { authRoutes } from './auth/routes.js';
import { customersRoutes } from './customers/routes.js';
import {
  customerRecommendationRoutes,
  recommendationExportRoutes,
} from './customers/recommendation-routes.js';
import { customerProfileRoutes } from './customers/profile-routes.js';
import { experimentsRoutes } from './experiments/routes.js';
import { exportRoutes } from './export/routes.js';
import { insightsRoutes } from './insights/routes.js';
import { tiersRoutes } from './tiers/routes.js';
import { dataRoutes } from './data/routes.js';
import { eventsRoutes } from './events/routes.js';
import { keysRoutes } from './keys/routes.js';
import { repsRoutes } from './reps/routes.js';
import { reportsRoutes } from './reports/routes.js';
import { usersRoutes } from './users/routes.js';
import { webhooksRoutes } from './webhooks/routes.js';

/**
 * Every resource's routes under /api/v1, one plugin per folder (routes/<resource>/routes.ts). A new resource
 * adds one line here.
 */
export const apiRoutes: FastifyPluginAsync = async (app) => {
  app.get('/health', { schema: { hide: true } }, async () => ({ ok: true }));
  await app.register(authRoutes, { prefix: '/auth' });
  await app.register(usersRoutes, { prefix: '/users' });
  await app.register(keysRoutes, { prefix: '/keys' });
  await app.register(auditRoutes, { prefix: '/audit' });
  await app.register(customersRoutes, { prefix: '/customers' });
  await app.register(tiersRoutes, { prefix: '/tiers' });
  await app.register(exportRoutes, { prefix: '/export' });
  await app.register(dataRoutes, { prefix: '/data' });
  await app.register(eventsRoutes, { prefix: '/events' });
  await app.register(webhooksRoutes, { prefix: '/webhooks' });
  await app.register(runsRoutes, { prefix: '/runs' });
  await app.register(jobsRoutes, { prefix: '/jobs' });
  await app.register(configsRoutes, { prefix: '/configs' });
  await app.register(schedulesRoutes, { prefix: '/schedules' });
  await app.register(insightsRoutes, { prefix: '/insights' });
  await app.register(allocationRoutes, { prefix: '/allocation' });
  await app.register(customerOwnersRoutes, { prefix: '/customers' });
  await app.register(customerRecommendationRoutes, { prefix: '/customers' });
  await app.register(recommendationExportRoutes, { prefix: '/recommendations' });
  await app.register(customerProfileRoutes, { prefix: '/customers' });
  await app.register(repsRoutes, { prefix: '/reps' });
  await app.register(reportsRoutes, { prefix: '/reports' });
  await app.register(experimentsRoutes, { prefix: '/experiments' });
};
