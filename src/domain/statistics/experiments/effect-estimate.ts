/** A difference between a treatment and a control arm, with its interval and two-sided test. */
export interface EffectEstimate {
  /** Treatment mean − control mean (or the regression coefficient of treatment). */
  readonly estimate: number;
  readonly standardError: number;
  /** Degrees of freedom of the t distribution behind the interval and the p-value. */
  readonly df: number;
  /** At the requested confidence (default 0.95). */
  readonly ciLow: number;
  readonly ciHigh: number;
  /** Two-sided. */
  readonly pValue: number;
  readonly n: { readonly control: number; readonly treatment: number };
  readonly means: { readonly control: number; readonly treatment: number };
}
