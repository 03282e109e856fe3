import type { FeatureName } from '../../../src/contracts/tiering/features';
import { MESSAGES, type MessageKey } from '../i18n/messages';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** The message of a key built from data (a customer type, an action kind…), or the raw value when unknown. */
function known(t: T, key: string, fallback: string): string {
  return key in MESSAGES['zh-CN'] ? t(key as MessageKey) : fallback;
}

/** single / chain. */
export const customerTypeName = (type: string, t: T) => known(t, `customers.type.${type}`, type);

/** monthly / weekly / prepaid. */
export const termsName = (terms: string, t: T) => known(t, `customer.terms.${terms}`, terms);

/** quota, min_score, inactive, hysteresis, override. */
export const tierReasonName = (reason: string, t: T) => known(t, `customer.reason.${reason}`, reason);

/** An action a run triggered: shorten_terms, coupon, tier_up… */
export const actionName = (action: string, t: T) => known(t, `customer.action.${action}`, action);

/** A feature of the catalogue (src/contracts/tiering/features.ts) by its name in the current language. */
export const featureName = (feature: FeatureName | string, t: T) =>
  known(t, `customer.feature.${feature}`, feature);
