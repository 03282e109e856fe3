import { PlanPanel } from '../allocation/PlanPanel';
import { RoundsList } from '../allocation/RoundsList';
import type { RoundSummary } from '../allocation/types';
import { Async, Empty } from '../common/states';
import { useApi } from '../common/use-api';
import { useCan } from '../common/use-permission';
import { useI18n } from '../i18n/i18n';

/** 分配: compute an allocation plan (dry run), look at it, apply it (admins), and the rounds applied so far. */
export function AllocationPage() {
  const { t } = useI18n();
  const can = useCan();
  const readable = can('allocation.read');
  const rounds = useApi<{ items: RoundSummary[] }>(readable ? '/allocation/rounds?limit=20' : null);

  if (!readable) return <Empty>{t('common.forbidden')}</Empty>;
  return (
    <section className="allocation-page" aria-labelledby="allocation-title">
      <h1 id="allocation-title">{t('nav.allocation')}</h1>
      <section className="card section" aria-labelledby="allocation-plan-title">
        <h2 id="allocation-plan-title">{t('allocation.computeTitle')}</h2>
        <PlanPanel canApply={can('allocation.apply')} onApplied={rounds.reload} />
      </section>
      <section className="card section" aria-labelledby="allocation-rounds-title">
        <h2 id="allocation-rounds-title">{t('allocation.roundsTitle')}</h2>
        <Async data={rounds.data} error={rounds.error}>
          {(data) => <RoundsList rounds={data.items} />}
        </Async>
      </section>
    </section>
  );
}
