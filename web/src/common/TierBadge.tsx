import type { TagName, Tier } from '../../../src/contracts/tiering/tiers';
import { useI18n } from '../i18n/i18n';
import { tagName, tierName } from './names';

/** A tier as a coloured badge with its name in the current language; null (excluded by the run) says so. */
export function TierBadge({ tier }: { tier: Tier | null }) {
  const { t, lang } = useI18n();
  if (tier === null) return <span className="tier-badge tier-none">{t('common.excluded')}</span>;
  return <span className={`tier-badge tier-${tier}`}>{tierName(tier, lang)}</span>;
}

/** Tags as small chips (nothing when there are none). */
export function TagChips({ tags }: { tags: readonly TagName[] }) {
  const { lang } = useI18n();
  if (tags.length === 0) return null;
  return (
    <span className="tag-chips">
      {tags.map((tag) => (
        <span key={tag} className={`tag-chip tag-${tag}`}>
          {tagName(tag, lang)}
        </span>
      ))}
    </span>
  );
}
