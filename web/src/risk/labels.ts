import type { ActionStatus } from '../../../src/contracts/insights/risk';
import type { TriggeredActionKind } from '../../../src/contracts/tiering/actions';
import type { MessageKey } from '../i18n/messages';

type T = (key: MessageKey, vars?: Record<string, string | number>) => string;

/** An action kind a run triggers, in words. */
export const actionName = (action: TriggeredActionKind, t: T): string => t(`risk.action.${action}`);

export const statusName = (status: ActionStatus, t: T): string => t(`risk.status.${status}`);
