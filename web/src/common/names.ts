import { RFM_SEGMENT_NAMES, type RfmSegment } from '../../../src/contracts/tiering/rfm-segments';
import { TAG_NAMES, TIER_NAMES, type TagName, type Tier } from '../../../src/contracts/tiering/tiers';
import type { Language } from '../i18n/messages';

/** The zh or en half of a two-language name from the contracts. */
export const pickName = (name: { readonly zh: string; readonly en: string }, lang: Language): string =>
  lang === 'en' ? name.en : name.zh;

export const tierName = (tier: Tier, lang: Language): string => pickName(TIER_NAMES[tier], lang);

export const tagName = (tag: TagName, lang: Language): string => pickName(TAG_NAMES[tag], lang);

/** An RFM segment's name, or the label as it came for a segment the contracts do not know. */
export const segmentName = (segment: string, lang: Language): string =>
  segment in RFM_SEGMENT_NAMES ? pickName(RFM_SEGMENT_NAMES[segment as RfmSegment], lang) : segment;
