// Answers of /api/v1/configs… (schemas in src/api/routes/configs/schemas.ts, mirrored: the dashboard imports
// src/contracts only).

export interface ConfigVersionSummary {
  readonly version: number;
  readonly configHash: string;
  readonly comment: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly activatedAt: string | null;
  readonly active: boolean;
}

export interface ConfigVersion extends ConfigVersionSummary {
  readonly yaml: string;
}

export interface Validation {
  readonly valid: boolean;
  /** `key.path: message` for every problem. */
  readonly issues: readonly string[];
}

export interface PolicyTotals {
  readonly rebateCost: number;
  readonly discountCost: number;
  readonly creditExposure: number;
  readonly visitsPerMonth: number;
  readonly dedicatedManagers: number;
}

export interface Movement {
  readonly from: string;
  readonly to: string;
  readonly customers: number;
}

export interface WhatIf {
  readonly candidateVersion: number;
  readonly activeVersion: number;
  readonly asOf: string;
  readonly currentFrom: string;
  readonly customers: number;
  readonly moved: number;
  readonly migration: readonly Movement[];
  readonly examples: readonly {
    readonly customerId: string;
    readonly from: string | null;
    readonly to: string | null;
    readonly fromScore: number;
    readonly toScore: number;
  }[];
  readonly cost: {
    readonly current: PolicyTotals;
    readonly candidate: PolicyTotals;
    readonly change: PolicyTotals;
  };
}

export interface AuditEntry {
  readonly auditId: string;
  readonly at: string;
  readonly actor: string | null;
  readonly actorKind: string | null;
  readonly action: string;
  readonly target: string | null;
  readonly ip: string | null;
  readonly details: unknown;
}
