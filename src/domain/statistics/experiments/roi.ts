export interface ExperimentRoi {
  /** Effect per unit × treated units. */
  readonly incrementalMargin: number;
  readonly policyCost: number;
  /** incrementalMargin − policyCost. */
  readonly net: number;
  /** Interval of `net`, from the interval of the effect (the cost is known, so it only shifts the interval). */
  readonly ciLow: number;
  readonly ciHigh: number;
}

/**
 * What a variant earned: the effect on margin per treated unit scaled to every treated unit, less what the policy
 * cost (rebates, visits). Scaling by a known count maps the effect's interval endpoints to the total's. Amounts come
 * back unrounded, in the unit of the inputs (yuan).
 */
export function experimentRoi(
  effectOnMargin: { readonly estimate: number; readonly ciLow: number; readonly ciHigh: number },
  treatedUnits: number,
  policyCost: number,
): ExperimentRoi {
  if (!(treatedUnits >= 0 && Number.isFinite(treatedUnits)))
    throw new RangeError(`treated units must be a non-negative count, got ${treatedUnits}`);
  if (!Number.isFinite(policyCost)) throw new RangeError(`policy cost must be finite, got ${policyCost}`);
  const incrementalMargin = effectOnMargin.estimate * treatedUnits;
  return {
    incrementalMargin,
    policyCost,
    net: incrementalMargin - policyCost,
    ciLow: effectOnMargin.ciLow * treatedUnits - policyCost,
    ciHigh: effectOnMargin.ciHigh * treatedUnits - policyCost,
  };
}
