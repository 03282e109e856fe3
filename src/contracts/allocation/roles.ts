/** What an account manager does: field sales, service (retention, phone), or key accounts (chains, Platinum). */
export const REP_ROLES = ['sales', 'service', 'key_account'] as const;
export type RepRole = (typeof REP_ROLES)[number];

export const SENIORITIES = ['junior', 'senior'] as const;
export type Seniority = (typeof SENIORITIES)[number];
