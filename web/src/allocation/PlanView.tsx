import { useI18n } from '../i18n/i18n';
import { MovesTable } from './MovesTable';
import { PlanHeadline } from './PlanHeadline';
import { StrategyComparison } from './StrategyComparison';
import type { AllocationPlan } from './types';
import { UnassignedTable } from './UnassignedTable';
import { WorkloadChart } from './WorkloadChart';

/** One plan: headline, owners' workload against capacity, the comparison with the z-score strategy, moves, unassigned. */
export function PlanView({ plan }: { plan: AllocationPlan }) {
  const { t, lang } = useI18n();
  return (
    <div className="stack allocation-plan">
      <p className="muted">
        {t('allocation.planLine', {
          round: plan.roundId,
          run: plan.runId,
          asOf: plan.asOf,
          seconds: plan.seconds.total.toLocaleString(lang),
        })}{' '}
        <strong>{plan.applied ? t('allocation.planApplied') : t('allocation.planDryRun')}</strong>
      </p>
      <PlanHeadline plan={plan} />
      <div className="grid-2">
        <section className="card" aria-labelledby="allocation-workload">
          <h3 id="allocation-workload">{t('allocation.workloadTitle')}</h3>
          <WorkloadChart owners={plan.owners} />
        </section>
        <section className="card" aria-labelledby="allocation-compare">
          <h3 id="allocation-compare">{t('allocation.compareTitle')}</h3>
          <StrategyComparison comparison={plan.comparison} />
        </section>
      </div>
      <section className="card" aria-labelledby="allocation-moves">
        <h3 id="allocation-moves">{t('allocation.movesTitle', { count: plan.moves.length })}</h3>
        <MovesTable key={plan.roundId} plan={plan} />
      </section>
      <section className="card" aria-labelledby="allocation-unassigned">
        <h3 id="allocation-unassigned">
          {t('allocation.unassignedTitle', { count: plan.unassigned.length })}
        </h3>
        <UnassignedTable key={plan.roundId} unassigned={plan.unassigned} />
      </section>
    </div>
  );
}
