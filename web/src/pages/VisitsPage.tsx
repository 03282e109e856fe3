import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { mayReadVisits } from '../../../src/contracts/access/visits-scope';
import { useAuth } from '../auth/auth';
import { Async, Empty } from '../common/states';
import { useApi } from '../common/use-api';
import { useCan } from '../common/use-permission';
import { useI18n } from '../i18n/i18n';
import { currentWeek } from '../visits/current-week';
import type { Rep, WeekPlan } from '../visits/types';
import { WeekPlanView } from '../visits/WeekPlanView';

const WEEK = /^\d{4}-W\d{2}$/;

/** 拜访计划: pick an account manager and a week; their visits day by day, with .ics and .csv downloads. */
export function VisitsPage() {
  const { t } = useI18n();
  const { user } = useAuth();
  const can = useCan();
  const readable = can('visits.read');
  const [search, setSearch] = useSearchParams();
  const reps = useApi<{ items: Rep[] }>(readable ? '/reps' : null);
  // Only the reps whose plans the caller may read (a manager with allocation.read lists every rep).
  const choices = useMemo(
    () => (user ? (reps.data?.items ?? []).filter((r) => mayReadVisits(user, r)) : []),
    [reps.data, user],
  );
  const asked = search.get('rep');
  const repId =
    choices.find((r) => r.id === asked)?.id ??
    choices.find((r) => r.id === user?.repId)?.id ??
    choices[0]?.id ??
    null;
  const askedWeek = search.get('week') ?? '';
  const week = WEEK.test(askedWeek) ? askedWeek : currentWeek();
  const path = repId ? `/reps/${encodeURIComponent(repId)}/visits?week=${week}` : null;
  const plan = useApi<WeekPlan>(path);

  const set = (key: 'rep' | 'week', value: string) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next, { replace: true });
  };

  if (!readable) return <Empty>{t('common.forbidden')}</Empty>;
  return (
    <section className="visits-page" aria-labelledby="visits-title">
      <h1 id="visits-title">{t('nav.visits')}</h1>
      <Async data={reps.data} error={reps.error}>
        {() =>
          choices.length === 0 || repId === null ? (
            <Empty>{t('visits.noReps')}</Empty>
          ) : (
            <>
              <div className="toolbar">
                <label>
                  {t('visits.rep')}
                  <select value={repId} onChange={(e) => set('rep', e.target.value)}>
                    {choices.map((r) => (
                      <option key={r.id} value={r.id}>
                        {r.name} · {r.id} · {r.team}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t('visits.week')}
                  <input type="week" value={week} onChange={(e) => set('week', e.target.value)} />
                </label>
                <a className="button-link" href={`/api/v1${path}&format=ics`} download>
                  {t('visits.downloadIcs')}
                </a>
                <a className="button-link" href={`/api/v1${path}&format=csv`} download>
                  {t('visits.downloadCsv')}
                </a>
              </div>
              <Async data={plan.loading ? undefined : plan.data} error={plan.error}>
                {(data) => <WeekPlanView plan={data} />}
              </Async>
            </>
          )
        }
      </Async>
    </section>
  );
}
