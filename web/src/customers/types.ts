import type { Policy } from '../../../src/contracts/tiering/config';
import type { FeatureName } from '../../../src/contracts/tiering/features';
import type { TagName, Tier } from '../../../src/contracts/tiering/tiers';

// The answers of GET /api/v1/customers and /customers/{id}. Their schemas live in src/app/customers and
// src/api/routes/customers, which the dashboard may not import (it depends on src/contracts only), so they are
// mirrored here field for field.

export interface Names {
  readonly zh: string;
  readonly en: string;
}

/** One customer of a run; contact fields come masked for callers without personal.read. */
export interface CustomerItem {
  readonly customerId: string;
  readonly name: string | null;
  readonly tier: Tier | null;
  readonly tierName: Names | null;
  readonly tierReason: string | null;
  readonly score: number | null;
  readonly rankPct: number | null;
  readonly segment: string | null;
  readonly tags: readonly TagName[];
  readonly city: string | null;
  readonly district: string | null;
  readonly type: string | null;
  readonly cuisine: string | null;
  readonly chainId: string | null;
  /** Net purchases in the long window, yuan. */
  readonly monetary: number | null;
  readonly recencyDays: number | null;
  /** Orders per month. */
  readonly frequency: number | null;
  readonly contact: {
    readonly name: string | null;
    readonly phone: string | null;
    readonly address: string | null;
  };
  readonly owner: { readonly repId: string; readonly repName: string | null; readonly team: string } | null;
  readonly policy: Policy | null;
}

export interface CustomerPage {
  readonly runId: string;
  readonly asOf: string;
  readonly items: readonly CustomerItem[];
  readonly nextCursor: string | null;
}

export interface Contribution {
  readonly term: string;
  readonly feature: FeatureName;
  readonly value: number | null;
  readonly normalized: number;
  readonly weight: number;
  readonly contribution: number;
  readonly change: number | null;
}

export interface Boundary {
  readonly tier: Tier;
  readonly minScore: number;
  readonly maxScore: number;
}

/** `stratum explain --json`. */
export interface Explanation {
  readonly customerId: string;
  readonly mergedFrom: string | null;
  readonly runId: string;
  readonly asOf: string;
  readonly name: string | null;
  readonly tier: Tier | null;
  readonly tierReason: string | null;
  readonly score: number | null;
  readonly rankPct: number | null;
  readonly segment: string | null;
  readonly model: string;
  /** The pilot whose configuration tiered the customer; null: national. */
  readonly pilot: string | null;
  readonly contributions: readonly Contribution[];
  readonly boundaries: readonly Boundary[];
  readonly tags: readonly { readonly tag: TagName; readonly reason: string; readonly reasonZh: string }[];
  readonly policy: Policy | null;
  readonly actions: readonly string[];
  readonly previous: {
    readonly runId: string;
    readonly tier: Tier | null;
    readonly score: number | null;
  } | null;
  readonly change: { readonly en: string; readonly zh: string; readonly mainTerm: FeatureName | null } | null;
}

export interface HistoryEntry {
  /** A batch run, or a change the event stream made between runs (against the cut-offs of run `runId`). */
  readonly source: 'run' | 'stream';
  readonly runId: string;
  /** The day the features are as of. */
  readonly asOf: string;
  readonly tier: Tier | null;
  readonly tierName: Names | null;
  readonly tierReason: string | null;
  readonly score: number | null;
  readonly tags: readonly TagName[];
  /** The event that caused a stream change; null for a run. */
  readonly causeEventId: string | null;
  /** When the run finished or the stream decided (ISO 8601). */
  readonly at: string;
}

/** The event stream's latest decision about the customer since the shown run. */
export interface LiveDecision {
  readonly tier: Tier | null;
  readonly tierName: Names | null;
  readonly tierReason: string | null;
  readonly score: number | null;
  readonly tags: readonly TagName[];
  readonly asOf: string;
  readonly decidedAt: string;
  readonly causeEventId: string;
}

export interface CustomerDetail {
  readonly runId: string;
  readonly asOf: string;
  readonly mergedFrom: string | null;
  readonly customer: CustomerItem;
  readonly tags: readonly { readonly tag: TagName; readonly name: Names; readonly reason: Names }[];
  readonly explanation: Explanation;
  /** Newest first. */
  readonly history: readonly HistoryEntry[];
  /** Null when the stream has not decided about the customer since this run, or an older run is shown. */
  readonly live: LiveDecision | null;
  /** The last 12 months, oldest first. */
  readonly series: readonly MonthPoint[];
}

export interface MonthPoint {
  readonly month: string;
  readonly orders: number;
  readonly netPurchases: number;
  readonly invoiced: number;
  readonly paid: number;
  readonly overdue: number;
}
