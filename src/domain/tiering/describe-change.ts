import { FEATURES, type FeatureName } from '../../contracts/tiering/features.js';
import { TIER_NAMES, TIERS, type Tier } from '../../contracts/tiering/tiers.js';

export interface TermChange {
  readonly feature: FeatureName;
  readonly before: number | null;
  readonly after: number | null;
  readonly contributionBefore: number;
  readonly contributionAfter: number;
}

export interface ChangeDescription {
  readonly en: string;
  readonly zh: string;
  /** The term whose contribution moved most in the direction of the change, if any. */
  readonly mainTerm: FeatureName | null;
}

const fmt = (x: number | null) => (x === null ? 'none' : Number.isInteger(x) ? String(x) : x.toFixed(1));

function movement(
  before: Tier | null,
  after: Tier | null,
): { en: string; zh: string; direction: -1 | 0 | 1 } {
  if (before === after)
    return {
      en: `stayed ${after ? TIER_NAMES[after].en : 'excluded'}`,
      zh: `保持${after ? TIER_NAMES[after].zh : '未分级'}`,
      direction: 0,
    };
  if (before === null || after === null)
    return {
      en: `${after ? `entered ${TIER_NAMES[after].en}` : `left ${TIER_NAMES[before!].en} (inactive)`}`,
      zh: `${after ? `进入${TIER_NAMES[after].zh}` : `离开${TIER_NAMES[before!].zh}（不活跃）`}`,
      direction: after ? 1 : -1,
    };
  const up = TIERS.indexOf(after) < TIERS.indexOf(before);
  return {
    en: `${up ? 'rose' : 'dropped'} from ${TIER_NAMES[before].en} to ${TIER_NAMES[after].en}`,
    zh: `由${TIER_NAMES[before].zh}${up ? '升至' : '降至'}${TIER_NAMES[after].zh}`,
    direction: up ? 1 : -1,
  };
}

/**
 * "dropped from Gold to Silver because frequency fell from 12 to 5 orders/month": the tier movement and the term
 * whose contribution to the score moved most in the same direction.
 */
export function describeChange(
  before: Tier | null,
  after: Tier | null,
  terms: readonly TermChange[],
): ChangeDescription {
  const move = movement(before, after);
  const sign = move.direction === 0 ? 1 : move.direction;
  const main = [...terms]
    .filter(
      (t) =>
        Math.sign(t.contributionAfter - t.contributionBefore) === sign &&
        t.contributionAfter !== t.contributionBefore,
    )
    .sort(
      (a, b) =>
        Math.abs(b.contributionAfter - b.contributionBefore) -
        Math.abs(a.contributionAfter - a.contributionBefore),
    )[0];
  if (!main || move.direction === 0) return { en: move.en, zh: move.zh, mainTerm: null };
  const rose = (main.after ?? 0) > (main.before ?? 0);
  const unit = FEATURES[main.feature].unit;
  return {
    en: `${move.en} because ${main.feature.replaceAll('_', ' ')} ${rose ? 'rose' : 'fell'} from ${fmt(main.before)} to ${fmt(main.after)} ${unit}`,
    zh: `${move.zh}，因为 ${main.feature} 由 ${fmt(main.before)} ${rose ? '升至' : '降至'} ${fmt(main.after)}（${unit}）`,
    mainTerm: main.feature,
  };
}
