import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { buildMigration } from '../../../app/insights/migration.js';
import { listMovers } from '../../../app/insights/movers.js';
import { buildOverview } from '../../../app/insights/overview.js';
import { listRisk } from '../../../app/insights/risk-list.js';
import { updateActionStatus } from '../../../app/insights/action-status.js';
import { loadSatisfaction } from '../../../app/satisfaction/load-satisfaction.js';
import { seesPersonalData } from '../../../contracts/access/principal.js';
import { SatisfactionSchema } from '../../../contracts/insights/satisfaction.js';
import { MigrationSchema, MoversPageSchema } from '../../../contracts/insights/migration.js';
import { OverviewSchema } from '../../../contracts/insights/overview.js';
import { ActionUpdatedSchema, ActionUpdateSchema, RiskPageSchema } from '../../../contracts/insights/risk.js';
import { rowAccess } from '../customers/row-scope.js';
import { CustomerId, RunId } from '../customers/schemas.js';
import { MigrationQuery, MoversQuery, OverviewQuery, RiskQuery, SatisfactionQuery } from './schemas.js';

/**
 * The dashboard's aggregates: the overview of a run, tier migration between any two runs and its movers, and the
 * risk and churn lists with the status of the actions a run triggered. Customer rows are scoped and masked like
 * /customers.
 */
export const insightsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const { engine, now } = app.deps;
  const aggregates = { preHandler: app.requirePermission('aggregates.read') };
  const customers = { preHandler: app.requirePermission('customers.read') };

  app.get(
    '/overview',
    {
      ...aggregates,
      schema: {
        tags: ['insights'],
        summary: 'Tier shares, KPIs with their change, tags, distributions and CLV by tier of a run',
        querystring: OverviewQuery,
        response: { 200: OverviewSchema },
      },
    },
    async (request) => buildOverview(engine, { runId: request.query.run, city: request.query.city }),
  );

  app.get(
    '/migration',
    {
      ...aggregates,
      schema: {
        tags: ['insights'],
        summary: 'Tier migration between any two runs, as a matrix and as Sankey nodes and links',
        querystring: MigrationQuery,
        response: { 200: MigrationSchema },
      },
    },
    async (request) => buildMigration(engine, request.query),
  );

  app.get(
    '/migration/customers',
    {
      ...customers,
      schema: {
        tags: ['insights'],
        summary: 'The customers in a cell of the migration matrix (every mover without a cell), paged',
        querystring: MoversQuery,
        response: { 200: MoversPageSchema },
      },
    },
    async (request) => {
      const { scope } = rowAccess(request, 'customers.read');
      const q = request.query;
      return listMovers(engine, {
        from: q.from,
        to: q.to,
        fromKey: q.fromTier,
        toKey: q.toTier,
        scope,
        cursor: q.cursor,
        limit: q.limit,
      });
    },
  );

  app.get(
    '/risk',
    {
      ...customers,
      schema: {
        tags: ['insights'],
        summary: 'Customers with the high_risk or churn_warning tag, with reasons and actions, paged',
        querystring: RiskQuery,
        response: { 200: RiskPageSchema },
      },
    },
    async (request) => {
      const q = request.query;
      return listRisk(engine, {
        ...rowAccess(request, 'customers.read'),
        tag: q.tag,
        runId: q.run,
        cursor: q.cursor,
        limit: q.limit,
      });
    },
  );

  app.get(
    '/satisfaction',
    {
      ...aggregates,
      schema: {
        tags: ['insights'],
        summary: 'NPS, CSAT and answers from survey responses by tier, city or account manager, by month',
        description:
          'Also NPS of answers with and without a complaint in the 90 days before. Rep names are masked for callers without personal data.',
        querystring: SatisfactionQuery,
        response: { 200: SatisfactionSchema },
      },
    },
    async (request) =>
      loadSatisfaction(engine, {
        ...request.query,
        personalVisible: request.principal ? seesPersonalData(request.principal) : false,
      }),
  );

  app.patch(
    '/actions',
    {
      ...customers,
      schema: {
        tags: ['insights'],
        summary: 'Mark an action a run triggered for a customer open, done or dismissed (audited)',
        body: ActionUpdateSchema.extend({ runId: RunId, customerId: CustomerId }),
        response: { 200: ActionUpdatedSchema },
      },
    },
    async (request) => {
      const { scope } = rowAccess(request, 'customers.read');
      const update = request.body;
      const result = await updateActionStatus(engine, {
        update,
        scope,
        actor: request.principal?.name ?? 'unknown',
        at: now(),
      });
      await app.audit(request, {
        action: 'action.status',
        target: `${update.customerId}/${update.action}`,
        details: { runId: update.runId, status: update.status, note: result.note },
      });
      return result;
    },
  );
};
