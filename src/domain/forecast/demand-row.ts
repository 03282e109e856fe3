/** Value and quantity of one week × category × city × tier, expected or observed. */
export interface DemandRow {
  /** 1 = the 7 days after the as-of date; 0 and below the weeks up to it. */
  readonly week: number;
  readonly category: string;
  readonly city: string;
  readonly tier: string;
  readonly value: number;
  readonly quantity: number;
}
