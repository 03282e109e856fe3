/** A randomisation unit of the population, the stratum it is randomised in, and its uniform draw in [0, 1). */
export interface UnitToAssign {
  readonly unitId: string;
  readonly stratum: string;
  /** Deterministic per unit (app/experiments/unit-hash: the hash of the salt and the unit id). */
  readonly draw: number;
}

/**
 * Stratified, deterministic assignment: within each stratum the units are put in the random order of their draws,
 * and each next unit goes to the variant furthest behind its share of the stratum so far (permuted blocks of any
 * size), so every stratum is balanced to within one unit per variant and the whole is reproducible from the draws.
 * Returns the variant index of every unit.
 */
export function assignUnits(units: readonly UnitToAssign[], weights: readonly number[]): Map<string, number> {
  const total = weights.reduce((a, b) => a + b, 0);
  if (weights.length < 2 || !(total > 0) || weights.some((w) => !(w > 0)))
    throw new RangeError('at least two variants with positive weights');
  const byStratum = new Map<string, { unitId: string; draw: number }[]>();
  for (const u of units) {
    const list = byStratum.get(u.stratum) ?? [];
    list.push({ unitId: u.unitId, draw: u.draw });
    byStratum.set(u.stratum, list);
  }
  const assigned = new Map<string, number>();
  for (const stratum of [...byStratum.keys()].sort()) {
    const list = byStratum.get(stratum)!;
    list.sort((a, b) => a.draw - b.draw || (a.unitId < b.unitId ? -1 : 1));
    const counts = weights.map(() => 0);
    // The first variant of a stratum is chosen by its first draw, so that small strata do not all favour arm 0.
    const offset = Math.floor((list[0]?.draw ?? 0) * weights.length);
    list.forEach(({ unitId }, i) => {
      let best = -1;
      let bestLag = -Infinity;
      for (let k = 0; k < weights.length; k++) {
        const v = (k + offset) % weights.length;
        const lag = ((i + 1) * weights[v]!) / total - counts[v]!;
        if (lag > bestLag + 1e-12) {
          best = v;
          bestLag = lag;
        }
      }
      counts[best]!++;
      assigned.set(unitId, best);
    });
  }
  return assigned;
}
