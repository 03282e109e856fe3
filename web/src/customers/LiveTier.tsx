import type { TagName } from '../../../src/contracts/tiering/tiers';
import { formatDateTime } from '../common/format';
import { TagChips, TierBadge } from '../common/TierBadge';
import { useI18n } from '../i18n/i18n';
import type { CustomerItem, LiveDecision } from './types';

/** Marks what the event stream decided between runs. */
export function LiveLabel() {
  const { t } = useI18n();
  return <span className="live-label">{t('customer.live.label')}</span>;
}

const sameTags = (a: readonly TagName[], b: readonly TagName[]) =>
  a.length === b.length && a.every((tag) => b.includes(tag));

/**
 * The customer's current tier and tags when the event stream changed them after the shown run, with when and
 * which event caused it; nothing when the stream has not decided since, or decided what the run had.
 */
export function LiveTier({ customer, live }: { customer: CustomerItem; live: LiveDecision | null }) {
  const { t } = useI18n();
  if (!live || (live.tier === customer.tier && sameTags(live.tags, customer.tags))) return null;
  return (
    <p className="notice live-tier" role="note">
      <LiveLabel />
      <span>{t('customer.live.now')}</span>
      <TierBadge tier={live.tier} />
      <TagChips tags={live.tags} />
      <span>
        {t('customer.live.since', { at: formatDateTime(live.decidedAt), event: live.causeEventId })}
      </span>
    </p>
  );
}
