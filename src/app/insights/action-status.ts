import { z } from 'zod';
import type { CustomerScope } from '../../contracts/access/principal.js';
import { stratumError } from '../../contracts/errors.js';
import type { ActionUpdate, ActionUpdated } from '../../contracts/insights/risk.js';
import type { Engine } from '../../engines/engine.js';
import {
  actionTaskSql,
  deleteActionTaskSql,
  insertActionTaskSql,
  scopedActionsSql,
} from '../../sql/insights/action-tasks-sql.js';
import { runOf } from '../customers/run-of.js';

const ActionsRowSchema = z.object({ actions: z.array(z.string()).nullable() });

/**
 * Sets the status of an action a run triggered for a customer. The customer must be in the run and within the
 * caller's scope (else NOT_FOUND, as for a customer that does not exist), and the run must have triggered the
 * action for them (else NOT_FOUND).
 */
export async function updateActionStatus(
  engine: Engine,
  r: { update: ActionUpdate; scope: CustomerScope; actor: string; at: Date },
): Promise<ActionUpdated> {
  const d = engine.dialect;
  const { runId, customerId, action, status } = r.update;
  await runOf(engine, runId);
  const [raw] = await engine.read(scopedActionsSql(d, { runId, customerId, scope: r.scope }));
  if (!raw)
    throw stratumError('NOT_FOUND', `no customer ${customerId} in run ${runId}`, {
      what: 'customer',
      id: customerId,
    });
  const actions = ActionsRowSchema.parse(raw).actions ?? [];
  if (!actions.includes(action))
    throw stratumError('NOT_FOUND', `run ${runId} triggered no ${action} for customer ${customerId}`, {
      what: 'action',
      id: action,
    });
  const note = r.update.note ?? null;
  const key = { runId, customerId, action };
  await engine.transaction(async (tx) => {
    await tx.run(deleteActionTaskSql(d, key));
    await tx.run(
      insertActionTaskSql(d, { ...key, status, updatedBy: r.actor, updatedAt: r.at.toISOString(), note }),
    );
  });
  const [saved] = await engine.all(actionTaskSql(d, key));
  return {
    runId,
    customerId,
    action,
    status,
    note,
    updatedBy: r.actor,
    updatedAt: saved ? String(saved.updated_at) : r.at.toISOString(),
  };
}
