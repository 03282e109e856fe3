import type { TagCount } from '../../../src/contracts/insights/overview';
import { formatNumber, formatSigned } from '../common/format';
import { pickName } from '../common/names';
import { useI18n } from '../i18n/i18n';
import { ChangeArrow } from './ChangeArrow';

/** Customers per tag with the change since the previous run (more high-risk customers is bad news). */
export function TagCounts({ tags }: { tags: readonly TagCount[] }) {
  const { t, lang } = useI18n();
  return (
    <section className="card" aria-labelledby="overview-tags">
      <h2 id="overview-tags">{t('overview.tags.title')}</h2>
      <ul className="insights-tag-list">
        {tags.map((tag) => (
          <li key={tag.tag} className={`insights-tag insights-tag-${tag.tag}`}>
            <span className="insights-tag-name">{pickName(tag.name, lang)}</span>
            <span className="insights-tag-count">{formatNumber(tag.customers, lang)}</span>
            <ChangeArrow
              change={tag.change}
              format={(v) => formatSigned(v, lang, 0)}
              better={tag.tag === 'high_potential' ? 'higher' : 'lower'}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
