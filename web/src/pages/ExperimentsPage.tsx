import { useSearchParams } from 'react-router-dom';
import { Async, Empty } from '../common/states';
import { useApi } from '../common/use-api';
import { useCan } from '../common/use-permission';
import { CreateExperimentForm } from '../experiments/CreateExperimentForm';
import { ExperimentList } from '../experiments/ExperimentList';
import { ExperimentResults } from '../experiments/ExperimentResults';
import { TierEdgePanel } from '../experiments/TierEdgePanel';
import type { Experiment } from '../experiments/types';
import { useI18n } from '../i18n/i18n';

/**
 * 实验: the experiments with their assignment, a new one and its assignment (experiments.manage), the results of
 * the one selected (?experiment=, by default the newest assigned), and the effect of a tier edge without an
 * experiment.
 */
export function ExperimentsPage() {
  const { t } = useI18n();
  const can = useCan();
  const readable = can('experiments.read');
  const canManage = can('experiments.manage');
  const list = useApi<{ items: Experiment[] }>(readable ? '/experiments' : null);
  const [params, setParams] = useSearchParams();

  if (!readable) return <Empty>{t('common.forbidden')}</Empty>;
  const items = list.data?.items ?? [];
  const selected =
    items.find((e) => e.experimentId === params.get('experiment') && e.assignedAt !== null) ??
    items.find((e) => e.assignedAt !== null) ??
    null;
  const select = (experimentId: string) => setParams({ experiment: experimentId });

  return (
    <section className="experiments-page" aria-labelledby="experiments-title">
      <h1 id="experiments-title">{t('nav.experiments')}</h1>
      <p className="muted">{t('experiments.intro')}</p>
      <section className="card section" aria-labelledby="experiment-list-title">
        <h2 id="experiment-list-title">{t('experiments.listTitle')}</h2>
        <Async data={list.data} error={list.error}>
          {(data) => (
            <ExperimentList
              experiments={data.items}
              selectedId={selected?.experimentId ?? null}
              onSelect={select}
              canManage={canManage}
              onAssigned={(id) => {
                list.reload();
                select(id);
              }}
            />
          )}
        </Async>
      </section>
      {canManage ? (
        <section className="card section" aria-labelledby="experiment-create-title">
          <h2 id="experiment-create-title">{t('experiments.createTitle')}</h2>
          <CreateExperimentForm onCreated={list.reload} />
        </section>
      ) : null}
      {selected ? (
        <section className="card section" aria-labelledby="experiment-results-title">
          <h2 id="experiment-results-title">{t('experiments.resultsTitle', { name: selected.name })}</h2>
          <ExperimentResults key={selected.experimentId} experiment={selected} />
        </section>
      ) : null}
      <section className="card section" aria-labelledby="tier-edge-title">
        <h2 id="tier-edge-title">{t('experiments.edge.title')}</h2>
        <p className="muted small">{t('experiments.edge.intro')}</p>
        <TierEdgePanel />
      </section>
    </section>
  );
}
