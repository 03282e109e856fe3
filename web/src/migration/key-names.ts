import { TIER_NAMES, TIERS, type Tier } from '../../../src/contracts/tiering/tiers';
import { pickName } from '../common/names';
import type { Language, MessageKey } from '../i18n/messages';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** A key of the migration matrix in words: a tier's name, or new / gone / excluded. */
export function keyName(key: string, lang: Language, t: T): string {
  if ((TIERS as readonly string[]).includes(key)) return pickName(TIER_NAMES[key as Tier], lang);
  if (key === 'new' || key === 'gone' || key === 'excluded') return t(`migration.key.${key}`);
  return key;
}
