import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { RISK_TAGS, type RiskPage as RiskPageData, type RiskTag } from '../../../src/contracts/insights/risk';
import { TAG_NAMES } from '../../../src/contracts/tiering/tiers';
import { query } from '../api/client';
import { formatNumber } from '../common/format';
import { pickName } from '../common/names';
import { Pager } from '../common/Pager';
import { Empty, ErrorView, Loading } from '../common/states';
import { useApi } from '../common/use-api';
import { useCan } from '../common/use-permission';
import { useI18n } from '../i18n/i18n';
import { InsightsHead } from '../overview/InsightsHead';
import { useRuns } from '../overview/runs';
import { RiskTable } from '../risk/RiskTable';

const PAGE_SIZE = 25;

/**
 * 风险与流失: the customers tagged high risk or churn warning in a run (two tabs), largest net purchases first,
 * with the reason in the current language, tier, owner, and the actions the run triggered, each of which can be
 * marked done or dismissed. Scoped like the customer list: a rep sees their own customers only.
 */
export function RiskPage() {
  const { t, lang } = useI18n();
  const can = useCan();
  const allowed = can('customers.read');
  const [search, setSearch] = useSearchParams();
  const tag: RiskTag = search.get('tag') === 'churn_warning' ? 'churn_warning' : 'high_risk';
  const run = search.get('run') ?? '';
  const view = `${tag}|${run}`;
  const [paging, setPaging] = useState<{ view: string; cursors: readonly string[] }>({ view, cursors: [] });
  const cursors = paging.view === view ? paging.cursors : [];
  const { runs, error: runsError } = useRuns();
  const noRuns = runs !== undefined && runs.length === 0;
  // Asked once the runs are known, so that an empty database shows its empty state without a failed request.
  const runsKnown = runs !== undefined || runsError !== undefined;
  const path =
    allowed && runsKnown && !noRuns
      ? `/insights/risk${query({ tag, run, limit: PAGE_SIZE, cursor: cursors[cursors.length - 1] })}`
      : null;
  const { data, error, loading, reload } = useApi<RiskPageData>(path);
  const tabs = useRef<Record<RiskTag, HTMLButtonElement | null>>({ high_risk: null, churn_warning: null });

  const set = useCallback(
    (key: 'tag' | 'run', value: string) =>
      setSearch((prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      }),
    [setSearch],
  );
  const onTabKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight' && e.key !== 'Home' && e.key !== 'End') return;
    e.preventDefault();
    const i = RISK_TAGS.indexOf(tag);
    const n = RISK_TAGS.length;
    const next =
      e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : (i + (e.key === 'ArrowRight' ? 1 : n - 1)) % n;
    const nextTag = RISK_TAGS[next] ?? 'high_risk';
    set('tag', nextTag);
    tabs.current[nextTag]?.focus();
  };

  if (!allowed) return <Empty>{t('risk.aggregatesOnly')}</Empty>;
  const tagLabel = (x: RiskTag) => pickName(TAG_NAMES[x], lang);

  return (
    <section className="insights-page" aria-labelledby="risk-title">
      <InsightsHead
        id="risk-title"
        title={t('nav.risk')}
        runs={runs}
        run={run}
        onRun={(v) => set('run', v)}
      />
      <div role="tablist" aria-label={t('risk.tabsLabel')} className="risk-tabs">
        {RISK_TAGS.map((x) => (
          <button
            key={x}
            ref={(el) => {
              tabs.current[x] = el;
            }}
            type="button"
            role="tab"
            id={`risk-tab-${x}`}
            aria-selected={x === tag}
            aria-controls="risk-panel"
            tabIndex={x === tag ? 0 : -1}
            className={x === tag ? 'risk-tab risk-tab-active' : 'risk-tab'}
            onClick={() => set('tag', x)}
            onKeyDown={onTabKey}
          >
            {tagLabel(x)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="risk-panel" aria-labelledby={`risk-tab-${tag}`}>
        {noRuns ? (
          <Empty>{t('empty.noRuns')}</Empty>
        ) : error !== undefined ? (
          <ErrorView error={error} />
        ) : data === undefined ? (
          <Loading />
        ) : (
          <>
            <p className="insights-note">
              {t('risk.summary', {
                count: formatNumber(data.total, lang),
                tag: tagLabel(data.tag),
                asOf: data.asOf,
                run: data.runId,
              })}
            </p>
            {data.items.length === 0 ? (
              <Empty>{t('risk.none', { tag: tagLabel(data.tag) })}</Empty>
            ) : (
              <div aria-busy={loading}>
                <RiskTable
                  runId={data.runId}
                  items={data.items}
                  caption={tagLabel(data.tag)}
                  onSaved={() => reload()}
                />
                <Pager
                  label={t('risk.pager')}
                  page={cursors.length + 1}
                  hasPrevious={cursors.length > 0}
                  hasNext={data.nextCursor !== null}
                  busy={loading}
                  onPrevious={() => setPaging({ view, cursors: cursors.slice(0, -1) })}
                  onNext={() =>
                    data.nextCursor && setPaging({ view, cursors: [...cursors, data.nextCursor] })
                  }
                />
              </div>
            )}
          </>
        )}
      </div>
    </section>
  );
}
